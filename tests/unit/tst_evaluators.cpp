#include "agent/Evaluator.h"
#include "agent/SqlResultEvaluator.h"
#include "agent/SqlSandbox.h"
#include "agent/TaskPack.h"
#include "llm/ChatClient.h"
#include "util/Error.h"

#include <QDir>
#include <QTest>

#include <deque>

using namespace memscope;
using nlohmann::json;

namespace {

const TaskPack& sqlPack()
{
    static const TaskPack pack = TaskPack::load(
        QDir::cleanPath(QStringLiteral(MEMSCOPE_FIXTURES_DIR "/../../resources/packs/sql_query_debug/pack.json"))
            .toStdString());
    return pack;
}

std::string sqlBlock(const std::string& sql) { return "The join was wrong. Fixed:\n\n```sql\n" + sql + "\n```\n"; }

const char* const kScript = "CREATE TABLE t (id INTEGER, city TEXT, share REAL);\n"
                            "INSERT INTO t VALUES (1, 'Lyon', 0.5), (2, 'Zurich', 0.25), (3, 'Berlin', NULL),\n"
                            "    (4, 'Lyon', 0.125);\n";

// A judge that replies with canned answers, in order, and keeps the requests it was sent.
class ScriptedChat : public ChatClient {
public:
    std::deque<std::string> replies;
    std::vector<ChatRequest> requests;
    bool failWithNetworkError = false;

    ChatResponse complete(const ChatRequest& request, const DeltaCallback&, const std::atomic_bool*) override
    {
        requests.push_back(request);
        if (failWithNetworkError)
            throw Error(Error::Kind::Network, "http://127.0.0.1:9/v1: connection refused");
        ChatResponse response;
        response.message = ChatMessage::assistant(replies.empty() ? std::string() : replies.front());
        if (!replies.empty())
            replies.pop_front();
        response.finishReason = "stop";
        response.model = "judge-model";
        return response;
    }
};

PackTask judgedTask()
{
    PackTask task;
    task.id = "s01";
    task.title = "Cracked skillet";
    task.input = "The skillet arrived cracked.";
    task.expected = {{"rubric", "Apologises and offers a replacement or a refund."}};
    return task;
}

} // namespace

class TestEvaluators : public QObject {
    Q_OBJECT

private slots:
    // Every shipped task: its expected query passes, the broken query it shows does not.
    void shippedSqlTasks_data()
    {
        QTest::addColumn<QString>("id");
        for (const auto& task : sqlPack().tasks)
            QTest::addRow("%s", task.id.c_str()) << QString::fromStdString(task.id);
        QVERIFY(sqlPack().tasks.size() >= 24);
    }

    void shippedSqlTasks()
    {
        QFETCH(QString, id);
        const TaskPack& pack = sqlPack();
        const PackTask* task = pack.task(id.toStdString());
        QVERIFY(task);
        SqlSandbox sandbox(pack.databaseSql, "shop.sql", {pack.limits.toolTimeoutMs, pack.limits.maxRows});
        const auto spec = pack.evaluatorFor(*task);
        const auto evaluator = makeEvaluator(spec, &sandbox, nullptr);

        EvaluationInput input{&pack, task, sqlBlock(spec.config.at("sql").get<std::string>()), {}};
        const Evaluation good = evaluator->evaluate(input, nullptr);
        QVERIFY2(good.outcome == "success", good.reason.c_str());
        QCOMPARE(good.score, 1.0);
        QVERIFY(good.lesson.find(task->id) != std::string::npos);

        input.answer = sqlBlock(spec.config.at("broken_sql").get<std::string>());
        const Evaluation bad = evaluator->evaluate(input, nullptr);
        QVERIFY2(bad.outcome == "failure" || bad.outcome == "partial", (bad.outcome + ": " + bad.reason).c_str());
        QVERIFY(bad.score < 1);
        QVERIFY(!bad.reason.empty() && !bad.lesson.empty());
        QCOMPARE(bad.details.at("sql").get<std::string>(), spec.config.at("broken_sql").get<std::string>());
    }

    void ruleEvaluator_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<double>("score");
        QTest::addColumn<QString>("reason");
        QTest::addRow("answer exact") << "{\"answer\": \"Paris\"}"
                                      << "  paris \n"
                                      << "success" << 1.0 << "expected one";
        QTest::addRow("answer wrong") << "{\"answer\": \"Paris\"}"
                                      << "Lyon"
                                      << "failure" << 0.0 << "is not \"Paris\"";
        QTest::addRow("answer is not contained") << "{\"answer\": \"Paris\"}"
                                                 << "It is Paris."
                                                 << "failure" << 0.0 << "is not";
        QTest::addRow("contains all") << "{\"contains\": [\"refund\", \"5-7 business days\"]}"
                                      << "Your REFUND arrives within 5-7 business days."
                                      << "success" << 1.0 << "2 of 2";
        QTest::addRow("contains some") << "{\"contains\": [\"refund\", \"apolog\", \"label\", \"days\"]}"
                                       << "We apologise: a refund is on its way."
                                       << "partial" << 0.5 << "missing \"label\", \"days\"";
        QTest::addRow("contains none") << "{\"contains\": [\"refund\"]}"
                                       << "Thanks for writing."
                                       << "failure" << 0.0 << "0 of 1";
        QTest::addRow("regex match") << "{\"regex\": \"\\\\b[0-9]{3}-[0-9]{4}\\\\b\"}"
                                     << "Call 555-0199 today"
                                     << "success" << 1.0 << "matches";
        QTest::addRow("regex no match") << "{\"regex\": \"^ok$\"}"
                                        << "not ok"
                                        << "failure" << 0.0 << "does not match /^ok$/";
        QTest::addRow("fields bare") << "{\"fields\": {\"status\": \"closed\", \"count\": 3}}"
                                     << "{\"status\": \"Closed\", \"count\": 3, \"extra\": true}"
                                     << "success" << 1.0 << "2 of 2 fields";
        QTest::addRow("fields in a block") << "{\"fields\": {\"total\": 0.3}}"
                                           << "Here:\n```json\n{\"total\": 0.30000000001}\n```\nDone."
                                           << "success" << 1.0 << "1 of 1";
        QTest::addRow("fields number as text") << "{\"fields\": {\"total\": 12}}"
                                               << "{\"total\": \"12.0\"}"
                                               << "success" << 1.0 << "1 of 1";
        QTest::addRow("fields one wrong") << "{\"fields\": {\"status\": \"closed\", \"count\": 3}}"
                                          << "{\"status\": \"open\", \"count\": 3}"
                                          << "partial" << 0.5 << "status: got \"open\", expected \"closed\"";
        QTest::addRow("fields missing") << "{\"fields\": {\"count\": 3}}"
                                        << "{\"total\": 3}"
                                        << "failure" << 0.0 << "count: missing";
        QTest::addRow("fields no JSON") << "{\"fields\": {\"count\": 3}}"
                                        << "three"
                                        << "failure" << 0.0 << "no JSON object";
        QTest::addRow("two checks, one passes") << "{\"answer\": \"42\", \"regex\": \"^4\"}"
                                                << "43"
                                                << "partial" << 0.5 << "matches /^4/";
        QTest::addRow("empty answer") << "{\"answer\": \"x\"}"
                                      << "  "
                                      << "failure" << 0.0 << "empty";
        QTest::addRow("nothing to check") << "{}"
                                          << "x"
                                          << "unknown" << 0.0 << "nothing to check";
        QTest::addRow("invalid regex") << "{\"regex\": \"(\"}"
                                       << "x"
                                       << "unknown" << 0.0 << "invalid";
    }

    void ruleEvaluator()
    {
        QFETCH(QString, config);
        QFETCH(QString, answer);
        QFETCH(QString, outcome);
        QFETCH(double, score);
        QFETCH(QString, reason);
        const auto evaluator = makeEvaluator({"rule", json::parse(config.toStdString())}, nullptr, nullptr);
        PackTask task;
        task.id = "r1";
        task.title = "Rule task";
        const Evaluation eval = evaluator->evaluate({nullptr, &task, answer.toStdString(), {}}, nullptr);
        QCOMPARE(QString::fromStdString(eval.outcome), outcome);
        QVERIFY2(qAbs(eval.score - score) < 1e-9, qPrintable(QString::number(eval.score)));
        QVERIFY2(QString::fromStdString(eval.reason).contains(reason), eval.reason.c_str());
        if (outcome != "unknown")
            QVERIFY2(eval.lesson.find("\"Rule task\" (r1)") != std::string::npos, eval.lesson.c_str());
    }

    void ruleEvaluatorMergesTheTasksExpected()
    {
        const auto evaluator = makeEvaluator({"rule", {{"contains", {"refund"}}}}, nullptr, nullptr);
        PackTask task;
        task.expected = {{"contains", {"replacement"}}};
        QCOMPARE(evaluator->evaluate({nullptr, &task, "a replacement", {}}, nullptr).outcome, std::string("success"));
        QCOMPARE(evaluator->evaluate({nullptr, nullptr, "a replacement", {}}, nullptr).outcome, std::string("failure"));
    }

    void extractSql_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QStringList>("toolQueries");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("source");
        QTest::addRow("sql block") << "Fixed:\n```sql\nSELECT 1;\n```\nThat's it." << QStringList{} << "SELECT 1;"
                                   << "sql block";
        QTest::addRow("last sql block") << "Wrong:\n```sql\nSELECT 1\n```\nRight:\n```sql\nSELECT 2\n```"
                                        << QStringList{} << "SELECT 2"
                                        << "sql block";
        QTest::addRow("upper-case tag") << "```SQL\nSELECT 3\n```" << QStringList{} << "SELECT 3"
                                        << "sql block";
        QTest::addRow("sql block before a plain one")
            << "```sql\nSELECT 4\n```\nOutput:\n```\nid | name\n```" << QStringList{} << "SELECT 4"
            << "sql block";
        QTest::addRow("plain block") << "Use this:\n```\nselect a\nfrom t\n```" << QStringList{"SELECT 9"}
                                     << "select a\nfrom t"
                                     << "code block";
        QTest::addRow("indented fence and unclosed")
            << "Query:\n  ```sql\n  SELECT 5\n  FROM t" << QStringList{} << "SELECT 5\n  FROM t"
            << "sql block";
        QTest::addRow("closing fence on the last line") << "```sql\nSELECT 6```\nbye" << QStringList{} << "SELECT 6"
                                                        << "sql block";
        QTest::addRow("bare select") << "\n SELECT name FROM t WHERE id = 1" << QStringList{"SELECT 9"}
                                     << "SELECT name FROM t WHERE id = 1"
                                     << "answer";
        QTest::addRow("bare with") << "with x as (select 1) select * from x" << QStringList{}
                                   << "with x as (select 1) select * from x"
                                   << "answer";
        QTest::addRow("prose falls back to tools")
            << "I ran the fixed query above." << QStringList{"SELECT 7", "SELECT 8"} << "SELECT 8"
            << "tool query";
        QTest::addRow("a word starting with select") << "Selecting is hard." << QStringList{} << ""
                                                     << "";
        QTest::addRow("nothing") << "No idea." << QStringList{} << ""
                                 << "";
    }

    void extractSql()
    {
        QFETCH(QString, answer);
        QFETCH(QStringList, toolQueries);
        QFETCH(QString, sql);
        QFETCH(QString, source);
        std::vector<std::string> queries;
        for (const auto& query : toolQueries)
            queries.push_back(query.toStdString());
        const auto found = SqlResultEvaluator::extractSql(answer.toStdString(), queries);
        QCOMPARE(QString::fromStdString(found.sql), sql);
        QCOMPARE(QString::fromStdString(found.source), source);
    }

    void sqlComparison_data()
    {
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("answer");
        QTest::addColumn<bool>("orderMatters");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<QString>("reason");
        const QString all = "SELECT id, city FROM t ORDER BY id";
        QTest::addRow("same rows") << all << "SELECT id, city FROM t ORDER BY id" << false << "success"
                                   << "expected 4 rows";
        QTest::addRow("other order, order free")
            << all << "SELECT id, city FROM t ORDER BY id DESC" << false << "success"
            << "expected 4 rows";
        QTest::addRow("other order, order matters")
            << all << "SELECT id, city FROM t ORDER BY id DESC" << true << "partial"
            << "in the wrong order";
        QTest::addRow("same order, order matters") << all << "SELECT id, city FROM t" << true << "success"
                                                   << "in the expected order";
        QTest::addRow("one row missing") << all << "SELECT id, city FROM t WHERE id < 4" << false << "partial"
                                         << "returns 3 rows, expected 4; 1 expected row missing, e.g. (4, 'Lyon')";
        QTest::addRow("three rows missing") << all << "SELECT id, city FROM t WHERE id = 1" << false << "failure"
                                            << "returns 1 row, expected 4; 3 expected rows missing";
        QTest::addRow("extra rows") << "SELECT id, city FROM t WHERE city = 'Lyon'"
                                    << "SELECT id, city FROM t WHERE id IN (1, 2, 4)" << false << "partial"
                                    << "returns 3 rows, expected 2; 1 unexpected row, e.g. (2, 'Zurich')";
        QTest::addRow("duplicates count") << "SELECT city FROM t WHERE city = 'Lyon'"
                                          << "SELECT DISTINCT city FROM t WHERE city = 'Lyon'" << false << "partial"
                                          << "returns 1 row, expected 2; 1 expected row missing";
        QTest::addRow("column count") << all << "SELECT id FROM t" << false << "failure"
                                      << "returns 1 column (id), expected 2 (id, city)";
        QTest::addRow("column names do not matter") << all << "SELECT id AS n, city AS c FROM t" << false << "success"
                                                    << "expected 4 rows";
        QTest::addRow("sql error") << all << "SELECT id, town FROM t" << false << "failure"
                                   << "fails: no such column: town";
        QTest::addRow("write refused") << all << "DELETE FROM t" << false << "failure"
                                       << "not allowed";
        QTest::addRow("numbers within tolerance") << "SELECT 0.3"
                                                  << "SELECT 0.1 + 0.2" << false << "success"
                                                  << "expected 1 row";
        QTest::addRow("integer and real") << "SELECT 2"
                                          << "SELECT 2.0" << false << "success"
                                          << "expected 1 row";
        QTest::addRow("sum of reals") << "SELECT sum(share) FROM t"
                                      << "SELECT 0.875" << false << "success"
                                      << "expected 1 row";
        QTest::addRow("numbers too far") << "SELECT 1"
                                         << "SELECT 1.001" << false << "failure"
                                         << "e.g. (1)";
        QTest::addRow("integer division") << "SELECT 7 / 2.0"
                                          << "SELECT 7 / 2" << false << "failure"
                                          << "the expected number of rows (1), but 1 differs; 1 expected row missing, "
                                             "e.g. (3.5); 1 unexpected row, e.g. (3).";
        QTest::addRow("text is exact") << "SELECT city FROM t WHERE id = 1"
                                       << "SELECT lower(city) FROM t WHERE id = 1" << false << "failure"
                                       << "e.g. ('lyon')";
        QTest::addRow("NULL is not zero") << "SELECT share FROM t WHERE id = 3"
                                          << "SELECT coalesce(share, 0) FROM t WHERE id = 3" << false << "failure"
                                          << "e.g. (NULL)";
        QTest::addRow("both empty") << "SELECT id FROM t WHERE id > 9"
                                    << "SELECT id FROM t WHERE id < 0" << false << "success"
                                    << "expected 0 rows";
        QTest::addRow("empty but rows expected") << all << "SELECT id, city FROM t WHERE 0" << false << "failure"
                                                 << "returns 0 rows, expected 4";
    }

    void sqlComparison()
    {
        QFETCH(QString, expected);
        QFETCH(QString, answer);
        QFETCH(bool, orderMatters);
        QFETCH(QString, outcome);
        QFETCH(QString, reason);
        SqlSandbox sandbox(kScript, "t.sql", {});
        PackTask task;
        task.id = "c1";
        task.title = "Comparison";
        task.expected = {{"sql", expected.toStdString()}, {"order_matters", orderMatters}};
        const auto evaluator = makeEvaluator({"sql_result", {}}, &sandbox, nullptr);
        const Evaluation eval = evaluator->evaluate({nullptr, &task, sqlBlock(answer.toStdString()), {}}, nullptr);
        QCOMPARE(QString::fromStdString(eval.outcome), outcome);
        QVERIFY2(QString::fromStdString(eval.reason).contains(reason), eval.reason.c_str());
        QVERIFY2(eval.lesson.find("\"Comparison\" (c1)") != std::string::npos, eval.lesson.c_str());
        QCOMPARE(eval.score == 1.0, outcome == "success");
        QVERIFY(eval.score >= 0 && eval.score <= 1);
    }

    void sqlEvaluatorWithoutSql()
    {
        SqlSandbox sandbox(kScript, "t.sql", {});
        PackTask task;
        task.expected = {{"sql", "SELECT 1"}};
        const auto evaluator = makeEvaluator({"sql_result", {}}, &sandbox, nullptr);
        const Evaluation none = evaluator->evaluate({nullptr, &task, "I could not fix it.", {}}, nullptr);
        QCOMPARE(none.outcome, std::string("failure"));
        QVERIFY2(none.reason.find("No SQL query found") != std::string::npos, none.reason.c_str());
        QVERIFY(none.lesson.find("```sql block") != std::string::npos);
        const Evaluation fromTool = evaluator->evaluate({nullptr, &task, "Done.", {"SELECT 2", "SELECT 1"}}, nullptr);
        QCOMPARE(fromTool.outcome, std::string("success"));
        QCOMPARE(fromTool.details.at("sql_source").get<std::string>(), std::string("tool query"));

        std::atomic_bool cancel = true;
        QVERIFY_THROWS_EXCEPTION(Error, evaluator->evaluate({nullptr, &task, "SELECT 1", {}}, &cancel));
        task.expected = {{"sql", "SELECT nope"}};
        QCOMPARE(evaluator->evaluate({nullptr, &task, "SELECT 1", {}}, nullptr).outcome, std::string("unknown"));
    }

    void llmJudge_data()
    {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<double>("score");
        QTest::addColumn<QString>("reason");
        QTest::addRow("clean JSON")
            << "{\"verdict\": \"success\", \"score\": 0.9, \"reason\": \"Apologises, offers both.\"}"
            << "success" << 0.9 << "Apologises, offers both.";
        QTest::addRow("JSON in a fence") << "Here is my grading:\n```json\n{\"verdict\": \"partial\", \"score\": 0.5, "
                                            "\"reason\": \"No refund offered.\"}\n```"
                                         << "partial" << 0.5 << "No refund offered.";
        QTest::addRow("JSON amid text") << "Verdict follows {\"verdict\": \"FAILURE\", \"reason\": \"Rude.\"} thanks"
                                        << "failure" << 0.0 << "Rude.";
        QTest::addRow("score clamped") << "{\"verdict\": \"success\", \"score\": 7}"
                                       << "success" << 1.0 << "without a reason";
        QTest::addRow("garbage") << "I think it is fine I guess."
                                 << "unknown" << 0.0 << "holds no verdict: I think it is fine I guess.";
        QTest::addRow("unknown verdict") << "{\"verdict\": \"great\", \"score\": 1}"
                                         << "unknown" << 0.0 << "holds no verdict";
        QTest::addRow("empty reply") << ""
                                     << "unknown" << 0.0 << "holds no verdict";
    }

    void llmJudge()
    {
        QFETCH(QString, reply);
        QFETCH(QString, outcome);
        QFETCH(double, score);
        QFETCH(QString, reason);
        ScriptedChat chat;
        chat.replies.push_back(reply.toStdString());
        const PackTask task = judgedTask();
        const auto evaluator = makeEvaluator({"llm_judge", {}}, nullptr, &chat, "judge-7b");
        const Evaluation eval = evaluator->evaluate({nullptr, &task, "Sorry! A new skillet ships today.", {}}, nullptr);
        QCOMPARE(QString::fromStdString(eval.outcome), outcome);
        QVERIFY2(qAbs(eval.score - score) < 1e-9, qPrintable(QString::number(eval.score)));
        QVERIFY2(QString::fromStdString(eval.reason).contains(reason), eval.reason.c_str());
        QCOMPARE(QString::fromStdString(eval.details.at("raw").get<std::string>()), reply);
        QCOMPARE(eval.lesson.empty(), outcome == "unknown");

        QCOMPARE(chat.requests.size(), std::size_t(1));
        const ChatRequest& request = chat.requests[0];
        QCOMPARE(request.model, std::string("judge-7b"));
        QVERIFY(!request.stream);
        QCOMPARE(request.temperature, 0.0);
        QVERIFY(request.tools.empty());
        QCOMPARE(request.messages.size(), std::size_t(2));
        QVERIFY(request.messages[0].content.find("\"verdict\"") != std::string::npos);
        const std::string& prompt = request.messages[1].content;
        QVERIFY(prompt.find("The skillet arrived cracked.") != std::string::npos);
        QVERIFY(prompt.find("offers a replacement or a refund") != std::string::npos);
        QVERIFY(prompt.find("A new skillet ships today.") != std::string::npos);
    }

    void llmJudgeErrorsAndEmptyAnswers()
    {
        ScriptedChat chat;
        chat.failWithNetworkError = true;
        const PackTask task = judgedTask();
        const auto evaluator = makeEvaluator({"llm_judge", {{"reference", "We are sorry..."}}}, nullptr, &chat);
        try {
            evaluator->evaluate({nullptr, &task, "An answer", {}}, nullptr);
            QFAIL("no exception");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Network);
        }
        QVERIFY(chat.requests.at(0).messages.at(1).content.find("We are sorry...") != std::string::npos);
        const Evaluation empty = evaluator->evaluate({nullptr, &task, " \n", {}}, nullptr);
        QCOMPARE(empty.outcome, std::string("failure"));
        QCOMPARE(chat.requests.size(), std::size_t(1)); // no judge asked for an empty answer
    }

    void makeEvaluatorChecksItsDependencies()
    {
        SqlSandbox sandbox(kScript, "t.sql", {});
        ScriptedChat chat;
        QVERIFY_THROWS_EXCEPTION(Error, makeEvaluator({"fuzzy", {}}, &sandbox, &chat));
        QVERIFY_THROWS_EXCEPTION(Error, makeEvaluator({"sql_result", {}}, nullptr, &chat));
        QVERIFY_THROWS_EXCEPTION(Error, makeEvaluator({"llm_judge", {}}, &sandbox, nullptr));
        QVERIFY(makeEvaluator({"rule", {}}, nullptr, nullptr));
    }
};

QTEST_GUILESS_MAIN(TestEvaluators)
#include "tst_evaluators.moc"
