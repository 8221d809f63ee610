#pragma once

#include "search/SearchTypes.h"
#include "vector/VectorIndex.h"

namespace memscope {

class Connection;
class SemanticIndex;

// Hybrid search with a planner. The filter is counted through the indexes first: when few records match,
// exactly those vectors are scored (no recall lost to a restrictive filter); otherwise HNSW is searched
// with over-fetch and the hits are post-filtered, widening until enough pass. Keyword (FTS5 bm25) and
// semantic candidates are then fused, optionally decayed by age.
class SearchEngine {
public:
    SearchEngine(Connection& connection, SemanticIndex& semantic);

    SearchResponse search(const SearchRequest& request);

private:
    struct Candidates;
    std::vector<std::int64_t> listRowIds(const nlohmann::json& filter, std::int64_t limit);
    std::vector<VectorIndex::Hit> annCandidates(const VectorIndex& index, const std::vector<float>& query,
                                                bool trivialFilter, const nlohmann::json& filter, int depth);
    std::vector<std::int64_t> filterRowIds(const std::vector<std::int64_t>& rowIds, const nlohmann::json& filter);
    SearchResponse recent(const SearchRequest& request, const nlohmann::json& filter);

    Connection& m_connection;
    SemanticIndex& m_semantic;
};

} // namespace memscope
