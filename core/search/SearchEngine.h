#pragma once

#include "search/SearchTypes.h"
#include "vector/VectorIndex.h"

#include <memory>

namespace memscope {

class Connection;
class SemanticIndex;
struct FilterMatches;

// Hybrid search with a planner. The filter's matches are listed through the indexes first: few are scored
// exactly (no recall lost to a restrictive filter); more become a bitmap that a filtered HNSW graph walk and
// the keyword ranking test candidates against; a filter matching most of the store goes through HNSW with
// over-fetch and a post-filter. Keyword (FTS5 bm25) and semantic candidates are then fused, optionally
// decayed by age.
class SearchEngine {
public:
    SearchEngine(Connection& connection, SemanticIndex& semantic);

    SearchResponse search(const SearchRequest& request);

private:
    struct Candidates;
    std::vector<std::int64_t> listRowIds(const nlohmann::json& filter, std::int64_t limit);
    // The filter's matches up to `limit` (none, and overLimit, when there are more), reused from the
    // store's cache while the database is unchanged.
    std::shared_ptr<const FilterMatches> filterMatches(const nlohmann::json& filter, std::int64_t limit);
    std::vector<VectorIndex::Hit> annCandidates(const VectorIndex& index, const std::vector<float>& query,
                                                bool trivialFilter, const nlohmann::json& filter, int depth);
    std::vector<std::int64_t> filterRowIds(const std::vector<std::int64_t>& rowIds, const nlohmann::json& filter);
    SearchResponse recent(const SearchRequest& request, const nlohmann::json& filter);

    Connection& m_connection;
    SemanticIndex& m_semantic;
};

} // namespace memscope
