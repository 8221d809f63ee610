// The Runs tab's Learning curve panel: batches listed newest first (a curve batch chosen first), the two
// arms' cumulative and moving-window lines with one point per judged episode, the summary with the lift,
// a batch picked by id after it is listed, the empty state without batches, refreshes only while visible,
// and the Runs view's tab switching to it.
#include "FakeChatServer.h"
#include "RunFixtures.h"
#include "ScopedEnv.h"
#include "UiTestSupport.h"

#include <settings/Settings.h>
#include <store/AgentRunLauncher.h>
#include <store/StoreSession.h>
#include <views/LearningCurvePanel.h>
#include <views/RunInspector.h>
#include <views/RunsView.h>

#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QValueAxis>

using namespace memscope;
using namespace memscope::ui;
using namespace memscope::test;

namespace {

constexpr Micros kT0 = 1767225600000000; // 2026-01-01

// A batch of `with` and `without` outcomes per episode ("S", "F", "x" failed), interleaved.
void saveBatch(MemoryStore& store, const std::string& batch, const std::string& with, const std::string& without,
               Micros start, const std::string& taskType = "sql_query_debug")
{
    for (std::size_t i = 0; i < std::max(with.size(), without.size()); ++i) {
        for (const bool memory : {true, false}) {
            const std::string& arm = memory ? with : without;
            if (i >= arm.size())
                continue;
            const char o = arm[i];
            RunSpec spec;
            spec.id = batch + (memory ? "_m" : "_c") + std::to_string(i + 1);
            spec.taskType = taskType;
            spec.status = o == 'x' ? "failed" : "completed";
            spec.error = o == 'x' ? "endpoint down" : "";
            spec.outcome = o == 'S' ? "success" : "failure";
            spec.memory = memory;
            spec.startedAt = start + static_cast<Micros>(i) * 2000000 + (memory ? 0 : 1000000);
            spec.batchId = batch;
            spec.episode = static_cast<int>(i + 1);
            saveRun(store, spec);
        }
    }
}

std::vector<QPointF> points(QLineSeries* s)
{
    if (!s)
        return {};
    const QList<QPointF> list = s->points();
    return {list.begin(), list.end()};
}

bool settled(LearningCurvePanel& panel)
{
    return QTest::qWaitFor([&] { return !panel.isLoading() && panel.curve().has_value(); }, 20000) &&
           QTest::qWaitFor([&] { return !panel.isLoading(); }, 20000);
}

} // namespace

class TestLearningCurvePanel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("curves.db"));
        auto store = MemoryStore::open(m_path.toStdString());
        // The curve: memory learns (4 of 5), the control does not (1 of 5, one failed request left out).
        saveBatch(*store, "batch_curve", "FSSSS", "FxSFF", kT0);
        // Newer, memory only.
        saveBatch(*store, "batch_solo", "SF", "", kT0 + 100000000, "support_replies");
        saveRun(*store, {.id = "single", .startedAt = kT0 + 200000000}); // no batch
    }

    void batchesAreListed()
    {
        StoreSession session;
        QVERIFY(openSession(session, m_path));
        LearningCurvePanel panel(&session);
        panel.resize(900, 500);
        panel.show();
        QVERIFY(settled(panel));
        QComboBox* box = panel.batchBox();
        QCOMPARE(box->count(), 2);
        QCOMPARE(box->itemData(0).toString(), QStringLiteral("batch_solo")); // newest first
        QCOMPARE(box->itemData(1).toString(), QStringLiteral("batch_curve"));
        QVERIFY2(box->itemText(1).startsWith(QStringLiteral("sql_query_debug · ")), qPrintable(box->itemText(1)));
        QVERIFY(box->itemText(1).endsWith(QStringLiteral(" · 5 episode(s)")));
        QVERIFY(box->itemText(0).contains(QStringLiteral("memory only")));
        // The batch with both arms is shown first.
        QCOMPARE(panel.currentBatchId(), QStringLiteral("batch_curve"));
        QVERIFY(!panel.emptyLabel()->isVisible());
        QVERIFY(panel.chartView()->isVisible());
    }

    void seriesFollowTheRates_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QList<QPointF>>("expected");
        QTest::addRow("with memory, cumulative")
            << QStringLiteral("withMemory") << QList<QPointF>{{1, 0}, {2, 50}, {3, 100.0 * 2 / 3}, {4, 75}, {5, 80}};
        // Episode 2 failed: no new information, the rate so far repeats; the control's line has 5 points.
        QTest::addRow("without memory, cumulative")
            << QStringLiteral("withoutMemory") << QList<QPointF>{{1, 0}, {2, 0}, {3, 50}, {4, 100.0 / 3}, {5, 25}};
        QTest::addRow("with memory, last 5") << QStringLiteral("withMemoryWindow")
                                             << QList<QPointF>{{1, 0}, {2, 50}, {3, 100.0 * 2 / 3}, {4, 75}, {5, 80}};
        QTest::addRow("without memory, last 5") << QStringLiteral("withoutMemoryWindow")
                                                << QList<QPointF>{{1, 0}, {2, 0}, {3, 50}, {4, 100.0 / 3}, {5, 25}};
    }
    void seriesFollowTheRates()
    {
        QFETCH(QString, name);
        QFETCH(QList<QPointF>, expected);
        StoreSession session;
        QVERIFY(openSession(session, m_path));
        LearningCurvePanel panel(&session);
        panel.show();
        QVERIFY(settled(panel));
        QLineSeries* series = panel.series(name);
        QVERIFY(series);
        const auto actual = points(series);
        QCOMPARE(actual.size(), std::size_t(expected.size()));
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(actual[std::size_t(i)].x(), expected[i].x());
            QVERIFY2(qAbs(actual[std::size_t(i)].y() - expected[i].y()) < 1e-9,
                     qPrintable(QStringLiteral("%1: %2").arg(i).arg(actual[std::size_t(i)].y())));
        }
        QVERIFY(series->pen().style() == (name.endsWith(QStringLiteral("Window")) ? Qt::DashLine : Qt::SolidLine));
        // Axes: 0–100 % and the episodes.
        const auto vertical = panel.chartView()->chart()->axes(Qt::Vertical);
        const auto horizontal = panel.chartView()->chart()->axes(Qt::Horizontal);
        QCOMPARE(vertical.size(), 1);
        QCOMPARE(qobject_cast<QValueAxis*>(vertical.front())->max(), 100.0);
        QCOMPARE(qobject_cast<QValueAxis*>(horizontal.front())->max(), 5.5);
        QCOMPARE(qobject_cast<QValueAxis*>(horizontal.front())->min(), 0.5);
    }

    void summaryGivesTheLift()
    {
        StoreSession session;
        QVERIFY(openSession(session, m_path));
        LearningCurvePanel panel(&session);
        panel.show();
        QVERIFY(settled(panel));
        const QString summary = panel.summaryLabel()->text();
        QVERIFY2(summary.startsWith(QStringLiteral("With memory 80 % · without 25 % · +55 points over 5 episode(s)")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("1 run(s) left out")), qPrintable(summary));
    }

    void oneArmOnlyAndSelectBatch()
    {
        StoreSession session;
        QVERIFY(openSession(session, m_path));
        LearningCurvePanel panel(&session);
        panel.show();
        QVERIFY(settled(panel));
        QSignalSpy refreshed(&panel, &LearningCurvePanel::refreshed);
        panel.selectBatch(QStringLiteral("batch_solo"));
        QTRY_VERIFY(!refreshed.isEmpty() && !panel.isLoading());
        QCOMPARE(panel.currentBatchId(), QStringLiteral("batch_solo"));
        QVERIFY(panel.series(QStringLiteral("withMemory")));
        QVERIFY(!panel.series(QStringLiteral("withoutMemory")));
        QCOMPARE(panel.series(QStringLiteral("withMemory"))->count(), 2);
        QVERIFY2(panel.summaryLabel()->text().contains(QStringLiteral("no runs without memory")),
                 qPrintable(panel.summaryLabel()->text()));
    }

    // A batch that is not listed yet (it just finished) is selected once the listing has it.
    void newBatchIsSelectedWhenListed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("grow.db"));
        QVERIFY(QFile::copy(m_path, path));
        StoreSession session;
        session.setPollInterval(50);
        QVERIFY(openSession(session, path));
        LearningCurvePanel panel(&session);
        panel.show();
        QVERIFY(settled(panel));
        {
            auto store = MemoryStore::open(path.toStdString());
            saveBatch(*store, "batch_later", "SSS", "FSF", kT0 + 300000000);
        }
        panel.selectBatch(QStringLiteral("batch_later"));
        QTRY_COMPARE(panel.currentBatchId(), QStringLiteral("batch_later"));
        QTRY_VERIFY(!panel.isLoading() && panel.curve() && panel.curve()->batchId == "batch_later");
        QCOMPARE(panel.batchBox()->count(), 3);
        QCOMPARE(panel.series(QStringLiteral("withoutMemory"))->count(), 3);
        QVERIFY(panel.summaryLabel()->text().contains(QStringLiteral("+67 points over 3 episode(s)")));
    }

    void emptyState()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("empty.db"));
        {
            auto store = MemoryStore::open(path.toStdString());
            saveRun(*store, {.id = "single"}); // runs, but no batch
        }
        StoreSession session;
        QVERIFY(openSession(session, path));
        LearningCurvePanel panel(&session);
        // Spying before show(): the listing it starts may finish, and report, before show() returns.
        QSignalSpy refreshed(&panel, &LearningCurvePanel::refreshed);
        panel.show();
        QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty() && !panel.isLoading(), 20000); // as settled()
        QCOMPARE(panel.batchBox()->count(), 0);
        QVERIFY(panel.emptyLabel()->isVisible());
        QVERIFY(panel.emptyLabel()->text().contains(QStringLiteral("'Learning curve' checked")));
        QVERIFY(!panel.chartView()->isVisible());
        QVERIFY(panel.summaryLabel()->text().isEmpty());
        QVERIFY(!panel.curve());
    }

    // A learning-curve batch started from the Runs view shows the live run in the Run tab, then its curve.
    void runsViewShowsTheFinishedCurve()
    {
        QTemporaryDir dir;
        const QString packs = dir.filePath(QStringLiteral("packs"));
        QVERIFY(QDir().mkpath(packs));
        QFile pack(packs + QStringLiteral("/mini_rule.json"));
        QVERIFY(pack.open(QIODevice::WriteOnly));
        pack.write("{\"name\": \"mini_rule\", \"title\": \"Mini\", \"task_type\": \"mini_rule\", \"version\": \"1\", "
                   "\"tool_name\": "
                   "\"llm\", \"system_prompt\": \"One word.\", \"prompt_template\": \"{{input}}\", \"tools\": [], "
                   "\"limits\": {\"max_turns\": 1, \"max_tool_calls\": 0}, \"evaluator\": {\"kind\": \"rule\"}, "
                   "\"tasks\": [{\"id\": \"w1\", \"input\": \"Sky colour?\", \"expected\": {\"answer\": \"blue\"}}]}");
        pack.close();
        ScopedEnv env({{"OPENAI_BASE_URL", std::nullopt},
                       {"OPENAI_API_KEY", std::nullopt},
                       {"MEMSCOPE_NO_KEYCHAIN", "1"},
                       {"MEMSCOPE_PACKS_PATH", packs.toStdString()}});
        const QString path = dir.filePath(QStringLiteral("view.db"));
        QVERIFY(QFile::copy(m_path, path));
        FakeChatServer server;
        server.setFallback(FakeChatReply::text("blue"));
        StoreSession session;
        session.setPollInterval(50);
        QVERIFY(openSession(session, path));
        Settings settings(std::make_unique<QSettings>(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        settings.setLlmBaseUrl(QString::fromStdString(server.baseUrl()));
        settings.setLlmModel(QStringLiteral("fake-model"));
        RunsView view(&session, &settings);
        view.resize(1200, 800);
        view.show();
        QTabWidget* tabs = view.lowerTabs();
        QCOMPARE(tabs->objectName(), QStringLiteral("runsTabs"));
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(tabs->tabText(1), QStringLiteral("Learning curve"));
        view.showLearningCurve();
        QCOMPARE(tabs->currentWidget(), view.learningCurve());
        QSignalSpy curve(view.launcher(), &AgentRunLauncher::learningCurveFinished);
        RunRequest request;
        request.pack = QStringLiteral("mini_rule");
        request.episodes = 2;
        request.withControl = true;
        view.startRuns(request);
        QTRY_COMPARE(tabs->currentWidget(), static_cast<QWidget*>(view.inspector())); // following the live run
        QSignalSpy failed(view.launcher(), &AgentRunLauncher::failed);
        QSignalSpy finished(view.launcher(), &AgentRunLauncher::batchFinished);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QTRY_COMPARE(curve.count(), 1);
        QCOMPARE(tabs->currentWidget(), view.learningCurve());
        const QString batchId = curve.first().at(0).toString();
        QTRY_COMPARE(view.learningCurve()->currentBatchId(), batchId);
        QTRY_VERIFY(!view.learningCurve()->isLoading() && view.learningCurve()->curve() &&
                    view.learningCurve()->curve()->batchId == batchId.toStdString());
        QCOMPARE(view.learningCurve()->series(QStringLiteral("withMemory"))->count(), 2);
        QCOMPARE(view.learningCurve()->series(QStringLiteral("withoutMemory"))->count(), 2);
    }

    void hiddenPanelWaitsUntilShown()
    {
        StoreSession session;
        QVERIFY(openSession(session, m_path));
        LearningCurvePanel panel(&session);
        panel.refresh();
        QVERIFY(!panel.isLoading());
        QCOMPARE(panel.batchBox()->count(), 0);
        panel.show();
        QVERIFY(settled(panel));
        QCOMPARE(panel.batchBox()->count(), 2);
    }
};

QTEST_MAIN(TestLearningCurvePanel)
#include "tst_learningcurvepanel.moc"
