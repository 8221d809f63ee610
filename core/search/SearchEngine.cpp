#include "search/SearchEngine.h"

#include "embed/Embedder.h"
#include "filter/FilterCompiler.h"
#include "filter/FilterScope.h"
#include "search/KeywordSearcher.h"
#include "storage/Connection.h"
#include "storage/RecordTable.h"
#include "util/Error.h"
#include "vector/SemanticIndex.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace memscope {

using nlohmann::json;

namespace {

// HNSW over-fetch stops widening here; past it the planner scores the filtered records exactly.
constexpr std::size_t kMaxAnnFetch = 8192;
// The widest exact scan the fallback does.
constexpr std::int64_t kMaxExactScan = 300000;
constexpr double kRrfK = 60.0;

struct Candidate {
    double cosine = 0;
    bool hasCosine = false;
    double bm25 = 0;
    bool hasBm25 = false;
    int semanticRank = 0;
    int keywordRank = 0;
};

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
    auto st = m_connection.prepare("SELECT m.rid FROM json_each(?1) j JOIN memories m ON m.rid = j.value WHERE " +
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

void SearchEngine::semanticCandidates(const SearchRequest& request, const std::vector<float>& query, bool trivialFilter,
                                      const json& filter, int depth, Candidates& out, SearchResponse& response)
{
    const auto index = m_semantic.index();
    if (!index || index->size() == 0) {
        response.warnings.push_back("no vectors are indexed yet: results rank by keywords only");
        return;
    }
    std::vector<VectorIndex::Hit> hits;
    bool exact = false;
    {
        // Counting stops at the limit, so this costs at most exactLimit index steps however large the store.
        const auto compiled = FilterCompiler::compile(filter);
        auto count = m_connection.prepare("SELECT count(*) FROM (SELECT 1 FROM memories m WHERE " + compiled.sql +
                                          " LIMIT ?)");
        count.bindAll(compiled.params);
        count.bind(static_cast<int>(compiled.params.size()) + 1, request.options.exactLimit + 1);
        count.step();
        const auto n = count.int64(0);
        if (n <= request.options.exactLimit) {
            response.filteredCount = n;
            exact = true;
        }
    }
    if (!exact) {
        response.plan = "ann";
        std::size_t k = static_cast<std::size_t>(depth) * (trivialFilter ? 2 : 4);
        for (;;) {
            auto annHits = index->search(query, k);
            std::vector<std::int64_t> rids;
            rids.reserve(annHits.size());
            for (const auto& h : annHits)
                rids.push_back(h.first);
            const auto passed = filterRowIds(rids, filter);
            std::unordered_set<std::int64_t> ok(passed.begin(), passed.end());
            hits.clear();
            for (const auto& h : annHits)
                if (ok.count(h.first))
                    hits.push_back(h);
            if (hits.size() >= static_cast<std::size_t>(depth) || k >= index->size())
                break;
            if (k >= kMaxAnnFetch) {
                exact = true; // too few pass even at the widest fetch: the filter is selective after all
                break;
            }
            k = std::min(kMaxAnnFetch, k * 4);
        }
    }
    if (exact) {
        response.plan = "exact";
        const auto compiled = FilterCompiler::compile(filter);
        auto st = m_connection.prepare("SELECT m.rid FROM memories m WHERE " + compiled.sql + " LIMIT ?");
        st.bindAll(compiled.params);
        st.bind(static_cast<int>(compiled.params.size()) + 1, kMaxExactScan);
        std::vector<std::int64_t> rids;
        while (st.step())
            rids.push_back(st.int64(0));
        hits = index->scoreExact(query, rids, static_cast<std::size_t>(depth));
    }
    if (hits.size() > static_cast<std::size_t>(depth))
        hits.resize(static_cast<std::size_t>(depth));
    int rank = 0;
    for (const auto& [rid, cosine] : hits) {
        auto& c = out.byRowId[rid];
        c.cosine = cosine;
        c.hasCosine = true;
        c.semanticRank = ++rank;
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
    const int depth = options.candidateDepth > 0 ? options.candidateDepth : std::max(request.limit * 5, 50);

    SearchResponse response;
    response.plan = "keyword";
    Candidates candidates;
    KeywordSearcher keyword(m_connection, options.keywordPostingBudget);
    KeywordSearcher::Result keywordResult;
    if (options.mode != SearchOptions::Mode::Semantic) {
        keywordResult = keyword.search(request.query, compiled, depth);
        response.keywordCapped = keywordResult.capped;
        int rank = 0;
        for (const auto& [rid, bm25] : keywordResult.hits) {
            auto& c = candidates.byRowId[rid];
            c.bm25 = bm25;
            c.hasBm25 = true;
            c.keywordRank = ++rank;
        }
    }
    std::vector<float> queryVector;
    if (options.mode != SearchOptions::Mode::Keyword) {
        try {
            queryVector = m_semantic.embedder().embed({request.query}).at(0);
        } catch (const Error& e) {
            response.warnings.push_back(std::string("the query could not be embedded (") + e.what() +
                                        "): results rank by keywords only");
        }
        if (!queryVector.empty()) {
            m_semantic.catchUp(m_connection, false);
            semanticCandidates(request, queryVector, trivialFilter, filter, depth, candidates, response);
        }
    }
    response.vectorsComplete = !m_semantic.loading();

    // Every candidate gets both parts, so fusion compares like with like.
    std::vector<std::int64_t> needBm25, needCosine;
    for (const auto& [rid, c] : candidates.byRowId) {
        if (!c.hasBm25)
            needBm25.push_back(rid);
        if (!c.hasCosine)
            needCosine.push_back(rid);
    }
    if (options.mode != SearchOptions::Mode::Semantic)
        for (const auto& [rid, bm25] : keyword.scores(keywordResult.matchExpression, needBm25)) {
            candidates.byRowId[rid].bm25 = bm25;
            candidates.byRowId[rid].hasBm25 = true;
        }
    if (!queryVector.empty())
        if (const auto index = m_semantic.index())
            for (const auto& [rid, cosine] : index->scoreExact(queryVector, needCosine, needCosine.size())) {
                candidates.byRowId[rid].cosine = cosine;
                candidates.byRowId[rid].hasCosine = true;
            }

    std::vector<std::int64_t> rids;
    double maxBm25 = 0;
    for (const auto& [rid, c] : candidates.byRowId) {
        rids.push_back(rid);
        maxBm25 = std::max(maxBm25, c.bm25);
    }
    auto records = RecordTable(m_connection).byRowIds(rids);
    const double now = static_cast<double>(nowMicros());
    const bool semanticOn = options.mode != SearchOptions::Mode::Keyword && !queryVector.empty();
    const bool keywordOn = options.mode != SearchOptions::Mode::Semantic;
    const double w = !keywordOn ? 1.0 : !semanticOn ? 0.0 : std::clamp(options.semanticWeight, 0.0, 1.0);
    for (auto& record : records) {
        const auto& c = candidates.byRowId[record.rowId];
        SearchHit hit;
        hit.parts.semantic = c.hasCosine ? std::max(0.0, c.cosine) : 0.0;
        hit.parts.bm25 = c.bm25;
        hit.parts.keyword = maxBm25 > 0 ? c.bm25 / maxBm25 : 0.0;
        hit.parts.semanticRank = c.semanticRank;
        hit.parts.keywordRank = c.keywordRank;
        double relevance = 0;
        if (options.fusion == SearchOptions::Fusion::ReciprocalRank) {
            // Normalised so a record ranked first on every active side scores 1.
            const double best = (semanticOn ? w : 0.0) + (keywordOn ? 1.0 - w : 0.0);
            if (c.semanticRank)
                relevance += w * (kRrfK + 1) / (kRrfK + c.semanticRank);
            if (c.keywordRank)
                relevance += (1.0 - w) * (kRrfK + 1) / (kRrfK + c.keywordRank);
            relevance = best > 0 ? relevance / best : 0.0;
        } else {
            relevance = w * hit.parts.semantic + (1.0 - w) * hit.parts.keyword;
        }
        hit.score = relevance;
        if (options.recencyHalfLifeDays > 0) {
            const double ageDays = std::max(0.0, (now - static_cast<double>(record.createdAt)) / 86400e6);
            hit.parts.recency = std::pow(0.5, ageDays / options.recencyHalfLifeDays);
            const double rw = std::clamp(options.recencyWeight, 0.0, 1.0);
            hit.score = (1.0 - rw) * relevance + rw * hit.parts.recency;
        }
        if (hit.score < options.minScore)
            continue;
        hit.record = std::move(record);
        response.hits.push_back(std::move(hit));
    }
    std::sort(response.hits.begin(), response.hits.end(), [](const SearchHit& a, const SearchHit& b) {
        if (a.score != b.score)
            return a.score > b.score;
        return a.record.createdAt > b.record.createdAt;
    });
    if (response.hits.size() > static_cast<std::size_t>(request.limit))
        response.hits.resize(static_cast<std::size_t>(request.limit));
    response.elapsedMs = elapsedMs(start);
    return response;
}

} // namespace memscope
