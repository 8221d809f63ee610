// memscope-cli packs, run, runs, run-show, run-compare and search --run-id, with the shipped sql_query_debug
// pack against the loopback FakeChatServer (run-compare over recorded runs).
#include "../ui/RunFixtures.h"
#include "CliTestSupport.h"
#include "FakeChatServer.h"
#include "ScopedEnv.h"

#include <agent/RunStore.h>
#include <agent/TaskPack.h>
#include <storage/MemoryStore.h>

#include <QRegularExpression>
#include <QTest>

#include <set>

using namespace memscope;
using namespace memscope::test;
using Reply = FakeChatReply;

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

// One JSON object per line (run --json).
std::vector<json> jsonLines(const QString& text)
{
    std::vector<json> out;
    for (const auto& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        out.push_back(parseJson(line));
    return out;
}

std::string sqlBlock(const std::string& sql) { return "```sql\n" + sql + "\n```"; }

} // namespace

class TestCliAgent : public QObject {
    Q_OBJECT

private:
    TaskPack m_pack;

    static void writeComparedRuns(const CliDb& db)
    {
        auto store = MemoryStore::open(db.path().toStdString());
        const Micros t0 = 1767225600000000;
        saveRun(*store, {.id = "run_a", .startedAt = t0, .memoryIds = {"m1", "m2"}});
        saveRun(*store, {.id = "run_b", .memory = false, .startedAt = t0 + 1000000});
        RunTrace c =
            fixtureTrace({.id = "run_c", .outcome = "failure", .startedAt = t0 + 2000000, .memoryIds = {"m2", "m3"}});
        c.promptTokens = 500;
        c.sections[1].tokens = 60;
        RunStore(*store).save(c);
        saveRun(*store, {.id = "run_d", .taskId = "q02", .startedAt = t0 + 3000000});
    }

private slots:
    void initTestCase()
    {
        m_pack =
            TaskPack::load(std::string(MEMSCOPE_FIXTURES_DIR) + "/../../resources/packs/sql_query_debug/pack.json");
        QVERIFY(m_pack.tasks.size() >= 20);
    }

    void packsListsTheShippedPacks()
    {
        CliDb db;
        const auto r = db.run({"packs", "--json"});
        CLI_EXPECT(r, 0);
        const json packs = parseJson(r.out);
        QVERIFY2(packs.is_array(), qPrintable(r.out));
        std::map<std::string, json> byName;
        for (const auto& p : packs)
            byName[p.value("name", "")] = p;
        QVERIFY2(byName.count("sql_query_debug") && byName.count("support_replies"), qPrintable(r.out));
        QVERIFY(byName["sql_query_debug"]["tasks"].get<int>() >= 20);
        JSON_COMPARE(byName["sql_query_debug"]["error"], "");
    }

    // A run learns a lesson; the next episode retrieves it; run-show shows the whole trace.
    void runWritesLessonsAndTracesThem()
    {
        FakeChatServer server;
        ScopedEnv env({{"OPENAI_BASE_URL", server.baseUrl()},
                       {"MEMSCOPE_MODEL", "fake-model"},
                       {"OPENAI_API_KEY", std::nullopt}});
        const PackTask& task = m_pack.tasks.front();
        const std::string expected = m_pack.evaluatorFor(task).config.at("sql").get<std::string>();
        server.enqueue(Reply::text(sqlBlock(expected)));
        server.enqueue(Reply::text("Check the expected rows before answering."));
        server.enqueue(Reply::text(sqlBlock("SELECT 1")));
        server.enqueue(Reply::text("A constant SELECT never answers the question."));
        CliDb db;
        const auto r = db.run({"run", "--pack", "sql_query_debug", "--task", qs(task.id), "--episodes", "2", "--user",
                               "alice", "--json"});
        CLI_EXPECT(r, 0);
        const auto lines = jsonLines(r.out);
        QCOMPARE(lines.size(), std::size_t(2));
        JSON_COMPARE(lines[0]["status"], "completed");
        JSON_COMPARE(lines[0]["outcome"], "success");
        JSON_COMPARE(lines[0]["episode"], 1);
        JSON_COMPARE(lines[1]["outcome"], "failure");
        JSON_COMPARE(lines[1]["lessons_used"], 1);
        const std::string firstLesson = lines[0]["written_memory_id"];
        QVERIFY(!firstLesson.empty());

        const auto shown = db.run({"run-show", qs(lines[1]["run_id"]), "--json"});
        CLI_EXPECT(shown, 0);
        const json trace = parseJson(shown.out);
        JSON_COMPARE(trace["retrieved"][0]["memory_id"], firstLesson);
        JSON_COMPARE(trace["retrieved"][0]["outcome_type"], "success");
        JSON_COMPARE(trace["user_id"], "alice");
        JSON_COMPARE(trace["evaluation"]["outcome"], "failure");
        QVERIFY(trace["prompt"][1]["content"].get<std::string>().find("[L1] (success)") != std::string::npos);
        QVERIFY(trace["sections"].size() == 3);

        const auto text = db.run({"run-show", qs(lines[1]["run_id"])});
        CLI_EXPECT(text, 0);
        QVERIFY2(text.out.contains(QStringLiteral("Retrieved memories (1")), qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("Evaluation: failure")));

        const auto list = db.run({"runs", "--json"});
        CLI_EXPECT(list, 0);
        const json runs = parseJson(list.out);
        QCOMPARE(runs.size(), std::size_t(2));
        JSON_COMPARE(runs[0]["run_id"], lines[1]["run_id"]); // newest first
        JSON_COMPARE(runs[0]["batch_id"], lines[0].value("batch_id", runs[1]["batch_id"]));

        // The lessons are ordinary records with the outcome metadata.
        const auto outcomes = db.run({"outcomes", "--task-type", "sql_query_debug", "--user", "alice", "--json"});
        CLI_EXPECT(outcomes, 0);
        const json o = parseJson(outcomes.out);
        QCOMPARE(o["successes"].size(), std::size_t(1));
        QCOMPARE(o["failures"].size(), std::size_t(1));
        JSON_COMPARE(o["successes"][0]["metadata"]["run_id"], lines[0]["run_id"]);
    }

    void ablationRunsWithoutMemory()
    {
        FakeChatServer server;
        server.setFallback(Reply::text(sqlBlock("SELECT 1")));
        ScopedEnv env({{"OPENAI_BASE_URL", server.baseUrl()}, {"MEMSCOPE_MODEL", "fake-model"}});
        CliDb db;
        CLI_EXPECT(db.run({"run", "--pack", "sql_query_debug", "--task", qs(m_pack.tasks[1].id), "--json"}), 0);
        const auto r = db.run({"run", "--pack", "sql_query_debug", "--task", qs(m_pack.tasks[1].id), "--no-memory",
                               "--no-llm-lesson", "--json"});
        CLI_EXPECT(r, 0);
        const json line = jsonLines(r.out).at(0);
        JSON_COMPARE(line["memory"], false);
        const json trace = parseJson(db.run({"run-show", qs(line["run_id"]), "--json"}).out);
        JSON_COMPARE(trace["retrieved"], json::array());
        QVERIFY(trace["prompt"][1]["content"].get<std::string>().find("Lessons from earlier runs") ==
                std::string::npos);
    }

    void endpointFailureExitsNonZeroAndIsStored()
    {
        FakeChatServer server;
        server.setFallback(Reply::serverError(500));
        ScopedEnv env({{"OPENAI_BASE_URL", server.baseUrl()}, {"MEMSCOPE_MODEL", "fake-model"}});
        CliDb db;
        const auto r = db.run({"run", "--pack", "sql_query_debug", "--task", qs(m_pack.tasks.front().id), "--json"});
        CLI_EXPECT(r, 1);
        const json line = jsonLines(r.out).at(0);
        JSON_COMPARE(line["status"], "failed");
        QVERIFY(line["error"].get<std::string>().find("500") != std::string::npos);
        const json failed = parseJson(db.run({"runs", "--status", "failed", "--json"}).out);
        QCOMPARE(failed.size(), std::size_t(1));
        const json stats = statsOf(db);
        QVERIFY(stats.is_object());
        JSON_COMPARE(stats["total"], 0); // no lesson written
    }

    void noEndpointSaysHowToConfigureOne()
    {
        ScopedEnv env({{"OPENAI_BASE_URL", std::nullopt},
                       {"OPENAI_API_KEY", std::nullopt},
                       {"OLLAMA_HOST", "127.0.0.1:" + std::to_string(LoopbackHttpServer::unusedPort())}});
        CliDb db;
        const auto r = db.run({"run", "--pack", "sql_query_debug"});
        CLI_EXPECT(r, 1);
        QVERIFY2(r.err.contains(QStringLiteral("No LLM endpoint configured")), qPrintable(describe(r)));
    }

    void badArgumentsAreRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::addRow("no pack") << QStringList{"run"} << "--pack";
        QTest::addRow("unknown pack") << QStringList{"run", "--pack", "nope"} << "nope";
        QTest::addRow("unknown task") << QStringList{"run", "--pack", "sql_query_debug", "--task", "zz"} << "zz";
        QTest::addRow("bad writeback") << QStringList{"run", "--pack", "sql_query_debug", "--writeback", "later"}
                                       << "--writeback";
        QTest::addRow("unknown run") << QStringList{"run-show", "run_missing"} << "run_missing";
        QTest::addRow("curve without memory")
            << QStringList{"run", "--pack", "sql_query_debug", "--curve", "--no-memory"} << "--no-memory";
        QTest::addRow("unknown batch") << QStringList{"curve", "batch_nope"} << "batch_nope";
        QTest::addRow("two batches") << QStringList{"curve", "batch_a", "batch_b"} << "BATCH_ID";
        QTest::addRow("no curve yet") << QStringList{"curve"} << "with and without memory";
        QTest::addRow("compare: unknown run") << QStringList{"run-compare", "run_missing", "run_x"} << "run_missing";
        QTest::addRow("compare: one run") << QStringList{"run-compare", "run_x"} << "two run ids";
    }
    void badArgumentsAreRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        FakeChatServer server;
        ScopedEnv env({{"OPENAI_BASE_URL", server.baseUrl()}, {"MEMSCOPE_MODEL", "fake-model"}});
        CliDb db;
        const auto r = db.run(args);
        QVERIFY2(r.exitCode != 0, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(message), qPrintable(describe(r)));
        QCOMPARE(server.chatRequestCount(), 0);
    }

    // run-compare over recorded runs: A with m1, m2; B (memory off) with nothing; C with m2 (moved up), m3.
    void runCompare_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<QStringList>("lines"); // in the text output, in order
        QTest::addColumn<QString>("warning");   // on stderr
        QTest::addRow("ablation") << "run_a"
                                  << "run_b"
                                  << QStringList{"memory             on", "- L1                 m1",
                                                 "- L2                 m2"}
                                  << "";
        QTest::addRow("moved, dropped, added") << "run_a"
                                               << "run_c"
                                               << QStringList{"3 memories: 1 only in A", "= L2 -> L1           m2",
                                                              "- L1                 m1", "+ L2                 m3"}
                                               << "";
        QTest::addRow("different tasks") << "run_a"
                                         << "run_d"
                                         << QStringList{"task ", "different tasks", "Context diff (2 memories"}
                                         << "different tasks";
    }
    void runCompare()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(QStringList, lines);
        QFETCH(QString, warning);
        CliDb db;
        writeComparedRuns(db);
        const auto r = db.run({"run-compare", a, b});
        CLI_EXPECT(r, 0);
        qsizetype at = 0;
        for (const QString& line : lines) {
            const qsizetype found = r.out.indexOf(line, at);
            QVERIFY2(found >= 0, qPrintable(line + QStringLiteral("\n") + describe(r)));
            at = found;
        }
        QVERIFY2(r.out.contains(QStringLiteral("prompt tokens")), qPrintable(describe(r)));
        QVERIFY2(r.out.contains(QStringLiteral("  lessons")), qPrintable(describe(r)));
        QCOMPARE(r.err.contains(QStringLiteral("warning")), !warning.isEmpty());
        if (!warning.isEmpty())
            QVERIFY2(r.err.contains(warning), qPrintable(describe(r)));
    }

    void runCompareJson()
    {
        CliDb db;
        writeComparedRuns(db);
        const auto r = db.run({"run-compare", "run_a", "run_c", "--json"});
        CLI_EXPECT(r, 0);
        const json c = parseJson(r.out);
        QVERIFY2(c.is_object(), qPrintable(r.out));
        JSON_COMPARE(c["a"]["run_id"], "run_a");
        JSON_COMPARE(c["b"]["run_id"], "run_c");
        JSON_COMPARE(c["b"]["outcome"], "failure");
        JSON_COMPARE(c["same_task"], true);
        JSON_COMPARE(c["warning"], "");
        JSON_COMPARE(c["delta"]["prompt_tokens"], -100);
        JSON_COMPARE(c["delta"]["total_tokens"], -100);
        JSON_COMPARE(c["delta"]["outcome"], -1);
        JSON_COMPARE(c["sections"][1], (json{{"name", "lessons"}, {"a", 120}, {"b", 60}, {"delta", -60}}));
        QCOMPARE(c["context"].size(), std::size_t(3));
        JSON_COMPARE(c["context"][0]["memory_id"], "m2");
        JSON_COMPARE(c["context"][0]["kind"], "both");
        JSON_COMPARE(c["context"][0]["rank_a"], 2);
        JSON_COMPARE(c["context"][0]["rank_b"], 1);
        JSON_COMPARE(c["context"][1]["kind"], "only_a");
        JSON_COMPARE(c["context"][2]["kind"], "only_b");
        JSON_COMPARE(c["context_summary"]["moved"], 1);
        const auto other = db.run({"run-compare", "run_a", "run_d", "--json"});
        CLI_EXPECT(other, 0);
        JSON_COMPARE(parseJson(other.out)["same_task"], false);
        QVERIFY(other.err.isEmpty()); // JSON carries the warning itself
    }

    // run --curve: each episode with memory, then the same task without; one batch; the control writes no
    // lesson and the memory arm's later episodes retrieve the earlier lessons (queued ones too: drained after
    // each run); the curve is printed at the end and again by `curve`.
    void curveRunsBothArms_data()
    {
        QTest::addColumn<QString>("writeback");
        QTest::addRow("inline") << QStringLiteral("inline");
        QTest::addRow("queued") << QStringLiteral("queue");
    }
    void curveRunsBothArms()
    {
        QFETCH(QString, writeback);
        FakeChatServer server;
        const PackTask& task = m_pack.tasks.front();
        const std::string expected = m_pack.evaluatorFor(task).config.at("sql").get<std::string>();
        server.setFallback(Reply::text(sqlBlock(expected)));
        ScopedEnv env({{"OPENAI_BASE_URL", server.baseUrl()}, {"MEMSCOPE_MODEL", "fake-model"}});
        CliDb db;
        const auto r = db.run({"run", "--pack", "sql_query_debug", "--task", qs(task.id), "--episodes", "3", "--curve",
                               "--no-llm-lesson", "--writeback", writeback, "--json"});
        CLI_EXPECT(r, 0);
        const auto lines = jsonLines(r.out);
        QCOMPARE(lines.size(), std::size_t(7)); // six runs, then the curve
        std::set<std::string> lessons;
        for (std::size_t i = 0; i < 6; ++i) {
            const json& line = lines[i];
            JSON_COMPARE(line["episode"], int(i / 2 + 1));
            JSON_COMPARE(line["memory"], i % 2 == 0);
            JSON_COMPARE(line["outcome"], "success");
            if (i % 2) {
                JSON_COMPARE(line["written_memory_id"], "");
                JSON_COMPARE(line["lessons_used"], 0);
            } else {
                JSON_COMPARE(line["lessons_used"], int(lessons.size()));
                lessons.insert(line["written_memory_id"].get<std::string>());
            }
        }
        QCOMPARE(lessons.size(), std::size_t(3));
        const json& curve = lines[6]["curve"];
        QVERIFY2(curve.is_object(), qPrintable(r.out));
        JSON_COMPARE(curve["episodes"], 3);
        JSON_COMPARE(curve["with_memory"]["runs"], 3);
        JSON_COMPARE(curve["without_memory"]["successes"], 3);
        JSON_COMPARE(curve["lift"], 0.0);
        JSON_COMPARE(curve["pack"], "sql_query_debug");
        const std::string batchId = curve["batch_id"];
        const json runs = parseJson(db.run({"runs", "--batch", qs(batchId), "--json"}).out);
        QCOMPARE(runs.size(), std::size_t(6));
        const json stats = statsOf(db);
        JSON_COMPARE(stats["total"], 3); // the memory arm's lessons only
        JSON_COMPARE(parseJson(db.run({"writeback", "--json"}).out)["queued"], 0);

        // `curve`: the newest batch with both arms, by default.
        const auto shown = db.run({"curve", "--json"});
        CLI_EXPECT(shown, 0);
        JSON_COMPARE(parseJson(shown.out)["batch_id"], batchId);
        const auto text = db.run({"curve", qs(batchId), "--window", "2"});
        CLI_EXPECT(text, 0);
        QVERIFY2(text.out.contains(QStringLiteral("learning curve of ") + qs(batchId)), qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("last 2 with")));
        QVERIFY(text.out.contains(QStringLiteral("with memory     100 %  (3 success(es) of 3 judged run(s))")));
        QVERIFY2(text.out.contains(QStringLiteral("lift            0 point(s) over 3 episode(s)")),
                 qPrintable(text.out));
    }

    // A failed run is counted but not rated; `curve` prints each episode's outcomes and the lift.
    void curvePrintsEpisodesAndLift()
    {
        FakeChatServer server;
        const PackTask& task = m_pack.tasks.front();
        const std::string expected = m_pack.evaluatorFor(task).config.at("sql").get<std::string>();
        // Episode 1: right with memory, wrong without; episode 2: right, then the endpoint fails the control.
        server.enqueue(Reply::text(sqlBlock(expected)));
        server.enqueue(Reply::text(sqlBlock("SELECT 1")));
        server.enqueue(Reply::text(sqlBlock(expected)));
        server.setFallback(Reply::serverError(500));
        ScopedEnv env({{"OPENAI_BASE_URL", server.baseUrl()}, {"MEMSCOPE_MODEL", "fake-model"}});
        CliDb db;
        const auto r = db.run({"run", "--pack", "sql_query_debug", "--task", qs(task.id), "--episodes", "2", "--curve",
                               "--no-llm-lesson", "--timeout", "20000"});
        CLI_EXPECT(r, 1); // a run could not finish
        QVERIFY2(r.out.contains(QStringLiteral("no-memory")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("lift            +100 point(s) over 2 episode(s)")), qPrintable(r.out));
        const auto shown = db.run({"curve"});
        CLI_EXPECT(shown, 0);
        QVERIFY2(shown.out.contains(QRegularExpression(QStringLiteral("\\n1 +success +failure +100 % +0 %"))),
                 qPrintable(shown.out));
        QVERIFY2(shown.out.contains(QRegularExpression(QStringLiteral("\\n2 +success +failed +100 % +0 %"))),
                 qPrintable(shown.out));
        QVERIFY(shown.out.contains(QStringLiteral("1 left out: failed, cancelled or running")));
        const json j = parseJson(db.run({"curve", "--json"}).out);
        JSON_COMPARE(j["without_memory"]["excluded"], 1);
        JSON_COMPARE(j["lift"], 1.0);
    }

    // An outside agent's search under its own run id lands in the access log.
    void searchWithRunIdLogsAccess()
    {
        CliDb db;
        const auto added = db.run({"add", "Join orders to customers on customer_id, not id", "--metadata",
                                   "{\"task_type\": \"sql_query_debug\", \"outcome_type\": \"success\"}", "--json"});
        CLI_EXPECT(added, 0);
        const std::string id = parseJson(added.out).value("id", "");
        QVERIFY(!id.empty());
        CLI_EXPECT(db.run({"search", "join orders customers", "--run-id", "ext-run-7", "--json"}), 0);
        CLI_EXPECT(db.run({"search", "join orders customers"}), 0); // without --run-id: not logged
        auto store = MemoryStore::open(db.path().toStdString());
        const auto access = RunStore(*store).accessesOf(id);
        QCOMPARE(access.size(), std::size_t(1));
        QCOMPARE(qs(access.front().runId), QStringLiteral("ext-run-7"));
        QCOMPARE(qs(access.front().source), QStringLiteral("search"));
        QCOMPARE(access.front().rank, 1);
    }
};

QTEST_GUILESS_MAIN(TestCliAgent)
#include "tst_cliagent.moc"
