// How the workbench feels on a large store. Opens the real main window (offscreen unless a display is
// set) on a demo store of N records (default 1,000,000; created in --dir or reused from --db) and prints:
//   - start to interactive: from constructing the window to the first rows shown in the table;
//   - facet click to updated table: toggling a facet value in the shared filter until the new first rows
//     are in the table (p50/max over several values);
//   - jump to any row: scrolling the table to a random row and painting it, rows read on demand (p50/max);
//   - the longest the event loop was blocked meanwhile (a frozen window shows up here), and peak RSS.
//
//   bench_gui [--records N] [--db PATH] [--jumps J]
#include "BenchUtil.h"

#include <demo/DemoGenerator.h>
#include <io/RecordImporter.h>
#include <models/FacetModel.h>
#include <models/FilterState.h>
#include <models/RecordTableModel.h>
#include <settings/Settings.h>
#include <storage/MemoryStore.h>
#include <store/StoreSession.h>
#include <views/MainWindow.h>
#include <views/RecordTableView.h>
#include <views/RecordsView.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <filesystem>
#include <random>

using namespace memscope;
using namespace memscope::ui;
using memscope::bench::percentile;

namespace {

// Measures the longest gap between 5 ms timer ticks: how long the UI thread was busy at a stretch.
class StallMeter {
public:
    StallMeter()
    {
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const double gap = static_cast<double>(m_clock.nsecsElapsed()) / 1e6;
            m_worst = std::max(m_worst, gap);
            m_clock.restart();
        });
    }
    void start()
    {
        m_worst = 0;
        m_clock.start();
        m_timer.start();
    }
    double worstMs() const { return m_worst; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_worst = 0;
};

bool waitFor(const std::function<bool()>& done, int timeoutMs = 600000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

void createStore(const std::string& path, std::int64_t records)
{
    std::printf("creating a demo store of %lld records in %s ...\n", static_cast<long long>(records), path.c_str());
    std::fflush(stdout);
    const auto start = std::chrono::steady_clock::now();
    auto store = MemoryStore::open(path);
    DemoOptions options;
    options.records = records;
    options.days = 365;
    options.users = 40;
    DemoGenerator generator(options);
    RecordImporter importer(*store);
    importer.runRecords([&](const RecordImporter::RecordSink& sink) { generator.generate(sink); }, ImportOptions{});
    store->embedMissing();
    std::printf("  created in %.1f s\n", memscope::bench::secondsSince(start));
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const auto records = std::stoll(memscope::bench::argument(argc, argv, "records", "1000000"));
    const int jumps = std::stoi(memscope::bench::argument(argc, argv, "jumps", "200"));
    std::string db = memscope::bench::argument(argc, argv, "db", "");
    QApplication app(argc, argv);
    QTemporaryDir scratch;
    if (db.empty())
        db = scratch.filePath(QStringLiteral("gui-bench.db")).toStdString();
    if (!std::filesystem::exists(db))
        createStore(db, records);

    // Settings in a scratch file: the benchmark never touches the user's preferences.
    Settings settings(
        std::make_unique<QSettings>(scratch.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat));
    StallMeter stalls;

    QElapsedTimer clock;
    clock.start();
    StoreSession session;
    MainWindow window(&session, &settings);
    window.resize(1440, 900);
    window.show();
    window.openDatabase(QString::fromStdString(db));
    stalls.start();
    auto* model = window.recordsView()->model();
    auto* table = window.recordsView()->table();
    if (!waitFor([&] { return model->rowCount() > 0; })) {
        std::fprintf(stderr, "the table never showed rows\n");
        return 1;
    }
    QCoreApplication::processEvents();
    const double interactiveMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    waitFor([&] { return !model->isLoading(); });
    const double listedMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    const int total = model->rowCount();
    const double startStall = stalls.worstMs();

    // Facet clicks: narrow by each task type in turn (and back), as the sidebar does through FilterState.
    std::vector<double> facetMs, facetCountsMs, facetListedMs;
    stalls.start();
    const char* const values[] = {"sql_query_debug", "report_generation", "support_triage", "email_drafting",
                                  "code_review",     "web_research",      "data_cleaning"};
    for (int round = 0; round < 2; ++round) {
        for (const char* value : values) {
            QElapsedTimer t;
            t.start();
            bool first = false;
            auto c = QObject::connect(model, &RecordTableModel::firstRowsReady, [&] { first = true; });
            window.filters()->setSelected(QStringLiteral("task_type"), {QString::fromLatin1(value)});
            waitFor([&] { return first; });
            QCoreApplication::processEvents();
            facetMs.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
            if (qEnvironmentVariableIsSet("BENCH_VERBOSE"))
                std::printf("    %s: %.1f ms (%d rows before)\n", value, facetMs.back(), model->rowCount());
            QObject::disconnect(c);
            // The sidebar's counts and the table's full rowid list finish separately: time each.
            double countsMs = -1, listedAllMs = -1;
            waitFor([&] {
                const double now = static_cast<double>(t.nsecsElapsed()) / 1e6;
                if (countsMs < 0 && !window.facets()->isLoading())
                    countsMs = now;
                if (listedAllMs < 0 && !model->isLoading())
                    listedAllMs = now;
                return countsMs >= 0 && listedAllMs >= 0;
            });
            facetCountsMs.push_back(countsMs);
            facetListedMs.push_back(listedAllMs);
        }
    }
    const double facetStall = stalls.worstMs();
    window.filters()->setSelected(QStringLiteral("task_type"), {});
    waitFor([&] { return !model->isLoading() && model->rowCount() == total; });

    // Jumps: scroll to random rows and paint, the rows read from the store on demand.
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> pick(0, std::max(0, model->rowCount() - 1));
    std::vector<double> jumpMs;
    stalls.start();
    for (int i = 0; i < jumps; ++i) {
        const int row = pick(rng);
        QElapsedTimer t;
        t.start();
        table->scrollTo(model->index(row, RecordTableModel::MemoryColumn), QAbstractItemView::PositionAtCenter);
        table->viewport()->repaint();
        jumpMs.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    const double jumpStall = stalls.worstMs();

    // The store's part of a jump: reading the rows a screen shows (about 40) at a random place.
    std::vector<double> readMs;
    for (int i = 0; i < jumps; ++i) {
        const int row = pick(rng);
        QElapsedTimer t;
        t.start();
        for (int r = row; r < std::min(model->rowCount(), row + 40); ++r)
            model->data(model->index(r, RecordTableModel::MemoryColumn));
        readMs.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }

    std::printf("\nbench_gui: %d records in %s\n", total, db.c_str());
    std::printf("  start to interactive (first rows shown)   %8.1f ms   (all rowids listed: %.1f ms)\n", interactiveMs,
                listedMs);
    std::printf("  facet click to updated table   p50 %6.1f ms   max %6.1f ms   (%zu clicks)\n",
                percentile(facetMs, 0.5), percentile(facetMs, 1.0), facetMs.size());
    std::printf(
        "  facet click to all facet counts p50 %6.1f ms   max %6.1f ms   (7 facets, counted off the UI thread)\n",
        percentile(facetCountsMs, 0.5), percentile(facetCountsMs, 1.0));
    std::printf("  facet click to every matching rowid listed p50 %6.1f ms   max %6.1f ms   (in the background)\n",
                percentile(facetListedMs, 0.5), percentile(facetListedMs, 1.0));
    std::printf("  jump to any row and paint      p50 %6.2f ms   max %6.2f ms   (%d jumps)\n", percentile(jumpMs, 0.5),
                percentile(jumpMs, 1.0), jumps);
    std::printf("  of which reading a screen of rows p50 %6.2f ms   max %6.2f ms\n", percentile(readMs, 0.5),
                percentile(readMs, 1.0));
    std::printf("  longest UI-thread stall: start %.1f ms, facet clicks %.1f ms, jumps %.1f ms\n", startStall,
                facetStall, jumpStall);
    std::printf("  peak RSS %s\n", memscope::bench::rssSummary().c_str());
    return 0;
}
