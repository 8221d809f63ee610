#include "search/KeywordSearcher.h"

#include "search/FtsQuery.h"
#include "storage/Connection.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace memscope {

KeywordSearcher::KeywordSearcher(Connection& connection, std::int64_t postingBudget)
    : m_connection(connection)
    , m_postingBudget(postingBudget)
{
}

KeywordSearcher::Result KeywordSearcher::search(const std::string& query, const CompiledFilter& filter, int limit)
{
    Result result;
    auto terms = FtsQuery::terms(m_connection, query);
    terms.erase(std::remove_if(terms.begin(), terms.end(), [](const FtsTerm& t) { return t.documents == 0; }),
                terms.end());
    if (terms.empty())
        return result;
    std::stable_sort(terms.begin(), terms.end(),
                     [](const FtsTerm& a, const FtsTerm& b) { return a.documents < b.documents; });
    std::vector<FtsTerm> kept;
    std::int64_t postings = 0;
    for (const auto& t : terms) {
        if (!kept.empty() && postings + t.documents > m_postingBudget) {
            result.capped = true;
            continue;
        }
        kept.push_back(t);
        postings += t.documents;
    }
    // Even the rarest term is very common: rank only the newest documents (rowids grow with insertion), about
    // as many as the budget allows if the term is spread evenly.
    std::int64_t minRowId = 0;
    if (postings > m_postingBudget) {
        result.capped = true;
        auto st = m_connection.prepare("SELECT coalesce(max(rid), 0) FROM memories");
        st.step();
        const std::int64_t maxRid = st.int64(0);
        minRowId = maxRid - static_cast<std::int64_t>(static_cast<double>(maxRid) *
                                                      static_cast<double>(m_postingBudget) /
                                                      static_cast<double>(postings));
    }
    result.matchExpression = FtsQuery::matchExpression(kept);

    const std::string sql = "SELECT f.rowid, -bm25(memories_fts) AS s FROM memories_fts f JOIN memories m ON "
                            "m.rid = f.rowid WHERE memories_fts MATCH ?1 AND f.rowid >= ?2 AND (" +
                            filter.sql + ") ORDER BY s DESC LIMIT ?";
    auto st = m_connection.prepare(sql);
    st.bind(1, result.matchExpression).bind(2, minRowId);
    // Plain '?' placeholders number on from the highest one before them: the filter's from 3, then the limit.
    st.bindAll(filter.params, 3);
    st.bind(3 + static_cast<int>(filter.params.size()), limit);
    while (st.step())
        result.hits.emplace_back(st.int64(0), st.real(1));
    return result;
}

std::unordered_map<std::int64_t, double> KeywordSearcher::scores(const std::string& matchExpression,
                                                                 const std::vector<std::int64_t>& rowIds)
{
    std::unordered_map<std::int64_t, double> out;
    if (matchExpression.empty() || rowIds.empty())
        return out;
    auto& st = m_connection.cached("SELECT rowid, -bm25(memories_fts) FROM memories_fts WHERE memories_fts MATCH ?1 "
                                   "AND rowid = ?2");
    for (auto rid : rowIds) {
        st.reset();
        st.bind(1, matchExpression).bind(2, rid);
        if (st.step())
            out.emplace(st.int64(0), st.real(1));
    }
    st.reset();
    return out;
}

} // namespace memscope
