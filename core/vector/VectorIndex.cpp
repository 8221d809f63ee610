// One file for all of VectorIndex, filtered walk and cache file included: hnswlib 0.6.2's header defines
// functions that are not inline (cpuid, AVXCapable, the SIMD distance pointers), so a second translation unit
// that includes it fails to link. Its sections, in order ("// ---" banners):
//   1. element layout and distance: int8 elements with a scale, QuantizedSpace, VectorIndex::Impl
//   2. building: add, remove, contains
//   3. plain search: HNSW k-NN
//   4. filtered search: the beam walk over level 0 restricted to a RowIdSet (filteredEf, searchFiltered)
//   5. exact scoring: scoreExact, bruteForce
//   6. the cache file: save, load
#include "vector/VectorIndex.h"

#include "util/Error.h"
#include "vector/Int8DotProduct.h"
#include "vector/RowIdSet.h"

#include <hnswlib/hnswlib.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <mutex>
#include <queue>
#include <sys/mman.h>
#include <thread>
#include <unistd.h>

namespace memscope {

// --- 1. element layout and distance

namespace {

// Element layout in the index: [float scale][int8 × dim]; value_i ≈ scale × q_i.
struct SpaceParam {
    std::size_t dim;
};

float quantizedDistance(const void* a, const void* b, const void* param)
{
    const auto dim = static_cast<const SpaceParam*>(param)->dim;
    float sa, sb;
    std::memcpy(&sa, a, sizeof sa);
    std::memcpy(&sb, b, sizeof sb);
    const auto* qa = static_cast<const std::int8_t*>(a) + sizeof(float);
    const auto* qb = static_cast<const std::int8_t*>(b) + sizeof(float);
    return 1.0f - sa * sb * static_cast<float>(dotInt8(qa, qb, dim));
}

float similarityToElement(const std::vector<float>& query, const char* element, std::size_t dim)
{
    float scale;
    std::memcpy(&scale, element, sizeof scale);
    return scale * dotFloatInt8(query.data(), reinterpret_cast<const std::int8_t*>(element) + sizeof(float), dim);
}

std::vector<float> normalized(const std::vector<float>& v)
{
    double norm = 0;
    for (float x : v)
        norm += static_cast<double>(x) * x;
    std::vector<float> out(v);
    if (norm > 0) {
        const auto inv = static_cast<float>(1.0 / std::sqrt(norm));
        for (float& x : out)
            x *= inv;
    }
    return out;
}

} // namespace

class QuantizedSpace : public hnswlib::SpaceInterface<float> {
public:
    explicit QuantizedSpace(std::size_t dim)
        : m_param{dim}
    {
    }
    std::size_t get_data_size() override { return sizeof(float) + m_param.dim; }
    hnswlib::DISTFUNC<float> get_dist_func() override { return quantizedDistance; }
    void* get_dist_func_param() override { return &m_param; }

private:
    SpaceParam m_param;
};

struct VectorIndex::Impl {
    using Id = hnswlib::tableint;
    static constexpr Id kNone = std::numeric_limits<Id>::max();

    QuantizedSpace space;
    std::unique_ptr<hnswlib::HierarchicalNSW<float>> hnsw;
    // Internal id by rowid (kNone: ask hnswlib's hash map). Exact scoring looks up thousands of rowids per
    // query; this array, read in rowid order, costs far less than the map's two cache misses per lookup.
    // Ids never change once given (a replaced vector keeps its id, a removed one is only marked), so an
    // entry cannot go stale.
    std::vector<Id> byRowId;

    Impl(std::size_t dim, std::size_t capacity, const Params& p)
        : space(dim)
        , hnsw(std::make_unique<hnswlib::HierarchicalNSW<float>>(&space, std::max<std::size_t>(capacity, 16),
                                                                 static_cast<std::size_t>(p.M),
                                                                 static_cast<std::size_t>(p.efConstruction)))
    {
        hnsw->setEf(static_cast<std::size_t>(p.efSearch));
        adviseHugePages();
    }

    // The level-0 block holds every vector and its links (half a gigabyte at a million records), read at
    // random by every search: on 4 KiB pages nearly each element costs a TLB miss besides the cache miss.
    // Transparent huge pages are often "madvise" only, so ask; called before the block is touched (a fresh
    // allocation, or one resizeIndex just made) so it is faulted in as huge pages.
    void adviseHugePages() const
    {
        constexpr std::uintptr_t kHuge = std::uintptr_t(2) << 20;
        const auto begin = reinterpret_cast<std::uintptr_t>(hnsw->data_level0_memory_);
        const auto end = begin + hnsw->max_elements_ * hnsw->size_data_per_element_;
        const auto first = (begin + kHuge - 1) & ~(kHuge - 1);
        const auto last = end & ~(kHuge - 1);
        if (last > first)
            ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE); // only advice: ignore failure
    }

    void remember(std::int64_t rowId, Id id)
    {
        // Rowids grow from 1; a stray huge one stays in the map alone rather than making the array huge.
        const auto bound = std::max<std::size_t>(std::size_t(1) << 20, 4 * hnsw->max_elements_);
        if (rowId < 0 || static_cast<std::size_t>(rowId) >= bound)
            return;
        const auto r = static_cast<std::size_t>(rowId);
        if (r >= byRowId.size())
            byRowId.resize(std::max(r + 1, byRowId.size() + byRowId.size() / 2), kNone);
        byRowId[r] = id;
    }

    Id find(std::int64_t rowId) const
    {
        if (rowId >= 0 && static_cast<std::size_t>(rowId) < byRowId.size() &&
            byRowId[static_cast<std::size_t>(rowId)] != kNone)
            return byRowId[static_cast<std::size_t>(rowId)];
        const auto it = hnsw->label_lookup_.find(static_cast<hnswlib::labeltype>(rowId));
        return it == hnsw->label_lookup_.end() ? kNone : it->second;
    }

    // Asks for an element's vector and label (and its header, which holds the deleted mark) ahead of use:
    // scoring and walking jump between elements at random, and each is a few cache misses.
    void prefetch(Id id) const
    {
        const char* element = reinterpret_cast<const char*>(hnsw->get_linklist0(id));
        __builtin_prefetch(element);
        const char* data = hnsw->getDataByInternalId(id);
        for (std::size_t offset = 0; offset < hnsw->data_size_ + sizeof(hnswlib::labeltype); offset += 64)
            __builtin_prefetch(data + offset);
    }
};

VectorIndex::VectorIndex(int dimension, Params params, std::size_t capacity)
    : m_dimension(dimension)
    , m_params(params)
    , m_impl(std::make_unique<Impl>(static_cast<std::size_t>(dimension), capacity, params))
{
}

VectorIndex::~VectorIndex() = default;

std::size_t VectorIndex::size() const
{
    std::shared_lock lock(m_mutex);
    return m_impl->hnsw->cur_element_count - m_impl->hnsw->num_deleted_;
}

std::vector<std::int8_t> VectorIndex::quantize(const float* v, float& scale) const
{
    const auto dim = static_cast<std::size_t>(m_dimension);
    double norm = 0;
    for (std::size_t i = 0; i < dim; ++i)
        norm += static_cast<double>(v[i]) * v[i];
    const double inv = norm > 0 ? 1.0 / std::sqrt(norm) : 0.0;
    float maxAbs = 0;
    for (std::size_t i = 0; i < dim; ++i)
        maxAbs = std::max(maxAbs, static_cast<float>(std::fabs(v[i] * inv)));
    scale = maxAbs > 0 ? maxAbs / 127.0f : 0.0f;
    std::vector<std::int8_t> out(sizeof(float) + dim);
    std::memcpy(out.data(), &scale, sizeof scale);
    for (std::size_t i = 0; i < dim; ++i)
        out[sizeof(float) + i] = static_cast<std::int8_t>(scale > 0 ? std::lround(v[i] * inv / scale) : 0);
    return out;
}

// --- 2. building

void VectorIndex::add(const std::vector<std::pair<std::int64_t, std::vector<float>>>& items, int threads)
{
    if (items.empty())
        return;
    std::vector<std::vector<std::int8_t>> data(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (static_cast<int>(items[i].second.size()) != m_dimension)
            throw Error(Error::Kind::InvalidArgument, "vector of record rowid " + std::to_string(items[i].first) +
                                                          " has " + std::to_string(items[i].second.size()) +
                                                          " dimensions, the index " + std::to_string(m_dimension));
        float scale;
        data[i] = quantize(items[i].second.data(), scale);
    }
    std::unique_lock lock(m_mutex);
    auto& h = *m_impl->hnsw;
    const std::size_t needed = h.cur_element_count + items.size();
    if (needed > h.max_elements_) {
        h.resizeIndex(std::max(needed, h.max_elements_ * 2));
        m_impl->adviseHugePages();
    }
    std::vector<hnswlib::tableint> ids(items.size());
    auto insert = [&](std::size_t i) {
        const auto label = static_cast<hnswlib::labeltype>(items[i].first);
        // A replaced vector that had been removed must become visible again.
        if (auto it = h.label_lookup_.find(label); it != h.label_lookup_.end() && h.isMarkedDeleted(it->second))
            h.unmarkDelete(label);
        ids[i] = h.addPoint(data[i].data(), label, -1);
    };
    auto rememberAll = [&] {
        for (std::size_t i = 0; i < items.size(); ++i)
            m_impl->remember(items[i].first, ids[i]);
    };
    const int workers = std::max(1, std::min<int>(threads, static_cast<int>(items.size() / 64)));
    if (workers <= 1) {
        for (std::size_t i = 0; i < items.size(); ++i)
            insert(i);
        rememberAll();
        return;
    }
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    std::vector<std::thread> pool;
    for (int w = 0; w < workers; ++w)
        pool.emplace_back([&] {
            try {
                for (std::size_t i = next++; i < items.size(); i = next++)
                    insert(i);
            } catch (...) {
                std::lock_guard g(failureMutex);
                failure = std::current_exception();
            }
        });
    for (auto& t : pool)
        t.join();
    if (failure)
        std::rethrow_exception(failure);
    rememberAll();
}

void VectorIndex::remove(std::int64_t rowId)
{
    std::unique_lock lock(m_mutex);
    auto& h = *m_impl->hnsw;
    auto it = h.label_lookup_.find(static_cast<hnswlib::labeltype>(rowId));
    if (it != h.label_lookup_.end() && !h.isMarkedDeleted(it->second))
        h.markDelete(static_cast<hnswlib::labeltype>(rowId));
}

bool VectorIndex::contains(std::int64_t rowId) const
{
    std::shared_lock lock(m_mutex);
    const auto& h = *m_impl->hnsw;
    auto it = h.label_lookup_.find(static_cast<hnswlib::labeltype>(rowId));
    return it != h.label_lookup_.end() && !h.isMarkedDeleted(it->second);
}

// --- 3. plain search

std::vector<VectorIndex::Hit> VectorIndex::search(const std::vector<float>& query, std::size_t k) const
{
    std::vector<Hit> hits;
    if (static_cast<int>(query.size()) != m_dimension || k == 0)
        return hits;
    const auto q = normalized(query);
    float scale;
    const auto data = quantize(q.data(), scale);
    std::shared_lock lock(m_mutex);
    const auto& h = *m_impl->hnsw;
    if (h.cur_element_count == 0)
        return hits;
    auto result = h.searchKnn(data.data(), k);
    hits.reserve(result.size());
    const auto dim = static_cast<std::size_t>(m_dimension);
    while (!result.empty()) {
        const auto label = result.top().second;
        result.pop();
        const auto internal = h.label_lookup_.at(label);
        hits.emplace_back(static_cast<std::int64_t>(label),
                          similarityToElement(q, h.getDataByInternalId(internal), dim));
    }
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.second > b.second; });
    return hits;
}

// --- 4. filtered search

namespace {

// The filtered walk: below this share of matches it looks through non-matching nodes (two hops) instead of
// stepping on them; matches spread over the filter seed it.
constexpr double kDenseShare = 0.3;
// Seeds: one match in kSeedEvery, at most kMaxSeeds. Measured on clustered data (200k records, a filter of
// 10% far from most queries): 16 seeds found 44-61 of the exact top 100 for the farthest queries, one in 20
// found 90-100, for a walk still about 4x cheaper than scoring every match.
constexpr std::size_t kSeedEvery = 20;
constexpr std::size_t kMaxSeeds = 4096;
constexpr std::size_t kAllSeeds = 1024;

// The k best hits, best first (exact scoring below uses it too).
void keepBest(std::vector<VectorIndex::Hit>& hits, std::size_t k)
{
    auto better = [](const VectorIndex::Hit& a, const VectorIndex::Hit& b) { return a.second > b.second; };
    if (hits.size() > k) {
        std::nth_element(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(k), hits.end(), better);
        hits.resize(k);
    }
    std::sort(hits.begin(), hits.end(), better);
}

} // namespace

std::size_t VectorIndex::filteredEf(std::size_t k, double share) const
{
    // The fewer nodes match, the fewer stepping stones the walk has among a node's neighbours: the beam
    // grows as 2/sqrt(share), from 1x to 8x of max(k, efSearch). The walk only stops once it holds `ef`
    // matches, so its cost follows ef, not the store's size.
    const double base = static_cast<double>(std::max<std::size_t>(k, static_cast<std::size_t>(m_params.efSearch)));
    const double widen = std::clamp(2.0 / std::sqrt(std::clamp(share, 1e-6, 1.0)), 1.0, 8.0);
    return static_cast<std::size_t>(std::ceil(base * widen));
}

VectorIndex::FilteredHits VectorIndex::searchFiltered(const std::vector<float>& query, std::size_t k,
                                                      const RowIdSet& allowed, std::size_t ef,
                                                      std::size_t maxDistances) const
{
    FilteredHits out;
    if (static_cast<int>(query.size()) != m_dimension || k == 0 || allowed.empty())
        return out;
    const auto q = normalized(query);
    float scale;
    const auto data = quantize(q.data(), scale);
    std::shared_lock lock(m_mutex);
    const auto& h = *m_impl->hnsw;
    const std::size_t live = h.cur_element_count - h.num_deleted_;
    if (live == 0)
        return out;
    if (ef == 0)
        ef = filteredEf(k, static_cast<double>(allowed.size()) / static_cast<double>(live));
    ef = std::max(ef, k);

    using hnswlib::tableint;
    const bool anyDeleted = h.num_deleted_ > 0;
    auto distance = [&](tableint id) {
        ++out.distances;
        return h.fstdistfunc_(data.data(), h.getDataByInternalId(id), h.dist_func_param_);
    };
    auto passes = [&](tableint id) {
        return allowed.contains(static_cast<std::int64_t>(h.getExternalLabel(id))) &&
               !(anyDeleted && h.isMarkedDeleted(id));
    };
    // Neighbour list of a node: a count in the first 16 bits of the header word, then the ids.
    auto neighbours = [&h](hnswlib::linklistsizeint* list) {
        return std::pair<const tableint*, std::size_t>(reinterpret_cast<const tableint*>(list + 1),
                                                       h.getListCount(list));
    };

    // Upper levels: greedy descent, as hnswlib does; deleted nodes still route.
    tableint current = h.enterpoint_node_;
    float currentDistance = distance(current);
    for (int level = h.maxlevel_; level > 0; --level) {
        for (bool moved = true; moved;) {
            moved = false;
            const auto [ids, n] = neighbours(h.get_linklist(current, level));
            for (std::size_t i = 0; i < n; ++i) {
                const float d = distance(ids[i]);
                if (d < currentDistance) {
                    currentDistance = d;
                    current = ids[i];
                    moved = true;
                }
            }
        }
    }

    // Level 0: best-first beam search; only passing nodes are results, and the walk ends when the nearest
    // unexpanded node is farther than the worst of `ef` results.
    using Entry = std::pair<float, tableint>;
    std::priority_queue<Entry> results;                                           // worst on top
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> frontier; // nearest on top
    auto* visited = h.visited_list_pool_->getFreeVisitedList();
    struct Release {
        hnswlib::VisitedListPool* pool;
        hnswlib::VisitedList* list;
        ~Release() { pool->releaseVisitedList(list); }
    } release{h.visited_list_pool_, visited};
    auto* mark = visited->mass;
    const auto tag = visited->curV;
    float bound = std::numeric_limits<float>::max();
    auto consider = [&](tableint id, float d, bool pass) {
        if (results.size() < ef || d < bound) {
            frontier.emplace(d, id);
            if (pass) {
                results.emplace(d, id);
                if (results.size() > ef)
                    results.pop();
                bound = results.top().first;
            }
        }
    };
    mark[current] = tag;
    consider(current, currentDistance, passes(current));

    // The nearest unexpanded node, unless the beam is full and nothing left can improve it, or the work cap
    // is reached (the result is then marked incomplete).
    auto popNext = [&](tableint& node) {
        if (frontier.empty())
            return false;
        const auto [d, next] = frontier.top();
        if (results.size() >= ef && d > bound)
            return false;
        if (maxDistances > 0 && out.distances >= maxDistances) {
            out.complete = false;
            return false;
        }
        frontier.pop();
        node = next;
        return true;
    };

    const double share = static_cast<double>(allowed.size()) / static_cast<double>(live);
    if (share >= kDenseShare) {
        // Dense: every node reached is a stepping stone. With a filter close to the query this is the
        // cheapest walk; far from it, the walk has to cover every node nearer than the matches it wants.
        tableint node = 0;
        while (popNext(node)) {
            const auto [ids, n] = neighbours(h.get_linklist0(node));
            for (std::size_t i = 0; i < n; ++i) {
                if (i + 1 < n) // the next neighbour is a likely cache miss: fetch it meanwhile
                    m_impl->prefetch(ids[i + 1]);
                const tableint next = ids[i];
                if (mark[next] == tag)
                    continue;
                mark[next] = tag;
                consider(next, distance(next), passes(next));
            }
        }
    } else {
        // Sparse: only matches are stepping stones, and a node that does not match is looked through to its
        // own neighbours (two hops), which keeps the matches connected down to a share of about 1/M. No
        // distance is computed for a node that does not match, and the walk need not cover everything
        // nearer to the query than the matches: a filter far from the query costs about what a near one does.
        // Matches spread over the filter seed the walk, so it starts among them even when none is near the
        // entry point.
        std::vector<std::uint64_t> match((h.cur_element_count + 63) / 64, 0);
        std::vector<tableint> seeds;
        // A few matches are all seeds: too sparse to be connected even through two hops, they are simply
        // all scored.
        const std::size_t every = allowed.size() <= kAllSeeds
                                      ? 1
                                      : std::max<std::size_t>(kSeedEvery, (allowed.size() + kMaxSeeds - 1) / kMaxSeeds);
        std::size_t nth = 0;
        allowed.forEach([&](std::int64_t rowId) {
            const auto id = m_impl->find(rowId);
            if (id == Impl::kNone)
                return;
            match[id >> 6] |= std::uint64_t(1) << (id & 63);
            if (nth++ % every == 0)
                seeds.push_back(id);
        });
        auto isMatch = [&match](tableint id) { return ((match[id >> 6] >> (id & 63)) & 1u) != 0; };
        auto undeleted = [&](tableint id) { return !(anyDeleted && h.isMarkedDeleted(id)); };
        for (const auto id : seeds)
            if (mark[id] != tag) {
                mark[id] = tag;
                consider(id, distance(id), undeleted(id));
            }
        tableint node = 0;
        while (popNext(node)) {
            const auto [ids, n] = neighbours(h.get_linklist0(node));
            for (std::size_t i = 0; i < n; ++i) {
                const tableint next = ids[i];
                if (mark[next] == tag)
                    continue;
                mark[next] = tag;
                if (isMatch(next)) {
                    consider(next, distance(next), undeleted(next));
                    continue;
                }
                ++out.distances; // reading a neighbour list costs about what a distance does
                const auto [ids2, n2] = neighbours(h.get_linklist0(next));
                for (std::size_t j = 0; j < n2; ++j) {
                    const tableint second = ids2[j];
                    if (mark[second] == tag || !isMatch(second))
                        continue;
                    mark[second] = tag;
                    consider(second, distance(second), undeleted(second));
                }
            }
        }
    }

    // Similarities from the float query, as search() reports them.
    const auto dim = static_cast<std::size_t>(m_dimension);
    out.hits.reserve(results.size());
    for (; !results.empty(); results.pop()) {
        const auto id = results.top().second;
        out.hits.emplace_back(static_cast<std::int64_t>(h.getExternalLabel(id)),
                              similarityToElement(q, h.getDataByInternalId(id), dim));
    }
    keepBest(out.hits, k);
    return out;
}

// --- 5. exact scoring

std::vector<VectorIndex::Hit> VectorIndex::scoreExact(const std::vector<float>& query,
                                                      const std::vector<std::int64_t>& rowIds, std::size_t k) const
{
    std::vector<Hit> hits;
    if (static_cast<int>(query.size()) != m_dimension)
        return hits;
    const auto q = normalized(query);
    const auto dim = static_cast<std::size_t>(m_dimension);
    std::shared_lock lock(m_mutex);
    const auto& h = *m_impl->hnsw;
    std::vector<std::pair<std::int64_t, hnswlib::tableint>> found;
    found.reserve(rowIds.size());
    for (auto rid : rowIds)
        if (const auto id = m_impl->find(rid); id != Impl::kNone)
            found.emplace_back(rid, id);
    // Memory latency, not arithmetic, bounds this loop: keep several elements in flight.
    constexpr std::size_t kAhead = 8;
    for (std::size_t i = 0; i < std::min(kAhead, found.size()); ++i)
        m_impl->prefetch(found[i].second);
    hits.reserve(found.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
        if (i + kAhead < found.size())
            m_impl->prefetch(found[i + kAhead].second);
        const auto [rid, id] = found[i];
        if (!h.isMarkedDeleted(id))
            hits.emplace_back(rid, similarityToElement(q, h.getDataByInternalId(id), dim));
    }
    keepBest(hits, k);
    return hits;
}

std::vector<VectorIndex::Hit> VectorIndex::bruteForce(const std::vector<float>& query, std::size_t k) const
{
    std::vector<Hit> hits;
    if (static_cast<int>(query.size()) != m_dimension)
        return hits;
    const auto q = normalized(query);
    const auto dim = static_cast<std::size_t>(m_dimension);
    std::shared_lock lock(m_mutex);
    const auto& h = *m_impl->hnsw;
    hits.reserve(h.cur_element_count);
    for (hnswlib::tableint i = 0; i < h.cur_element_count; ++i) {
        if (h.isMarkedDeleted(i))
            continue;
        hits.emplace_back(static_cast<std::int64_t>(h.getExternalLabel(i)),
                          similarityToElement(q, h.getDataByInternalId(i), dim));
    }
    keepBest(hits, k);
    return hits;
}

// --- 6. the cache file

namespace {

constexpr char kMagic[8] = {'M', 'S', 'H', 'N', 'S', 'W', '0', '1'};
constexpr char kTrailer[8] = {'M', 'S', 'E', 'N', 'D', '0', '0', '1'};

} // namespace

// File layout: magic, tag, dimension, sequence, the hnswlib header fields, the level-0 block in one piece,
// then (internal id, bytes) for the few elements with upper levels, then a trailer. Loading reads the big
// block with one read() instead of hnswlib's per-element loop, which is what makes a 1M index ready in
// about a second instead of ~13.
void VectorIndex::save(const std::string& path, const std::string& tag, std::int64_t sequence) const
{
    std::shared_lock lock(m_mutex);
    const auto& h = *m_impl->hnsw;
    const std::string tmp = path + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out)
            throw Error(Error::Kind::Io, tmp + ": cannot write the vector index cache");
        auto pod = [&out](const auto& v) { out.write(reinterpret_cast<const char*>(&v), sizeof v); };
        out.write(kMagic, sizeof kMagic);
        const std::uint32_t tagLen = static_cast<std::uint32_t>(tag.size());
        pod(tagLen);
        out.write(tag.data(), tagLen);
        const std::int32_t dim = m_dimension;
        pod(dim);
        pod(sequence);
        const std::uint64_t count = h.cur_element_count;
        pod(count);
        pod(h.size_data_per_element_);
        pod(h.maxlevel_);
        pod(h.enterpoint_node_);
        pod(h.maxM_);
        pod(h.maxM0_);
        pod(h.M_);
        pod(h.mult_);
        pod(h.ef_construction_);
        out.write(h.data_level0_memory_, static_cast<std::streamsize>(count * h.size_data_per_element_));
        std::uint64_t upper = 0;
        for (std::size_t i = 0; i < count; ++i)
            upper += h.element_levels_[i] > 0;
        pod(upper);
        for (std::size_t i = 0; i < count; ++i) {
            if (h.element_levels_[i] <= 0)
                continue;
            const std::uint32_t id = static_cast<std::uint32_t>(i);
            const std::int32_t level = h.element_levels_[i];
            pod(id);
            pod(level);
            out.write(h.linkLists_[i], static_cast<std::streamsize>(h.size_links_per_element_ * level));
        }
        out.write(kTrailer, sizeof kTrailer);
        out.flush();
        if (!out) {
            std::remove(tmp.c_str());
            throw Error(Error::Kind::Io, tmp + ": writing the vector index cache failed (disk full?)");
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        throw Error(Error::Kind::Io, path + ": cannot replace the vector index cache");
    }
}

std::optional<VectorIndex::Loaded> VectorIndex::load(const std::string& path, const std::string& tag, int dimension,
                                                     Params params)
{
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
        return std::nullopt;
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> guard(f, std::fclose);
    auto read = [f](void* p, std::size_t n) { return std::fread(p, 1, n, f) == n; };
    auto pod = [&read](auto& v) { return read(&v, sizeof v); };

    char magic[8];
    std::uint32_t tagLen = 0;
    if (!read(magic, 8) || std::memcmp(magic, kMagic, 8) != 0 || !pod(tagLen) || tagLen > 4096)
        return std::nullopt;
    std::string fileTag(tagLen, '\0');
    std::int32_t dim = 0;
    std::int64_t sequence = 0;
    std::uint64_t count = 0;
    if (!read(fileTag.data(), tagLen) || fileTag != tag || !pod(dim) || dim != dimension || !pod(sequence) ||
        !pod(count))
        return std::nullopt;

    Loaded loaded;
    loaded.sequence = sequence;
    loaded.index = std::make_unique<VectorIndex>(dimension, params, std::max<std::size_t>(count + count / 8, 1024));
    auto& h = *loaded.index->m_impl->hnsw;
    std::size_t sizePerElement = 0, maxM = 0, maxM0 = 0, M = 0, efc = 0;
    int maxLevel = 0;
    hnswlib::tableint enter = 0;
    double mult = 0;
    if (!pod(sizePerElement) || sizePerElement != h.size_data_per_element_ || !pod(maxLevel) || !pod(enter) ||
        !pod(maxM) || !pod(maxM0) || !pod(M) || !pod(mult) || !pod(efc) || maxM != h.maxM_ || maxM0 != h.maxM0_)
        return std::nullopt;
    if (count > 0 && enter >= count)
        return std::nullopt;
    if (!read(h.data_level0_memory_, count * sizePerElement))
        return std::nullopt;
    // A damaged cache must not crash a search: every neighbour id has to point inside the index.
    auto linksValid = [count](const hnswlib::linklistsizeint* list, std::size_t maxLinks) {
        const std::size_t n = *reinterpret_cast<const unsigned short*>(list);
        if (n > maxLinks)
            return false;
        const auto* ids = reinterpret_cast<const hnswlib::tableint*>(list + 1);
        for (std::size_t j = 0; j < n; ++j)
            if (ids[j] >= count)
                return false;
        return true;
    };
    for (hnswlib::tableint i = 0; i < count; ++i)
        if (!linksValid(h.get_linklist0(i), h.maxM0_))
            return std::nullopt;
    std::uint64_t upper = 0;
    if (!pod(upper) || upper > count)
        return std::nullopt;
    for (std::size_t i = 0; i < count; ++i) {
        h.element_levels_[i] = 0;
        h.linkLists_[i] = nullptr;
    }
    // On any failure below, the partly filled link lists are released by ~HierarchicalNSW, which frees
    // linkLists_[i] for i < cur_element_count whose level is > 0.
    h.cur_element_count = count;
    for (std::uint64_t u = 0; u < upper; ++u) {
        std::uint32_t id = 0;
        std::int32_t level = 0;
        if (!pod(id) || !pod(level) || id >= count || level <= 0 || level > 64 || h.element_levels_[id] != 0)
            return std::nullopt;
        const std::size_t bytes = h.size_links_per_element_ * static_cast<std::size_t>(level);
        h.linkLists_[id] = static_cast<char*>(std::malloc(bytes));
        if (!h.linkLists_[id])
            return std::nullopt;
        h.element_levels_[id] = level;
        if (!read(h.linkLists_[id], bytes))
            return std::nullopt;
        for (int l = 1; l <= level; ++l)
            if (!linksValid(h.get_linklist(id, l), h.maxM_))
                return std::nullopt;
    }
    char trailer[8];
    if (!read(trailer, 8) || std::memcmp(trailer, kTrailer, 8) != 0)
        return std::nullopt;
    h.maxlevel_ = maxLevel;
    h.enterpoint_node_ = count > 0 ? enter : static_cast<hnswlib::tableint>(-1);
    h.mult_ = mult;
    h.label_lookup_.reserve(count);
    std::size_t deleted = 0;
    for (hnswlib::tableint i = 0; i < count; ++i) {
        h.label_lookup_[h.getExternalLabel(i)] = i;
        loaded.index->m_impl->remember(static_cast<std::int64_t>(h.getExternalLabel(i)), i);
        deleted += h.isMarkedDeleted(i);
    }
    h.num_deleted_ = deleted;
    (void)M;
    (void)efc;
    return loaded;
}

} // namespace memscope
