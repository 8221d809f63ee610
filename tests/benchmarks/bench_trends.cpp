// Trends and facet counts at scale: the Trends view's queries (outcomes over time by task type, tool and
// version; success-rate breakdowns) and the facet sidebar's counts, answered from the roll-up, with the
// GROUP BY over memories as the baseline. Prints p50/max per query shape.
//   bench_trends [--records N] [--db PATH] [--runs R]
#include "BenchUtil.h"

#include <demo/DemoGenerator.h>
#include <io/RecordImporter.h>
#include <stats/FacetCounter.h>
#include <stats/TrendQuery.h>
#include <storage/MemoryStore.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <unistd.h>
#include <vector>

using namespace memscope;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

struct Shape {
    std::string name;
    std::function<void(StatsSource)> run;
};

double millisecondsOf(const std::function<void()>& fn)
{
    const auto start = Clock::now();
    fn();
    return bench::secondsSince(start) * 1000.0;
}

} // namespace

int main(int argc, char** argv)
{
    const std::int64_t records = std::stoll(bench::argument(argc, argv, "records", "1000000"));
    const int runs = std::stoi(bench::argument(argc, argv, "runs", "20"));
    std::string path = bench::argument(argc, argv, "db", "");
    const bool temporary = path.empty();
    if (temporary)
        path = (std::filesystem::temp_directory_path() / ("memscope-trends-" + std::to_string(::getpid()) + ".db"))
                   .string();
    auto store = MemoryStore::open(path);
    if (store->count(json{{"state", "*"}}) < records) {
        DemoOptions demo;
        demo.records = records - store->count(json{{"state", "*"}});
        demo.end = 1782000000000000LL;
        DemoGenerator generator(demo);
        const auto start = Clock::now();
        RecordImporter(*store).runRecords([&](const RecordImporter::RecordSink& sink) { generator.generate(sink); },
                                          {});
        std::printf("demo import: %.1f s\n", bench::secondsSince(start));
    }
    const auto total = store->count(json{{"state", "*"}});
    std::printf("Memscope trends benchmark: %lld records in %s, %d runs per query (p50 / max ms)\n\n",
                static_cast<long long>(total), path.c_str(), runs);

    Connection& connection = store->connection();
    const json none = json::object();
    const json oneTask = {{"task_type", "sql_query_debug"}};
    const json taskAndUser = {{"task_type", "sql_query_debug"}, {"user_id", {{"in", {"global", "alice"}}}}};
    std::vector<Shape> shapes;
    for (TrendBucket bucket : {TrendBucket::Day, TrendBucket::Week, TrendBucket::Month}) {
        for (TrendDimension series :
             {TrendDimension::None, TrendDimension::TaskType, TrendDimension::ToolName, TrendDimension::Version}) {
            shapes.push_back({std::string("trend per ") + bucketName(bucket) + " by " + dimensionName(series),
                              [&, bucket, series](StatsSource source) {
                                  TrendRequest r;
                                  r.bucket = bucket;
                                  r.series = series;
                                  TrendQuery(connection, source).trend(r);
                              }});
        }
    }
    shapes.push_back({"trend per week by version, one task type", [&](StatsSource source) {
                          TrendRequest r;
                          r.filter = oneTask;
                          r.series = TrendDimension::Version;
                          TrendQuery(connection, source).trend(r);
                      }});
    shapes.push_back({"trend per day, task type + 2 users, 30-day range", [&](StatsSource source) {
                          TrendRequest r;
                          r.filter = taskAndUser;
                          r.bucket = TrendBucket::Day;
                          r.range.to = 1782000000000000LL;
                          r.range.from = *r.range.to - 30 * RollupPlan::kDay - 3600000000LL; // partial first day
                          TrendQuery(connection, source).trend(r);
                      }});
    for (TrendDimension columns : {TrendDimension::ToolName, TrendDimension::Version})
        shapes.push_back(
            {std::string("breakdown task_type x ") + dimensionName(columns), [&, columns](StatsSource source) {
                 BreakdownRequest r;
                 r.columns = columns;
                 TrendQuery(connection, source).breakdown(r);
             }});
    shapes.push_back({"all 7 facet counts, no filter", [&](StatsSource source) {
                          FacetCounter counter(connection, source);
                          for (const auto& field : FacetCounter::standardFacets())
                              counter.count(field, json{{"state", "active"}});
                      }});
    shapes.push_back({"all 7 facet counts, one task type", [&](StatsSource source) {
                          FacetCounter counter(connection, source);
                          for (const auto& field : FacetCounter::standardFacets())
                              counter.count(field, json{{"state", "active"}, {"task_type", "sql_query_debug"}});
                      }});

    std::printf("%-52s %18s %24s\n", "query", "roll-up p50 / max", "memories p50 (baseline)");
    double worst = 0;
    for (const auto& shape : shapes) {
        std::vector<double> times;
        for (int i = 0; i < runs; ++i)
            times.push_back(millisecondsOf([&] { shape.run(StatsSource::Auto); }));
        const double baseline = millisecondsOf([&] { shape.run(StatsSource::Memories); });
        const double max = *std::max_element(times.begin(), times.end());
        worst = std::max(worst, bench::percentile(times, 0.5));
        std::printf("%-52s %8.1f / %7.1f %16.0f\n", shape.name.c_str(), bench::percentile(times, 0.5), max, baseline);
    }
    std::printf("\nslowest p50 over all query shapes: %.1f ms; peak RSS %.0f MiB\n", worst, bench::peakRssMiB());
    store.reset();
    if (temporary)
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(path + suffix);
    return 0;
}
