// RunComparison: two run traces side by side — identities, latency and token deltas, tokens per prompt
// section (the union of both sides'), and the context diff (memories only A, only B or both retrieved, at
// which ranks, in the order of the best rank either side), as a struct and as JSON.
#include "TestStore.h"

#include <agent/RunComparison.h>

#include <QRegularExpression>
#include <QTest>

using namespace memscope;

namespace {

// A retrieved memory: id, rank, used; the score falls with the rank.
struct Hit {
    std::string id;
    int rank = 1;
    bool used = true;
};

RunTrace trace(const std::string& id, const std::vector<Hit>& hits = {}, const std::string& taskId = "q01")
{
    RunTrace t;
    t.runId = id;
    t.pack = "sql_query_debug";
    t.taskType = "sql_query_debug";
    t.taskId = taskId;
    t.model = "fake-model";
    t.version = "1.0";
    t.status = "completed";
    t.outcome = "success";
    t.latencyMs = 1000;
    t.promptTokens = 600;
    t.completionTokens = 80;
    for (const auto& h : hits) {
        RetrievedMemory m;
        m.rank = h.rank;
        m.memoryId = h.id;
        m.outcomeType = "success";
        m.text = "Lesson " + h.id;
        m.score = 1.0 / h.rank;
        m.used = h.used;
        t.retrieved.push_back(m);
    }
    return t;
}

using Kind = ContextChange::Kind;

} // namespace

class TestRunComparison : public QObject {
    Q_OBJECT

private slots:
    void contextDiff_data();
    void contextDiff();
    void rankMovesAndUse();
    void sectionsAreTheUnion_data();
    void sectionsAreTheUnion();
    void deltas_data();
    void deltas();
    void identitiesAndCounts();
    void differentTasksWarn_data();
    void differentTasksWarn();
    void emptyRetrievals_data();
    void emptyRetrievals();
    void toJson();
};

void TestRunComparison::contextDiff_data()
{
    QTest::addColumn<QStringList>("a"); // memory ids in rank order
    QTest::addColumn<QStringList>("b");
    QTest::addColumn<QStringList>("expected"); // "kind id rankA rankB", in the diff's order
    QTest::addRow("the ablation: all only A")
        << QStringList{"m1", "m2"} << QStringList{} << QStringList{"A m1 1 0", "A m2 2 0"};
    QTest::addRow("memory added: all only B")
        << QStringList{} << QStringList{"m1", "m2"} << QStringList{"B m1 0 1", "B m2 0 2"};
    QTest::addRow("same context") << QStringList{"m1", "m2"} << QStringList{"m1", "m2"}
                                  << QStringList{"= m1 1 1", "= m2 2 2"};
    QTest::addRow("swapped") << QStringList{"m1", "m2"} << QStringList{"m2", "m1"}
                             << QStringList{"= m1 1 2", "= m2 2 1"};
    QTest::addRow("one replaced") << QStringList{"m1", "m2", "m3"} << QStringList{"m1", "m4", "m3"}
                                  << QStringList{"= m1 1 1", "A m2 2 0", "B m4 0 2", "= m3 3 3"};
    QTest::addRow("new lesson on top") << QStringList{"m1", "m2"} << QStringList{"m9", "m1", "m2"}
                                       << QStringList{"= m1 1 2", "B m9 0 1", "= m2 2 3"};
    QTest::addRow("disjoint") << QStringList{"m1"} << QStringList{"m2", "m3"}
                              << QStringList{"A m1 1 0", "B m2 0 1", "B m3 0 2"};
}

void TestRunComparison::contextDiff()
{
    QFETCH(QStringList, a);
    QFETCH(QStringList, b);
    QFETCH(QStringList, expected);
    const auto hits = [](const QStringList& ids) {
        std::vector<Hit> out;
        for (int i = 0; i < ids.size(); ++i)
            out.push_back({ids[i].toStdString(), i + 1});
        return out;
    };
    const RunComparison c = RunComparison::compare(trace("run_a", hits(a)), trace("run_b", hits(b)));
    QStringList actual;
    for (const auto& e : c.context) {
        const char* kind = e.kind == Kind::OnlyA ? "A" : e.kind == Kind::OnlyB ? "B" : "=";
        actual << QStringLiteral("%1 %2 %3 %4")
                      .arg(QLatin1String(kind), QString::fromStdString(e.memoryId))
                      .arg(e.rankA)
                      .arg(e.rankB);
    }
    QCOMPARE(actual, expected);
    QCOMPARE(c.onlyA, int(expected.filter(QRegularExpression(QStringLiteral("^A "))).size()));
    QCOMPARE(c.onlyB, int(expected.filter(QRegularExpression(QStringLiteral("^B "))).size()));
    QCOMPARE(c.both, int(expected.filter(QRegularExpression(QStringLiteral("^= "))).size()));
}

void TestRunComparison::rankMovesAndUse()
{
    const RunComparison c =
        RunComparison::compare(trace("run_a", {{"m1", 1, true}, {"m2", 2, true}, {"m3", 3, false}}),
                               trace("run_b", {{"m1", 1, true}, {"m3", 2, true}, {"m2", 3, false}}));
    QCOMPARE(c.context.size(), std::size_t(3));
    const ContextChange& kept = c.context[0];
    QCOMPARE(QString::fromStdString(kept.memoryId), QStringLiteral("m1"));
    QVERIFY(!kept.rankMoved());
    QCOMPARE(kept.bestRank(), 1);
    // m2 and m3 both have best rank 2; the tie keeps A's order (m2 was A's second).
    const ContextChange& down = c.context[1];
    QCOMPARE(QString::fromStdString(down.memoryId), QStringLiteral("m2"));
    QVERIFY(down.rankMoved());
    QVERIFY(down.usedA && !down.usedB); // fell out of the budget
    QCOMPARE(down.scoreA, 0.5);
    QCOMPARE(down.scoreB, 1.0 / 3);
    const ContextChange& up = c.context[2];
    QCOMPARE(QString::fromStdString(up.memoryId), QStringLiteral("m3"));
    QVERIFY(up.rankMoved());
    QVERIFY(!up.usedA && up.usedB); // made it into the prompt
    QCOMPARE(c.moved, 2);
    QCOMPARE(QString::fromStdString(up.text), QStringLiteral("Lesson m3"));
    QCOMPARE(QString::fromStdString(up.outcomeType), QStringLiteral("success"));
}

void TestRunComparison::sectionsAreTheUnion_data()
{
    QTest::addColumn<QStringList>("a"); // "name=tokens"
    QTest::addColumn<QStringList>("b");
    QTest::addColumn<QStringList>("expected"); // "name a b delta"
    QTest::addRow("same sections") << QStringList{"system=40", "lessons=120", "task=30"}
                                   << QStringList{"system=40", "lessons=100", "task=30"}
                                   << QStringList{"system 40 40 0", "lessons 120 100 -20", "task 30 30 0"};
    QTest::addRow("ablation has no lessons")
        << QStringList{"system=40", "lessons=120", "task=30"} << QStringList{"system=40", "task=30"}
        << QStringList{"system 40 40 0", "lessons 120 0 -120", "task 30 30 0"};
    QTest::addRow("B has a new section, after A's")
        << QStringList{"system=40", "task=30"} << QStringList{"system=40", "lessons=90", "task=35"}
        << QStringList{"system 40 40 0", "task 30 35 5", "lessons 0 90 90"};
    QTest::addRow("A empty") << QStringList{} << QStringList{"task=10"} << QStringList{"task 0 10 10"};
    QTest::addRow("both empty") << QStringList{} << QStringList{} << QStringList{};
}

void TestRunComparison::sectionsAreTheUnion()
{
    QFETCH(QStringList, a);
    QFETCH(QStringList, b);
    QFETCH(QStringList, expected);
    const auto sections = [](const QStringList& list) {
        std::vector<PromptSection> out;
        for (const auto& s : list)
            out.push_back({s.section(QLatin1Char('='), 0, 0).toStdString(), s.section(QLatin1Char('='), 1).toInt()});
        return out;
    };
    RunTrace ta = trace("run_a");
    RunTrace tb = trace("run_b");
    ta.sections = sections(a);
    tb.sections = sections(b);
    const RunComparison c = RunComparison::compare(ta, tb);
    QStringList actual;
    for (const auto& s : c.sections)
        actual << QStringLiteral("%1 %2 %3 %4")
                      .arg(QString::fromStdString(s.name))
                      .arg(s.tokensA)
                      .arg(s.tokensB)
                      .arg(s.delta());
    QCOMPARE(actual, expected);
}

void TestRunComparison::deltas_data()
{
    QTest::addColumn<double>("latencyA");
    QTest::addColumn<double>("latencyB");
    QTest::addColumn<int>("promptA");
    QTest::addColumn<int>("promptB");
    QTest::addColumn<int>("completionA");
    QTest::addColumn<int>("completionB");
    QTest::addColumn<QString>("outcomeA");
    QTest::addColumn<QString>("outcomeB");
    QTest::addColumn<int>("outcomeChange");
    QTest::addRow("ablation: cheaper, worse") << 1200.0 << 900.0 << 600 << 300 << 80 << 70 << "success"
                                              << "failure" << -1;
    QTest::addRow("new version: dearer, better") << 900.0 << 1500.0 << 300 << 650 << 40 << 90 << "failure"
                                                 << "success" << 1;
    QTest::addRow("nothing changed") << 1000.0 << 1000.0 << 600 << 600 << 80 << 80 << "partial"
                                     << "partial" << 0;
    QTest::addRow("failed run is worst") << 1000.0 << 10.0 << 600 << 0 << 80 << 0 << "failure"
                                         << "" << -1;
    QTest::addRow("partial beats failure") << 1000.0 << 1000.0 << 600 << 600 << 80 << 80 << "failure"
                                           << "partial" << 1;
}

void TestRunComparison::deltas()
{
    QFETCH(double, latencyA);
    QFETCH(double, latencyB);
    QFETCH(int, promptA);
    QFETCH(int, promptB);
    QFETCH(int, completionA);
    QFETCH(int, completionB);
    QFETCH(QString, outcomeA);
    QFETCH(QString, outcomeB);
    QFETCH(int, outcomeChange);
    RunTrace a = trace("run_a");
    RunTrace b = trace("run_b");
    a.latencyMs = latencyA;
    b.latencyMs = latencyB;
    a.promptTokens = promptA;
    b.promptTokens = promptB;
    a.completionTokens = completionA;
    b.completionTokens = completionB;
    a.outcome = outcomeA.toStdString();
    b.outcome = outcomeB.toStdString();
    const RunComparison c = RunComparison::compare(a, b);
    QCOMPARE(c.latencyDeltaMs(), latencyB - latencyA);
    QCOMPARE(c.promptTokensDelta(), promptB - promptA);
    QCOMPARE(c.completionTokensDelta(), completionB - completionA);
    QCOMPARE(c.totalTokensDelta(), promptB + completionB - promptA - completionA);
    QCOMPARE(c.outcomeChange(), outcomeChange);
    const auto j = c.toJson();
    QCOMPARE(j["delta"]["prompt_tokens"].get<int>(), promptB - promptA);
    QCOMPARE(j["delta"]["outcome"].get<int>(), outcomeChange);
}

void TestRunComparison::identitiesAndCounts()
{
    RunTrace a = trace("run_a", {{"m1", 1}});
    RunTrace b = trace("run_b");
    b.memory = false;
    b.version = "2.0";
    b.model = "other-model";
    b.status = "failed";
    b.outcome.clear();
    b.error = "could not connect";
    b.output.clear();
    a.output = "SELECT 1;";
    TraceStep llm;
    llm.kind = "llm";
    TraceStep tool;
    tool.kind = "tool";
    a.steps = {llm, tool, tool, llm};
    b.steps = {llm};
    const RunComparison c = RunComparison::compare(a, b);
    QCOMPARE(QString::fromStdString(c.a.runId), QStringLiteral("run_a"));
    QCOMPARE(QString::fromStdString(c.b.runId), QStringLiteral("run_b"));
    QVERIFY(c.a.memory && !c.b.memory);
    QCOMPARE(QString::fromStdString(c.b.version), QStringLiteral("2.0"));
    QCOMPARE(QString::fromStdString(c.b.model), QStringLiteral("other-model"));
    QCOMPARE(QString::fromStdString(c.b.status), QStringLiteral("failed"));
    QCOMPARE(QString::fromStdString(c.b.error), QStringLiteral("could not connect"));
    QCOMPARE(QString::fromStdString(c.a.output), QStringLiteral("SELECT 1;"));
    QCOMPARE(c.a.steps, 4);
    QCOMPARE(c.a.toolCalls, 2);
    QCOMPARE(c.a.llmCalls, 2);
    QCOMPARE(c.b.steps, 1);
    QCOMPARE(c.b.toolCalls, 0);
    QCOMPARE(c.a.retrievedCount, 1);
    QCOMPARE(c.a.used, 1);
    QVERIFY(c.sameTask); // another version or memory off is still the same task
}

void TestRunComparison::differentTasksWarn_data()
{
    QTest::addColumn<QString>("taskB");
    QTest::addColumn<QString>("packB");
    QTest::addColumn<bool>("same");
    QTest::addRow("same task") << "q01"
                               << "sql_query_debug" << true;
    QTest::addRow("another task") << "q02"
                                  << "sql_query_debug" << false;
    QTest::addRow("another pack") << "q01"
                                  << "support_replies" << false;
}

void TestRunComparison::differentTasksWarn()
{
    QFETCH(QString, taskB);
    QFETCH(QString, packB);
    QFETCH(bool, same);
    RunTrace b = trace("run_b", {}, taskB.toStdString());
    b.pack = packB.toStdString();
    const RunComparison c = RunComparison::compare(trace("run_a"), b);
    QCOMPARE(c.sameTask, same);
    const QString warning = QString::fromStdString(c.taskWarning());
    QCOMPARE(warning.isEmpty(), same);
    if (!same) {
        QVERIFY2(warning.contains(QStringLiteral("q01")) && warning.contains(taskB), qPrintable(warning));
        QVERIFY(warning.contains(packB));
    }
    QCOMPARE(c.toJson()["same_task"].get<bool>(), same);
}

void TestRunComparison::emptyRetrievals_data()
{
    QTest::addColumn<bool>("memoryA");
    QTest::addColumn<bool>("memoryB");
    QTest::addRow("two ablations") << false << false;
    QTest::addRow("memory on, nothing found") << true << true;
}

void TestRunComparison::emptyRetrievals()
{
    QFETCH(bool, memoryA);
    QFETCH(bool, memoryB);
    RunTrace a = trace("run_a");
    RunTrace b = trace("run_b");
    a.memory = memoryA;
    b.memory = memoryB;
    const RunComparison c = RunComparison::compare(a, b);
    QVERIFY(c.context.empty());
    QCOMPARE(c.onlyA + c.onlyB + c.both + c.moved, 0);
    const auto j = c.toJson();
    QVERIFY(j["context"].is_array() && j["context"].empty());
    QCOMPARE(j["context_summary"]["both"].get<int>(), 0);
}

void TestRunComparison::toJson()
{
    RunTrace a = trace("run_a", {{"m1", 1, true}, {"m2", 2, false}});
    RunTrace b = trace("run_b", {{"m2", 1, true}, {"m3", 2, true}}, "q02");
    a.sections = {{"system", 40}, {"lessons", 120}};
    b.sections = {{"system", 40}};
    b.memory = false;
    b.latencyMs = 750.4;
    const auto j = RunComparison::compare(a, b).toJson();
    JSON_COMPARE(j["a"]["run_id"], "run_a");
    JSON_COMPARE(j["b"]["run_id"], "run_b");
    JSON_COMPARE(j["b"]["memory"], false);
    JSON_COMPARE(j["a"]["task_id"], "q01");
    JSON_COMPARE(j["a"]["total_tokens"], 680);
    JSON_COMPARE(j["same_task"], false);
    QVERIFY(!j["warning"].get<std::string>().empty());
    JSON_COMPARE(j["delta"]["latency_ms"], -250);
    JSON_COMPARE(j["delta"]["total_tokens"], 0);
    JSON_COMPARE(j["sections"][1], (nlohmann::json{{"name", "lessons"}, {"a", 120}, {"b", 0}, {"delta", -120}}));
    QCOMPARE(j["context"].size(), std::size_t(3));
    // m2 and m1 share the best rank 1: the memory both kept comes first.
    JSON_COMPARE(j["context"][0]["memory_id"], "m2");
    JSON_COMPARE(j["context"][0]["kind"], "both");
    JSON_COMPARE(j["context"][0]["rank_a"], 2);
    JSON_COMPARE(j["context"][0]["rank_b"], 1);
    JSON_COMPARE(j["context"][0]["used_a"], false);
    JSON_COMPARE(j["context"][0]["used_b"], true);
    JSON_COMPARE(j["context"][0]["rank_moved"], true);
    JSON_COMPARE(j["context"][0]["score_b"], 1.0);
    JSON_COMPARE(j["context"][0]["text"], "Lesson m2");
    JSON_COMPARE(j["context"][1]["memory_id"], "m1");
    JSON_COMPARE(j["context"][1]["kind"], "only_a");
    JSON_COMPARE(j["context"][2]["kind"], "only_b");
    JSON_COMPARE(j["context_summary"], (nlohmann::json{{"only_a", 1}, {"only_b", 1}, {"both", 1}, {"moved", 1}}));
}

QTEST_GUILESS_MAIN(TestRunComparison)
#include "tst_runcomparison.moc"
