#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace memscope {

class Connection;
class RowIdSet;

// Ranked full-text search (FTS5 bm25) with its work capped: bm25 costs about a microsecond per matching
// document, so terms so common that ranking them would touch more than `postingBudget` documents are left
// out (their idf is near zero anyway), and when even the rarest term is that common only the most recent
// documents are ranked.
class KeywordSearcher {
public:
    using Hits = std::vector<std::pair<std::int64_t, double>>; // rowid, bm25 (higher is better), best first
    struct Result {
        Hits hits;                                    // the best `limit`
        std::unordered_map<std::int64_t, double> all; // bm25 of every document ranked (fusion looks up here)
        std::string matchExpression;                  // empty when the query has no indexed terms
        bool capped = false;
    };

    explicit KeywordSearcher(Connection& connection, std::int64_t postingBudget = 2500);

    // The best `limit` documents of the whole index, or of `within` (a filter's matches) when given.
    // `withinSet`, when given, holds the same rowids as `within` and spares building that set again.
    Result rank(const std::string& query, int limit, const std::vector<std::int64_t>* within = nullptr,
                const RowIdSet* withinSet = nullptr);

private:
    struct Plan {
        std::string match;
        std::vector<std::vector<std::string>> itemStems; // every item (word or phrase), capped or not
        std::vector<std::int64_t> itemDocuments;
        std::vector<std::int64_t> keptDocuments; // of the items in `match`, in its order
        std::int64_t documents = 1;              // N for idf: the largest rowid
        std::int64_t minRowId = 0;
        std::int64_t postings = 0;
        bool capped = false;
    };
    Plan plan(const std::string& query);
    void scoreTexts(const Plan& plan, const std::vector<std::int64_t>& rowIds, Result& result);

    Connection& m_connection;
    std::int64_t m_postingBudget;
};

} // namespace memscope
