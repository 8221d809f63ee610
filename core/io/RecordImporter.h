#pragma once

#include "model/HistoryEntry.h"
#include "model/MemoryRecord.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

namespace memscope {

class MemoryStore;

struct ImportOptions {
    // All or nothing: one transaction, rolled back if any record is refused.
    bool strict = false;
    ChangeContext context;        // actor/reason of the ADD history rows; the batch id is made per import
    int batchSize = 20000;        // records per committed transaction (not strict)
    std::size_t maxIssues = 1000; // refused records reported in detail (all are counted)
};

struct ImportIssue {
    std::int64_t line = 0;
    std::string message;
};

struct ImportReport {
    std::int64_t added = 0;      // committed (in strict mode: only after the final commit)
    std::int64_t duplicates = 0; // same id, or same text and scope, as a stored record: skipped
    std::int64_t refused = 0;
    std::vector<ImportIssue> issues;
    std::string batchId;     // history batch of this import: revertBatch() undoes it
    bool rolledBack = false; // strict import that refused records
    bool cancelled = false;
    std::int64_t bytesRead = 0;
};

// Streams records from JSONL / JSON array / Mem0 results into the store in batches, de-duplicating and
// reporting each refused record with its line. Every batch is one transaction, so a crash loses at most the
// batch in flight and every reported batch is durable.
class RecordImporter {
public:
    // Called after each committed batch (and at the end).
    using Progress = std::function<void(const ImportReport&)>;

    explicit RecordImporter(MemoryStore& store);

    ImportReport run(std::istream& input, const ImportOptions& options, const Progress& progress = {},
                     const std::atomic_bool* cancel = nullptr);
    // "-" reads standard input. Throws Error(Io) when the file cannot be opened.
    ImportReport runFile(const std::string& path, const ImportOptions& options, const Progress& progress = {},
                         const std::atomic_bool* cancel = nullptr);
    // Records made in memory (the demo generator): `produce` calls the sink once per record.
    using RecordSink = std::function<bool(MemoryRecord&&)>;
    ImportReport runRecords(const std::function<void(const RecordSink&)>& produce, const ImportOptions& options,
                            const Progress& progress = {}, const std::atomic_bool* cancel = nullptr);

private:
    class Session;
    MemoryStore& m_store;
};

} // namespace memscope
