#pragma once

#include "search/FilterMatchCache.h"
#include "vector/VectorIndex.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace memscope {

class Connection;
class Embedder;

// The semantic half of a store within one process: the active embedder, the in-memory HNSW index of its
// vectors, and the link to the `vectors` table, which is the source of truth. The index follows the
// table by sequence number, so vectors written by other processes are picked up by catchUp(); the index
// file next to the database is only a cache, checked by tag (database uuid + embedder) and rebuilt when
// missing, damaged or stale.
class SemanticIndex {
public:
    struct Status {
        std::string embedder;
        std::int64_t indexed = 0;  // vectors in memory
        std::int64_t embedded = 0; // records with a vector of this embedder in the database
        std::int64_t records = 0;  // records in the database
        bool loading = false;      // the background load/build is still running
    };
    using Progress = std::function<void(std::int64_t done, std::int64_t total)>;

    SemanticIndex(std::string databasePath, std::string databaseUuid, std::shared_ptr<Embedder> embedder, bool readOnly,
                  int busyTimeoutMs);
    ~SemanticIndex();
    SemanticIndex(const SemanticIndex&) = delete;
    SemanticIndex& operator=(const SemanticIndex&) = delete;

    Embedder& embedder() { return *m_embedder; }
    const std::string& embedderName() const { return m_embedderName; }
    // The embedders row of the active embedder, created on first use (0 for a read-only store without one).
    std::int64_t embedderId(Connection& connection);

    // Loads the cache file and catches up with the table on a thread of its own; searches meanwhile use
    // whatever is indexed so far (Status::loading tells).
    void startLoading();
    // Waits up to `timeoutMs` for the background load to finish; true when it has.
    bool waitLoaded(int timeoutMs);
    // Adds the vectors other connections wrote since the last call. Cheap when nothing changed. When
    // `wait` is false and the background build holds the index, returns at once.
    void catchUp(Connection& connection, bool wait = false);

    std::shared_ptr<VectorIndex> index() const;
    // The planner's recently listed filter matches, kept with the store.
    FilterMatchCache& filterMatches() { return m_filterMatches; }

    // Stores vectors for (rowid, text) pairs computed earlier with embed(); inside the caller's transaction.
    void storeVectors(Connection& connection, const std::vector<std::int64_t>& rowIds,
                      const std::vector<std::vector<float>>& vectors);
    // Embeds every record that has no vector of the active embedder, in batches, each committed on its own.
    std::int64_t embedMissing(Connection& connection, const Progress& progress = {},
                              const std::atomic_bool* cancel = nullptr);

    Status status(Connection& connection);
    bool loading() const { return m_loading; }
    // Writes the cache file if the index changed since it was loaded or saved (and the folder is writable).
    void saveIfChanged();
    std::string cachePath() const { return m_databasePath + ".vectors"; }

private:
    void loadAndCatchUp();
    std::int64_t catchUpLocked(Connection& connection, const Progress& progress = {});
    std::string cacheTag() const;

    std::string m_databasePath;
    std::string m_databaseUuid;
    std::shared_ptr<Embedder> m_embedder;
    std::string m_embedderName;
    bool m_readOnly;
    int m_busyTimeoutMs;

    std::mutex m_syncMutex; // serialises catch-ups; held by the background load
    std::shared_ptr<VectorIndex> m_index;
    mutable std::mutex m_indexPointerMutex;
    std::atomic<std::int64_t> m_sequence{0};
    std::int64_t m_savedSequence = -1;
    std::atomic<std::int64_t> m_embedderId{0};

    FilterMatchCache m_filterMatches;

    std::thread m_loader;
    std::atomic_bool m_loading{false};
    std::atomic_bool m_stop{false};
    std::atomic_bool m_catchUpRequested{false};
    std::mutex m_loadedMutex;
    std::condition_variable m_loadedCv;
};

} // namespace memscope
