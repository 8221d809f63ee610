// Speed and memory of the store at scale. Generates N demo records (default 1,000,000) and prints:
// import records/s, time until vector search is ready, hybrid search latency (p50/p95/max) at filter
// selectivities of about 100%, 10%, 1% and 0.1% with recall@10 against exact search, open-to-first-query
// time after a restart, time until vector search is ready after a restart, and peak RSS.
//
//   bench_store [--records N] [--queries Q] [--dir DIR] [--random-ids] [--import-only [--without-indexes]]
//   (the database stays in DIR when --dir is given; --import-only stops after the import, for profiling it;
//   --without-indexes drops every secondary index of memories and history first, which prints the speed the
//   import would have with nothing to maintain but the table, the unique id, full text, roll-up and history;
//   --random-ids gives the records random version 4 ids, as Mem0 exports carry, instead of the time-ordered
//   ids Memscope makes, so the id indexes take each insert at a random place)
#include "BenchUtil.h"

#include <demo/DemoGenerator.h>
#include <io/RecordImporter.h>
#include <search/SearchTypes.h>
#include <storage/Connection.h>
#include <storage/MemoryStore.h>
#include <util/Ids.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <iostream>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

using namespace memscope;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

// Questions an operator or an agent asks of an outcome history.
const char* const kQueries[] = {
    "slow report query full table scan",
    "SSL handshake timeout after driver upgrade",
    "email bounced attachment too large",
    "customer asked for a refund ticket routing",
    "deadlock when updating orders",
    "chart shows wrong weekly totals",
    "flaky test in code review",
    "duplicate rows after csv import",
    "API rate limit exceeded retry",
    "summarise the research sources",
    "missing index on join column",
    "send_v1 endpoint deprecated",
    "prefers PDF reports",
    "timeout connecting to the warehouse",
    "null values broke the aggregation",
    "escalate billing tickets",
    "formal tone for enterprise customers",
    "pagination bug in web scraping",
    "query plan regression after upgrade",
    "retry with smaller batches",
};

struct Selectivity {
    std::string label;
    json filter;
    std::int64_t count = 0;
};

// Filters on real facets whose match counts come closest to each target share of the store.
std::vector<Selectivity> chooseFilters(MemoryStore& store, std::int64_t total)
{
    const std::vector<std::string> tasks = {"sql_query_debug", "report_generation", "email_drafting", "support_triage",
                                            "code_review",     "data_cleaning",     "web_research"};
    const std::vector<std::string> users = {"global", "alice", "bob", "carol", "dave", "erin", "frank"};
    const std::vector<std::string> outcomes = {"success", "failure", "partial"};
    std::vector<json> candidates;
    for (const auto& t : tasks) {
        candidates.push_back({{"task_type", t}});
        for (const auto& o : outcomes)
            candidates.push_back({{"task_type", t}, {"outcome_type", o}});
        for (const auto& u : users) {
            candidates.push_back({{"task_type", t}, {"user_id", u}});
            for (const auto& o : outcomes)
                candidates.push_back({{"task_type", t}, {"user_id", u}, {"outcome_type", o}});
        }
    }
    for (const auto& u : users)
        candidates.push_back({{"user_id", u}});
    std::map<json, std::int64_t> counts;
    for (const auto& c : candidates)
        counts[c] = store.count(c);
    std::vector<Selectivity> out = {{"100%", json::object(), total}};
    for (double target : {0.10, 0.01, 0.001}) {
        Selectivity best;
        double bestDistance = 1e9;
        for (const auto& [filter, n] : counts) {
            const double distance = std::fabs(std::log((n + 0.5) / (target * static_cast<double>(total))));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = {"", filter, n};
            }
        }
        char label[32];
        std::snprintf(label, sizeof label, "%.1f%%", 100.0 * target);
        best.label = label;
        out.push_back(best);
    }
    return out;
}

// Share of the exact top-k found by the planned search; equal scores count as found.
double recallAt(const std::vector<SearchHit>& planned, const std::vector<SearchHit>& exact, std::size_t k)
{
    if (exact.empty())
        return 1.0;
    const std::size_t n = std::min(k, exact.size());
    const double kth = exact[n - 1].score;
    std::set<std::string> exactIds;
    for (std::size_t i = 0; i < n; ++i)
        exactIds.insert(exact[i].record.id);
    std::size_t found = 0;
    for (std::size_t i = 0; i < std::min(k, planned.size()); ++i)
        found += exactIds.count(planned[i].record.id) || planned[i].score >= kth - 1e-9;
    return static_cast<double>(std::min(found, n)) / static_cast<double>(n);
}

// For --without-indexes: the indexes the schema declares on the two tables an import writes row by row
// (the unique id's automatic index has no SQL and stays).
void dropSecondaryIndexes(Connection& connection)
{
    std::vector<std::string> names;
    auto st = connection.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                 "AND tbl_name IN ('memories', 'history') ORDER BY name");
    while (st.step())
        names.push_back(st.text(0));
    for (const auto& name : names)
        connection.exec("DROP INDEX \"" + name + "\"");
    std::printf("dropped %zu secondary indexes of memories and history (an ablation, not a usable store)\n",
                names.size());
}

} // namespace

int main(int argc, char** argv)
{
    const std::int64_t records = std::stoll(bench::argument(argc, argv, "records", "1000000"));
    const int queries = std::stoi(bench::argument(argc, argv, "queries", "200"));
    const std::string keepDir = bench::argument(argc, argv, "dir", "");
    const bool importOnly = bench::flag(argc, argv, "import-only");
    const bool withoutIndexes = bench::flag(argc, argv, "without-indexes");
    const bool randomIds = bench::flag(argc, argv, "random-ids");
    if (withoutIndexes && !importOnly) {
        std::cerr << "bench_store: --without-indexes needs --import-only (searches would scan without them)\n";
        return 2;
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // figures appear as they are measured, also when piped
    const auto dir = keepDir.empty()
                         ? std::filesystem::temp_directory_path() / ("memscope-bench-" + std::to_string(::getpid()))
                         : std::filesystem::path(keepDir);
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "bench.db").string();
    std::cout << "Memscope store benchmark: " << records << " records, " << queries << " queries per selectivity\n";
    std::cout << "database: " << path << "\n\n";

    {
        auto store = MemoryStore::open(path);
        if (withoutIndexes)
            dropSecondaryIndexes(store->connection());
        if (store->count(json::object()) < records) {
            DemoOptions demo;
            demo.records = records;
            demo.end = 1782000000000000LL; // a fixed end date keeps runs comparable
            DemoGenerator generator(demo);
            const auto start = Clock::now();
            const auto report = RecordImporter(*store).runRecords(
                [&](const RecordImporter::RecordSink& sink) {
                    if (!randomIds)
                        return generator.generate(sink);
                    generator.generate([&](MemoryRecord&& r) {
                        r.id = newUuid();
                        return sink(std::move(r));
                    });
                },
                {});
            const double seconds = bench::secondsSince(start);
            std::printf("import:                %lld records in %.1f s = %.0f records/s (SQLite + full text)\n",
                        static_cast<long long>(report.added), seconds, static_cast<double>(report.added) / seconds);
            if (importOnly)
                return 0;
            const auto vstart = Clock::now();
            store->embedMissing();
            std::printf("vector search ready:   %.1f s after the import (embedding + HNSW build)\n",
                        bench::secondsSince(vstart));
            const auto astart = Clock::now();
            store->connection().exec("ANALYZE");
            std::printf("analyze:               %.1f s\n", bench::secondsSince(astart));
        }
    }
    // The store closed and saved its index cache: now a restart, as a new process would see it.
    const auto openStart = Clock::now();
    auto store = MemoryStore::open(path);
    SearchRequest first;
    first.query = kQueries[0];
    first.limit = 10;
    store->search(first);
    std::printf("open to first query:   %.0f ms\n", bench::secondsSince(openStart) * 1000);
    store->semantic().waitLoaded(600000);
    std::printf("vector search ready:   %.0f ms after open (index cache loaded and caught up)\n",
                bench::secondsSince(openStart) * 1000);
    const std::int64_t total = store->count(json{{"state", "active"}});

    std::printf("\n| selectivity | filter | matching | p50 ms | p95 ms | max ms | recall@10 | plan |\n");
    std::printf("|---|---|---|---|---|---|---|---|\n");
    std::vector<std::string> stageLines;
    for (const auto& s : chooseFilters(*store, total)) {
        std::vector<double> latencies;
        SearchResponse::Stages stages; // summed
        double recall = 0;
        std::map<std::string, int> plans;
        for (int i = 0; i < queries; ++i) {
            SearchRequest request;
            request.query = kQueries[i % std::size(kQueries)];
            request.filter = s.filter;
            request.limit = 10;
            const auto start = Clock::now();
            const auto planned = store->search(request);
            latencies.push_back(bench::secondsSince(start) * 1000);
            stages.filterMs += planned.stages.filterMs;
            stages.keywordMs += planned.stages.keywordMs;
            stages.semanticMs += planned.stages.semanticMs;
            stages.fuseMs += planned.stages.fuseMs;
            stages.fetchMs += planned.stages.fetchMs;
            ++plans[planned.plan];
            if (i < static_cast<int>(std::size(kQueries))) {
                request.options.exactLimit = std::numeric_limits<std::int64_t>::max();
                recall += recallAt(planned.hits, store->search(request).hits, 10);
            }
        }
        recall /= static_cast<double>(std::min<std::size_t>(queries, std::size(kQueries)));
        std::string planText;
        for (const auto& [p, n] : plans)
            planText += (planText.empty() ? "" : ", ") + p + " " + std::to_string(n);
        std::printf("| %s | `%s` | %lld | %.1f | %.1f | %.1f | %.3f | %s |\n", s.label.c_str(), s.filter.dump().c_str(),
                    static_cast<long long>(s.count), bench::percentile(latencies, 0.5),
                    bench::percentile(latencies, 0.95), bench::percentile(latencies, 1.0), recall, planText.c_str());
        stageLines.push_back(s.label + ": filter " + bench::fixed(stages.filterMs / queries) + ", keyword " +
                             bench::fixed(stages.keywordMs / queries) + ", semantic " +
                             bench::fixed(stages.semanticMs / queries) + ", fusion " +
                             bench::fixed(stages.fuseMs / queries) + ", records " +
                             bench::fixed(stages.fetchMs / queries));
    }
    std::printf("\nmean ms per stage of a search:\n");
    for (const auto& line : stageLines)
        std::printf("  %s\n", line.c_str());
    std::printf("\npeak RSS:              %s\n", bench::rssSummary().c_str());
    store.reset();
    if (keepDir.empty())
        std::filesystem::remove_all(dir);
    return 0;
}
