#pragma once

#include "agent/RunTrace.h"
#include "search/SearchTypes.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace memscope {

class MemoryStore;

// A row of the runs list (the trace itself is loaded on demand).
struct RunSummary {
    std::string runId;
    std::string pack;
    std::string taskId;
    std::string taskType;
    std::string userId;
    std::string version;
    std::string model;
    bool memory = true;
    std::string status;
    std::string outcome;
    std::string error;
    std::string batchId;
    int episode = 0;
    Micros startedAt = 0;
    double latencyMs = 0;
    int promptTokens = 0;
    int completionTokens = 0;
    std::string writtenMemoryId;
    int retrievedCount = 0;

    nlohmann::json toJson() const;
    // The summary of a trace (retrievedCount: the memories its prefetch retrieved).
    static RunSummary of(const RunTrace& trace);
};

struct RunListQuery {
    std::string taskType; // empty: any
    std::string status;   // empty: any
    std::string outcome;  // empty: any
    std::string batchId;  // empty: any
    std::string text;     // substring of the run id, task id, pack, model or error
    int limit = 200;
    int offset = 0;
};

// A batch of runs (one `run --episodes N` or Run Task… of several episodes; a learning curve's two arms
// share its id, told apart by the memory flag).
struct BatchSummary {
    std::string batchId;
    std::string pack;
    std::string taskType;
    Micros startedAt = 0; // its first run
    int episodes = 0;     // the highest episode
    int runsWithMemory = 0;
    int runsWithoutMemory = 0;
    int successesWithMemory = 0;
    int successesWithoutMemory = 0;

    bool hasBothArms() const { return runsWithMemory > 0 && runsWithoutMemory > 0; }
    nlohmann::json toJson() const;
};

// One row of the access log.
struct MemoryAccess {
    std::string memoryId;
    std::string runId;
    int rank = 0;
    double score = 0;
    double semantic = 0;
    double keyword = 0;
    double recency = 0;
    std::string source; // "agent" (a Memscope run), "search" (an outside agent's search --run-id)
    Micros accessedAt = 0;
};

// A retrieval of a memory with the run that made it (run.runId is empty for searches by outside agents that
// logged a run id Memscope has no trace of).
struct MemoryRetrieval {
    MemoryAccess access;
    RunSummary run;
};

// A lesson waiting in the persistent writeback queue.
struct QueuedWriteback {
    std::int64_t id = 0;
    std::string runId;
    nlohmann::json record;
    int attempts = 0;
    std::string lastError;
};

// Runs, the access log and the writeback queue of one store (schema v3), on the store's connection: use it
// on the thread that owns the store.
class RunStore {
public:
    explicit RunStore(MemoryStore& store);

    // Inserts or replaces the run (its summary columns and the whole trace).
    void save(const RunTrace& trace);
    std::optional<RunTrace> load(const std::string& runId);
    // Throws Error(NotFound) naming the run.
    RunTrace require(const std::string& runId);
    std::vector<RunSummary> list(const RunListQuery& query = {});
    std::int64_t count(const RunListQuery& query = {});
    // The batches, newest first; with `bothArmsOnly`, only those run with and without memory (learning curves).
    std::vector<BatchSummary> batches(int limit = 100, bool bothArmsOnly = false);

    // The access log: one row per hit, rank = position in `hits` (1-based) unless given in `ranks`.
    void logAccess(const std::string& runId, const std::vector<MemoryAccess>& rows);
    void logSearch(const std::string& runId, const std::vector<SearchHit>& hits);
    std::vector<MemoryAccess> accessesOf(const std::string& memoryId, int limit = 200);
    // accessesOf() with each access's run, newest first: a record's "retrieved by" list.
    std::vector<MemoryRetrieval> retrievalsOf(const std::string& memoryId, int limit = 200);

    // A run still "running" after this long was left by a process that died (runs are bounded by their
    // turn, tool and stall limits to minutes).
    static constexpr Micros kAbandonedAfter = 6LL * 3600 * 1000000;
    // Runs left "running" by a process that died are marked failed ("interrupted") — call when opening.
    int markAbandoned(Micros olderThan);

    std::int64_t enqueue(const std::string& runId, const nlohmann::json& record);
    std::vector<QueuedWriteback> pending(int limit = 50);
    void dequeue(std::int64_t id);
    void recordFailure(std::int64_t id, const std::string& error);
    std::int64_t queueLength();

private:
    MemoryStore& m_store;
};

} // namespace memscope
