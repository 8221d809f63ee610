// The Runs tab offscreen: the inspector shows a recorded run's retrieved memories, prompt, steps and result;
// a double-click on a retrieved memory (or a click on the lesson's record) asks for that record, and the
// main window shows it in Records; a failed run shows its error; user and model text containing markup is
// shown as written; without an LLM endpoint the view says how to configure one; and a run against the
// loopback chat server streams into the inspector, can be re-run without memory, and can be cancelled.
// Compare… is enabled for two selected runs, or one whose task has other runs, and opens the comparison
// (whose memories open their records); an ablation re-run offers to compare itself with the original.
#include "FakeChatServer.h"
#include "MainWindowFixture.h"
#include "RunFixtures.h"
#include "ScopedEnv.h"

#include <dialogs/RunCompareDialog.h>
#include <models/FilterState.h>
#include <models/RecordTableModel.h>
#include <models/RetrievedMemoryModel.h>
#include <models/RunComparisonModel.h>
#include <models/RunListModel.h>
#include <models/RunStepModel.h>
#include <views/DetailPane.h>
#include <views/RecordsView.h>
#include <views/RunInspector.h>
#include <views/RunsView.h>
#include <widgets/ErrorBanner.h>

#include <models/RecordRunsModel.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
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
    void compareButtonFollowsTheSelection_data();
    void compareButtonFollowsTheSelection();
    void compareOpensTheDialog();
    void compareOfAnUnknownRunSaysSo();
    void localOllamaIsOffered();
    void runsUseTheChosenEndpoint();
    void showRunFindsHiddenRuns();
    void emptyListSaysWhy();
    void recordDetailOpensTheRun();

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
                                                         {"OLLAMA_HOST", std::string("127.0.0.1:9")},
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
    // The only run of its task, and the oldest.
    saveRun(*store, {.id = "run_solo", .taskId = "q09", .startedAt = t0});
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

    // It offers the comparison with the run it repeats.
    const QString ablationId = QString::fromStdString(ablation->runId);
    ErrorBanner* banner = f.view.banner();
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().startsWith(QStringLiteral("Ablation run finished")), qPrintable(banner->text()));
    const auto actions = banner->findChildren<QPushButton*>();
    QCOMPARE(actions.size(), 1);
    QCOMPARE(actions.front()->text(), QStringLiteral("Compare"));
    actions.front()->click();
    QTRY_VERIFY(f.view.compareDialog());
    RunCompareDialog* dialog = f.view.compareDialog();
    QCOMPARE(QString::fromStdString(dialog->comparison().a.runId), runId);
    QCOMPARE(QString::fromStdString(dialog->comparison().b.runId), ablationId);
    QVERIFY(dialog->comparison().sameTask);
    QVERIFY(dialog->comparison().a.memory && !dialog->comparison().b.memory);
    dialog->close();
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

namespace {

// Selects these runs in the table (the first becomes the current one); none clears the selection.
void selectRuns(RunsView& view, const QStringList& ids)
{
    QItemSelectionModel* selection = view.table()->selectionModel();
    if (ids.isEmpty()) {
        selection->clearSelection();
        return;
    }
    view.selectRun(ids.front());
    for (const QString& id : ids.mid(1))
        selection->select(view.model()->index(view.model()->rowOfRun(id), 0),
                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

} // namespace

void TestRunsView::compareButtonFollowsTheSelection_data()
{
    QTest::addColumn<QStringList>("selected");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<QString>("a"); // the earlier run
    QTest::addColumn<QString>("b");
    QTest::addRow("one, with the newest other run of its task") << QStringList{"run_ok"} << true << "run_failed"
                                                                << "run_ok";
    QTest::addRow("one, older than the other") << QStringList{"run_html"} << true << "run_html"
                                               << "run_ok";
    QTest::addRow("one, alone in its task") << QStringList{"run_solo"} << false << ""
                                            << "";
    QTest::addRow("two") << QStringList{"run_ok", "run_html"} << true << "run_html"
                         << "run_ok";
    QTest::addRow("two of different tasks") << QStringList{"run_solo", "run_failed"} << true << "run_solo"
                                            << "run_failed";
    QTest::addRow("three") << QStringList{"run_ok", "run_failed", "run_html"} << false << ""
                           << "";
    QTest::addRow("none") << QStringList{} << false << ""
                          << "";
}

void TestRunsView::compareButtonFollowsTheSelection()
{
    QFETCH(QStringList, selected);
    QFETCH(bool, enabled);
    QFETCH(QString, a);
    QFETCH(QString, b);
    RunsFixture f(m_path, m_dir.path());
    QVERIFY(f.opened && f.settled());
    QCOMPARE(f.view.table()->selectionMode(), QAbstractItemView::ExtendedSelection);
    QPushButton* compare = f.view.compareButton();
    QCOMPARE(compare->objectName(), QStringLiteral("compareButton"));
    selectRuns(f.view, selected);
    QCOMPARE(compare->isEnabled(), enabled);
    const auto targets = f.view.compareTargets();
    QCOMPARE(targets.first, a);
    QCOMPARE(targets.second, b);
    if (selected.size() == 1 && enabled)
        QVERIFY2(compare->toolTip().contains(QStringLiteral("newest other run of its task")),
                 qPrintable(compare->toolTip()));
    // The current row still drives the inspector.
    if (!selected.isEmpty())
        QTRY_COMPARE(f.view.inspector()->runId(), selected.front());
}

void TestRunsView::compareOpensTheDialog()
{
    RunsFixture f(m_path, m_dir.path());
    QVERIFY(f.opened && f.settled());
    selectRuns(f.view, {QStringLiteral("run_ok"), QStringLiteral("run_html")});
    QTRY_VERIFY(f.view.compareButton()->isEnabled());
    QTest::mouseClick(f.view.compareButton(), Qt::LeftButton);
    QTRY_VERIFY(f.view.compareDialog() && f.view.compareDialog()->isVisible());
    QVERIFY(!f.view.isLoading() || QTest::qWaitFor([&] { return !f.view.isLoading(); }));
    RunCompareDialog* dialog = f.view.compareDialog();
    QVERIFY(!dialog->isModal());
    QCOMPARE(QString::fromStdString(dialog->comparison().a.runId), QStringLiteral("run_html"));
    QCOMPARE(QString::fromStdString(dialog->comparison().b.runId), QStringLiteral("run_ok"));
    // run_html retrieved the second memory; run_ok all three, the second at rank 2.
    RunComparisonModel* diff = dialog->diffModel();
    QCOMPARE(diff->rowCount(), 3);
    QCOMPARE(diff->memoryId(0), m_memoryIds[1]);
    QCOMPARE(diff->change(0)->kind, ContextChange::Kind::Both);
    QVERIFY(diff->change(0)->rankMoved());
    QCOMPARE(diff->memoryId(1), m_memoryIds[0]);
    QCOMPARE(diff->change(1)->kind, ContextChange::Kind::OnlyB);
    QCOMPARE(diff->memoryId(2), m_memoryIds[2]);
    QCOMPARE(dialog->outputB()->toPlainText(), QStringLiteral("SELECT name FROM t WHERE v > 1;"));
    QCOMPARE(dialog->outputA()->toPlainText(), QStringLiteral("<b>bold</b> answer"));
    // The inspector keeps showing the current run.
    QCOMPARE(f.view.inspector()->runId(), QStringLiteral("run_ok"));

    // A memory of the diff opens its record, through the view.
    QSignalSpy open(&f.view, &RunsView::openRecordRequested);
    QTableView* table = dialog->diffView();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    const QModelIndex cell = diff->index(1, RunComparisonModel::TextColumn);
    table->scrollTo(cell);
    const QPoint centre = table->visualRect(cell).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre);
    QTRY_COMPARE(open.count(), 1);
    QCOMPARE(open.first().at(0).toString(), m_memoryIds[0]);

    // Closed, it is gone.
    const QPointer<RunCompareDialog> closed(dialog);
    dialog->close();
    QTRY_VERIFY(closed.isNull());
    QVERIFY(!f.view.compareDialog());
}

void TestRunsView::compareOfAnUnknownRunSaysSo()
{
    RunsFixture f(m_path, m_dir.path());
    QVERIFY(f.opened && f.settled());
    f.view.compareRuns(QStringLiteral("run_ok"), QStringLiteral("run_gone"));
    QTRY_VERIFY(f.view.banner()->isVisible());
    QCOMPARE(f.view.banner()->level(), ErrorBanner::Level::Error);
    QVERIFY2(f.view.banner()->text().contains(QStringLiteral("run_gone")), qPrintable(f.view.banner()->text()));
    QVERIFY(!f.view.compareDialog());
    QVERIFY(!f.view.isLoading());
}

void TestRunsView::localOllamaIsOffered()
{
    FakeChatServer server;
    server.setModels({"llama3.2:3b"});
    ScopedEnv ollama({{"OLLAMA_HOST", server.ollamaHost()}});
    RunsFixture f(m_path, m_dir.path() + QStringLiteral("/ollama"));
    QVERIFY(f.opened && f.settled());
    // The view looked when it was first shown (the fixture shows it), in the background.
    ErrorBanner* hint = f.view.endpointBanner();
    QTRY_VERIFY_WITH_TIMEOUT(hint->text().contains(QStringLiteral("Ollama is running")), 10000);
    QVERIFY(hint->text().contains(QStringLiteral("llama3.2:3b")));
    QPushButton* use = nullptr;
    for (auto* button : hint->findChildren<QPushButton*>())
        if (button->text() == QStringLiteral("Use Ollama"))
            use = button;
    QVERIFY(use);
    use->click();
    // The endpoint is in the preferences, current, and the hint is gone.
    QCOMPARE(f.settings.currentLlmEndpoint(), QStringLiteral("Ollama"));
    QCOMPARE(f.settings.llmBaseUrl().toStdString(), server.baseUrl());
    QCOMPARE(f.settings.llmModel(), QStringLiteral("llama3.2:3b"));
    QVERIFY(!hint->isVisible());
    QVERIFY(f.view.banner()->text().contains(QStringLiteral("Agent runs now use Ollama")));
}

void TestRunsView::runsUseTheChosenEndpoint()
{
    // Two endpoints: the run goes to the one the request names, not the current one.
    FakeChatServer chosen;
    chosen.enqueue(FakeChatReply::text("blue"));
    chosen.setFallback(FakeChatReply::text("Answer with the colour alone."));
    QTemporaryDir copy;
    const QString path = copy.filePath(QStringLiteral("endpoints.db"));
    QVERIFY(QFile::copy(m_path, path));
    RunsFixture f(path, copy.path());
    QVERIFY(f.opened && f.settled());
    f.settings.setLlmEndpoints(
        {{QStringLiteral("Dead"), QStringLiteral("http://127.0.0.1:9/v1"), QStringLiteral("m")},
         {QStringLiteral("Local"), QString::fromStdString(chosen.baseUrl()), QStringLiteral("fake-model")}});
    f.settings.setCurrentLlmEndpoint(QStringLiteral("Dead"));
    QCOMPARE(AgentRunLauncher::profileFor(f.settings).baseUrl, std::string("http://127.0.0.1:9/v1"));
    QCOMPARE(AgentRunLauncher::profileFor(f.settings, QStringLiteral("Local")).baseUrl, chosen.baseUrl());
    QCOMPARE(AgentRunLauncher::profileFor(f.settings, QStringLiteral("Local")).name, std::string("Local"));

    RunRequest request;
    request.pack = QStringLiteral("mini_rule");
    request.endpoint = QStringLiteral("Local");
    QSignalSpy finished(f.view.launcher(), &AgentRunLauncher::batchFinished);
    f.view.startRuns(request);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QVERIFY(chosen.chatRequestCount() >= 1);
    QTRY_VERIFY(f.view.inspector()->trace().has_value() && f.view.inspector()->trace()->status != "running");
    QCOMPARE(QString::fromStdString(f.view.inspector()->trace()->outcome), QStringLiteral("success"));

    // An endpoint without a model cannot run: a warning, nothing starts.
    f.settings.setLlmEndpoints({{QStringLiteral("Half"), QStringLiteral("http://127.0.0.1:9/v1"), QString()}});
    request.endpoint = QStringLiteral("Half");
    QTRY_VERIFY(!f.view.launcher()->isRunning());
    f.view.startRuns(request);
    QVERIFY(!f.view.launcher()->isRunning());
}

void TestRunsView::showRunFindsHiddenRuns()
{
    RunsFixture f(m_path, m_dir.path() + QStringLiteral("/show"));
    QVERIFY(f.opened && f.settled());
    // A filter that hides run_failed: showRun clears it and selects the run.
    f.view.statusFilter()->setCurrentIndex(f.view.statusFilter()->findData(QStringLiteral("completed")));
    QTRY_VERIFY(!f.view.isLoading() && f.view.model()->rowOfRun(QStringLiteral("run_failed")) < 0);
    f.view.showRun(QStringLiteral("run_failed"));
    QTRY_COMPARE(f.view.currentRunId(), QStringLiteral("run_failed"));
    QTRY_COMPARE(f.view.inspector()->runId(), QStringLiteral("run_failed"));
    QCOMPARE(f.view.statusFilter()->currentIndex(), 0);
    // A run that is not there says so.
    f.view.showRun(QStringLiteral("run_nowhere"));
    QTRY_VERIFY(f.view.banner()->isVisible());
    QVERIFY(f.view.banner()->text().contains(QStringLiteral("run_nowhere")));
}

void TestRunsView::emptyListSaysWhy()
{
    // A store without runs says how to start one.
    const QString emptyPath = m_dir.filePath(QStringLiteral("no-runs.db"));
    MemoryStore::open(emptyPath.toStdString());
    {
        RunsFixture empty(emptyPath, m_dir.path() + QStringLiteral("/empty"));
        QVERIFY(empty.opened);
        QTRY_VERIFY(empty.view.inspector()->messageLabel()->isVisible());
        QTRY_VERIFY(empty.view.inspector()->messageLabel()->text().startsWith(QStringLiteral("No agent runs")));
    }
    // Filters that hide every run say that instead.
    RunsFixture f(m_path, m_dir.path() + QStringLiteral("/hidden"));
    QVERIFY(f.opened && f.settled());
    f.view.searchField()->setText(QStringLiteral("no run has this text"));
    QTRY_VERIFY(!f.view.isLoading() && f.view.model()->rowCount() == 0);
    QTRY_COMPARE(f.view.inspector()->messageLabel()->text(), QStringLiteral("No runs match."));
}

void TestRunsView::recordDetailOpensTheRun()
{
    QTemporaryDir dir;
    MainWindowFixture w(dir.path());
    w.window.openDatabase(m_path);
    QVERIFY(w.idle());
    w.window.openRecord(m_memoryIds[0]);
    QTRY_COMPARE(w.window.detail()->recordId(), m_memoryIds[0]);
    QTRY_VERIFY(w.window.detail()->runsModel()->rowCount() > 0);
    const QString runId = w.window.detail()->runsModel()->runId(0);
    QVERIFY(!runId.isEmpty());
    emit w.window.detail()->runsView()->activated(w.window.detail()->runsModel()->index(0, 0));
    QTRY_VERIFY(w.window.runsView()->isVisible());
    QTRY_COMPARE(w.window.runsView()->currentRunId(), runId);
    QTRY_COMPARE(w.window.runsView()->inspector()->runId(), runId);
}

QTEST_MAIN(TestRunsView)
#include "tst_runsview.moc"
