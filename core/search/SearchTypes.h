#pragma once

#include "model/MemoryRecord.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace memscope {

struct SearchOptions {
    enum class Mode { Hybrid, Semantic, Keyword };
    // MinMax: each side's scores scaled to 0..1 over the candidates (min-max), then mixed by
    // semanticWeight. Relative: cosine and bm25 / best bm25, mixed. ReciprocalRank: 1 / (60 + rank).
    // MinMax with semanticWeight 0.2 measured best on LoCoMo (docs/RETRIEVAL.md).
    enum class Fusion { MinMax, Relative, ReciprocalRank };
    Mode mode = Mode::Hybrid;
    Fusion fusion = Fusion::MinMax;
    double semanticWeight = 0.2;
    // Recency decay: 0 = off; else a record `halfLife` days old has its recency part at 0.5, and
    // score = (1 − recencyWeight) × relevance + recencyWeight × recency.
    double recencyHalfLifeDays = 0;
    double recencyWeight = 0.2;
    double minScore = 0;
    // Candidates taken from each side before fusion (0: chosen from the limit).
    int candidateDepth = 0;
    // Planner: filters matching at most this many records have their vectors scored exactly; more go through
    // the filtered graph walk.
    std::int64_t exactLimit = 10000;
    // Planner: filters matching more than this many records are broad enough for HNSW with over-fetch and a
    // post-filter, which spares listing them all (0.1-0.25 us per match, measured).
    std::int64_t listLimit = 150000;
    // Full text: the most documents a ranked keyword query may touch before common terms are dropped.
    std::int64_t keywordPostingBudget = 2500;
};

struct SearchRequest {
    std::string query;
    nlohmann::json filter = nlohmann::json::object(); // Mem0 filter; state defaults to active
    std::vector<std::string> userIds;                 // scopes combined: e.g. {"global", "alice"}
    int limit = 10;
    SearchOptions options;
};

struct ScoreParts {
    double semantic = 0;  // cosine similarity, 0..1
    double keyword = 0;   // bm25 relative to the best keyword match of this query, 0..1
    double recency = 0;   // 0..1, 1 = now (0 when recency is off)
    double bm25 = 0;      // the raw bm25 score
    int semanticRank = 0; // 1-based rank on each side, 0 = not a candidate there
    int keywordRank = 0;

    nlohmann::json toJson() const;
};

struct SearchHit {
    MemoryRecord record;
    double score = 0;
    ScoreParts parts;
};

struct SearchResponse {
    std::vector<SearchHit> hits;
    // How the planner ran the query: "exact" (scored every filtered vector), "filtered" (HNSW graph walk that
    // keeps only the filter's matches), "ann" (HNSW with over-fetch and post-filter), "keyword" (no vectors
    // available), "recent" (empty query).
    std::string plan;
    std::int64_t filteredCount = -1; // records matching the filter when counted (-1 when not counted)
    bool vectorsComplete = true;     // false while records of this store still lack vectors
    bool keywordCapped = false;      // very common terms were left out of the ranked full-text query
    std::vector<std::string> warnings;
    double elapsedMs = 0;
    // Where elapsedMs went, for the benchmark and for debugging a slow query.
    struct Stages {
        double filterMs = 0;   // listing the filter's matches (0 when cached or not needed)
        double keywordMs = 0;  // ranked full text
        double semanticMs = 0; // embedding the query, vector search and exact scoring
        double fuseMs = 0;     // scoring every candidate on both sides, fusion
        double fetchMs = 0;    // reading the winners' records
    } stages;
};

} // namespace memscope
