// The query bar: filter JSON validated as typed with messages naming the key and operator, Apply only
// when valid, time-range presets, and saved views that survive a restart (and damaged settings).
#include <models/FilterState.h>
#include <models/SavedViewCodec.h>
#include <settings/Settings.h>
#include <views/QueryBar.h>

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace memscope::ui;
using nlohmann::json;

class TestQueryBar : public QObject {
    Q_OBJECT

private slots:
    void init();
    void validation_data();
    void validation();
    void validFilterReachesState();
    void rangePresets_data();
    void rangePresets();
    void savedViewsRoundTrip();
    void damagedSavedViewIsIgnored();
    void searchTextAfterEnter();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<FilterState> m_filters;
    std::unique_ptr<QueryBar> m_bar;
};

void TestQueryBar::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<Settings>(
        std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
    m_filters = std::make_unique<FilterState>();
    m_bar = std::make_unique<QueryBar>(m_filters.get(), m_settings.get());
}

void TestQueryBar::validation_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("messagePart"); // empty: valid
    QTest::addRow("empty") << ""
                           << "";
    QTest::addRow("valid") << "{\"task_type\": \"sql_query_debug\"}"
                           << "";
    QTest::addRow("bad json") << "{\"task_type\": }"
                              << "line 1, column";
    QTest::addRow("second line") << "{\n  \"a\": 1,\n  oops\n}"
                                 << "line 3";
    QTest::addRow("not an object") << "[1, 2]"
                                   << "JSON object";
    QTest::addRow("bad operator") << "{\"task_type\": {\"like\": \"x\"}}"
                                  << "like";
    QTest::addRow("bad time") << "{\"created_at\": {\"gt\": true}}"
                              << "created_at";
}

void TestQueryBar::validation()
{
    QFETCH(QString, text);
    QFETCH(QString, messagePart);
    m_bar->filterEditor()->setPlainText(text);
    if (messagePart.isEmpty()) {
        QVERIFY2(m_bar->validationMessage().isEmpty(), qPrintable(m_bar->validationMessage()));
        QVERIFY(m_bar->applyButton()->isEnabled());
    } else {
        QVERIFY2(m_bar->validationMessage().contains(messagePart), qPrintable(m_bar->validationMessage()));
        QVERIFY(!m_bar->applyButton()->isEnabled());
    }
}

void TestQueryBar::validFilterReachesState()
{
    QSignalSpy changed(m_filters.get(), &FilterState::changed);
    m_bar->filterEditor()->setPlainText(QStringLiteral("{\"outcome_type\": {\"in\": [\"failure\"]}}"));
    QTest::mouseClick(m_bar->applyButton(), Qt::LeftButton);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(QString::fromStdString(m_filters->advancedFilter().dump()),
             QStringLiteral("{\"outcome_type\":{\"in\":[\"failure\"]}}"));
}

void TestQueryBar::rangePresets_data()
{
    QTest::addColumn<int>("range");
    QTest::addColumn<QDateTime>("expectedFrom");
    const QDateTime now(QDate(2026, 6, 15), QTime(12, 0));
    QTest::addRow("all") << int(QueryBar::AllTime) << QDateTime();
    QTest::addRow("24h") << int(QueryBar::Last24Hours) << now.addDays(-1);
    QTest::addRow("7d") << int(QueryBar::Last7Days) << now.addDays(-7);
    QTest::addRow("90d") << int(QueryBar::Last90Days) << now.addDays(-90);
    QTest::addRow("year") << int(QueryBar::ThisYear) << QDateTime(QDate(2026, 1, 1), QTime(0, 0));
}

void TestQueryBar::rangePresets()
{
    QFETCH(int, range);
    QFETCH(QDateTime, expectedFrom);
    m_bar->selectRange(static_cast<QueryBar::Range>(range), QDateTime(QDate(2026, 6, 15), QTime(12, 0)));
    QCOMPARE(m_filters->from(), expectedFrom);
    QVERIFY(!m_filters->to().isValid());
    const bool hasTime = m_filters->filter().dump().find("created_at") != std::string::npos;
    QCOMPARE(hasTime, expectedFrom.isValid());
}

void TestQueryBar::savedViewsRoundTrip()
{
    m_filters->toggle(QStringLiteral("task_type"), QStringLiteral("report_generation"));
    m_filters->setText(QStringLiteral("late report"));
    m_filters->setAdvancedFilter(json{{"severity", "high"}});
    m_bar->saveView(QStringLiteral("Late reports"));
    const json before = m_filters->filter();
    m_filters->restore({}, json::object(), {}, {}, {});
    QVERIFY(m_filters->isEmpty());
    // A new bar over the same settings file (a restart) still knows the view.
    m_settings = std::make_unique<Settings>(
        std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
    QueryBar again(m_filters.get(), m_settings.get());
    QVERIFY(again.viewsBox()->findText(QStringLiteral("Late reports")) > 0);
    QVERIFY(again.applyView(QStringLiteral("Late reports")));
    QCOMPARE(m_filters->text(), QStringLiteral("late report"));
    QCOMPARE(QString::fromStdString(m_filters->filter().dump()), QString::fromStdString(before.dump()));
    again.deleteView(QStringLiteral("Late reports"));
    QCOMPARE(again.viewsBox()->findText(QStringLiteral("Late reports")), -1);
}

void TestQueryBar::damagedSavedViewIsIgnored()
{
    QVERIFY(!SavedViewCodec::decode("not json"));
    QVERIFY(!SavedViewCodec::decode("{\"facets\": {\"task_type\": 3}}"));
    QVERIFY(!SavedViewCodec::decode("{\"advanced\": {\"x\": {\"bogus\": 1}}}"));
    m_settings->setSavedViews({SavedView{QStringLiteral("broken"), "garbage"}});
    QueryBar bar(m_filters.get(), m_settings.get());
    QVERIFY(!bar.applyView(QStringLiteral("broken")));
    QVERIFY(m_filters->isEmpty());
}

void TestQueryBar::searchTextAfterEnter()
{
    QTest::keyClicks(m_bar->searchField(), QStringLiteral("timeout"));
    QTest::keyClick(m_bar->searchField(), Qt::Key_Return);
    QCOMPARE(m_filters->text(), QStringLiteral("timeout"));
    QTest::keyClick(m_bar->searchField(), Qt::Key_Escape);
    QCOMPARE(m_filters->text(), QString());
}

QTEST_MAIN(TestQueryBar)
#include "tst_querybar.moc"
