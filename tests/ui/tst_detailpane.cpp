// The detail pane: user text shown literally, history and neighbours under QAbstractItemModelTester,
// changes by another process picked up, revert asked for the right history row.
#include "UiTestSupport.h"

#include <models/HistoryModel.h>
#include <models/NeighbourModel.h>
#include <storage/MemoryStore.h>
#include <views/DetailPane.h>

#include <QAbstractItemModelTester>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>

using namespace memscope;
using namespace memscope::ui;
using namespace memscope::test;
using nlohmann::json;

class TestDetailPane : public QObject {
    Q_OBJECT

private slots:
    void init();
    void showsMarkupLiterally();
    void followsExternalChanges();
    void revertAsksForTheRow();
    void neighboursFlagDuplicatesAndConflicts();
    void missingRecordSaysSo();

private:
    bool settled(DetailPane& pane)
    {
        return QTest::qWaitFor([&] { return !pane.isLoading(); }, 20000);
    }
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::string m_htmlId, m_plainId, m_dupId, m_conflictId;
};

void TestDetailPane::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("detail.db"));
    auto store = MemoryStore::open(m_path.toStdString());
    m_htmlId =
        store->add(TestStore::outcome("<b>bold</b> <script>alert(1)</script> &amp; keep", "success", "web_research"))
            .id;
    m_plainId =
        store
            ->add(TestStore::outcome("Retry the postgres connection with a longer timeout after the SSL upgrade",
                                     "success", "sql_query_debug"))
            .id;
    m_dupId = store
                  ->add(TestStore::outcome("Retry the postgres connection with a longer timeout after the SSL upgrade.",
                                           "success", "sql_query_debug", "sql_runner", "alice"))
                  .id;
    m_conflictId = store
                       ->add(TestStore::outcome("Retrying the postgres connection with a longer timeout after the SSL "
                                                "upgrade did not help",
                                                "failure", "sql_query_debug"))
                       .id;
    store->add(TestStore::outcome("Weekly KPI report sent on time", "success", "report_generation"));
}

void TestDetailPane::showsMarkupLiterally()
{
    StoreSession session;
    QVERIFY(openSession(session, m_path));
    DetailPane pane(&session);
    pane.show();
    pane.showRecord(QString::fromStdString(m_htmlId));
    QVERIFY(settled(pane));
    QCOMPARE(pane.lessonView()->toPlainText(), QStringLiteral("<b>bold</b> <script>alert(1)</script> &amp; keep"));
    QCOMPARE(pane.headline(), QStringLiteral("Success"));
}

void TestDetailPane::followsExternalChanges()
{
    StoreSession session;
    session.setPollInterval(50);
    QVERIFY(openSession(session, m_path));
    DetailPane pane(&session);
    QAbstractItemModelTester tester(pane.historyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    pane.showRecord(QString::fromStdString(m_plainId));
    QVERIFY(settled(pane));
    QCOMPARE(pane.historyModel()->rowCount(), 1);

    // The CLI (another connection) relabels it: the pane shows the new outcome and the history row.
    auto other = MemoryStore::open(m_path.toStdString());
    ChangeContext context;
    context.reason = "checked by hand";
    other->relabel({m_plainId}, OutcomeType::Partial, context);
    QTRY_COMPARE_WITH_TIMEOUT(pane.headline(), QStringLiteral("Partial"), 10000);
    QTRY_COMPARE(pane.historyModel()->rowCount(), 2);
    const auto changed = pane.historyModel()->index(0, HistoryModel::ChangeColumn).data().toString();
    QCOMPARE(changed, QStringLiteral("outcome_type: success → partial"));
    QCOMPARE(pane.historyModel()->index(0, HistoryModel::ReasonColumn).data().toString(),
             QStringLiteral("checked by hand"));
}

void TestDetailPane::revertAsksForTheRow()
{
    auto store = MemoryStore::open(m_path.toStdString());
    store->relabel({m_plainId}, OutcomeType::Failure);
    const auto expected = store->history(m_plainId).back().id;
    store.reset();
    StoreSession session;
    QVERIFY(openSession(session, m_path));
    DetailPane pane(&session);
    pane.show();
    pane.showRecord(QString::fromStdString(m_plainId));
    QVERIFY(settled(pane));
    QSignalSpy asked(&pane, &DetailPane::revertRequested);
    // The ADD row cannot be reverted from here; the relabel row can.
    pane.historyView()->setCurrentIndex(pane.historyModel()->index(1, 0));
    QVERIFY(!pane.revertButton()->isEnabled());
    pane.historyView()->setCurrentIndex(pane.historyModel()->index(0, 0));
    QVERIFY(pane.revertButton()->isEnabled());
    QTest::mouseClick(pane.revertButton(), Qt::LeftButton);
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.first().first().toLongLong(), expected);
}

void TestDetailPane::neighboursFlagDuplicatesAndConflicts()
{
    StoreSession session;
    QVERIFY(openSession(session, m_path));
    DetailPane pane(&session);
    QAbstractItemModelTester tester(pane.neighbourModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    pane.showRecord(QString::fromStdString(m_plainId));
    QVERIFY(settled(pane));
    auto* model = pane.neighbourModel();
    QVERIFY(model->rowCount() >= 2);
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY(model->recordId(row) != QString::fromStdString(m_plainId));
    QCOMPARE(model->recordId(0), QString::fromStdString(m_dupId));
    QCOMPARE(model->flag(0), NeighbourModel::Flag::Duplicate);
    bool conflictFound = false;
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->recordId(row) == QString::fromStdString(m_conflictId))
            conflictFound = model->flag(row) == NeighbourModel::Flag::Conflict;
    if (!conflictFound)
        for (int row = 0; row < model->rowCount(); ++row)
            qWarning() << model->recordId(row) << model->index(row, 0).data() << int(model->flag(row));
    QVERIFY(conflictFound);
}

void TestDetailPane::missingRecordSaysSo()
{
    StoreSession session;
    QVERIFY(openSession(session, m_path));
    DetailPane pane(&session);
    pane.showRecord(QStringLiteral("00000000-0000-0000-0000-000000000000"));
    QVERIFY(settled(pane));
    QCOMPARE(pane.headline(), QStringLiteral("This record is no longer in the store."));
}

QTEST_MAIN(TestDetailPane)
#include "tst_detailpane.moc"
