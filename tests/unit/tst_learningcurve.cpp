// LearningCurve: per arm and episode the outcome, the cumulative and the moving-window success rate; failed
// and cancelled runs counted but left out of the rates; one arm only; no runs. RunStore::batches: one row
// per batch with both arms' counts, newest first, learning curves only on request.
#include "TestStore.h"

#include <agent/RunStore.h>
#include <stats/LearningCurve.h>

#include <QTest>

using namespace memscope;
using namespace memscope::test;

namespace {

// "S" success, "F" failure, "P" partial, "x" failed with an error, "c" cancelled, "." no run: one per episode.
std::vector<RunSummary> arm(const std::string& batch, bool memory, const std::string& outcomes)
{
    std::vector<RunSummary> runs;
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        const char o = outcomes[i];
        if (o == '.')
            continue;
        RunSummary r;
        r.runId = batch + (memory ? "_m" : "_c") + std::to_string(i + 1);
        r.batchId = batch;
        r.pack = "sql_query_debug";
        r.memory = memory;
        r.episode = static_cast<int>(i + 1);
        r.startedAt = 1767225600000000 + static_cast<Micros>(i) * 1000000 + (memory ? 0 : 500000);
        r.status = o == 'x' ? "failed" : o == 'c' ? "cancelled" : "completed";
        r.outcome = o == 'S' ? "success" : o == 'F' ? "failure" : o == 'P' ? "partial" : "";
        runs.push_back(r);
    }
    return runs;
}

std::vector<RunSummary> batchOf(const std::string& with, const std::string& without, const std::string& id = "b1")
{
    auto runs = arm(id, true, with);
    auto control = arm(id, false, without);
    // Interleaved, as the launcher makes them.
    runs.insert(runs.end(), control.begin(), control.end());
    return runs;
}

std::vector<double> rates(const LearningCurve::Arm& a, bool window)
{
    std::vector<double> out;
    for (const auto& p : a.points)
        out.push_back((window ? p.windowRate : p.cumulativeRate).value_or(-1.0));
    return out;
}

RunTrace trace(const std::string& id, const std::string& batch, int episode, bool memory, const std::string& outcome,
               Micros startedAt, const std::string& pack = "sql_query_debug")
{
    RunTrace t;
    t.runId = id;
    t.pack = pack;
    t.taskType = pack;
    t.batchId = batch;
    t.episode = episode;
    t.memory = memory;
    t.status = outcome.empty() ? "failed" : "completed";
    t.outcome = outcome;
    t.startedAt = startedAt;
    return t;
}

} // namespace

class TestLearningCurve : public QObject {
    Q_OBJECT

private slots:
    void cumulativeAndWindowRates_data()
    {
        QTest::addColumn<QString>("outcomes");
        QTest::addColumn<int>("window");
        QTest::addColumn<QList<double>>("cumulative"); // -1: no rate
        QTest::addColumn<QList<double>>("windowed");
        QTest::addRow("all success") << "SSS" << 5 << QList<double>{1, 1, 1} << QList<double>{1, 1, 1};
        QTest::addRow("learning") << "FFSS" << 2 << QList<double>{0, 0, 1.0 / 3, 0.5} << QList<double>{0, 0, 0.5, 1};
        QTest::addRow("partial is no success") << "PS" << 5 << QList<double>{0, 0.5} << QList<double>{0, 0.5};
        QTest::addRow("window of one") << "SFS" << 1 << QList<double>{1, 0.5, 2.0 / 3} << QList<double>{1, 0, 1};
        QTest::addRow("failed run left out") << "SxF" << 5 << QList<double>{1, 1, 0.5} << QList<double>{1, 1, 0.5};
        QTest::addRow("cancelled first") << "cS" << 5 << QList<double>{-1, 1} << QList<double>{-1, 1};
        QTest::addRow("gap left by errors")
            << "SxxxF" << 2 << QList<double>{1, 1, 1, 1, 0.5} << QList<double>{1, 1, -1, -1, 0};
        QTest::addRow("window zero is one") << "SF" << 0 << QList<double>{1, 0.5} << QList<double>{1, 0};
    }
    void cumulativeAndWindowRates()
    {
        QFETCH(QString, outcomes);
        QFETCH(int, window);
        QFETCH(QList<double>, cumulative);
        QFETCH(QList<double>, windowed);
        const auto c = LearningCurve::compute(arm("b", true, outcomes.toStdString()), window);
        QCOMPARE(c.window, std::max(1, window));
        const auto cum = rates(c.withMemory, false);
        const auto win = rates(c.withMemory, true);
        QCOMPARE(cum.size(), std::size_t(cumulative.size()));
        for (qsizetype i = 0; i < cumulative.size(); ++i) {
            QVERIFY2(qFuzzyCompare(1 + cum[std::size_t(i)], 1 + cumulative[i]), qPrintable(QString::number(i)));
            QVERIFY2(qFuzzyCompare(1 + win[std::size_t(i)], 1 + windowed[i]), qPrintable(QString::number(i)));
        }
    }

    void bothArmsAndLift()
    {
        // Memory learns after two episodes; the control stays at one in five.
        const auto c = LearningCurve::compute(batchOf("FSSSS", "FFSFF"), 5, "b1");
        QVERIFY(c.hasBothArms());
        QCOMPARE(c.batchId, std::string("b1"));
        QCOMPARE(c.episodes(), 5);
        QCOMPARE(c.withMemory.runs, 5);
        QCOMPARE(c.withMemory.successes, 4);
        QCOMPARE(c.withoutMemory.successes, 1);
        QCOMPARE(*c.withMemory.rate(), 0.8);
        QCOMPARE(*c.withoutMemory.rate(), 0.2);
        QVERIFY(qFuzzyCompare(*c.lift(), 0.6));
        QCOMPARE(c.withMemory.at(3)->outcome, std::string("success"));
        QCOMPARE(c.withoutMemory.at(3)->outcome, std::string("success"));
        QVERIFY(!c.withMemory.at(6));
        QVERIFY(!c.withoutMemory.points.front().success);
        const auto j = c.toJson();
        QCOMPARE(j["with_memory"]["points"].size(), std::size_t(5));
        QCOMPARE(j["lift"].get<double>(), *c.lift());
        QCOMPARE(j["without_memory"]["points"][2]["cumulative_rate"].get<double>(), 1.0 / 3);
    }

    void excludedRunsAreCountedNotRated()
    {
        const auto c = LearningCurve::compute(batchOf("SxcS", "FFxF"), 5);
        QCOMPARE(c.withMemory.runs, 4);
        QCOMPARE(c.withMemory.judged, 2);
        QCOMPARE(c.withMemory.excluded(), 2);
        QCOMPARE(*c.withMemory.rate(), 1.0);
        QCOMPARE(c.withoutMemory.excluded(), 1);
        QCOMPARE(*c.withoutMemory.rate(), 0.0);
        QCOMPARE(*c.lift(), 1.0);
        const auto* failed = c.withMemory.at(2);
        QVERIFY(failed && !failed->judged);
        QCOMPARE(failed->status, std::string("failed"));
        QVERIFY(failed->outcome.empty());
        QCOMPARE(*failed->cumulativeRate, 1.0); // the rate so far, unchanged
    }

    void oneArmOnly()
    {
        const auto c = LearningCurve::compute(arm("solo", true, "SFS"));
        QVERIFY(!c.hasBothArms());
        QCOMPARE(c.batchId, std::string("solo"));
        QCOMPARE(c.withoutMemory.runs, 0);
        QVERIFY(c.withoutMemory.points.empty());
        QVERIFY(!c.withoutMemory.rate());
        QVERIFY(!c.lift());
        QVERIFY(c.toJson()["lift"].is_null());
        const auto control = LearningCurve::compute(arm("ctl", false, "FF"));
        QCOMPARE(control.withoutMemory.runs, 2);
        QCOMPARE(control.withMemory.runs, 0);
    }

    void empty()
    {
        const auto c = LearningCurve::compute({});
        QCOMPARE(c.episodes(), 0);
        QVERIFY(!c.hasBothArms());
        QVERIFY(!c.lift());
        QVERIFY(!c.withMemory.rate());
        // Only failures of the endpoint: runs, no rate.
        const auto failing = LearningCurve::compute(batchOf("xx", "cx"));
        QCOMPARE(failing.withMemory.runs + failing.withoutMemory.runs, 4);
        QVERIFY(!failing.withMemory.rate());
        QVERIFY(!failing.lift());
    }

    void otherBatchesAreIgnored()
    {
        auto runs = batchOf("SS", "FF", "b1");
        const auto other = batchOf("FF", "SS", "b2");
        runs.insert(runs.end(), other.begin(), other.end());
        const auto c = LearningCurve::compute(runs, 5, "b2");
        QCOMPARE(c.withMemory.runs, 2);
        QCOMPARE(*c.lift(), -1.0);
    }

    void batchesAreListedFromTheStore()
    {
        TestStore store;
        RunStore runs(store.store());
        const Micros t0 = 1767225600000000;
        // An older curve batch, a newer memory-only batch, a single run without a batch.
        runs.save(trace("a1", "batch_old", 1, true, "success", t0));
        runs.save(trace("a2", "batch_old", 1, false, "failure", t0 + 1));
        runs.save(trace("a3", "batch_old", 2, true, "success", t0 + 2));
        runs.save(trace("a4", "batch_old", 2, false, "success", t0 + 3));
        runs.save(trace("a5", "batch_old", 3, true, "", t0 + 4)); // failed: counted, no success
        runs.save(trace("b1", "batch_new", 1, true, "failure", t0 + 100, "support_replies"));
        runs.save(trace("b2", "batch_new", 2, true, "success", t0 + 101, "support_replies"));
        runs.save(trace("single", "", 0, true, "success", t0 + 200));

        const auto all = runs.batches(10);
        QCOMPARE(all.size(), std::size_t(2));
        QCOMPARE(all[0].batchId, std::string("batch_new"));
        QCOMPARE(all[0].pack, std::string("support_replies"));
        QCOMPARE(all[0].episodes, 2);
        QCOMPARE(all[0].runsWithMemory, 2);
        QCOMPARE(all[0].runsWithoutMemory, 0);
        QVERIFY(!all[0].hasBothArms());
        const BatchSummary& old = all[1];
        QCOMPARE(old.batchId, std::string("batch_old"));
        QCOMPARE(old.startedAt, t0);
        QCOMPARE(old.episodes, 3);
        QCOMPARE(old.runsWithMemory, 3);
        QCOMPARE(old.runsWithoutMemory, 2);
        QCOMPARE(old.successesWithMemory, 2);
        QCOMPARE(old.successesWithoutMemory, 1);
        QVERIFY(old.hasBothArms());
        QCOMPARE(old.toJson()["runs_without_memory"].get<int>(), 2);

        const auto curves = runs.batches(10, true);
        QCOMPARE(curves.size(), std::size_t(1));
        QCOMPARE(curves[0].batchId, std::string("batch_old"));
        QCOMPARE(runs.batches(1).size(), std::size_t(1));
        QCOMPARE(runs.batches(0).size(), std::size_t(0));

        // The store's runs give the same curve.
        RunListQuery query;
        query.batchId = "batch_old";
        const auto c = LearningCurve::compute(runs.list(query), 5, "batch_old");
        QCOMPARE(c.withMemory.runs, 3);
        QCOMPARE(c.withMemory.excluded(), 1);
        QCOMPARE(*c.lift(), 0.5);
    }
};

QTEST_GUILESS_MAIN(TestLearningCurve)
#include "tst_learningcurve.moc"
