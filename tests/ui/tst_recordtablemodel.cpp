// The windowed record table: rows stream in, pages are read on demand, sorting and refreshes keep the
// selection, searches return scored hits, and the model passes QAbstractItemModelTester throughout.
#include "UiTestSupport.h"

#include <models/RecordTableModel.h>
#include <storage/MemoryStore.h>

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using namespace memscope;
using namespace memscope::ui;
using namespace memscope::test;
using nlohmann::json;

class TestRecordTableModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void listsEveryMatchInOrder_data();
    void listsEveryMatchInOrder();
    void readsPagesOnDemand();
    void sortsByColumn();
    void refreshKeepsSelection();
    void searchReturnsScoredHits();
    void badFilterReportsError();
    void staleAnswersAreDropped();

private:
    bool waitDone(RecordTableModel& model);
    QTemporaryDir m_dir;
    QString m_path;
    std::int64_t m_total = 0;
};

void TestRecordTableModel::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("records.db"));
    m_total = writeDemo(m_path.toStdString(), 3000);
    QCOMPARE(m_total, std::int64_t(3000));
}

bool TestRecordTableModel::waitDone(RecordTableModel& model)
{
    return QTest::qWaitFor([&] { return !model.isLoading(); }, 20000);
}

void TestRecordTableModel::listsEveryMatchInOrder_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("descending");
    QTest::addRow("all, newest first") << "{}"
                                       << "created_at" << true;
    QTest::addRow("failures by task type") << "{\"outcome_type\": \"failure\"}"
                                           << "task_type" << false;
    QTest::addRow("one tool, oldest first") << "{\"tool_name\": \"pg_connector\"}"
                                            << "created_at" << false;
    QTest::addRow("nothing matches") << "{\"task_type\": \"no_such_task\"}"
                                     << "version" << true;
}

void TestRecordTableModel::listsEveryMatchInOrder()
{
    QFETCH(QString, filter);
    QFETCH(QString, field);
    QFETCH(bool, descending);
    StoreSession session;
    QVERIFY(openSession(session, m_path));
    RecordTableModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RecordQuery query;
    query.filter = json::parse(filter.toStdString());
    query.order = ListingOrder{field.toStdString(), descending};
    QSignalSpy finished(&model, &RecordTableModel::queryFinished);
    model.setQuery(query);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);

    // The same records, in the same order, as the core's list().
    ListQuery expected;
    expected.filter = query.filter;
    expected.orderBy = query.order.field;
    expected.descending = descending;
    expected.limit = -1;
    const auto records = session.uiStore().list(expected);
    QCOMPARE(model.rowCount(), int(records.size()));
    for (int row = 0; row < model.rowCount(); row += 97)
        QCOMPARE(model.recordId(row), QString::fromStdString(records[std::size_t(row)].id));
    if (!records.empty())
        QCOMPARE(model.recordId(model.rowCount() - 1), QString::fromStdString(records.back().id));
}

void TestRecordTableModel::readsPagesOnDemand()
{
    StoreSession session;
    QVERIFY(openSession(session, m_path));
    RecordTableModel model(&session);
    QSignalSpy first(&model, &RecordTableModel::firstRowsReady);
    model.setQuery(RecordQuery{});
    QTRY_COMPARE_WITH_TIMEOUT(first.count(), 1, 20000);
    QVERIFY(waitDone(model));
    QCOMPARE(model.rowCount(), int(m_total));
    // Any row can be read directly, far from the last one read.
    for (int row : {int(m_total) - 1, 0, int(m_total) / 2, 1234}) {
        const auto record = model.record(row);
        QVERIFY(record.has_value());
        QCOMPARE(model.data(model.index(row, RecordTableModel::IdColumn)).toString(),
                 QString::fromStdString(record->id));
        QVERIFY(!model.data(model.index(row, RecordTableModel::MemoryColumn)).toString().isEmpty());
    }
}

void TestRecordTableModel::sortsByColumn()
{
    StoreSession session;
    QVERIFY(openSession(session, m_path));
    RecordTableModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery(RecordQuery{});
    QVERIFY(waitDone(model));
    model.sort(RecordTableModel::TaskTypeColumn, Qt::AscendingOrder);
    QVERIFY(model.isLoading());
    QVERIFY(waitDone(model));
    QString previous;
    for (int row = 0; row < model.rowCount(); row += 50) {
        const QString task = model.data(model.index(row, RecordTableModel::TaskTypeColumn)).toString();
        QVERIFY2(previous <= task, qPrintable(previous + " > " + task));
        previous = task;
    }
}

void TestRecordTableModel::refreshKeepsSelection()
{
    StoreSession session;
    QVERIFY(openSession(session, m_path));
    RecordTableModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery(RecordQuery{});
    QVERIFY(waitDone(model));
    QItemSelectionModel selection(&model);
    const QString chosen = model.recordId(10);
    selection.select(model.index(10, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);

    // Another connection adds newer records: they come first, and the selected record moves down.
    auto other = MemoryStore::open(m_path.toStdString());
    for (int i = 0; i < 3; ++i)
        other->add(TestStore::outcome("fresh lesson " + std::to_string(i), "success", "report_generation"));
    QSignalSpy refreshed(&model, &RecordTableModel::refreshed);
    model.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 1, 20000);
    QCOMPARE(model.rowCount(), int(m_total) + 3);
    const auto rows = selection.selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().row(), 13);
    QCOMPARE(model.recordId(13), chosen);

    // Deleting them again shrinks the table and the selection still follows its record.
    std::vector<std::string> fresh;
    for (const auto& id : other->matchingIds(json{{"memory", {{"contains", "fresh lesson"}}}}))
        fresh.push_back(id);
    other->purge(fresh);
    model.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 2, 20000);
    QCOMPARE(model.rowCount(), int(m_total));
    QCOMPARE(selection.selectedRows().first().row(), 10);
}

void TestRecordTableModel::searchReturnsScoredHits()
{
    StoreSession session;
    QVERIFY(openSession(session, m_path));
    RecordTableModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RecordQuery query;
    query.text = QStringLiteral("connection timeout postgres");
    query.searchLimit = 25;
    model.setQuery(query);
    QVERIFY(waitDone(model));
    QVERIFY(model.rowCount() > 0);
    QVERIFY(model.rowCount() <= 25);
    double previous = 2;
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto score = model.scoreAt(row);
        QVERIFY(score.has_value());
        QVERIFY(*score <= previous);
        previous = *score;
    }
    // Sorting hits happens in memory.
    model.sort(RecordTableModel::ScoreColumn, Qt::AscendingOrder);
    QVERIFY(*model.scoreAt(0) <= *model.scoreAt(model.rowCount() - 1));
}

void TestRecordTableModel::badFilterReportsError()
{
    StoreSession session;
    QVERIFY(openSession(session, m_path));
    RecordTableModel model(&session);
    QSignalSpy failed(&model, &RecordTableModel::queryFailed);
    RecordQuery query;
    query.filter = json{{"created_at", {{"gt", true}}}};
    model.setQuery(query);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    const auto error = failed.first().first().value<TaskError>();
    QVERIFY2(error.message.contains(QLatin1String("created_at")), qPrintable(error.message));
    QVERIFY(!model.isLoading());
}

void TestRecordTableModel::staleAnswersAreDropped()
{
    StoreSession session;
    QVERIFY(openSession(session, m_path));
    RecordTableModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy finished(&model, &RecordTableModel::queryFinished);
    RecordQuery first;
    model.setQuery(first);
    RecordQuery second;
    second.filter = json{{"outcome_type", "failure"}};
    model.setQuery(second);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QTest::qWait(100);
    QCOMPARE(finished.count(), 1); // the first query never reports
    QCOMPARE(model.rowCount(), int(session.uiStore().count(second.filter)));
}

QTEST_MAIN(TestRecordTableModel)
#include "tst_recordtablemodel.moc"
