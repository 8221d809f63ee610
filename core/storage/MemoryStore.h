#pragma once

#include "model/HistoryEntry.h"
#include "model/MemoryRecord.h"
#include "vector/SemanticIndex.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace memscope {

class Connection;
class Embedder;
struct SearchRequest;
struct SearchResponse;

// What a caller may change in a record. Unset fields stay as they are.
struct RecordPatch {
    std::optional<std::string> memory;
    std::optional<nlohmann::json> metadata;      // replaces the whole object
    std::optional<nlohmann::json> metadataMerge; // sets these keys (null removes a key)
    std::optional<std::string> userId, agentId, runId, collection;
    std::optional<std::optional<Micros>> expirationDate;
};

// How list() orders and windows its rows.
struct ListQuery {
    nlohmann::json filter = nlohmann::json::object();
    std::string orderBy = "created_at"; // created_at, updated_at, task_type, tool_name, version, outcome_type, ...
    bool descending = true;
    std::int64_t limit = 100;
    std::int64_t offset = 0;
};

struct StoreOptions {
    bool readOnly = false;
    bool create = true;
    int busyTimeoutMs = 5000;
    std::shared_ptr<Embedder> embedder; // null: the built-in offline embedder
    bool loadVectorIndex = true;        // start loading/catching up the vector index in the background
};

// The local memory store: one SQLite file is the source of truth, with its full-text index, its vectors and
// the history of every change. One MemoryStore is one connection, used by one thread at a time; clone()
// gives another connection (for a worker thread) that shares this process's vector index.
class MemoryStore {
public:
    using Options = StoreOptions;

    // Opens (and creates or upgrades) the database. Throws Error with the path in the message: Corrupt,
    // NewerSchema, NotMemscope, ReadOnly (file or folder not writable when it must be), Locked, Io.
    static std::unique_ptr<MemoryStore> open(const std::string& path, Options options = {});
    ~MemoryStore();

    std::unique_ptr<MemoryStore> clone() const;

    const std::string& path() const;
    bool readOnly() const;
    Connection& connection() { return *m_connection; }
    SemanticIndex& semantic();
    // Stops the query running on this store's connection (from any thread); it throws Error(Cancelled).
    void interrupt();

    // ---- records
    // Fills in a missing id, hash and times; embeds the text. Returns the stored record.
    MemoryRecord add(MemoryRecord record, const ChangeContext& context = {});
    std::optional<MemoryRecord> get(const std::string& id);
    // Throws Error(NotFound) when the id is unknown.
    MemoryRecord require(const std::string& id);
    MemoryRecord update(const std::string& id, const RecordPatch& patch, const ChangeContext& context = {});
    // Sets metadata.outcome_type. Returns how many records changed (records already so labelled are not).
    int relabel(const std::vector<std::string>& ids, OutcomeType outcome, const ChangeContext& context = {});
    // Archive, restore (to active) or soft-delete. Returns how many records changed.
    int setState(const std::vector<std::string>& ids, RecordState state, const ChangeContext& context = {});
    // Removes records for good (history keeps a PURGE row with the whole record, so even this can be reverted).
    int purge(const std::vector<std::string>& ids, const ChangeContext& context = {});

    // ---- history
    std::vector<HistoryEntry> history(const std::string& memoryId);
    // Applies the old values of a history row (an ADD is reverted by a soft delete, a PURGE by re-adding the
    // record). Writes its own history row. Returns the id of the record.
    std::string revert(std::int64_t historyId, const ChangeContext& context = {});
    // Reverts every row of a batch, newest first. Returns how many rows were reverted.
    int revertBatch(const std::string& batchId, const ChangeContext& context = {});

    // ---- queries
    std::vector<MemoryRecord> list(const ListQuery& query);
    std::int64_t count(const nlohmann::json& filter);
    // Counts up to `cap` (cheap for big sets): the planner's "are there few?" question.
    std::int64_t countUpTo(const nlohmann::json& filter, std::int64_t cap);
    std::vector<std::string> matchingIds(const nlohmann::json& filter, std::int64_t limit = -1);
    SearchResponse search(const SearchRequest& request);

    // ---- vectors
    SemanticIndex::Status indexStatus();
    std::int64_t embedMissing(const SemanticIndex::Progress& progress = {}, const std::atomic_bool* cancel = nullptr);

private:
    struct Shared;
    MemoryStore(std::shared_ptr<Shared> shared, std::unique_ptr<Connection> connection);
    void writeRecordChange(const MemoryRecord& before, const MemoryRecord& after, HistoryEvent event,
                           const nlohmann::json& oldValue, const nlohmann::json& newValue,
                           const ChangeContext& context);
    void embedAndStore(const std::vector<MemoryRecord>& records);
    void requireWritable(const char* action) const;

    std::shared_ptr<Shared> m_shared;
    std::unique_ptr<Connection> m_connection;
};

} // namespace memscope
