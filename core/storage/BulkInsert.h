#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace memscope {

class Connection;

// Many inserts into `memories` within one open transaction, with the work of the per-row insert triggers
// (full-text index, roll-up) done once at the end by set-based statements. FTS5 flushes its pending terms
// at every statement that fires a trigger, so row-by-row it wrote one tiny segment per record and merged
// them all again: a bulk import spent most of its time there.
//
// begin() drops those triggers inside the transaction and finish() indexes and counts every row inserted
// since, then re-creates the triggers from the definitions read at begin(). Other connections never see the
// triggers missing (they see the transaction whole or not at all), and a rollback or a crash restores them
// with the rest. Rows must get new rowids (inserted without one), which makes them the rows above the
// largest rowid at begin().
class BulkInsert {
public:
    explicit BulkInsert(Connection& connection);
    ~BulkInsert() = default;
    BulkInsert(const BulkInsert&) = delete;
    BulkInsert& operator=(const BulkInsert&) = delete;

    // Inside a write transaction, before the first insert.
    void begin();
    // Before the transaction commits; a no-op when begin() was not called.
    void finish();
    // The transaction was rolled back: the triggers are back already, nothing is left to do.
    void abandon() { m_active = false; }
    bool active() const { return m_active; }

private:
    Connection& m_connection;
    std::vector<std::string> m_triggers; // CREATE TRIGGER statements set aside
    std::int64_t m_lastRowId = 0;        // the largest rowid before begin()
    bool m_active = false;
};

} // namespace memscope
