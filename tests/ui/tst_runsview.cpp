// The Runs tab offscreen: the inspector shows a recorded run's retrieved memories, prompt, steps and result;
// a double-click on a retrieved memory (or a click on the lesson's record) asks for that record, and the
// main window shows it in Records; a failed run shows its error; user and model text containing markup is
// shown as written; without an LLM endpoint the view says how to configure one; and a run against the
// loopback chat server streams into the inspector, can be re-run without memory, and can be cancelled.
#include "FakeChatServer.h"
#include "MainWindowFixture.h"
#include "RunFixtures.h"
#include "ScopedEnv.h"

#include <models/FilterState.h>
#include <models/RecordTableModel.h>
#include <models/RetrievedMemoryModel.h>
#include <models/RunListModel.h>
#include <models/RunStepModel.h>
#include <views/DetailPane.h>
#include <views/RecordsView.h>
#include <views/RunInspector.h>
#include <views/RunsView.h>
#include <widgets/ErrorBanner.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

using namespace memscope;
using namespace memscope::ui;
using namespace memscope::test;

namespace {

const char* const kHtml = "<b>x</b> & <i>y</i>";

const char* const kPackJson =
    "{\"name\": \"mini_rule\", \"task_type\": \"mini_rule\", \"title\": \"Mini rule\", \"version\": \"3.0\",\n"
    " \"tool_name\": \"llm\", \"system_prompt\": \"Answer with one word.\", \"prompt_template\": \"{{input}}\",\n"
    " \"tools\": [], \"limits\": {\"max_turns\": 1, \"max_tool_calls\": 0},\n"
    " \"evaluator\": {\"kind\": \"rule\"},\n"
    " \"tasks\": [{\"id\": \"w1\", \"title\": \"colour\", \"input\": \"Name the colour of the sky.\",\n"
    "             \"expected\": {\"answer\": \"blue\"}}]}\n";

std::unique_ptr<QSettings> settingsFile(const QString& dir)
{
    return std::make_unique<QSettings>(dir + QStringLiteral("/settings.ini"), QSettings::IniFormat);
}

struct RunsFixture {
    RunsFixture(const QString& path, const QString& dir)
        : settings(settingsFile(dir))
        , view(&session, &settings)
    {
        session.setPollInterval(50);
        opened = openSession(session, path);
        view.resize(1200, 800);
        view.show();
    }
    bool settled()
    {
        return QTest::qWaitFor([&] { return !view.isLoading() && view.model()->rowCount() > 0; }, 20000) &&
               QTest::qWaitFor([&] { return !view.isLoading(); }, 20000);
    }
    // Selects the run and waits until the inspector shows it.
    bool show(const QString& runId)
    {
        view.selectRun(runId);
        return QTest::qWaitFor([&] { return view.inspector()->runId() == runId && !view.isLoading(); }, 20000);
    }
    StoreSession session;
    Settings settings;
    RunsView view;
    bool opened = false;
};

} // namespace

class TestRunsView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void inspectorShowsTheTrace();
    void doubleClickOnARetrievedMemoryOpensIt_data();
    void doubleClickOnARetrievedMemoryOpensIt();
    void lessonRecordOpens();
    void failedRunShowsItsError();
    void markupIsShownAsWritten();
    void noEndpointSaysHowToConfigureOne();
    void mainWindowShowsTheRecord();
    void liveRunStreamsAndReruns();
    void cancelStopsTheRun();

private:
    QTemporaryDir m_dir;
    QString m_path;
    QStringList m_memoryIds;
    QString m_packDir;
    std::unique_ptr<ScopedEnv> m_env;
};

void TestRunsView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_packDir = m_dir.filePath(QStringLiteral("packs"));
    QVERIFY(QDir().mkpath(m_packDir));
    QFile pack(m_packDir + QStringLiteral("/mini_rule.json"));
    QVERIFY(pack.open(QIODevice::WriteOnly));
    pack.write(kPackJson);
    pack.close();
    // No endpoint, no key and no keychain from the machine running the tests.
    m_env = std::make_unique<ScopedEnv>(
        std::map<QByteArray, std::optional<std::string>>{{"OPENAI_BASE_URL", std::nullopt},
                                                         {"OPENAI_API_KEY", std::nullopt},
                                                         {"MEMSCOPE_MODEL", std::nullopt},
                                                         {"OPENAI_MODEL", std::nullopt},
                                                         {"MEMSCOPE_NO_KEYCHAIN", "1"},
                                                         {"MEMSCOPE_PACKS_PATH", m_packDir.toStdString()}});

    m_path = m_dir.filePath(QStringLiteral("runs.db"));
    auto store = MemoryStore::open(m_path.toStdString());
    for (const char* text : {"Filter before you group.", "Quote identifiers with spaces.", "Check NULLs."})
        m_memoryIds << QString::fromStdString(store->add(TestStore::outcome(text, "success", "sql_query_debug")).id);
    std::vector<std::string> ids;
    for (const auto& id : m_memoryIds)
        ids.push_back(id.toStdString());
    const Micros t0 = 1767225600000000;
    saveRun(*store, {.id = "run_ok", .startedAt = t0 + 3000000, .memoryIds = ids, .writtenMemoryId = ids[0]});
    saveRun(*store, {.id = "run_failed",
                     .status = "failed",
                     .error = "could not connect to http://127.0.0.1:9/v1 (is the server running?)",
                     .startedAt = t0 + 2000000});
    saveRun(*store, {.id = "run_html",
                     .startedAt = t0 + 1000000,
                     .memoryIds = {ids[1]},
                     .memoryText = kHtml,
                     .output = "<b>bold</b> answer"});
}

void TestRunsView::inspectorShowsTheTrace()
{
    RunsFixture f(m_path, m_dir.path());
    const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
    QAbstractItemModelTester runsTester(f.view.model(), mode);
    QAbstractItemModelTester retrievedTester(f.view.inspector()->retrievedModel(), mode);
    QAbstractItemModelTester stepsTester(f.view.inspector()->stepModel(), mode);
    QVERIFY(f.opened);
    QVERIFY(f.settled());
    // The newest run is selected and shown at once.
    QTRY_COMPARE(f.view.inspector()->runId(), QStringLiteral("run_ok"));
    RunInspector* inspector = f.view.inspector();
    QVERIFY(inspector->factsLabel()->text().contains(QStringLiteral("fake-model")));
    QVERIFY(inspector->factsLabel()->text().contains(QStringLiteral("memory on")));
    QVERIFY(!inspector->banner()->isVisible());

    RetrievedMemoryModel* retrieved = inspector->retrievedModel();
    QCOMPARE(retrieved->rowCount(), 3);
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(retrieved->memoryId(row), m_memoryIds[row]);
        QCOMPARE(retrieved->index(row, RetrievedMemoryModel::RankColumn).data().toInt(), row + 1);
    }
    QCOMPARE(retrieved->index(0, RetrievedMemoryModel::UsedColumn).data().toString(), QStringLiteral("used"));
    QCOMPARE(retrieved->index(2, RetrievedMemoryModel::UsedColumn).data().toString(), QStringLiteral("cut"));
    QCOMPARE(retrieved->index(0, RetrievedMemoryModel::ScoreColumn).data().toString(), QStringLiteral("1.000"));
    QVERIFY(inspector->contextSummary()->text().contains(QStringLiteral("3 retrieved, 2 in the prompt")));

    const QString prompt = inspector->promptView()->toPlainText();
    QVERIFY(prompt.contains(QStringLiteral("── system ──")));
    QVERIFY(prompt.contains(QStringLiteral("── user ──")));
    QVERIFY(prompt.contains(QStringLiteral("Task q01: List the names whose v is above 1.")));
    QVERIFY(inspector->sectionsLabel()->text().contains(QStringLiteral("lessons: 120 tokens")));

    RunStepModel* steps = inspector->stepModel();
    QCOMPARE(steps->rowCount(), 4);
    QCOMPARE(steps->index(1, RunStepModel::KindColumn).data().toString(), QStringLiteral("Tool call"));
    QCOMPARE(steps->index(1, RunStepModel::NameColumn).data().toString(), QStringLiteral("run_sql"));
    inspector->tabs()->setCurrentIndex(RunInspector::StepsTab);
    inspector->stepsView()->setCurrentIndex(steps->index(1, 0));
    const QString details = inspector->stepDetails()->toPlainText();
    QVERIFY2(details.contains(QStringLiteral("SELECT * FROM t")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("b|2")), qPrintable(details));

    QCOMPARE(inspector->outputView()->toPlainText(), QStringLiteral("SELECT name FROM t WHERE v > 1;"));
    QVERIFY(inspector->evaluationLabel()->text().contains(QStringLiteral("Success")));
    QVERIFY(inspector->lessonView()->toPlainText().startsWith(QStringLiteral("Lesson: ")));

    // Another run: every pane follows (the models reset under their testers).
    QVERIFY(f.show(QStringLiteral("run_html")));
    QCOMPARE(retrieved->rowCount(), 1);
    QCOMPARE(retrieved->memoryId(0), m_memoryIds[1]);
    QVERIFY(inspector->stepDetails()->toPlainText().isEmpty());
}

void TestRunsView::doubleClickOnARetrievedMemoryOpensIt_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addRow("first, on its text") << 0 << int(RetrievedMemoryModel::TextColumn);
    QTest::addRow("second, on its score") << 1 << int(RetrievedMemoryModel::ScoreColumn);
    QTest::addRow("third (cut), on its rank") << 2 << int(RetrievedMemoryModel::RankColumn);
}

void TestRunsView::doubleClickOnARetrievedMemoryOpensIt()
{
    QFETCH(int, row);
    QFETCH(int, column);
    RunsFixture f(m_path, m_dir.path());
    QVERIFY(f.opened && f.settled());
    QVERIFY(f.show(QStringLiteral("run_ok")));
    f.view.inspector()->tabs()->setCurrentIndex(RunInspector::ContextTab);
    QTableView* table = f.view.inspector()->retrievedView();
    QTRY_VERIFY(table->isVisible());
    QSignalSpy open(&f.view, &RunsView::openRecordRequested);
    const QModelIndex cell = table->model()->index(row, column);
    table->scrollTo(cell);
    const QPoint centre = table->visualRect(cell).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre);
    QTRY_COMPARE(open.count(), 1);
    QCOMPARE(open.first().at(0).toString(), m_memoryIds[row]);
}

void TestRunsView::lessonRecordOpens()
{
    RunsFixture f(m_path, m_dir.path());
    QVERIFY(f.opened && f.settled());
    QVERIFY(f.show(QStringLiteral("run_ok")));
    f.view.inspector()->tabs()->setCurrentIndex(RunInspector::ResultTab);
    QPushButton* written = f.view.inspector()->writtenRecordButton();
    QTRY_VERIFY(written->isVisible());
    QVERIFY(written->text().contains(m_memoryIds[0]));
    QSignalSpy open(&f.view, &RunsView::openRecordRequested);
    QTest::mouseClick(written, Qt::LeftButton);
    QTRY_COMPARE(open.count(), 1);
    QCOMPARE(open.first().at(0).toString(), m_memoryIds[0]);
}

void TestRunsView::failedRunShowsItsError()
{
    RunsFixture f(m_path, m_dir.path());
    QVERIFY(f.opened && f.settled());
    QVERIFY(f.show(QStringLiteral("run_failed")));
    ErrorBanner* banner = f.view.inspector()->banner();
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->level(), ErrorBanner::Level::Error);
    QVERIFY(banner->text().contains(QStringLiteral("could not connect to http://127.0.0.1:9/v1")));
    QVERIFY(f.view.inspector()->factsLabel()->text().startsWith(QStringLiteral("Failed")));
    QCOMPARE(f.view.inspector()->stepModel()->index(0, RunStepModel::ResultColumn).data().toString(),
             QStringLiteral("error"));
    // A run that worked hides it again.
    QVERIFY(f.show(QStringLiteral("run_ok")));
    QTRY_VERIFY(!banner->isVisible());
}

void TestRunsView::markupIsShownAsWritten()
{
    RunsFixture f(m_path, m_dir.path());
    QVERIFY(f.opened && f.settled());
    QVERIFY(f.show(QStringLiteral("run_html")));
    RunInspector* inspector = f.view.inspector();
    const QString html = QString::fromLatin1(kHtml);
    const QModelIndex text = inspector->retrievedModel()->index(0, RetrievedMemoryModel::TextColumn);
    QVERIFY(text.data().toString().startsWith(html));
    const QString tip = text.data(Qt::ToolTipRole).toString();
    QVERIFY2(!tip.contains(QStringLiteral("<b>x")) && tip.contains(QStringLiteral("&lt;b&gt;x&lt;/b&gt; &amp;")),
             qPrintable(tip));
    QVERIFY(inspector->promptView()->toPlainText().contains(html));
    QCOMPARE(inspector->outputView()->toPlainText(), QStringLiteral("<b>bold</b> answer"));
    QVERIFY(inspector->reasonLabel()->text().contains(html));
    QVERIFY(inspector->lessonView()->toPlainText().contains(html));
    // Every label of the inspector shows plain text, whatever it holds.
    for (const QLabel* label : inspector->findChildren<QLabel*>())
        if (!label->text().isEmpty())
            QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->objectName() + ": " + label->text()));
}

void TestRunsView::noEndpointSaysHowToConfigureOne()
{
    RunsFixture f(m_path, m_dir.path());
    QVERIFY(f.opened && f.settled());
    ErrorBanner* hint = f.view.endpointBanner();
    QTRY_VERIFY(hint->isVisible());
    QVERIFY2(hint->text().contains(QStringLiteral("Edit → Preferences")), qPrintable(hint->text()));
    // Run Task… and Re-run do not fail: they point at the message (and open no dialog).
    QTimer::singleShot(2000, [] {
        if (QWidget* modal = QApplication::activeModalWidget())
            modal->close();
    });
    QTest::mouseClick(f.view.runButton(), Qt::LeftButton);
    f.view.rerun(false);
    QVERIFY(!f.view.launcher()->isRunning());
    QVERIFY(hint->isVisible());
    QVERIFY(!f.view.banner()->isVisible());
    QSignalSpy preferences(&f.view, &RunsView::preferencesRequested);
    const auto buttons = hint->findChildren<QPushButton*>();
    QCOMPARE(buttons.size(), 1);
    buttons.front()->click();
    QCOMPARE(preferences.count(), 1);
    // Configured (a model too), the message goes.
    f.settings.setLlmBaseUrl(QStringLiteral("http://127.0.0.1:9/v1"));
    f.settings.setLlmModel(QStringLiteral("fake-model"));
    QVERIFY(f.view.updateEndpointHint());
    QVERIFY(!hint->isVisible());
}

void TestRunsView::mainWindowShowsTheRecord()
{
    QTemporaryDir dir;
    MainWindowFixture w(dir.path());
    w.window.openDatabase(m_path);
    QVERIFY(w.idle());
    QVERIFY(w.window.showView(QStringLiteral("runs")));
    RunsView* runs = w.window.runsView();
    QTRY_VERIFY(runs->isVisible());
    QTRY_COMPARE(runs->inspector()->runId(), QStringLiteral("run_ok"));
    QVERIFY(w.idle());
    emit runs->inspector()->openRecordRequested(m_memoryIds[2]);
    QTRY_VERIFY(w.window.recordsView()->isVisible());
    QVERIFY(w.idle());
    QTRY_COMPARE(w.window.recordsView()->model()->rowCount(), 1);
    QCOMPARE(w.window.recordsView()->model()->recordId(0), m_memoryIds[2]);
    QTRY_COMPARE(w.window.detail()->recordId(), m_memoryIds[2]);
    QCOMPARE(w.window.recordsView()->selectedIds(), QStringList({m_memoryIds[2]}));
}

void TestRunsView::liveRunStreamsAndReruns()
{
    QTemporaryDir copy;
    const QString path = copy.filePath(QStringLiteral("live.db"));
    QVERIFY(QFile::copy(m_path, path));
    FakeChatServer server;
    server.enqueue(FakeChatReply::streamed({"bl", "ue"}, 30));
    server.enqueue(FakeChatReply::text("Answer with the colour alone."));
    server.setFallback(FakeChatReply::text("blue"));
    RunsFixture f(path, copy.path());
    f.settings.setLlmBaseUrl(QString::fromStdString(server.baseUrl()));
    f.settings.setLlmModel(QStringLiteral("fake-model"));
    QVERIFY(f.opened && f.settled());
    QVERIFY(f.view.updateEndpointHint());

    AgentRunLauncher* launcher = f.view.launcher();
    QSignalSpy deltas(launcher, &AgentRunLauncher::outputDelta);
    QSignalSpy finished(launcher, &AgentRunLauncher::batchFinished);
    bool shownLive = false; // the inspector showed the run before it finished
    connect(launcher, &AgentRunLauncher::traceUpdated, this, [&](const RunTrace& trace, int) {
        if (trace.status == "running" && f.view.inspector()->runId() == QString::fromStdString(trace.runId))
            shownLive = true;
    });
    RunRequest request;
    request.pack = QStringLiteral("mini_rule");
    request.taskId = QStringLiteral("w1");
    f.view.startRuns(request);
    QTRY_VERIFY(launcher->isRunning() || finished.count() == 1);
    QVERIFY(!f.view.runButton()->isEnabled() || finished.count() == 1);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QVERIFY(!finished.first().at(2).toBool());
    QVERIFY(deltas.count() >= 2);
    QVERIFY(shownLive);
    const auto& trace = f.view.inspector()->trace();
    QVERIFY(trace.has_value());
    QCOMPARE(QString::fromStdString(trace->status), QStringLiteral("completed"));
    QCOMPARE(QString::fromStdString(trace->outcome), QStringLiteral("success"));
    QCOMPARE(f.view.inspector()->outputView()->toPlainText(), QStringLiteral("blue"));
    const QString runId = QString::fromStdString(trace->runId);
    // The table lists it, selected, and the buttons are back.
    QTRY_COMPARE(f.view.currentRunId(), runId);
    QCOMPARE(f.view.model()->runId(0), runId);
    QTRY_VERIFY(f.view.runButton()->isEnabled());

    // The ablation: the same task without memory.
    QTest::mouseClick(f.view.ablationButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 20000);
    QTRY_VERIFY(f.view.model()->runId(0) != runId);
    const RunSummary* ablation = f.view.model()->summary(0);
    QVERIFY(ablation);
    QVERIFY(!ablation->memory);
    QCOMPARE(QString::fromStdString(ablation->taskId), QStringLiteral("w1"));
    QCOMPARE(f.view.model()->index(0, RunListModel::MemoryColumn).data().toString(), QStringLiteral("off"));
}

void TestRunsView::cancelStopsTheRun()
{
    QTemporaryDir copy;
    const QString path = copy.filePath(QStringLiteral("cancel.db"));
    QVERIFY(QFile::copy(m_path, path));
    FakeChatServer server;
    server.setFallback(FakeChatReply::text("blue").withDelay(3000));
    RunsFixture f(path, copy.path());
    f.settings.setLlmBaseUrl(QString::fromStdString(server.baseUrl()));
    f.settings.setLlmModel(QStringLiteral("fake-model"));
    QVERIFY(f.opened && f.settled());
    AgentRunLauncher* launcher = f.view.launcher();
    QSignalSpy finished(launcher, &AgentRunLauncher::batchFinished);
    RunRequest request;
    request.pack = QStringLiteral("mini_rule");
    request.episodes = 3;
    f.view.startRuns(request);
    QTRY_VERIFY_WITH_TIMEOUT(server.chatRequestCount() >= 1, 10000); // the run waits for its answer
    QTRY_VERIFY(f.view.cancelButton()->isEnabled());
    QTest::mouseClick(f.view.cancelButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    QCOMPARE(finished.first().at(0).toInt(), 1); // the batch stopped after the run in progress
    QVERIFY(finished.first().at(2).toBool());
    QTRY_COMPARE(QString::fromStdString(f.view.inspector()->trace()->status), QStringLiteral("cancelled"));
    QVERIFY(f.view.inspector()->banner()->isVisible());
    QCOMPARE(f.view.inspector()->banner()->level(), ErrorBanner::Level::Warning);
    QVERIFY(f.view.banner()->text().contains(QStringLiteral("1 of 3")));
    QVERIFY(!f.view.cancelButton()->isEnabled());
}

QTEST_MAIN(TestRunsView)
#include "tst_runsview.moc"
