// Retrieval quality on LoCoMo (shared/data/locomo-dev): recall@1/5/10/25 of each search mode, searching
// within each conversation's user_id, as the data set's README defines it.
//
//   bench_locomo [--data DIR]     (default: the shared/ folder beside the checkout)
#include "BenchUtil.h"

#include <io/RecordImporter.h>
#include <search/SearchTypes.h>
#include <storage/MemoryStore.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <set>

#include <unistd.h>

using namespace memscope;
using nlohmann::json;

namespace {

struct Query {
    std::string userId;
    std::string question;
    std::set<std::string> evidence;
};

struct Recall {
    double at[4] = {0, 0, 0, 0};
};

constexpr int kCutoffs[4] = {1, 5, 10, 25};

Recall evaluate(MemoryStore& store, const std::vector<Query>& queries, SearchOptions options)
{
    Recall total;
    for (const auto& q : queries) {
        SearchRequest request;
        request.query = q.question;
        request.userIds = {q.userId};
        request.limit = 25;
        request.options = options;
        const auto hits = store.search(request).hits;
        for (int c = 0; c < 4; ++c) {
            int found = 0;
            for (std::size_t i = 0; i < hits.size() && static_cast<int>(i) < kCutoffs[c]; ++i)
                found += q.evidence.count(hits[i].record.metaString("dia_id")) > 0;
            total.at[c] += static_cast<double>(found) / static_cast<double>(q.evidence.size());
        }
    }
    for (double& v : total.at)
        v /= static_cast<double>(queries.size());
    return total;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string dataDir =
        bench::argument(argc, argv, "data", std::string(MEMSCOPE_SOURCE_DIR) + "/../shared/data/locomo-dev");
    if (!std::filesystem::exists(dataDir + "/memories.jsonl")) {
        std::cerr << "bench_locomo: no " << dataDir << "/memories.jsonl (pass --data DIR)\n";
        return 2;
    }
    const auto dir = std::filesystem::temp_directory_path() / ("memscope-locomo-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    int status = 0;
    {
        auto store = MemoryStore::open((dir / "locomo.db").string());
        const auto start = std::chrono::steady_clock::now();
        const auto report = RecordImporter(*store).runFile(dataDir + "/memories.jsonl", {});
        store->embedMissing();
        std::cout << "imported " << report.added << " turns and embedded them in " << bench::secondsSince(start)
                  << " s with " << store->semantic().embedderName() << "\n";

        std::vector<Query> queries;
        std::ifstream in(dataDir + "/queries.jsonl");
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty())
                continue;
            const auto j = json::parse(line);
            Query q{j["user_id"], j["question"], {}};
            for (const auto& e : j["evidence"])
                q.evidence.insert(e.get<std::string>());
            if (!q.evidence.empty())
                queries.push_back(std::move(q));
        }
        std::cout << queries.size() << " questions\n\n";
        std::cout << "| mode | recall@1 | recall@5 | recall@10 | recall@25 |\n|---|---|---|---|---|\n";
        struct Variant {
            const char* name;
            SearchOptions options;
        };
        SearchOptions keyword, semantic, hybrid, rrf;
        keyword.mode = SearchOptions::Mode::Keyword;
        semantic.mode = SearchOptions::Mode::Semantic;
        rrf.fusion = SearchOptions::Fusion::ReciprocalRank;
        const Variant variants[] = {{"keyword (FTS5 bm25, porter)", keyword},
                                    {"semantic (built-in embedder)", semantic},
                                    {"hybrid, reciprocal rank fusion", rrf},
                                    {"hybrid (default)", hybrid}};
        double hybridAt10 = 0;
        for (const auto& v : variants) {
            const auto r = evaluate(*store, queries, v.options);
            std::printf("| %s | %.4f | %.4f | %.4f | %.4f |\n", v.name, r.at[0], r.at[1], r.at[2], r.at[3]);
            hybridAt10 = r.at[2];
        }
        std::printf("\nPlain BM25 reference (data set README): recall@10 = 0.530; target for the default: >= 0.62\n");
        status = hybridAt10 >= 0.62 ? 0 : 1;
    }
    std::filesystem::remove_all(dir);
    return status;
}
