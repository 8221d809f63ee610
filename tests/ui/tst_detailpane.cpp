// The detail pane: user text shown literally, history and neighbours under QAbstractItemModelTester,
// changes by another process picked up, revert asked for the right history row.
#include "RunFixtures.h"
#include "UiTestSupport.h"

#include <models/HistoryModel.h>
#include <models/NeighbourModel.h>
#include <models/RecordRunsModel.h>
#include <storage/MemoryStore.h>
#include <views/DetailPane.h>

#include <QAbstractItemModelTester>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
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
    void listsTheRunsThatRetrievedIt();

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

void TestDetailPane::listsTheRunsThatRetrievedIt()
{
    {
        auto store = MemoryStore::open(m_path.toStdString());
        saveRun(*store, {.id = "run-old",
                         .taskId = "q01",
                         .outcome = "failure",
                         .startedAt = 1767225600000000,
                         .memoryIds = {m_dupId, m_plainId}});
        saveRun(*store, {.id = "run-new", .taskId = "q07", .startedAt = 1767312000000000, .memoryIds = {m_plainId}});
        saveRun(*store, {.id = "run-other", .memoryIds = {m_dupId}});
        // An outside agent's search, logged under a run id Memscope has no trace of.
        RunStore(*store).logAccess("ext-42",
                                   {{m_plainId, "ext-42", 3, 0.5, 0.4, 0.1, 0.9, "search", 1767398400000000}});
    }
    StoreSession session;
    QVERIFY(openSession(session, m_path));
    DetailPane pane(&session);
    QAbstractItemModelTester tester(pane.runsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    pane.show();
    pane.showRecord(QString::fromStdString(m_plainId));
    QVERIFY(settled(pane));
    auto* model = pane.runsModel();
    QCOMPARE(model->rowCount(), 3); // not run-other, which retrieved another record
    // Newest first: the outside search, then run-new (rank 1), then run-old (rank 2, a failure).
    QCOMPARE(model->runId(0), QString());
    QCOMPARE(model->index(0, RecordRunsModel::RunColumn).data().toString(), QStringLiteral("ext-42"));
    QVERIFY(!model->index(0, 0).data(RecordRunsModel::KnownRunRole).toBool());
    QCOMPARE(model->runId(1), QStringLiteral("run-new"));
    QCOMPARE(model->index(1, RecordRunsModel::TaskColumn).data().toString(), QStringLiteral("q07"));
    QCOMPARE(model->index(1, RecordRunsModel::RankColumn).data().toInt(), 1);
    QCOMPARE(model->runId(2), QStringLiteral("run-old"));
    QCOMPARE(model->index(2, RecordRunsModel::RankColumn).data().toInt(), 2);
    QCOMPARE(model->index(2, RecordRunsModel::OutcomeColumn).data().toString(), QStringLiteral("Failure"));
    QVERIFY(pane.tabs()->tabText(pane.tabs()->indexOf(pane.runsView())).contains(QLatin1String("(3)")));
    // For looking at the pane: MEMSCOPE_SCREENSHOT_DIR=/tmp/shots saves it as a PNG.
    if (const QString shots = qEnvironmentVariable("MEMSCOPE_SCREENSHOT_DIR"); !shots.isEmpty()) {
        pane.resize(560, 700);
        pane.tabs()->setCurrentWidget(pane.runsView());
        QVERIFY(pane.grab().save(shots + QStringLiteral("/retrieved-by.png")));
    }

    // Activating a run asks for it; the outside search has no run to open.
    QSignalSpy activated(&pane, &DetailPane::runActivated);
    emit pane.runsView()->activated(model->index(0, 0));
    QCOMPARE(activated.count(), 0);
    emit pane.runsView()->activated(model->index(2, 0));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toString(), QStringLiteral("run-old"));

    // A record nobody retrieved: an empty list and a plain tab title.
    pane.showRecord(QString::fromStdString(m_conflictId));
    QVERIFY(settled(pane));
    QTRY_COMPARE(pane.recordId(), QString::fromStdString(m_conflictId));
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(pane.tabs()->tabText(pane.tabs()->indexOf(pane.runsView())), QStringLiteral("Retrieved by"));
}

QTEST_MAIN(TestDetailPane)
#include "tst_detailpane.moc"
