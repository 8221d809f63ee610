// The runs table's model over recorded runs: sound by QAbstractItemModelTester through loads, filters and
// refreshes; filters by task type, status, outcome and text; an older answer never replaces a newer one;
// a refresh (also one caused by another connection's write) updates rows in place and keeps the selection.
#include "RunFixtures.h"
#include "UiTestSupport.h"

#include <models/RunListModel.h>

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QTableView>

using namespace memscope;
using namespace memscope::ui;
using namespace memscope::test;

namespace {

constexpr Micros kMinute = 60000000;

// Six runs, newest first by id: r6 … r1.
void writeRuns(MemoryStore& store)
{
    const Micros t0 = 1767225600000000;
    saveRun(store, {.id = "r1", .startedAt = t0 + 1 * kMinute, .memoryIds = {"m1", "m2"}});
    saveRun(store, {.id = "r2", .outcome = "failure", .memory = false, .startedAt = t0 + 2 * kMinute});
    saveRun(store, {.id = "r3",
                    .taskType = "support_reply",
                    .taskId = "s01",
                    .outcome = "partial",
                    .startedAt = t0 + 3 * kMinute,
                    .memoryIds = {"m1", "m2", "m3"}});
    saveRun(store, {.id = "r4",
                    .status = "failed",
                    .error = "could not connect to http://127.0.0.1:9/v1 (is the server running?)",
                    .startedAt = t0 + 4 * kMinute});
    saveRun(store, {.id = "r5", .taskType = "support_reply", .taskId = "s02", .startedAt = t0 + 5 * kMinute});
    saveRun(store, {.id = "r6", .status = "cancelled", .error = "cancelled", .startedAt = t0 + 6 * kMinute});
}

QStringList ids(const RunListModel& model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.runId(row);
    return out;
}

} // namespace

class TestRunListModel : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void listsNewestFirstAndIsSound();
    void columnsShowTheSummary();
    void filters_data();
    void filters();
    void olderAnswersAreDropped();
    void refreshKeepsSelection();
    void followsWritesOfOtherConnections();

private:
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<StoreSession> m_session;
};

void TestRunListModel::init()
{
    m_store = std::make_unique<TestStore>();
    writeRuns(m_store->store());
    m_session = std::make_unique<StoreSession>();
    m_session->setPollInterval(50);
    QVERIFY(openSession(*m_session, QString::fromStdString(m_store->path())));
}

void TestRunListModel::cleanup()
{
    m_session.reset();
    m_store.reset();
}

void TestRunListModel::listsNewestFirstAndIsSound()
{
    RunListModel model(m_session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.refresh();
    QTRY_COMPARE(model.rowCount(), 6);
    QVERIFY(!model.isLoading());
    QCOMPARE(ids(model), QStringList({"r6", "r5", "r4", "r3", "r2", "r1"}));
    QCOMPARE(model.columnCount(), int(RunListModel::ColumnCount));
    QCOMPARE(model.taskTypes(), QStringList({"sql_query_debug", "support_reply"}));
    // Changes, inserts and a filter that removes rows: the tester checks every signal on the way.
    saveRun(m_store->store(), {.id = "r7", .startedAt = 1767225600000000 + 7 * kMinute});
    saveRun(m_store->store(), {.id = "r2", .outcome = "success", .startedAt = 1767225600000000 + 2 * kMinute});
    model.refresh();
    QTRY_COMPARE(model.rowCount(), 7);
    QCOMPARE(model.index(model.rowOfRun("r2"), RunListModel::OutcomeColumn).data(RunListModel::OutcomeRole).toString(),
             QStringLiteral("success"));
    RunListQuery failed;
    failed.status = "failed";
    model.setQuery(failed);
    QTRY_COMPARE(ids(model), QStringList({"r4"}));
    model.setQuery({});
    QTRY_COMPARE(model.rowCount(), 7);
}

void TestRunListModel::columnsShowTheSummary()
{
    RunListModel model(m_session.get());
    model.refresh();
    QTRY_COMPARE(model.rowCount(), 6);
    const auto cell = [&](const char* id, int column, int role = Qt::DisplayRole) {
        return model.index(model.rowOfRun(QString::fromLatin1(id)), column).data(role);
    };
    QCOMPARE(cell("r1", RunListModel::StatusColumn).toString(), QStringLiteral("Completed"));
    QCOMPARE(cell("r1", RunListModel::OutcomeColumn).toString(), QStringLiteral("Success"));
    QCOMPARE(cell("r1", RunListModel::MemoryColumn).toString(), QStringLiteral("on"));
    QCOMPARE(cell("r2", RunListModel::MemoryColumn).toString(), QStringLiteral("off"));
    QCOMPARE(cell("r1", RunListModel::RetrievedColumn).toString(), QStringLiteral("2"));
    QCOMPARE(cell("r3", RunListModel::RetrievedColumn).toString(), QStringLiteral("3"));
    QCOMPARE(cell("r1", RunListModel::LatencyColumn).toString(), QStringLiteral("1.2 s"));
    QCOMPARE(cell("r1", RunListModel::TokensColumn).toString(), QStringLiteral("680"));
    QCOMPARE(cell("r1", RunListModel::ModelColumn).toString(), QStringLiteral("fake-model"));
    QCOMPARE(cell("r3", RunListModel::TaskColumn).toString(), QStringLiteral("s01"));
    QCOMPARE(cell("r3", RunListModel::TaskTypeColumn).toString(), QStringLiteral("support_reply"));
    QCOMPARE(cell("r4", RunListModel::StatusColumn).toString(), QStringLiteral("Failed"));
    QVERIFY(cell("r4", RunListModel::OutcomeColumn).toString().isEmpty());
    QVERIFY(cell("r4", RunListModel::StatusColumn, Qt::ToolTipRole).toString().contains(QStringLiteral("connect")));
    QCOMPARE(cell("r5", RunListModel::StartedColumn, RunListModel::RunIdRole).toString(), QStringLiteral("r5"));
    QVERIFY(!cell("r1", RunListModel::StartedColumn).toString().isEmpty());
}

void TestRunListModel::filters_data()
{
    QTest::addColumn<QString>("taskType");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("nothing") << ""
                             << ""
                             << ""
                             << "" << QStringList({"r6", "r5", "r4", "r3", "r2", "r1"});
    QTest::addRow("task type") << "support_reply"
                               << ""
                               << ""
                               << "" << QStringList({"r5", "r3"});
    QTest::addRow("status failed") << ""
                                   << "failed"
                                   << ""
                                   << "" << QStringList({"r4"});
    QTest::addRow("status cancelled") << ""
                                      << "cancelled"
                                      << ""
                                      << "" << QStringList({"r6"});
    QTest::addRow("outcome failure") << ""
                                     << ""
                                     << "failure"
                                     << "" << QStringList({"r2"});
    QTest::addRow("task type and outcome") << "support_reply"
                                           << ""
                                           << "success"
                                           << "" << QStringList({"r5"});
    QTest::addRow("text in the error") << ""
                                       << ""
                                       << ""
                                       << "connect" << QStringList({"r4"});
    QTest::addRow("text in the task id") << ""
                                         << ""
                                         << ""
                                         << "s0" << QStringList({"r5", "r3"});
    QTest::addRow("text in the run id") << ""
                                        << ""
                                        << ""
                                        << "r3" << QStringList({"r3"});
    QTest::addRow("no match") << "sql_query_debug"
                              << ""
                              << "partial"
                              << "" << QStringList();
}

void TestRunListModel::filters()
{
    QFETCH(QString, taskType);
    QFETCH(QString, status);
    QFETCH(QString, outcome);
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    RunListModel model(m_session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.refresh();
    QTRY_COMPARE(model.rowCount(), 6);
    RunListQuery query;
    query.taskType = taskType.toStdString();
    query.status = status.toStdString();
    query.outcome = outcome.toStdString();
    query.text = text.toStdString();
    QSignalSpy refreshed(&model, &RunListModel::refreshed);
    model.setQuery(query);
    QTRY_COMPARE(refreshed.count(), 1);
    QCOMPARE(ids(model), expected);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        if (!status.isEmpty())
            QCOMPARE(index.data(RunListModel::StatusRole).toString(), status);
        if (!outcome.isEmpty())
            QCOMPARE(index.data(RunListModel::OutcomeRole).toString(), outcome);
    }
}

void TestRunListModel::olderAnswersAreDropped()
{
    RunListModel model(m_session.get());
    QSignalSpy refreshed(&model, &RunListModel::refreshed);
    RunListQuery first;
    first.status = "failed";
    model.setQuery(first);
    RunListQuery second;
    second.taskType = "support_reply";
    model.setQuery(second); // asked before the first answer arrived
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(refreshed.count(), 1);
    QCOMPARE(ids(model), QStringList({"r5", "r3"}));
    QCOMPARE(model.query().taskType, std::string("support_reply"));
}

void TestRunListModel::refreshKeepsSelection()
{
    RunListModel model(m_session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTableView view;
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.setModel(&model);
    model.refresh();
    QTRY_COMPARE(model.rowCount(), 6);
    view.setCurrentIndex(model.index(model.rowOfRun("r3"), 0));
    QCOMPARE(model.runId(view.currentIndex().row()), QStringLiteral("r3"));

    // Newer runs come in above it and the run above it changes: the same run stays current and selected.
    saveRun(m_store->store(), {.id = "r8", .startedAt = 1767225600000000 + 8 * kMinute});
    saveRun(m_store->store(), {.id = "r7", .startedAt = 1767225600000000 + 7 * kMinute});
    saveRun(m_store->store(), {.id = "r4", .outcome = "partial", .startedAt = 1767225600000000 + 4 * kMinute});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.refresh();
    QTRY_COMPARE(model.rowCount(), 8);
    QCOMPARE(model.runId(view.currentIndex().row()), QStringLiteral("r3"));
    QCOMPARE(view.currentIndex().row(), 5);
    QCOMPARE(view.selectionModel()->selectedRows().size(), 1);
    QCOMPARE(model.runId(view.selectionModel()->selectedRows().front().row()), QStringLiteral("r3"));
    QCOMPARE(model.index(model.rowOfRun("r4"), RunListModel::StatusColumn).data().toString(),
             QStringLiteral("Completed"));

    // A filter that drops rows around it keeps it too.
    RunListQuery query;
    query.text = "r";
    query.outcome = "partial";
    model.setQuery(query);
    QTRY_COMPARE(ids(model), QStringList({"r4", "r3"}));
    QCOMPARE(model.runId(view.currentIndex().row()), QStringLiteral("r3"));
    QCOMPARE(reset.count(), 0); // rows were updated in place, never reset
}

void TestRunListModel::followsWritesOfOtherConnections()
{
    RunListModel model(m_session.get());
    model.refresh();
    QTRY_COMPARE(model.rowCount(), 6);
    // Another connection (the CLI, an agent) records a run: the session notices and the model follows.
    saveRun(m_store->store(), {.id = "r9", .status = "running", .startedAt = 1767225600000000 + 9 * kMinute});
    QTRY_COMPARE(model.runId(0), QStringLiteral("r9"));
    QCOMPARE(model.index(0, RunListModel::StatusColumn).data().toString(), QStringLiteral("Running"));
    QVERIFY(model.index(0, RunListModel::LatencyColumn).data().toString().isEmpty());
    saveRun(m_store->store(), {.id = "r9", .startedAt = 1767225600000000 + 9 * kMinute});
    QTRY_COMPARE(model.index(0, RunListModel::StatusColumn).data().toString(), QStringLiteral("Completed"));
}

QTEST_MAIN(TestRunListModel)
#include "tst_runlistmodel.moc"
