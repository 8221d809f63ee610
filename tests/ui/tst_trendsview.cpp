// The Trends view on a demo store: its totals equal independent counts over the records, the breakdown
// model passes QAbstractItemModelTester, a real click on a bar and a double-click on a table cell open
// exactly those records, the view follows the filters, and charts and data export to PNG, SVG and CSV.
#include "MainWindowFixture.h"

#include <models/BreakdownModel.h>
#include <models/FilterState.h>
#include <models/RecordTableModel.h>
#include <storage/MemoryStore.h>
#include <views/RecordsView.h>
#include <views/TrendsView.h>
#include <widgets/ErrorBanner.h>

#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QLabel>
#include <QStackedBarSeries>
#include <QTabWidget>
#include <QTableView>

using namespace memscope;
using namespace memscope::ui;
using namespace memscope::test;
using nlohmann::json;

namespace {

struct TrendsFixture {
    explicit TrendsFixture(const QString& path)
        : view(&session, &filters)
    {
        opened = openSession(session, path);
        view.resize(1200, 800);
        view.show();
    }
    bool settled()
    {
        return QTest::qWaitFor([&] { return view.snapshot().has_value() && !view.isLoading(); }, 20000);
    }
    StoreSession session;
    FilterState filters;
    TrendsView view;
    bool opened = false;
};

} // namespace

class TestTrendsView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void totalsMatchIndependentCounts_data();
    void totalsMatchIndependentCounts();
    void breakdownModelIsSound();
    void followsTheFilters();
    void clickOnABarOpensItsRecords();
    void doubleClickOnACellShowsItsRecords();
    void exportsChartsAndData_data();
    void exportsChartsAndData();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestTrendsView::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("trends.db"));
    QCOMPARE(writeDemo(m_path.toStdString(), 3000), std::int64_t(3000));
}

void TestTrendsView::totalsMatchIndependentCounts_data()
{
    QTest::addColumn<int>("bucket");
    QTest::addColumn<int>("series");
    QTest::addRow("week, by version") << int(TrendBucket::Week) << int(TrendDimension::Version);
    QTest::addRow("day, by tool") << int(TrendBucket::Day) << int(TrendDimension::ToolName);
    QTest::addRow("month, no series") << int(TrendBucket::Month) << int(TrendDimension::None);
    QTest::addRow("month, by task type") << int(TrendBucket::Month) << int(TrendDimension::TaskType);
}

void TestTrendsView::totalsMatchIndependentCounts()
{
    QFETCH(int, bucket);
    QFETCH(int, series);
    TrendsFixture f(m_path);
    QVERIFY(f.opened);
    f.view.setBucket(TrendBucket(bucket));
    f.view.setSeries(TrendDimension(series));
    QVERIFY(f.settled());
    QTRY_VERIFY(f.view.snapshot()->overall.bucket == TrendBucket(bucket) && !f.view.isLoading());
    const auto& s = *f.view.snapshot();
    // Independent: the store's own filtered count over memories, not the roll-up.
    MemoryStore& store = f.session.uiStore();
    const auto count = [&](const char* outcome) {
        return store.count(json{{"state", "active"}, {"outcome_type", outcome}});
    };
    QCOMPARE(s.overall.total.success, count("success"));
    QCOMPARE(s.overall.total.failure, count("failure"));
    QCOMPARE(s.overall.total.partial, count("partial"));
    QCOMPARE(s.overall.total.total(), store.count(json{{"state", "active"}}));
    // Every bucket's bars add up to the total.
    OutcomeCounts sum;
    for (const auto& p : s.overall.lines.front().points)
        sum += p;
    QCOMPARE(sum.total(), s.overall.total.total());
    QCOMPARE(s.bySeries.has_value(), TrendDimension(series) != TrendDimension::None);
    if (s.bySeries) {
        std::int64_t lines = 0;
        for (const auto& l : s.bySeries->lines)
            lines += l.total.total();
        QCOMPARE(lines, s.overall.total.total());
    }
    QVERIFY(f.view.rateChart()->isVisible() == s.bySeries.has_value());
    // The outcome chart holds one bar per bucket in each of the four stacks.
    auto* bars = qobject_cast<QStackedBarSeries*>(f.view.outcomeChart()->chart()->series().value(0));
    QVERIFY(bars);
    QCOMPARE(bars->barSets().size(), 4);
    QCOMPARE(bars->barSets().front()->count(), int(s.overall.buckets.size()));
}

void TestTrendsView::breakdownModelIsSound()
{
    TrendsFixture f(m_path);
    QVERIFY(f.opened);
    QAbstractItemModelTester tester(f.view.breakdownModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(f.settled());
    f.view.setBreakdownColumns(TrendDimension::Version);
    QTRY_VERIFY(!f.view.isLoading() && f.view.snapshot()->breakdown.columns == TrendDimension::Version);
    BreakdownModel* model = f.view.breakdownModel();
    QVERIFY(model->rowCount() > 1 && model->columnCount() > 1);
    // The corner is everything; each row total is its task type's count.
    const QModelIndex corner = model->index(model->rowCount() - 1, model->columnCount() - 1);
    QCOMPARE(model->headerData(model->rowCount() - 1, Qt::Vertical).toString(), QStringLiteral("All"));
    MemoryStore& store = f.session.uiStore();
    QCOMPARE(store.count(json::parse(corner.data(BreakdownModel::DrillFilterRole).toString().toStdString())),
             store.count(json{{"state", "active"}}));
    for (int row = 0; row + 1 < model->rowCount(); ++row) {
        const QString task = model->headerData(row, Qt::Vertical).toString();
        const QModelIndex total = model->index(row, model->columnCount() - 1);
        const auto n = store.count(json{{"state", "active"}, {"task_type", task.toStdString()}});
        QCOMPARE(store.count(json::parse(total.data(BreakdownModel::DrillFilterRole).toString().toStdString())), n);
        QVERIFY2(total.data().toString().contains(QLatin1Char('%')), qPrintable(total.data().toString()));
    }
    // Small samples are paler than large ones at the same rate.
    QVERIFY(BreakdownModel::heatColor(0.8, 3).alphaF() < BreakdownModel::heatColor(0.8, 300).alphaF());
}

void TestTrendsView::followsTheFilters()
{
    TrendsFixture f(m_path);
    QVERIFY(f.opened);
    QVERIFY(f.settled());
    const auto all = f.view.snapshot()->overall.total.total();
    f.filters.toggle(QStringLiteral("task_type"), QStringLiteral("sql_query_debug"));
    const auto expected = f.session.uiStore().count(json{{"state", "active"}, {"task_type", "sql_query_debug"}});
    QVERIFY(expected > 0 && expected < all);
    QTRY_COMPARE(f.view.snapshot()->overall.total.total(), expected);
    QVERIFY(f.view.findChild<QLabel*>(QStringLiteral("trendSummary"))->text().contains(QLocale().toString(expected)));
}

void TestTrendsView::clickOnABarOpensItsRecords()
{
    TrendsFixture f(m_path);
    QVERIFY(f.opened);
    f.view.setSeries(TrendDimension::None);
    f.view.setBucket(TrendBucket::Month);
    QVERIFY(f.settled());
    QTRY_VERIFY(!f.view.isLoading() && f.view.snapshot()->overall.bucket == TrendBucket::Month);
    QTest::qWait(200); // the charts are laid out for the view's width
    QChartView* chartView = f.view.outcomeChart();
    auto* bars = qobject_cast<QStackedBarSeries*>(chartView->chart()->series().value(0));
    QVERIFY(bars);
    // The month with the most failures; click the middle of its failure block.
    const auto& points = f.view.snapshot()->overall.lines.front().points;
    int bucket = 0;
    for (int i = 0; i < int(points.size()); ++i)
        if (points[std::size_t(i)].failure > points[std::size_t(bucket)].failure)
            bucket = i;
    const auto& c = points[std::size_t(bucket)];
    QVERIFY(c.failure > 0);
    const double middle = double(c.success + c.partial) + double(c.failure) / 2.0; // stacks: success, partial, failure
    const QPointF inChart = chartView->chart()->mapToPosition(QPointF(bucket, middle), bars);
    const QPoint at = chartView->mapFromScene(chartView->chart()->mapToScene(inChart));
    QSignalSpy drill(&f.view, &TrendsView::drillDownRequested);
    QTest::mouseClick(chartView->viewport(), Qt::LeftButton, {}, at);
    QTRY_COMPARE(drill.count(), 1);
    const json filter = drill.first().first().value<json>();
    QCOMPARE(f.session.uiStore().count(filter), c.failure);
    QVERIFY(drill.first().at(1).toString().contains(QStringLiteral("Failure")));
}

void TestTrendsView::doubleClickOnACellShowsItsRecords()
{
    QTemporaryDir dir;
    MainWindowFixture w(dir.path());
    w.window.openDatabase(m_path);
    QVERIFY(w.idle());
    QVERIFY(w.window.showView(QStringLiteral("trends")));
    TrendsView* trends = w.window.trendsView();
    QTRY_VERIFY_WITH_TIMEOUT(trends->snapshot().has_value() && !trends->isLoading(), 20000);
    QTableView* table = trends->breakdownTable();
    const QModelIndex cell = trends->breakdownModel()->index(0, 0);
    const auto expected =
        w.session.uiStore().count(json::parse(cell.data(BreakdownModel::DrillFilterRole).toString().toStdString()));
    QVERIFY(expected > 0);
    table->scrollTo(cell);
    const QPoint centre = table->visualRect(cell).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre);
    QTRY_VERIFY(w.window.recordsView()->isVisible());
    QVERIFY(w.idle());
    QTRY_COMPARE(w.window.recordsView()->model()->rowCount(), int(expected));
}

void TestTrendsView::exportsChartsAndData_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("starts");
    QTest::addRow("png") << "trends.png" << QByteArray("\x89PNG");
    QTest::addRow("svg") << "trends.svg" << QByteArray("<?xml");
    QTest::addRow("trend csv") << "trend.csv" << QByteArray("bucket_start,bucket_end,version,success");
    QTest::addRow("table csv") << "table.csv" << QByteArray("task_type,tool_name,success");
}

void TestTrendsView::exportsChartsAndData()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, starts);
    TrendsFixture f(m_path);
    QVERIFY(f.opened);
    QVERIFY(f.settled());
    QTemporaryDir out;
    const QString path = out.filePath(name);
    bool ok = false;
    if (name.startsWith(QLatin1String("trends.")))
        ok = f.view.exportCharts(path);
    else if (name == QLatin1String("trend.csv"))
        ok = f.view.exportData(path);
    else
        ok = f.view.exportTable(path);
    QVERIFY(ok);
    const QByteArray bytes = fileContents(path);
    QVERIFY2(bytes.startsWith(starts), bytes.left(80).constData());
    if (name.endsWith(QLatin1String(".csv"))) {
        // One line per series and bucket (trend) or per non-empty cell (table), after the header.
        const auto& s = *f.view.snapshot();
        const qsizetype rows = name == QLatin1String("trend.csv")
                                   ? qsizetype(s.bySeries->lines.size() * s.bySeries->buckets.size())
                                   : qsizetype(s.breakdown.cells.size());
        QCOMPARE(bytes.count('\n'), rows + 1);
    }
    // A folder that does not exist: refused with a message in the banner, nothing thrown.
    QVERIFY(!f.view.exportTable(out.filePath(QStringLiteral("missing/table.csv"))));
    QVERIFY(f.view.banner()->isVisible());
}

QTEST_MAIN(TestTrendsView)
#include "tst_trendsview.moc"
