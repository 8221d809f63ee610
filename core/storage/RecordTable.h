#pragma once

#include "model/MemoryRecord.h"
#include "storage/SqlValue.h"

#include <optional>
#include <string>
#include <vector>

namespace memscope {

class Connection;
class Statement;

// The SQL of the `memories` table: reading rows into records and writing records into rows, including the
// indexed copies of the outcome keys. Knows nothing of history or vectors.
class RecordTable {
public:
    // The columns read by read(), in order, for a table aliased `m`.
    static const char* const kColumns;
    static constexpr int kColumnCount = 14;
    // The statement behind findSame() (tests check its plan).
    static const char* const kFindSameSql;

    explicit RecordTable(Connection& connection);

    // Reads the columns of kColumns starting at `first`.
    static MemoryRecord read(const Statement& st, int first = 0);

    // Inserts a record whose id, hash and times are set; returns its rowid.
    std::int64_t insert(const MemoryRecord& record);
    // Writes every field of an existing record (matched by rowid).
    void rewrite(const MemoryRecord& record);
    void setState(std::int64_t rowId, RecordState state, Micros updatedAt);
    void erase(std::int64_t rowId);

    std::optional<MemoryRecord> byId(const std::string& id);
    std::optional<std::int64_t> rowIdOf(const std::string& id);
    // The record with the same text and scope (user, agent, run, collection), if any: import de-duplication.
    std::optional<std::int64_t> findSame(const MemoryRecord& record);
    // Records by rowid, in the order of `rowIds`; missing rowids are skipped.
    std::vector<MemoryRecord> byRowIds(const std::vector<std::int64_t>& rowIds);

private:
    Connection& m_connection;
};

} // namespace memscope
