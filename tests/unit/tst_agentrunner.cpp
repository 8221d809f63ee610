// The continual-learning loop (AgentRunner) against the loopback FakeChatServer: prefetch, prompt, tools,
// evaluation, lesson, writeback, traces and the access log, and what happens when the endpoint fails.
#include "FakeChatServer.h"
#include "TestStore.h"

#include <agent/AgentRunner.h>
#include <agent/RunPrompt.h>
#include <agent/RunStore.h>
#include <agent/TaskPack.h>
#include <agent/WritebackWorker.h>
#include <llm/OpenAiChatClient.h>
#include <llm/ProviderProfile.h>
#include <storage/MemoryStore.h>

#include <QFile>
#include <QTest>

#include <atomic>
#include <thread>

using namespace memscope;
using namespace memscope::test;
using Reply = FakeChatReply;
using nlohmann::json;

namespace {

const char* const kPackJson =
    "{\n"
    "  \"name\": \"mini_sql\", \"task_type\": \"mini_sql\", \"title\": \"Mini SQL\", \"version\": \"2.0\", "
    "\"tool_name\": \"sqlite\",\n"
    "  \"system_prompt\": \"You fix SQL queries. Answer with the corrected query in a sql block.\",\n"
    "  \"prompt_template\": \"Task {{id}}: {{input}}\\nSchema:\\n{{schema}}\",\n"
    "  \"tools\": [\"run_sql\", \"describe_schema\"],\n"
    "  \"limits\": {\"max_turns\": 4, \"max_tool_calls\": 2, \"tool_timeout_ms\": 1000},\n"
    "  \"evaluator\": {\"kind\": \"sql_result\"},\n"
    "  \"database\": \"mini.sql\",\n"
    "  \"tasks\": [{\"id\": \"t1\", \"title\": \"big values\", \"input\": \"List the names whose v is above 1.\",\n"
    "             \"severity\": \"high\", \"expected\": {\"sql\": \"SELECT name FROM t WHERE v > 1\"}}]\n"
    "}";

const char* const kRightAnswer = "```sql\nSELECT name FROM t WHERE v > 1;\n```";
const char* const kWrongAnswer = "```sql\nSELECT name FROM t WHERE v < 1;\n```"; // no rows: a failure

QString messagesText(const FakeChatRequest& request) { return QString::fromStdString(request.messages().dump()); }

} // namespace

class TestAgentRunner : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_packDir;
    TaskPack m_pack;

    ProviderProfile profile(const FakeChatServer& server)
    {
        ProviderProfile p;
        p.baseUrl = server.baseUrl();
        p.model = "fake-model";
        p.maxRetries = 0; // failures show at once
        p.retryBackoffMs = 1;
        return p;
    }

    int lessonCount(MemoryStore& store) { return static_cast<int>(store.count({{"collection", "task_outcomes"}})); }

private slots:
    void initTestCase()
    {
        QFile sql(m_packDir.filePath(QStringLiteral("mini.sql")));
        QVERIFY(sql.open(QIODevice::WriteOnly));
        sql.write("CREATE TABLE t (name TEXT, v INTEGER);\nINSERT INTO t VALUES ('a', 1), ('b', 2), ('c', 3);\n");
        sql.close();
        QFile pack(m_packDir.filePath(QStringLiteral("pack.json")));
        QVERIFY(pack.open(QIODevice::WriteOnly));
        pack.write(kPackJson);
        pack.close();
        m_pack = TaskPack::load(m_packDir.filePath(QStringLiteral("pack.json")).toStdString());
    }

    // Run 1 learns (tool call, right answer, lesson written); run 2 gets that lesson in its prompt and the
    // access log links them; the ablation run sees no lessons.
    void lessonIsWrittenThenRetrievedByTheNextRun()
    {
        FakeChatServer server;
        TestStore store;
        OpenAiChatClient chat(profile(server));
        AgentRunner runner(store.store(), chat);
        RunOptions options;
        options.userId = "alice";

        server.enqueue(Reply::callTools({{"call_1", "run_sql", "{\"query\": \"SELECT * FROM t\"}"}}));
        server.enqueue(Reply::text(kRightAnswer));
        server.enqueue(Reply::text("Lesson: filter with WHERE v > 1 before selecting names."));
        const RunTrace first = runner.run(m_pack, m_pack.tasks.front(), options);
        QCOMPARE(QString::fromStdString(first.status), QStringLiteral("completed"));
        QCOMPARE(QString::fromStdString(first.outcome), QStringLiteral("success"));
        QCOMPARE(QString::fromStdString(first.lessonSource), QStringLiteral("llm"));
        QCOMPARE(QString::fromStdString(first.lesson),
                 QStringLiteral("filter with WHERE v > 1 before selecting names."));
        QVERIFY(first.retrieved.empty());
        // llm (tool call), tool, llm (answer), evaluate, lesson
        QCOMPARE(first.steps.size(), std::size_t(5));
        QCOMPARE(QString::fromStdString(first.steps[1].kind), QStringLiteral("tool"));
        QVERIFY(first.steps[1].ok);
        QVERIFY(first.steps[1].output.value("output", "").find("b") != std::string::npos);
        QCOMPARE(first.sections.size(), std::size_t(3)); // system, lessons, task
        QVERIFY(messagesText(server.chatRequests().front()).contains(QStringLiteral("CREATE TABLE t")));

        const auto lesson = store->require(first.writtenMemoryId);
        QCOMPARE(QString::fromStdString(lesson.memory), QString::fromStdString(first.lesson));
        QCOMPARE(QString::fromStdString(lesson.userId), QStringLiteral("alice"));
        QCOMPARE(QString::fromStdString(lesson.runId), QString::fromStdString(first.runId));
        QCOMPARE(QString::fromStdString(lesson.collection), QStringLiteral("task_outcomes"));
        for (const auto& [key, value] : std::map<std::string, std::string>{{"outcome_type", "success"},
                                                                           {"task_type", "mini_sql"},
                                                                           {"tool_name", "sqlite"},
                                                                           {"version", "2.0"},
                                                                           {"severity", "high"},
                                                                           {"user_scope", "user_specific"},
                                                                           {"run_id", first.runId}})
            QCOMPARE(QString::fromStdString(lesson.metaString(key.c_str())), QString::fromStdString(value));
        QVERIFY(!lesson.metaString("timestamp").empty());
        QCOMPARE(QString::fromStdString(store->history(lesson.id).front().actor),
                 QStringLiteral("agent:memscope-agent"));

        server.enqueue(Reply::text(kWrongAnswer));
        server.enqueue(Reply::text("Selecting every name without the filter on v returns too many rows."));
        const int before = server.chatRequestCount();
        const RunTrace second = runner.run(m_pack, m_pack.tasks.front(), options);
        QCOMPARE(QString::fromStdString(second.outcome), QStringLiteral("failure"));
        QCOMPARE(second.retrieved.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(second.retrieved.front().memoryId), QString::fromStdString(lesson.id));
        QVERIFY(second.retrieved.front().used);
        const QString prompt = messagesText(server.chatRequests().at(static_cast<std::size_t>(before)));
        QVERIFY2(prompt.contains(QStringLiteral("[L1] (success) filter with WHERE v > 1")), qPrintable(prompt));
        QVERIFY(prompt.contains(QStringLiteral("do not repeat those failure patterns")));
        const auto access = RunStore(store.store()).accessesOf(lesson.id);
        QCOMPARE(access.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(access.front().runId), QString::fromStdString(second.runId));
        QCOMPARE(access.front().rank, 1);
        QCOMPARE(QString::fromStdString(access.front().source), QStringLiteral("agent"));
        QCOMPARE(lessonCount(store.store()), 2);

        RunOptions ablation = options;
        ablation.memory = false;
        server.enqueue(Reply::text(kRightAnswer));
        server.enqueue(Reply::text("Filter on v."));
        const int beforeAblation = server.chatRequestCount();
        const RunTrace third = runner.run(m_pack, m_pack.tasks.front(), ablation);
        QVERIFY(third.retrieved.empty());
        QVERIFY(!messagesText(server.chatRequests().at(static_cast<std::size_t>(beforeAblation)))
                     .contains(QStringLiteral("Lessons from earlier runs")));
        QCOMPARE(third.sections.size(), std::size_t(2)); // system, task

        // Stored traces read back whole.
        const RunTrace stored = RunStore(store.store()).require(second.runId);
        QCOMPARE(stored.toJson().dump(), second.toJson().dump());
        QCOMPARE(RunStore(store.store()).count(), std::int64_t(3));
    }

    // The endpoint fails after a tool round: the run is stored as failed with the reason, nothing is written.
    void endpointFailureMidRunIsStored_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("reason");
        QTest::addRow("500") << 0 << "500";
        QTest::addRow("garbage") << 1 << "";
        QTest::addRow("truncated stream") << 2 << "";
        QTest::addRow("connection closed") << 3 << "";
    }
    void endpointFailureMidRunIsStored()
    {
        QFETCH(int, kind);
        QFETCH(QString, reason);
        FakeChatServer server;
        TestStore store;
        OpenAiChatClient chat(profile(server));
        AgentRunner runner(store.store(), chat);
        server.enqueue(Reply::callTools({{"call_1", "run_sql", "{\"query\": \"SELECT 1\"}"}}));
        const Reply failures[] = {Reply::serverError(500), Reply::garbage("<html>proxy error</html>"),
                                  Reply::streamed({"SELECT ", "name ", "FROM"}).truncatedAfter(2),
                                  Reply::closeWithoutAnswer()};
        server.enqueue(failures[kind]);
        const RunTrace t = runner.run(m_pack, m_pack.tasks.front(), RunOptions{});
        QCOMPARE(QString::fromStdString(t.status), QStringLiteral("failed"));
        QVERIFY(!t.error.empty());
        QVERIFY2(QString::fromStdString(t.error).contains(reason), t.error.c_str());
        QVERIFY(!t.evaluated);
        QVERIFY(t.writtenMemoryId.empty());
        QCOMPARE(lessonCount(store.store()), 0);
        QVERIFY(!t.steps.back().ok);
        const RunTrace stored = RunStore(store.store()).require(t.runId);
        QCOMPARE(QString::fromStdString(stored.status), QStringLiteral("failed"));
        QCOMPARE(QString::fromStdString(stored.error), QString::fromStdString(t.error));
        QCOMPARE(stored.steps.size(), t.steps.size());
    }

    // A rate limit is waited out (the step records two attempts); a server that goes silent fails the run
    // within the stall timeout instead of hanging it.
    void rateLimitIsRetriedAndSilenceTimesOut()
    {
        FakeChatServer server;
        TestStore store;
        ProviderProfile p = profile(server);
        p.maxRetries = 2;
        p.stallTimeoutMs = 400;
        OpenAiChatClient chat(p);
        AgentRunner runner(store.store(), chat);
        RunOptions options;
        options.llmLesson = false;
        server.enqueue(Reply::rateLimited(-1, 20));
        server.enqueue(Reply::text(kRightAnswer));
        const RunTrace ok = runner.run(m_pack, m_pack.tasks.front(), options);
        QCOMPARE(QString::fromStdString(ok.status), QStringLiteral("completed"));
        QCOMPARE(QString::fromStdString(ok.outcome), QStringLiteral("success"));
        QCOMPARE(ok.steps.front().output.value("attempts", 0), 2);

        server.enqueue(Reply::text(kRightAnswer).withDelay(5000), 3);
        const RunTrace slow = runner.run(m_pack, m_pack.tasks.front(), options);
        QCOMPARE(QString::fromStdString(slow.status), QStringLiteral("failed"));
        QVERIFY2(QString::fromStdString(slow.error).contains(QStringLiteral("no answer from")), slow.error.c_str());
        QVERIFY(!slow.error.empty());
    }

    void cancelStopsAStreamingRun()
    {
        FakeChatServer server;
        TestStore store;
        OpenAiChatClient chat(profile(server));
        AgentRunner runner(store.store(), chat);
        server.enqueue(Reply::streamed({"SELECT", " name", " FROM", " t"}, 3000));
        std::atomic_bool cancel{false};
        std::atomic_int deltas{0};
        const auto observer = [&](AgentRunner::Event event, const RunTrace&, std::string_view) {
            if (event == AgentRunner::Event::Delta && ++deltas == 1)
                cancel = true; // the first piece arrived: the operator presses Cancel
        };
        const RunTrace t = runner.run(m_pack, m_pack.tasks.front(), RunOptions{}, observer, &cancel);
        QCOMPARE(QString::fromStdString(t.status), QStringLiteral("cancelled"));
        QCOMPARE(deltas.load(), 1);
        QCOMPARE(lessonCount(store.store()), 0);
        QCOMPARE(QString::fromStdString(RunStore(store.store()).require(t.runId).status), QStringLiteral("cancelled"));
    }

    // The lesson call fails: the evaluator's lesson is written instead and the trace says why.
    void lessonFallsBackToTheEvaluator()
    {
        FakeChatServer server;
        TestStore store;
        OpenAiChatClient chat(profile(server));
        AgentRunner runner(store.store(), chat);
        server.enqueue(Reply::text(kWrongAnswer));
        server.enqueue(Reply::serverError(503));
        const RunTrace t = runner.run(m_pack, m_pack.tasks.front(), RunOptions{});
        QCOMPARE(QString::fromStdString(t.status), QStringLiteral("completed"));
        QCOMPARE(QString::fromStdString(t.lessonSource), QStringLiteral("evaluator"));
        QVERIFY(!t.lesson.empty());
        QCOMPARE(QString::fromStdString(t.lesson), QString::fromStdString(t.evaluation.lesson));
        QVERIFY(!t.steps.back().ok);
        QCOMPARE(QString::fromStdString(store->require(t.writtenMemoryId).metaString("outcome_type")),
                 QStringLiteral("failure"));
    }

    // A model that keeps calling tools is stopped by the pack's limits and still evaluated.
    void toolLimitsHold()
    {
        FakeChatServer server;
        TestStore store;
        OpenAiChatClient chat(profile(server));
        AgentRunner runner(store.store(), chat);
        server.enqueue(Reply::callTools({{"", "run_sql", "{\"query\": \"SELECT 1\"}"},
                                         {"", "run_sql", "{\"query\": \"SELECT 2\"}"},
                                         {"", "run_sql", "{\"query\": \"SELECT 3\"}"}}));
        server.enqueue(Reply::callTools({{"", "no_such_tool", "{}"}}));
        server.setFallback(Reply::callTools({{"", "describe_schema", "{}"}}));
        RunOptions options;
        options.llmLesson = false;
        const RunTrace t = runner.run(m_pack, m_pack.tasks.front(), options);
        QCOMPARE(QString::fromStdString(t.status), QStringLiteral("completed"));
        QCOMPARE(server.chatRequestCount(), m_pack.limits.maxTurns);
        int refused = 0;
        for (const auto& s : t.steps)
            refused += s.kind == "tool" && s.error == "tool call limit reached";
        QVERIFY(refused >= 1);
        QCOMPARE(QString::fromStdString(t.steps[t.steps.size() - 2].kind), QStringLiteral("limit"));
        QCOMPARE(QString::fromStdString(t.outcome), QStringLiteral("failure"));
        // After the limit the model is offered no tools.
        QVERIFY(server.lastChatRequest().toolNames().empty());
    }

    // Queued lessons live in the database: a restart before the worker ran loses nothing.
    void queuedWritebackSurvivesARestart()
    {
        FakeChatServer server;
        TestStore store;
        std::string runId, memoryId;
        {
            OpenAiChatClient chat(profile(server));
            AgentRunner runner(store.store(), chat);
            server.enqueue(Reply::text(kRightAnswer));
            RunOptions options;
            options.llmLesson = false;
            options.writeback = RunOptions::Writeback::Queue;
            const RunTrace t = runner.run(m_pack, m_pack.tasks.front(), options);
            QCOMPARE(QString::fromStdString(t.writeback), QStringLiteral("queued"));
            runId = t.runId;
            memoryId = t.writtenMemoryId;
            QVERIFY(!store->get(memoryId));
            QCOMPARE(RunStore(store.store()).queueLength(), std::int64_t(1));
        }
        store.reopen();
        QCOMPARE(RunStore(store.store()).queueLength(), std::int64_t(1));
        {
            WritebackWorker worker(store.store(), 50);
            QTRY_COMPARE(worker.writtenTotal(), std::int64_t(1));
        }
        QCOMPARE(RunStore(store.store()).queueLength(), std::int64_t(0));
        QCOMPARE(QString::fromStdString(store->require(memoryId).metaString("outcome_type")),
                 QStringLiteral("success"));
        const RunTrace t = RunStore(store.store()).require(runId);
        QCOMPARE(QString::fromStdString(t.writeback), QStringLiteral("written"));
        QCOMPARE(QString::fromStdString(t.writtenMemoryId), QString::fromStdString(memoryId));
        // Draining again writes nothing twice.
        QCOMPARE(WritebackWorker::drainOnce(store.store()).written, 0);
        QCOMPARE(lessonCount(store.store()), 1);
    }

    void lessonsFitTheBudget_data()
    {
        QTest::addColumn<int>("budget");
        QTest::addColumn<int>("used");
        QTest::addRow("no budget") << 0 << 0;
        QTest::addRow("room for one") << 30 << 1;
        QTest::addRow("room for two") << 55 << 2;
        QTest::addRow("room for all") << 1000 << 4;
    }
    void lessonsFitTheBudget()
    {
        QFETCH(int, budget);
        QFETCH(int, used);
        RelevantOutcomes outcomes;
        const auto hit = [](const char* id, double score) {
            SearchHit h;
            h.record.id = id;
            h.record.memory = "Check the join keys of orders and customers before grouping the totals.";
            h.score = score;
            return h;
        };
        outcomes.successes = {hit("s1", 0.9), hit("s2", 0.5)};
        outcomes.failures = {hit("f1", 0.7), hit("f2", 0.1)};
        const auto lessons = RunPrompt::fitLessons(outcomes, budget);
        QCOMPARE(lessons.size(), std::size_t(4));
        // One ranking by score across outcomes: s1, f1, s2, f2.
        QCOMPARE(QString::fromStdString(lessons[1].memoryId), QStringLiteral("f1"));
        QCOMPARE(lessons[1].rank, 2);
        int usedCount = 0, tokens = 0;
        for (const auto& l : lessons) {
            usedCount += l.used;
            tokens += l.used ? l.tokens : 0;
        }
        QCOMPARE(usedCount, used);
        QVERIFY(tokens <= budget);
    }

    void abandonedRunsAreMarkedFailed()
    {
        TestStore store;
        RunStore runs(store.store());
        RunTrace t;
        t.runId = "run_old";
        t.pack = "mini_sql";
        t.taskType = "mini_sql";
        t.startedAt = nowMicros() - 3600 * 1000000LL;
        runs.save(t);
        t.runId = "run_new";
        t.startedAt = nowMicros();
        runs.save(t);
        QCOMPARE(runs.markAbandoned(nowMicros() - 60 * 1000000LL), 1);
        QCOMPARE(QString::fromStdString(runs.require("run_old").status), QStringLiteral("failed"));
        QVERIFY(!runs.require("run_old").error.empty());
        QCOMPARE(QString::fromStdString(runs.require("run_new").status), QStringLiteral("running"));
    }
};

QTEST_GUILESS_MAIN(TestAgentRunner)
#include "tst_agentrunner.moc"
