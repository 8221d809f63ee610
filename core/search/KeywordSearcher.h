#pragma once

#include "filter/FilterCompiler.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace memscope {

class Connection;

// Ranked full-text search (FTS5 bm25) under a compiled filter, with its work capped: terms so common that
// ranking them would touch more than `postingBudget` documents are left out (their idf is near zero
// anyway), and when even the rarest term is that common, only the most recent documents are ranked.
class KeywordSearcher {
public:
    struct Result {
        std::vector<std::pair<std::int64_t, double>> hits; // rowid, bm25 (higher is better), best first
        std::string matchExpression;                       // empty when the query has no indexed terms
        bool capped = false;
    };

    explicit KeywordSearcher(Connection& connection, std::int64_t postingBudget = 20000);

    Result search(const std::string& query, const CompiledFilter& filter, int limit);
    // bm25 of the given rowids for a match expression from search(); rowids that do not match are absent.
    std::unordered_map<std::int64_t, double> scores(const std::string& matchExpression,
                                                    const std::vector<std::int64_t>& rowIds);

private:
    Connection& m_connection;
    std::int64_t m_postingBudget;
};

} // namespace memscope
