#pragma once

#include <string>

namespace memscope {

// Schema version 2: a roll-up of record counts kept exact by triggers, so facet counts and trends over a
// million records read thousands of rows instead of every record (core/stats/RollupPlan reads it).
// rollup_groups has one row per combination of the facet columns with its record count; rollup_days splits
// that count by the UTC day of the record's event time (metadata.timestamp, else created_at). NULL is
// stored as x'' (no real value is a blob) so that UNIQUE and the UPSERTs see it as a value. Triggers keep
// both exact on every INSERT, DELETE and UPDATE of those columns, whoever writes; rows that fall to zero
// are removed. The statements are composed from one description of a record's key, so the insert, delete
// and update triggers cannot drift apart.
class RollupSchema {
public:
    static std::string migrationSql();
    // Counts the records of `memories m` that match `condition` (SQL on m, no parameters) into both tables: the
    // migration's fill, and a bulk insert's roll-up done once per batch instead of once per row.
    static std::string countRowsSql(const std::string& condition);
};

} // namespace memscope
