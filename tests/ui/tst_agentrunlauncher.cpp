// AgentRunLauncher against the loopback chat server: a learning curve (withControl) runs every episode with
// memory and then without, 2N runs under one batch id, interleaved; the control writes no lesson and
// retrieves none, while the memory arm's later episodes retrieve the lessons of earlier ones; progress counts
// every run; queued writeback is drained after each run so the next episode sees the lesson; the prefetch
// options reach the trace.
#include "FakeChatServer.h"
#include "ScopedEnv.h"
#include "UiTestSupport.h"

#include <agent/RunStore.h>
#include <store/AgentRunLauncher.h>
#include <store/StoreSession.h>

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace memscope;
using namespace memscope::ui;
using namespace memscope::test;

namespace {

const char* const kPackJson =
    "{\"name\": \"mini_rule\", \"task_type\": \"mini_rule\", \"title\": \"Mini rule\", \"version\": \"3.0\",\n"
    " \"tool_name\": \"llm\", \"system_prompt\": \"Answer with one word.\", \"prompt_template\": \"{{input}}\",\n"
    " \"tools\": [], \"limits\": {\"max_turns\": 1, \"max_tool_calls\": 0},\n"
    " \"evaluator\": {\"kind\": \"rule\"},\n"
    " \"tasks\": [{\"id\": \"w1\", \"title\": \"colour\", \"input\": \"Name the colour of the sky.\",\n"
    "             \"expected\": {\"answer\": \"blue\"}},\n"
    "            {\"id\": \"w2\", \"title\": \"grass\", \"input\": \"Name the colour of grass.\",\n"
    "             \"expected\": {\"answer\": \"green\"}}]}\n";

ProviderProfile profileOf(const FakeChatServer& server)
{
    ProviderProfile profile;
    profile.baseUrl = server.baseUrl();
    profile.model = "fake-model";
    return profile;
}

// The runs of a batch, oldest first.
std::vector<RunTrace> batchRuns(const QString& path, const std::string& batchId)
{
    auto store = MemoryStore::open(path.toStdString());
    RunStore runs(*store);
    RunListQuery query;
    query.batchId = batchId;
    std::vector<RunTrace> out;
    const auto list = runs.list(query);
    for (auto it = list.rbegin(); it != list.rend(); ++it)
        out.push_back(runs.require(it->runId));
    return out;
}

// A store, the loopback server and a launcher on them, with the end of the batch watched.
struct LauncherFixture {
    explicit LauncherFixture(const QString& file)
        : path(dir.filePath(file))
        , opened(openSession(session, path))
        , launcher(&session)
        , finished(&launcher, &AgentRunLauncher::batchFinished)
    {
    }
    // A request for the mini pack's task (empty: its tasks in turn) over `episodes` episodes.
    static RunRequest request(const QString& taskId, int episodes)
    {
        RunRequest r;
        r.pack = QStringLiteral("mini_rule");
        r.taskId = taskId;
        r.episodes = episodes;
        return r;
    }
    bool start(const RunRequest& request) { return launcher.start(request, profileOf(server)); }

    QTemporaryDir dir;
    QString path;
    FakeChatServer server;
    StoreSession session;
    bool opened;
    AgentRunLauncher launcher;
    QSignalSpy finished;
};

} // namespace

class TestAgentRunLauncher : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void learningCurveRunsBothArms_data();
    void learningCurveRunsBothArms();
    void queuedLessonsAreDrainedBetweenEpisodes();
    void prefetchOptionsReachTheRun();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ScopedEnv> m_env;
};

void TestAgentRunLauncher::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString packs = m_dir.filePath(QStringLiteral("packs"));
    QVERIFY(QDir().mkpath(packs));
    QFile pack(packs + QStringLiteral("/mini_rule.json"));
    QVERIFY(pack.open(QIODevice::WriteOnly));
    pack.write(kPackJson);
    pack.close();
    m_env = std::make_unique<ScopedEnv>(std::map<QByteArray, std::optional<std::string>>{
        {"MEMSCOPE_NO_KEYCHAIN", "1"}, {"MEMSCOPE_PACKS_PATH", packs.toStdString()}});
}

void TestAgentRunLauncher::learningCurveRunsBothArms_data()
{
    QTest::addColumn<int>("episodes");
    QTest::addColumn<QString>("taskId");
    QTest::addRow("one episode") << 1 << QStringLiteral("w1");
    QTest::addRow("three episodes of one task") << 3 << QStringLiteral("w1");
    QTest::addRow("four episodes, tasks in turn") << 4 << QString();
}

void TestAgentRunLauncher::learningCurveRunsBothArms()
{
    QFETCH(int, episodes);
    QFETCH(QString, taskId);
    LauncherFixture f(QStringLiteral("curve.db"));
    QVERIFY(f.opened);
    FakeChatServer& server = f.server;
    for (int e = 1; e <= episodes; ++e) {
        server.enqueue(FakeChatReply::text("blue"));                                                     // with memory
        server.enqueue(FakeChatReply::text("Lesson " + std::to_string(e) + ": name the colour alone.")); // its lesson
        server.enqueue(FakeChatReply::text("blue")); // without memory: no lesson asked for
    }
    QSignalSpy progress(&f.launcher, &AgentRunLauncher::episodeStarted);
    QSignalSpy& finished = f.finished;
    QSignalSpy curve(&f.launcher, &AgentRunLauncher::learningCurveFinished);
    RunRequest request = LauncherFixture::request(taskId, episodes);
    request.withControl = true;
    request.memory = false; // ignored: the curve runs both arms
    QCOMPARE(request.runCount(), 2 * episodes);
    QVERIFY(f.start(request));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(finished.first().at(0).toInt(), 2 * episodes);
    QCOMPARE(finished.first().at(1).toInt(), 2 * episodes);
    QVERIFY(!finished.first().at(2).toBool());
    QCOMPARE(progress.count(), 2 * episodes);
    for (int i = 0; i < progress.count(); ++i) {
        QCOMPARE(progress.at(i).at(0).toInt(), i + 1);
        QCOMPARE(progress.at(i).at(1).toInt(), 2 * episodes);
    }
    QCOMPARE(server.pendingReplies(), 0);
    QCOMPARE(server.chatRequestCount(), 3 * episodes);
    QCOMPARE(curve.count(), 1);
    const std::string batchId = curve.first().at(0).toString().toStdString();
    QVERIFY(!batchId.empty());

    const auto runs = batchRuns(f.path, batchId);
    QCOMPARE(runs.size(), std::size_t(2 * episodes));
    std::vector<std::string> lessons; // the memory arm's, in order
    for (int i = 0; i < 2 * episodes; ++i) {
        const RunTrace& t = runs[std::size_t(i)];
        const int episode = i / 2 + 1;
        QCOMPARE(t.batchId, batchId);
        QCOMPARE(t.episode, episode);
        QCOMPARE(t.status, std::string("completed"));
        // Interleaved: with memory, then the same task without.
        QCOMPARE(t.memory, i % 2 == 0);
        QCOMPARE(t.taskId, runs[std::size_t(i - i % 2)].taskId);
        if (!t.memory) {
            QVERIFY2(t.writtenMemoryId.empty() && t.writeback.empty(), t.runId.c_str());
            QVERIFY(t.retrieved.empty());
            continue;
        }
        QVERIFY(!t.writtenMemoryId.empty());
        // Every earlier lesson of the memory arm is retrieved (the control wrote none).
        QCOMPARE(t.retrieved.size(), lessons.size());
        for (const auto& lesson : lessons)
            QVERIFY(std::any_of(t.retrieved.begin(), t.retrieved.end(),
                                [&](const RetrievedMemory& m) { return m.memoryId == lesson; }));
        lessons.push_back(t.writtenMemoryId);
    }
    auto store = MemoryStore::open(f.path.toStdString());
    QCOMPARE(RunStore(*store).batches(10, true).size(), std::size_t(1));
    QCOMPARE(RunStore(*store).batches(10, true).front().runsWithoutMemory, episodes);
}

void TestAgentRunLauncher::queuedLessonsAreDrainedBetweenEpisodes()
{
    LauncherFixture f(QStringLiteral("queued.db"));
    QVERIFY(f.opened);
    f.server.setFallback(FakeChatReply::text("blue"));
    QSignalSpy runFinished(&f.launcher, &AgentRunLauncher::runFinished);
    QSignalSpy curve(&f.launcher, &AgentRunLauncher::learningCurveFinished);
    RunRequest request = LauncherFixture::request(QStringLiteral("w1"), 2);
    request.writeback = RunOptions::Writeback::Queue;
    QVERIFY(f.start(request));
    QTRY_COMPARE_WITH_TIMEOUT(f.finished.count(), 1, 60000);
    QCOMPARE(curve.count(), 0);
    QCOMPARE(runFinished.count(), 2);
    const auto first = runFinished.at(0).at(0).value<RunTrace>();
    QCOMPARE(first.writeback, std::string("queued")); // as the run left it
    const auto runs = batchRuns(f.path, first.batchId);
    QCOMPARE(runs.size(), std::size_t(2));
    QCOMPARE(runs[0].writeback, std::string("written")); // drained
    QCOMPARE(runs[1].retrieved.size(), std::size_t(1));
    QCOMPARE(runs[1].retrieved.front().memoryId, runs[0].writtenMemoryId);
    auto store = MemoryStore::open(f.path.toStdString());
    QCOMPARE(RunStore(*store).queueLength(), std::int64_t(0));
    QVERIFY(store->get(runs[1].writtenMemoryId).has_value());
}

void TestAgentRunLauncher::prefetchOptionsReachTheRun()
{
    LauncherFixture f(QStringLiteral("options.db"));
    QVERIFY(f.opened);
    f.server.setFallback(FakeChatReply::text("blue"));
    RunRequest request = LauncherFixture::request(QStringLiteral("w1"), 2);
    request.lessonBudgetTokens = 321;
    request.toolFilter = QStringLiteral("no_such_tool");
    request.sinceDays = 7;
    request.endpoint = QStringLiteral("local"); // carried, resolved by the caller
    QVERIFY(f.start(request));
    QTRY_COMPARE_WITH_TIMEOUT(f.finished.count(), 1, 60000);
    auto store = MemoryStore::open(f.path.toStdString());
    const auto list = RunStore(*store).list();
    QCOMPARE(list.size(), std::size_t(2));
    const RunTrace second = RunStore(*store).require(list.front().runId);
    QCOMPARE(second.lessonBudgetTokens, 321);
    QVERIFY2(second.filters.dump().find("no_such_tool") != std::string::npos, second.filters.dump().c_str());
    // The tool filter matches no lesson: the first episode's is not retrieved.
    QVERIFY(second.retrieved.empty());
}

QTEST_MAIN(TestAgentRunLauncher)
#include "tst_agentrunlauncher.moc"
