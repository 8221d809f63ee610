#include "search/SearchEngine.h"

#include "embed/Embedder.h"
#include "filter/FilterCompiler.h"
#include "filter/FilterScope.h"
#include "search/FilterMatchCache.h"
#include "search/KeywordSearcher.h"
#include "storage/Connection.h"
#include "storage/RecordTable.h"
#include "util/Error.h"
#include "vector/RowIdSet.h"
#include "vector/SemanticIndex.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <unordered_set>

namespace memscope {

using nlohmann::json;

namespace {

// HNSW over-fetch stops widening here; past it the filter's matches are listed and walked instead.
constexpr std::size_t kMaxAnnFetch = 1600;
// The filtered walk may make as many distance computations as there are matches (what exact scoring would
// cost), and at least this many: below it either way costs a millisecond or two.
constexpr std::size_t kMinWalkBudget = 20000;
constexpr double kRrfK = 60.0;

struct Candidate {
    double cosine = 0;
    bool hasCosine = false;
    double bm25 = 0;
    bool hasBm25 = false;
    int semanticRank = 0;
    int keywordRank = 0;
};

std::int64_t plusOne(std::int64_t n) { return n == std::numeric_limits<std::int64_t>::max() ? n : n + 1; }

bool isBlank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

double elapsedMs(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

struct SearchEngine::Candidates {
    std::unordered_map<std::int64_t, Candidate> byRowId;
};

SearchEngine::SearchEngine(Connection& connection, SemanticIndex& semantic)
    : m_connection(connection)
    , m_semantic(semantic)
{
}

std::vector<std::int64_t> SearchEngine::filterRowIds(const std::vector<std::int64_t>& rowIds, const json& filter)
{
    std::vector<std::int64_t> out;
    if (rowIds.empty())
        return out;
    const auto compiled = FilterCompiler::compile(filter);
    auto st = m_connection.prepare("SELECT m.rid FROM json_each(?1) j CROSS JOIN memories m ON m.rid = j.value WHERE " +
                                   compiled.sql);
    st.bind(1, json(rowIds).dump());
    st.bindAll(compiled.params, 2);
    std::unordered_set<std::int64_t> pass;
    while (st.step())
        pass.insert(st.int64(0));
    for (auto rid : rowIds)
        if (pass.count(rid))
            out.push_back(rid);
    return out;
}

std::vector<std::int64_t> SearchEngine::listRowIds(const json& filter, std::int64_t limit)
{
    // Only the rowid is read, so SQLite answers from a covering index whenever one holds the filter's
    // columns, without touching the table.
    const auto compiled = FilterCompiler::compile(filter);
    auto st = m_connection.prepare("SELECT m.rid FROM memories m WHERE " + compiled.sql + " LIMIT ?");
    st.bindAll(compiled.params);
    st.bind(static_cast<int>(compiled.params.size()) + 1, limit);
    std::vector<std::int64_t> rids;
    while (st.step())
        rids.push_back(st.int64(0));
    return rids;
}

std::shared_ptr<const FilterMatches> SearchEngine::filterMatches(const json& filter, std::int64_t limit)
{
    FilterMatchCache::Key key{m_connection.handle(), filter.dump() + " LIMIT " + std::to_string(limit),
                              m_connection.dataVersion(), sqlite3_total_changes64(m_connection.handle())};
    auto& cache = m_semantic.filterMatches();
    if (auto cached = cache.find(key))
        return cached;
    auto matches = std::make_shared<FilterMatches>();
    matches->rowIds = listRowIds(filter, plusOne(limit));
    if (static_cast<std::int64_t>(matches->rowIds.size()) > limit) {
        matches->overLimit = true;
        matches->rowIds = {};
    }
    matches->set = RowIdSet(matches->rowIds);
    cache.store(key, matches);
    return matches;
}

std::vector<VectorIndex::Hit> SearchEngine::annCandidates(const VectorIndex& index, const std::vector<float>& query,
                                                          bool trivialFilter, const json& filter, int depth)
{
    // For broad filters: fetch more than needed, keep what passes the filter, and widen until enough pass. A
    // filter that keeps too few even at the widest fetch (one far from the query) is listed and walked.
    std::size_t k = static_cast<std::size_t>(depth) * (trivialFilter ? 2 : 4);
    for (;;) {
        auto annHits = index.search(query, k);
        std::vector<std::int64_t> rids;
        rids.reserve(annHits.size());
        for (const auto& h : annHits)
            rids.push_back(h.first);
        const auto passed = filterRowIds(rids, filter);
        const std::unordered_set<std::int64_t> ok(passed.begin(), passed.end());
        std::vector<VectorIndex::Hit> hits;
        for (const auto& h : annHits)
            if (ok.count(h.first))
                hits.push_back(h);
        if (hits.size() >= static_cast<std::size_t>(depth) || k >= index.size())
            return hits;
        if (k >= kMaxAnnFetch) {
            const auto all = filterMatches(filter, std::numeric_limits<std::int64_t>::max());
            auto walk = index.searchFiltered(query, static_cast<std::size_t>(depth), all->set, 0,
                                             std::max<std::size_t>(all->rowIds.size(), kMinWalkBudget));
            return walk.complete ? std::move(walk.hits)
                                 : index.scoreExact(query, all->rowIds, static_cast<std::size_t>(depth));
        }
        k = std::min(kMaxAnnFetch, k * 4);
    }
}

SearchResponse SearchEngine::recent(const SearchRequest& request, const json& filter)
{
    SearchResponse response;
    response.plan = "recent";
    const auto compiled = FilterCompiler::compile(filter);
    auto st = m_connection.prepare(std::string("SELECT ") + RecordTable::kColumns + " FROM memories m WHERE " +
                                   compiled.sql + " ORDER BY m.created_at DESC, m.rid DESC LIMIT ?");
    st.bindAll(compiled.params);
    st.bind(static_cast<int>(compiled.params.size()) + 1, request.limit);
    while (st.step()) {
        SearchHit hit;
        hit.record = RecordTable::read(st);
        hit.score = 1.0;
        response.hits.push_back(std::move(hit));
    }
    return response;
}

SearchResponse SearchEngine::search(const SearchRequest& request)
{
    const auto start = std::chrono::steady_clock::now();
    if (request.limit <= 0)
        throw Error(Error::Kind::InvalidArgument, "search: limit must be at least 1");
    const json filter = FilterScope::forUsers(FilterScope::activeByDefault(request.filter), request.userIds);
    const auto compiled = FilterCompiler::compile(filter); // validates before any work
    const bool trivialFilter = filter == json{{"state", "active"}};
    if (isBlank(request.query)) {
        auto response = recent(request, filter);
        response.elapsedMs = elapsedMs(start);
        return response;
    }
    const auto& options = request.options;
    const int depth = options.candidateDepth > 0 ? options.candidateDepth : std::max(request.limit * 4, 100);
    const bool keywordOn = options.mode != SearchOptions::Mode::Semantic;
    bool semanticOn = options.mode != SearchOptions::Mode::Keyword;

    SearchResponse response;
    // The plan. A store much larger than the limit, searched without a filter, goes straight to the indexes
    // ("ann"). Otherwise the filter's matches are listed through the indexes, up to listLimit: few are
    // scored exactly, on both sides ("exact"); more become a bitmap that the graph walk and the keyword
    // ranking test candidates against ("filtered"); a filter matching even more is broad enough for HNSW and
    // the ranked full-text index with over-fetch and a post-filter ("ann").
    enum class Plan { Exact, Filtered, Ann } plan = Plan::Ann;
    std::shared_ptr<const FilterMatches> matches;
    auto stage = std::chrono::steady_clock::now();
    // The time since the last call, which starts the next stage.
    auto lap = [&stage] {
        const double ms = elapsedMs(stage);
        stage = std::chrono::steady_clock::now();
        return ms;
    };
    {
        std::int64_t size = 0;
        if (trivialFilter) {
            auto& st = m_connection.cached("SELECT coalesce(max(rid), 0) FROM memories");
            st.step();
            size = st.int64(0);
            st.reset();
        }
        if (!trivialFilter || size / 2 <= options.exactLimit) {
            matches = filterMatches(filter, std::max(options.exactLimit, options.listLimit));
            const auto n = static_cast<std::int64_t>(matches->rowIds.size());
            if (!matches->overLimit) {
                plan = n <= options.exactLimit ? Plan::Exact : Plan::Filtered;
                response.filteredCount = n;
            }
        }
    }
    static const std::vector<std::int64_t> kNone;
    const auto& filtered = plan != Plan::Ann ? matches->rowIds : kNone;
    const bool exact = plan == Plan::Exact;
    response.plan = plan == Plan::Exact ? "exact" : plan == Plan::Filtered ? "filtered" : "ann";

    response.stages.filterMs = lap();
    Candidates candidates;
    KeywordSearcher keyword(m_connection, options.keywordPostingBudget);
    KeywordSearcher::Result keywordResult;
    if (keywordOn) {
        if (plan != Plan::Ann) {
            keywordResult = keyword.rank(request.query, depth, &filtered, &matches->set);
        } else {
            keywordResult = keyword.rank(request.query, depth * 4);
            std::vector<std::int64_t> rids;
            for (const auto& h : keywordResult.hits)
                rids.push_back(h.first);
            const auto passed = filterRowIds(rids, filter);
            const std::unordered_set<std::int64_t> ok(passed.begin(), passed.end());
            KeywordSearcher::Hits kept;
            for (const auto& h : keywordResult.hits)
                if (ok.count(h.first) && kept.size() < static_cast<std::size_t>(depth))
                    kept.push_back(h);
            keywordResult.hits = std::move(kept);
        }
        response.keywordCapped = keywordResult.capped;
        int rank = 0;
        for (const auto& [rid, bm25] : keywordResult.hits) {
            auto& c = candidates.byRowId[rid];
            c.bm25 = bm25;
            c.hasBm25 = true;
            c.keywordRank = ++rank;
        }
    }
    response.stages.keywordMs = lap();
    std::vector<float> queryVector;
    std::shared_ptr<VectorIndex> index;
    if (semanticOn) {
        try {
            queryVector = m_semantic.embedder().embed({request.query}).at(0);
        } catch (const Error& e) {
            response.warnings.push_back(std::string("the query could not be embedded (") + e.what() +
                                        "): results rank by keywords only");
        }
        m_semantic.catchUp(m_connection, false);
        index = m_semantic.index();
        if (!index || index->size() == 0) {
            if (!queryVector.empty())
                response.warnings.push_back("no vectors are indexed yet: results rank by keywords only");
            index.reset();
        }
        semanticOn = !queryVector.empty() && index;
    }
    if (semanticOn) {
        const auto k = static_cast<std::size_t>(depth);
        std::vector<VectorIndex::Hit> hits;
        if (plan == Plan::Filtered) {
            // The walk may cost at most about what scoring every match would; past that (a graph that
            // connects the matches poorly) exact scoring is the cheaper way.
            auto walk = index->searchFiltered(queryVector, k, matches->set, 0,
                                              std::max<std::size_t>(filtered.size(), kMinWalkBudget));
            if (walk.complete) {
                hits = std::move(walk.hits);
            } else {
                hits = index->scoreExact(queryVector, filtered, k);
                response.plan = "exact";
            }
        } else {
            hits = exact ? index->scoreExact(queryVector, filtered, k)
                         : annCandidates(*index, queryVector, trivialFilter, filter, depth);
        }
        int rank = 0;
        for (const auto& [rid, cosine] : hits) {
            if (rank >= depth)
                break;
            auto& c = candidates.byRowId[rid];
            c.cosine = cosine;
            c.hasCosine = true;
            c.semanticRank = ++rank;
        }
    }
    response.stages.semanticMs = lap();
    if (!semanticOn && !keywordOn)
        response.plan = "none";
    response.vectorsComplete = !m_semantic.loading();

    // Every candidate gets both parts, so fusion compares like with like.
    std::vector<std::int64_t> needBm25, needCosine;
    for (const auto& [rid, c] : candidates.byRowId) {
        if (!c.hasBm25)
            needBm25.push_back(rid);
        if (!c.hasCosine)
            needCosine.push_back(rid);
    }
    for (auto rid : needBm25)
        if (const auto it = keywordResult.all.find(rid); it != keywordResult.all.end()) {
            candidates.byRowId[rid].bm25 = it->second;
            candidates.byRowId[rid].hasBm25 = true;
        }
    if (semanticOn)
        for (const auto& [rid, cosine] : index->scoreExact(queryVector, needCosine, needCosine.size())) {
            candidates.byRowId[rid].cosine = cosine;
            candidates.byRowId[rid].hasCosine = true;
        }

    std::vector<std::int64_t> rids;
    double maxBm25 = 0, minBm25 = 0, maxCos = 0, minCos = 0;
    bool anyBm25 = false, anyCos = false;
    for (const auto& [rid, c] : candidates.byRowId) {
        rids.push_back(rid);
        if (c.keywordRank > 0) {
            minBm25 = anyBm25 ? std::min(minBm25, c.bm25) : c.bm25;
            maxBm25 = anyBm25 ? std::max(maxBm25, c.bm25) : c.bm25;
            anyBm25 = true;
        }
        if (c.hasCosine) {
            minCos = anyCos ? std::min(minCos, c.cosine) : c.cosine;
            maxCos = anyCos ? std::max(maxCos, c.cosine) : c.cosine;
            anyCos = true;
        }
    }
    // All candidates equal on a side: they share its best score, unless that is no match at all.
    auto minMax = [](double v, double lo, double hi) { return hi > lo ? (v - lo) / (hi - lo) : (hi > 0 ? 1.0 : 0.0); };
    // Scores first, from rowids and creation times only; the full records are read for the winners alone.
    std::unordered_map<std::int64_t, Micros> createdAt;
    {
        auto& st = m_connection.cached(
            "SELECT m.rid, m.created_at FROM json_each(?1) j CROSS JOIN memories m ON m.rid = j.value");
        st.bind(1, json(rids).dump());
        while (st.step())
            createdAt.emplace(st.int64(0), st.int64(1));
        st.reset();
    }
    const double now = static_cast<double>(nowMicros());
    const double w = !keywordOn ? 1.0 : !semanticOn ? 0.0 : std::clamp(options.semanticWeight, 0.0, 1.0);
    struct Scored {
        std::int64_t rid;
        Micros created;
        double score;
        ScoreParts parts;
    };
    std::vector<Scored> scored;
    for (const auto& [rid, created] : createdAt) {
        const auto& c = candidates.byRowId[rid];
        ScoreParts parts;
        parts.semantic = c.hasCosine ? std::max(0.0, c.cosine) : 0.0;
        parts.bm25 = c.bm25;
        parts.keyword = maxBm25 > 0 && c.hasBm25 ? c.bm25 / maxBm25 : 0.0;
        parts.semanticRank = c.semanticRank;
        parts.keywordRank = c.keywordRank;
        double relevance = 0;
        if (options.fusion == SearchOptions::Fusion::ReciprocalRank) {
            // Normalised so a record ranked first on every active side scores 1.
            const double best = (semanticOn ? w : 0.0) + (keywordOn ? 1.0 - w : 0.0);
            if (c.semanticRank)
                relevance += w * (kRrfK + 1) / (kRrfK + c.semanticRank);
            if (c.keywordRank)
                relevance += (1.0 - w) * (kRrfK + 1) / (kRrfK + c.keywordRank);
            relevance = best > 0 ? relevance / best : 0.0;
        } else if (options.fusion == SearchOptions::Fusion::MinMax) {
            // Only the keyword side's own candidates score there: a semantic candidate that merely shares a
            // common word is not lifted by it (measured: docs/RETRIEVAL.md).
            const double kw = c.keywordRank > 0 ? minMax(c.bm25, minBm25, maxBm25) : 0.0;
            const double sem = c.hasCosine ? minMax(c.cosine, minCos, maxCos) : 0.0;
            relevance = w * sem + (1.0 - w) * kw;
        } else {
            relevance = w * parts.semantic + (1.0 - w) * parts.keyword;
        }
        double score = relevance;
        if (options.recencyHalfLifeDays > 0) {
            const double ageDays = std::max(0.0, (now - static_cast<double>(created)) / 86400e6);
            parts.recency = std::pow(0.5, ageDays / options.recencyHalfLifeDays);
            const double rw = std::clamp(options.recencyWeight, 0.0, 1.0);
            score = (1.0 - rw) * relevance + rw * parts.recency;
        }
        if (score >= options.minScore)
            scored.push_back({rid, created, score, parts});
    }
    std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
        if (a.score != b.score)
            return a.score > b.score;
        return a.created != b.created ? a.created > b.created : a.rid > b.rid;
    });
    if (scored.size() > static_cast<std::size_t>(request.limit))
        scored.resize(static_cast<std::size_t>(request.limit));
    response.stages.fuseMs = lap();
    std::vector<std::int64_t> winners;
    for (const auto& sc : scored)
        winners.push_back(sc.rid);
    auto records = RecordTable(m_connection).byRowIds(winners);
    for (std::size_t i = 0, r = 0; i < scored.size() && r < records.size(); ++i) {
        if (records[r].rowId != scored[i].rid)
            continue; // purged meanwhile
        SearchHit hit;
        hit.record = std::move(records[r++]);
        hit.score = scored[i].score;
        hit.parts = scored[i].parts;
        response.hits.push_back(std::move(hit));
    }
    response.stages.fetchMs = lap();
    response.elapsedMs = elapsedMs(start);
    return response;
}

} // namespace memscope
