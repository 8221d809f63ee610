// Archive Stale Lessons: the rule becomes the filter shown, the preview counts exactly the records the
// filter selects, versions compare naturally, and applying archives those records in one undoable step.
#include "UiTestSupport.h"

#include <curation/CurationController.h>
#include <dialogs/ArchiveStaleDialog.h>
#include <models/RecordTableModel.h>
#include <storage/MemoryStore.h>

#include <QCheckBox>
#include <QComboBox>
#include <QPushButton>
#include <QSpinBox>
#include <QUndoStack>

using namespace memscope;
using namespace memscope::ui;
using namespace memscope::test;
using nlohmann::json;

class TestArchiveStaleDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void versionsBefore_data();
    void versionsBefore();
    void ruleToFilter();
    void previewCountsExactly_data();
    void previewCountsExactly();
    void applyIsOneUndoableStep();

private:
    bool settled(ArchiveStaleDialog& dialog)
    {
        return QTest::qWaitFor(
            [&] {
                return !dialog.isPreviewing() && dialog.matchCount() >= 0 &&
                       dialog.preview()->rowCount() == dialog.matchCount();
            },
            20000);
    }
    QTemporaryDir m_dir;
    QString m_path;
};

void TestArchiveStaleDialog::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("stale.db"));
    QCOMPARE(writeDemo(m_path.toStdString(), 2000), std::int64_t(2000));
}

void TestArchiveStaleDialog::versionsBefore_data()
{
    QTest::addColumn<QStringList>("versions");
    QTest::addColumn<QString>("before");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("natural order") << QStringList{"v1.10", "v1.2", "v1.9"} << "v1.10" << QStringList{"v1.2", "v1.9"};
    QTest::addRow("first has none") << QStringList{"v1.0", "v1.1"} << "v1.0" << QStringList{};
    QTest::addRow("semver") << QStringList{"1.2.0", "1.10.0", "1.2.10"} << "1.3" << QStringList{"1.2.0", "1.2.10"};
}

void TestArchiveStaleDialog::versionsBefore()
{
    QFETCH(QStringList, versions);
    QFETCH(QString, before);
    QFETCH(QStringList, expected);
    QCOMPARE(StaleRule::versionsBefore(versions, before), expected);
}

void TestArchiveStaleDialog::ruleToFilter()
{
    StaleRule rule;
    rule.olderThanDays = 30;
    rule.versionBefore = QStringLiteral("v1.2");
    rule.knownVersions = {QStringLiteral("v1.0"), QStringLiteral("v1.1"), QStringLiteral("v1.2")};
    rule.outcomes = {QStringLiteral("failure")};
    rule.taskType = QStringLiteral("sql_query_debug");
    const auto now = QDateTime(QDate(2026, 3, 31), QTime(12, 0), Qt::UTC);
    const json expected = {
        {"AND", json::array({json{{"state", "active"}}, json{{"created_at", {{"lt", "2026-03-01T12:00:00Z"}}}},
                             json{{"version", {{"in", {"v1.0", "v1.1"}}}}},
                             json{{"outcome_type", {{"in", {"failure"}}}}}, json{{"task_type", "sql_query_debug"}}})}};
    JSON_COMPARE(rule.filter(now), expected);
    // No version before the first one: nothing matches (never "everything").
    rule.versionBefore = QStringLiteral("v1.0");
    StaleRule onlyVersion;
    onlyVersion.versionBefore = QStringLiteral("v1.0");
    onlyVersion.knownVersions = rule.knownVersions;
    auto store = MemoryStore::open(m_path.toStdString());
    QCOMPARE(store->count(onlyVersion.filter()), std::int64_t(0));
}

void TestArchiveStaleDialog::previewCountsExactly_data()
{
    QTest::addColumn<int>("days");
    QTest::addColumn<int>("versionIndex"); // in the version box, 0 = any
    QTest::addRow("older than 90 days") << 90 << 0;
    QTest::addRow("older than 10 days") << 10 << 0;
    QTest::addRow("before the third version") << 0 << 3;
}

void TestArchiveStaleDialog::previewCountsExactly()
{
    QFETCH(int, days);
    QFETCH(int, versionIndex);
    StoreSession session;
    QVERIFY(openSession(session, m_path));
    CurationController curation(&session);
    ArchiveStaleDialog dialog(&session, &curation);
    QTRY_VERIFY(dialog.versionBox()->count() > 3);
    dialog.olderCheck()->setChecked(days > 0);
    if (days > 0)
        dialog.olderDays()->setValue(days);
    dialog.versionBox()->setCurrentIndex(versionIndex);
    QVERIFY(settled(dialog));
    const auto expected = session.uiStore().count(dialog.filter());
    QCOMPARE(dialog.matchCount(), expected);
    QCOMPARE(dialog.preview()->rowCount(), int(expected));
    QCOMPARE(dialog.archiveButton()->isEnabled(), expected > 0);
}

void TestArchiveStaleDialog::applyIsOneUndoableStep()
{
    StoreSession session;
    QVERIFY(openSession(session, m_path));
    CurationController curation(&session);
    ArchiveStaleDialog dialog(&session, &curation);
    dialog.olderDays()->setValue(120);
    QVERIFY(settled(dialog));
    const auto matched = dialog.matchCount();
    QVERIFY(matched > 0);
    const json filter = dialog.filter();
    const auto activeBefore = session.uiStore().count(json{{"state", "active"}});
    dialog.applyRule();
    QVERIFY(QTest::qWaitFor([&] { return !curation.isBusy(); }, 20000));
    QCOMPARE(session.uiStore().count(filter), std::int64_t(0));
    QCOMPARE(session.uiStore().count(json{{"state", "archived"}}), matched);
    QCOMPARE(curation.undoStack()->count(), 1);
    curation.undoStack()->undo();
    QVERIFY(QTest::qWaitFor([&] { return !curation.isBusy(); }, 20000));
    QCOMPARE(session.uiStore().count(json{{"state", "active"}}), activeBefore);
}

QTEST_MAIN(TestArchiveStaleDialog)
#include "tst_archivestaledialog.moc"
