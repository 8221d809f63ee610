#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <utility>
#include <vector>

namespace memscope {

class QuantizedSpace;
class RowIdSet;

struct VectorIndexParams {
    int M = 16;
    int efConstruction = 100;
    int efSearch = 64;
};

// An in-memory HNSW index (hnswlib) over int8-quantized, unit-length vectors keyed by record rowid.
// Quantizing to int8 with a per-vector scale keeps 1M×384 at ~0.5 GB instead of 1.5 GB; the graph is
// navigated with int8 dot products and every returned similarity is recomputed from the float query.
//
// Thread-safe: searches share a lock, additions take it exclusively in small batches so a background build
// never stalls a search for long.
class VectorIndex {
public:
    using Params = VectorIndexParams;
    using Hit = std::pair<std::int64_t, float>; // rowid, cosine similarity

    explicit VectorIndex(int dimension, Params params = {}, std::size_t capacity = 1024);
    ~VectorIndex();
    VectorIndex(const VectorIndex&) = delete;
    VectorIndex& operator=(const VectorIndex&) = delete;

    int dimension() const { return m_dimension; }
    std::size_t size() const;

    // Adds or replaces the vector of each rowid. `threads` > 1 inserts in parallel.
    void add(const std::vector<std::pair<std::int64_t, std::vector<float>>>& items, int threads = 1);
    void remove(std::int64_t rowId);
    bool contains(std::int64_t rowId) const;

    // Approximate nearest neighbours: up to k hits, best first. k also sets the search breadth (ef).
    std::vector<Hit> search(const std::vector<float>& query, std::size_t k) const;
    // Approximate nearest neighbours among the rowids in `allowed` (a filter's matches). The graph is walked
    // through every node, since a filter's matches alone need not form a connected graph, but only allowed,
    // undeleted nodes enter the result. `ef` is the breadth of the result beam (0: filteredEf()). The walk
    // stops early after `maxDistances` distance computations (0: no cap) and then says it is incomplete, so
    // a caller holding the matches can score them exactly instead: a filter far from the query makes the
    // walk cross much of the graph before it finds enough matches.
    struct FilteredHits {
        std::vector<Hit> hits;     // best first, at most k
        std::size_t distances = 0; // distance computations made
        bool complete = true;
    };
    FilteredHits searchFiltered(const std::vector<float>& query, std::size_t k, const RowIdSet& allowed,
                                std::size_t ef = 0, std::size_t maxDistances = 0) const;
    // The beam searchFiltered() uses for k hits when `share` (0..1] of the index passes the filter.
    std::size_t filteredEf(std::size_t k, double share) const;
    // Exact similarity of the query to each listed rowid that is in the index (others are skipped), best
    // first, at most k.
    std::vector<Hit> scoreExact(const std::vector<float>& query, const std::vector<std::int64_t>& rowIds,
                                std::size_t k) const;
    // Exact nearest neighbours over everything in the index.
    std::vector<Hit> bruteForce(const std::vector<float>& query, std::size_t k) const;

    // The cache file: written to a temporary name and renamed, so a crash leaves the old file or the new one.
    // `tag` identifies the database and embedder; `sequence` is the last vectors.seq the index contains.
    void save(const std::string& path, const std::string& tag, std::int64_t sequence) const;
    struct Loaded {
        std::unique_ptr<VectorIndex> index;
        std::int64_t sequence = 0;
    };
    // nullopt when the file is missing, damaged, or written for another tag/dimension: the caller rebuilds.
    static std::optional<Loaded> load(const std::string& path, const std::string& tag, int dimension,
                                      Params params = {});

private:
    struct Impl;
    std::vector<std::int8_t> quantize(const float* v, float& scale) const;

    int m_dimension;
    Params m_params;
    std::unique_ptr<Impl> m_impl;
    mutable std::shared_mutex m_mutex;
};

} // namespace memscope
