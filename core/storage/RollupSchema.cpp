#include "storage/RollupSchema.h"

#include <array>
#include <string_view>

namespace memscope {

namespace {

struct KeyColumn {
    std::string_view name;
    bool nullable; // collection and state are NOT NULL in memories
};

// Also the order of the UNIQUE constraint: task_type first, as most roll-up reads narrow by it.
constexpr std::array<KeyColumn, 7> kKey{{{"task_type", true},
                                         {"tool_name", true},
                                         {"version", true},
                                         {"user_id", true},
                                         {"collection", false},
                                         {"outcome_type", true},
                                         {"state", false}}};

// `row.column` as the roll-up stores it (NULL as x'').
std::string keyValue(const KeyColumn& c, std::string_view row)
{
    const std::string ref = std::string(row) + "." + std::string(c.name);
    return c.nullable ? "coalesce(" + ref + ", x'')" : ref;
}

std::string keyList()
{
    std::string out;
    for (const auto& c : kKey)
        out += (out.empty() ? "" : ", ") + std::string(c.name);
    return out;
}

std::string keyValues(std::string_view row)
{
    std::string out;
    for (const auto& c : kKey)
        out += (out.empty() ? "" : ", ") + keyValue(c, row);
    return out;
}

// The roll-up group of `row` (new or old).
std::string groupMatch(std::string_view row)
{
    std::string out;
    for (const auto& c : kKey)
        out += (out.empty() ? "" : " AND ") + std::string(c.name) + " = " + keyValue(c, row);
    return out;
}

// Days since 1970-01-01 (UTC) of the event time, floored also before 1970.
std::string dayOf(std::string_view row)
{
    const std::string t = "coalesce(" + std::string(row) + ".ts, " + std::string(row) + ".created_at)";
    return "CASE WHEN " + t + " >= 0 THEN " + t + " / 86400000000 ELSE (" + t + " + 1) / 86400000000 - 1 END";
}

// Counts the record `row` in: its group, then its day.
std::string countIn(std::string_view row)
{
    return "    INSERT INTO rollup_groups(" + keyList() + ", n) VALUES (" + keyValues(row) +
           ", 1)\n"
           "    ON CONFLICT (" +
           keyList() +
           ") DO UPDATE SET n = n + 1;\n"
           "    INSERT INTO rollup_days(gid, day, n) SELECT gid, " +
           dayOf(row) + ", 1 FROM rollup_groups WHERE " + groupMatch(row) +
           "\n"
           "    ON CONFLICT (gid, day) DO UPDATE SET n = n + 1;\n";
}

// Takes the record `row` out of its day and its group, removing rows that reach zero.
std::string countOut(std::string_view row)
{
    const std::string gid = "(SELECT gid FROM rollup_groups WHERE " + groupMatch(row) + ")";
    return "    UPDATE rollup_days SET n = n - 1 WHERE gid = " + gid + " AND day = " + dayOf(row) +
           ";\n"
           "    DELETE FROM rollup_days WHERE n <= 0 AND gid = " +
           gid +
           ";\n"
           "    UPDATE rollup_groups SET n = n - 1 WHERE " +
           groupMatch(row) +
           ";\n"
           "    DELETE FROM rollup_groups WHERE n <= 0 AND " +
           groupMatch(row) + ";\n";
}

std::string changedCondition()
{
    std::string out;
    for (const auto& c : kKey)
        out += (out.empty() ? "" : " OR ") + ("old." + std::string(c.name) + " IS NOT new." + std::string(c.name));
    return out + " OR coalesce(old.ts, old.created_at) IS NOT coalesce(new.ts, new.created_at)";
}

} // namespace

std::string RollupSchema::countRowsSql(const std::string& condition)
{
    std::string fillColumns, join;
    for (const auto& c : kKey) {
        fillColumns += keyValue(c, "m") + " AS " + std::string(c.name) + ", ";
        join += (join.empty() ? "" : " AND ") + ("g." + std::string(c.name) + " = f." + std::string(c.name));
    }
    // Grouped once into a temporary table, then added to both roll-up tables (upserts: the groups and days may
    // exist already).
    return "CREATE TEMP TABLE rollup_fill AS SELECT " + fillColumns + dayOf("m") +
           " AS day, count(*) AS n\n"
           "FROM memories m WHERE " +
           condition +
           " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;\n"
           "INSERT INTO rollup_groups(" +
           keyList() + ", n) SELECT " + keyList() +
           ", sum(n) FROM temp.rollup_fill GROUP BY 1, 2, 3, 4, 5, 6, 7\n"
           "ON CONFLICT (" +
           keyList() +
           ") DO UPDATE SET n = n + excluded.n;\n"
           "INSERT INTO rollup_days(gid, day, n) SELECT g.gid, f.day, f.n FROM temp.rollup_fill f "
           "JOIN rollup_groups g ON " +
           join +
           " WHERE true\n"
           "ON CONFLICT (gid, day) DO UPDATE SET n = n + excluded.n;\n"
           "DROP TABLE temp.rollup_fill;\n";
}

std::string RollupSchema::migrationSql()
{
    std::string columns;
    for (const auto& c : kKey)
        columns += "    " + std::string(c.name) + " NOT NULL,\n";
    std::string sql = "CREATE TABLE rollup_groups (\n    gid INTEGER PRIMARY KEY,\n" + columns +
                      "    n INTEGER NOT NULL,\n    UNIQUE (" + keyList() +
                      ")\n);\n"
                      "CREATE TABLE rollup_days (\n"
                      "    gid INTEGER NOT NULL,\n"
                      "    day INTEGER NOT NULL, -- days since 1970-01-01 (UTC) of coalesce(ts, created_at)\n"
                      "    n   INTEGER NOT NULL,\n"
                      "    PRIMARY KEY (gid, day)\n"
                      ") WITHOUT ROWID;\n";
    sql += "CREATE TRIGGER memories_rollup_insert AFTER INSERT ON memories BEGIN\n" + countIn("new") + "END;\n";
    sql += "CREATE TRIGGER memories_rollup_delete AFTER DELETE ON memories BEGIN\n" + countOut("old") + "END;\n";
    // A text edit or a touch of updated_at leaves the counts alone (WHEN); otherwise the new combination is
    // counted before the old one is taken away, so a group that keeps records never drops to zero on the way.
    sql += "CREATE TRIGGER memories_rollup_update AFTER UPDATE OF " + keyList() +
           ", ts, created_at ON memories\nWHEN " + changedCondition() + "\nBEGIN\n" + countIn("new") + countOut("old") +
           "END;\n";
    // Existing records: one pass over memories, grouped by combination and day.
    sql += countRowsSql("true");
    return sql;
}

} // namespace memscope
