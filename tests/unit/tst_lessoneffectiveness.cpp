// Lesson effectiveness (issue 4, on the access log of issue 5) against an independent count on generated
// runs.
#include "TestStore.h"

#include <agent/RunStore.h>
#include <stats/LessonEffectiveness.h>
#include <storage/Connection.h>

#include <QTest>

#include <map>
#include <random>
#include <set>

using namespace memscope;
using namespace memscope::test;

class TestLessonEffectiveness : public QObject {
    Q_OBJECT

private slots:
    void matchesAnIndependentCount_data()
    {
        QTest::addColumn<int>("seed");
        QTest::addColumn<int>("runs");
        QTest::addRow("small") << 1 << 12;
        QTest::addRow("medium") << 7 << 80;
        QTest::addRow("larger") << 42 << 300;
    }
    void matchesAnIndependentCount()
    {
        QFETCH(int, seed);
        QFETCH(int, runs);
        TestStore store;
        RunStore runStore(store.store());
        std::mt19937 rng(static_cast<unsigned>(seed));
        const std::vector<std::string> taskTypes = {"sql_query_debug", "support_reply"};
        // Lessons of both task types.
        std::vector<MemoryRecord> lessons;
        for (int i = 0; i < 6; ++i) {
            auto r = TestStore::outcome("lesson " + std::to_string(i), i % 2 ? "failure" : "success",
                                        taskTypes[static_cast<std::size_t>(i) % 2]);
            lessons.push_back(store->add(r));
        }
        struct RunFact {
            std::string taskType, outcome;
            std::set<std::string> retrieved;
        };
        std::map<std::string, RunFact> facts;
        for (int i = 0; i < runs; ++i) {
            RunFact f;
            f.taskType = taskTypes[rng() % 2];
            const int outcome = static_cast<int>(rng() % 4);
            f.outcome = outcome == 0 ? "failure" : outcome == 1 ? "partial" : "success";
            const std::string runId = "run_" + std::to_string(i);
            std::vector<MemoryAccess> access;
            for (const auto& l : lessons)
                if (l.metaString("task_type") == f.taskType && rng() % 3 == 0) {
                    // Some runs retrieve the same lesson twice (two searches): counted once per run.
                    const int times = rng() % 5 == 0 ? 2 : 1;
                    for (int t = 0; t < times; ++t)
                        access.push_back(
                            {l.id, runId, static_cast<int>(access.size()) + 1, 0.5, 0.4, 0.3, 0.2, "agent", 0});
                    f.retrieved.insert(l.id);
                }
            if (i % 5 == 4) {
                // An outside agent: no runs row; its outcome is the record it wrote under the run id.
                auto written = TestStore::outcome("outside lesson " + std::to_string(i), f.outcome, f.taskType);
                written.runId = runId;
                store->add(written);
            } else {
                RunTrace t;
                t.runId = runId;
                t.pack = f.taskType;
                t.taskType = f.taskType;
                t.status = i % 7 == 6 ? "failed" : "completed"; // failed runs have no outcome: not counted
                t.outcome = t.status == "completed" ? f.outcome : "";
                t.startedAt = nowMicros();
                runStore.save(t);
                if (t.status != "completed")
                    f.outcome.clear();
            }
            runStore.logAccess(runId, access);
            facts[runId] = f;
        }

        const auto rows = LessonEffectiveness(store->connection()).compute({});
        int checked = 0;
        for (const auto& l : lessons) {
            std::int64_t with = 0, successWith = 0, without = 0, successWithout = 0;
            for (const auto& [id, f] : facts) {
                (void)id;
                if (f.outcome.empty() || f.taskType != l.metaString("task_type"))
                    continue;
                if (f.retrieved.count(l.id)) {
                    ++with;
                    successWith += f.outcome == "success";
                } else {
                    ++without;
                    successWithout += f.outcome == "success";
                }
            }
            const auto row = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.memoryId == l.id; });
            const auto logged = RunStore(store.store()).accessesOf(l.id, 100000).size();
            if (logged == 0) {
                QVERIFY(row == rows.end());
                continue;
            }
            QVERIFY(row != rows.end());
            QCOMPARE(row->retrievals, static_cast<std::int64_t>(logged));
            QCOMPARE(row->runsWith, with);
            QCOMPARE(row->successWith, successWith);
            QCOMPARE(row->runsWithout, without);
            QCOMPARE(row->successWithout, successWithout);
            if (with && without)
                QCOMPARE(*row->lift(), double(successWith) / double(with) - double(successWithout) / double(without));
            ++checked;
        }
        QVERIFY(checked > 0);
        // Most retrieved first.
        for (std::size_t i = 1; i < rows.size(); ++i)
            QVERIFY(rows[i - 1].retrievals >= rows[i].retrievals);
    }

    void queryOptions()
    {
        TestStore store;
        const auto a = store->add(TestStore::outcome("join on customer_id", "success", "sql_query_debug"));
        const auto b = store->add(TestStore::outcome("apologise first", "success", "support_reply"));
        RunStore runs(store.store());
        runs.logAccess("r1", {{a.id, "r1", 1, 1, 1, 1, 1, "agent", 0}, {b.id, "r1", 2, 1, 1, 1, 1, "agent", 0}});
        runs.logAccess("r2", {{a.id, "r2", 1, 1, 1, 1, 1, "search", 0}});
        LessonEffectiveness effectiveness(store->connection());
        QCOMPARE(effectiveness.compute({}).size(), std::size_t(2));
        QCOMPARE(effectiveness.compute({"support_reply", 1, 100, {}}).size(), std::size_t(1));
        QCOMPARE(effectiveness.compute({{}, 2, 100, {}}).size(), std::size_t(1)); // only a has 2 retrievals
        const auto one = effectiveness.compute({{}, 1, 100, b.id});
        QCOMPARE(one.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(one.front().memoryId), QString::fromStdString(b.id));
        QVERIFY(!one.front().rateWith()); // r1 has no known outcome
        QVERIFY(!one.front().lift());
    }
};

QTEST_GUILESS_MAIN(TestLessonEffectiveness)
#include "tst_lessoneffectiveness.moc"
