#include "search/KeywordSearcher.h"

#include "embed/PorterStemmer.h"
#include "embed/TextTokenizer.h"
#include "search/FtsQuery.h"
#include "storage/Connection.h"
#include "storage/FtsRanking.h"
#include "vector/RowIdSet.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include <nlohmann/json.hpp>

namespace memscope {

namespace {

// Candidate sets up to this size may be scored from their texts.
constexpr std::size_t kTextScoringLimit = 3000;

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
    // Text scoring (few candidates) costs nothing per posting, so it uses every item, capped or not.
    for (const auto& t : terms) {
        std::vector<std::string> stems;
        std::size_t start = 0;
        while (start <= t.stem.size()) {
            const auto space = t.stem.find(' ', start);
            const auto end = space == std::string::npos ? t.stem.size() : space;
            if (end > start)
                stems.push_back(t.stem.substr(start, end - start));
            start = end + 1;
        }
        p.itemStems.push_back(std::move(stems));
        p.itemDocuments.push_back(t.documents);
    }
    std::vector<FtsTerm> kept;
    for (const auto& t : terms) {
        if (!kept.empty() && p.postings + t.documents > m_postingBudget) {
            p.capped = true;
            continue;
        }
        kept.push_back(t);
        p.postings += t.documents;
        p.keptDocuments.push_back(t.documents);
    }
    {
        auto& st = m_connection.cached("SELECT coalesce(max(rid), 1) FROM memories");
        st.step();
        p.documents = st.int64(0);
        st.reset();
    }
    if (p.postings > m_postingBudget) {
        // Even the rarest term is very common: rank only the newest documents (rowids grow with insertion),
        // about as many as the budget allows if the term is spread evenly.
        p.capped = true;
        const std::int64_t maxRid = p.documents;
        p.minRowId =
            maxRid - static_cast<std::int64_t>(static_cast<double>(maxRid) * static_cast<double>(m_postingBudget) /
                                               static_cast<double>(p.postings));
    }
    p.match = FtsQuery::matchExpression(kept);
    return p;
}

KeywordSearcher::Result KeywordSearcher::rank(const std::string& query, int limit,
                                              const std::vector<std::int64_t>* within, const RowIdSet* withinSet)
{
    Result result;
    const Plan p = plan(query);
    result.matchExpression = p.match;
    result.capped = p.capped;
    if (p.match.empty() || (within && within->empty()))
        return result;
    // A few candidates are scored from their own texts: cheaper than walking every posting of the terms.
    if (within && within->size() <= kTextScoringLimit && static_cast<std::int64_t>(within->size()) * 2 < p.postings) {
        scoreTexts(p, *within, result);
        result.capped = false;
        result.hits.assign(result.all.begin(), result.all.end());
        sortBest(result.hits, limit);
        return result;
    }
    // One walk over the (capped) postings computes bm25 for every matching document that passes the filter;
    // all of them are kept, so fusion can look up any candidate's score afterwards. A bitmap: building and
    // probing it costs far less than a hash set of a large filter's matches.
    RowIdSet built;
    if (within && !withinSet) {
        built = RowIdSet(*within);
        withinSet = &built;
    }
    // memscope_bm25 takes each kept phrase's idf from the cached document counts and each row's length from
    // the joined docsize row (see FtsRanking.h); rows the filter excludes are dropped by memscope_rowid_in
    // before the join and the ranking.
    const int filterParam = static_cast<int>(p.keptDocuments.size()) + 3;
    std::string sql = "SELECT memories_fts.rowid, memscope_bm25(memories_fts, d.sz";
    for (std::size_t i = 0; i < p.keptDocuments.size(); ++i)
        sql += ", ?" + std::to_string(i + 3);
    sql += ") FROM memories_fts LEFT JOIN memories_fts_docsize d ON d.id = memories_fts.rowid"
           " WHERE memories_fts MATCH ?1 AND memories_fts.rowid >= ?2";
    if (withinSet)
        sql += " AND memscope_rowid_in(?" + std::to_string(filterParam) + ", memories_fts.rowid)";
    auto& st = m_connection.cached(sql);
    st.bind(1, p.match).bind(2, p.minRowId);
    const double documents = static_cast<double>(std::max<std::int64_t>(1, p.documents));
    for (std::size_t i = 0; i < p.keptDocuments.size(); ++i) {
        const double df = static_cast<double>(p.keptDocuments[i]);
        st.bind(static_cast<int>(i) + 3, std::max(1e-6, std::log((documents - df + 0.5) / (df + 0.5))));
    }
    FtsRanking::RowFilter rowFilter = [withinSet](std::int64_t rid) { return withinSet->contains(rid); };
    if (withinSet)
        st.bindPointer(filterParam, &rowFilter, FtsRanking::kRowFilterType);
    while (st.step())
        result.all.emplace(st.int64(0), st.real(1));
    st.reset();
    result.hits.assign(result.all.begin(), result.all.end());
    sortBest(result.hits, limit);
    return result;
}

// bm25 as FTS5 computes it (k1 = 1.2, b = 0.75, idf = ln((N - df + 0.5) / (df + 0.5)) floored at 1e-6), with
// the index's tokenizer and stemmer, the vocabulary's document frequencies (a phrase takes its rarest
// word's), N from the largest rowid, and the average length over the candidates.
void KeywordSearcher::scoreTexts(const Plan& p, const std::vector<std::int64_t>& rowIds, Result& result)
{
    const std::int64_t documents = std::max<std::int64_t>(1, p.documents); // plan() read it
    std::vector<double> idf;
    std::unordered_set<std::string> prefixes; // first 3 bytes of each stem: only such words are stemmed
    for (std::size_t i = 0; i < p.itemStems.size(); ++i) {
        const double df = static_cast<double>(p.itemDocuments[i]);
        idf.push_back(std::max(1e-6, std::log((static_cast<double>(documents) - df + 0.5) / (df + 0.5))));
        for (const auto& stem : p.itemStems[i])
            prefixes.insert(stem.substr(0, 3));
    }
    struct Doc {
        std::int64_t rid;
        std::vector<double> tf;
        double length;
    };
    std::vector<Doc> docs;
    double totalLength = 0;
    auto& st =
        m_connection.cached("SELECT m.rid, m.memory FROM json_each(?1) j CROSS JOIN memories m ON m.rid = j.value");
    st.bind(1, nlohmann::json(rowIds).dump());
    TextTokenizer::Words words;
    std::vector<std::string> stems;
    std::string stem;
    while (st.step()) {
        TextTokenizer::split(st.textView(1), words);
        stems.assign(words.size(), std::string());
        for (std::size_t w = 0; w < words.size(); ++w) {
            const auto word = words[w];
            if (prefixes.count(std::string(word.substr(0, 3)))) {
                PorterStemmer::stem(word, stem);
                stems[w] = stem;
            }
        }
        Doc doc{st.int64(0), std::vector<double>(p.itemStems.size(), 0.0), static_cast<double>(words.size())};
        bool matched = false;
        for (std::size_t i = 0; i < p.itemStems.size(); ++i) {
            const auto& item = p.itemStems[i];
            for (std::size_t w = 0; w + item.size() <= stems.size(); ++w) {
                bool all = true;
                for (std::size_t k = 0; k < item.size() && all; ++k)
                    all = stems[w + k] == item[k];
                if (all) {
                    doc.tf[i] += 1;
                    matched = true;
                }
            }
        }
        totalLength += doc.length;
        if (matched)
            docs.push_back(std::move(doc));
    }
    st.reset();
    const double avgLength = rowIds.empty() ? 1.0 : std::max(1.0, totalLength / static_cast<double>(rowIds.size()));
    constexpr double k1 = 1.2, b = 0.75;
    for (const auto& doc : docs) {
        double score = 0;
        for (std::size_t i = 0; i < doc.tf.size(); ++i)
            if (doc.tf[i] > 0)
                score += idf[i] * doc.tf[i] * (k1 + 1) / (doc.tf[i] + k1 * (1 - b + b * doc.length / avgLength));
        result.all.emplace(doc.rid, score);
    }
}

} // namespace memscope
