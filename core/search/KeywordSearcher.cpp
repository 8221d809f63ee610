#include "search/KeywordSearcher.h"

#include "search/FtsQuery.h"
#include "storage/Connection.h"

#include <algorithm>
#include <unordered_set>

#include <nlohmann/json.hpp>

namespace memscope {

namespace {

void sortBest(KeywordSearcher::Hits& hits, int limit)
{
    std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first > b.first;
    });
    if (hits.size() > static_cast<std::size_t>(limit))
        hits.resize(static_cast<std::size_t>(limit));
}

} // namespace

KeywordSearcher::KeywordSearcher(Connection& connection, std::int64_t postingBudget)
    : m_connection(connection)
    , m_postingBudget(postingBudget)
{
}

KeywordSearcher::Plan KeywordSearcher::plan(const std::string& query)
{
    Plan p;
    auto terms = FtsQuery::terms(m_connection, query);
    terms.erase(std::remove_if(terms.begin(), terms.end(), [](const FtsTerm& t) { return t.documents == 0; }),
                terms.end());
    if (terms.empty())
        return p;
    std::stable_sort(terms.begin(), terms.end(),
                     [](const FtsTerm& a, const FtsTerm& b) { return a.documents < b.documents; });
    std::vector<FtsTerm> kept;
    for (const auto& t : terms) {
        if (!kept.empty() && p.postings + t.documents > m_postingBudget) {
            p.capped = true;
            continue;
        }
        kept.push_back(t);
        p.postings += t.documents;
    }
    if (p.postings > m_postingBudget) {
        // Even the rarest term is very common: rank only the newest documents (rowids grow with insertion),
        // about as many as the budget allows if the term is spread evenly.
        p.capped = true;
        auto& st = m_connection.cached("SELECT coalesce(max(rid), 0) FROM memories");
        st.step();
        const std::int64_t maxRid = st.int64(0);
        st.reset();
        p.minRowId = maxRid - static_cast<std::int64_t>(static_cast<double>(maxRid) *
                                                        static_cast<double>(m_postingBudget) /
                                                        static_cast<double>(p.postings));
    }
    p.match = FtsQuery::matchExpression(kept);
    return p;
}

KeywordSearcher::Result KeywordSearcher::rank(const std::string& query, int limit,
                                              const std::vector<std::int64_t>* within)
{
    Result result;
    const Plan p = plan(query);
    result.matchExpression = p.match;
    result.capped = p.capped;
    if (p.match.empty() || (within && within->empty()))
        return result;
    // One walk over the (capped) postings computes bm25 for every matching document; the ranking and the
    // filter happen here rather than in SQL, so fusion can look up any candidate's score afterwards.
    std::unordered_set<std::int64_t> wanted;
    if (within)
        wanted.insert(within->begin(), within->end());
    auto& st = m_connection.cached("SELECT rowid, -bm25(memories_fts) FROM memories_fts WHERE memories_fts MATCH ?1 "
                                   "AND rowid >= ?2");
    st.bind(1, p.match).bind(2, p.minRowId);
    while (st.step()) {
        const auto rid = st.int64(0);
        if (!within || wanted.count(rid))
            result.all.emplace(rid, st.real(1));
    }
    st.reset();
    result.hits.assign(result.all.begin(), result.all.end());
    sortBest(result.hits, limit);
    return result;
}

} // namespace memscope
