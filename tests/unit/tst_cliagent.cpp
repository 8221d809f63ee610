// memscope-cli packs, run, runs, run-show and search --run-id, with the shipped sql_query_debug pack
// against the loopback FakeChatServer.
#include "CliTestSupport.h"
#include "FakeChatServer.h"
#include "ScopedEnv.h"

#include <agent/RunStore.h>
#include <agent/TaskPack.h>
#include <storage/MemoryStore.h>

#include <QTest>

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
