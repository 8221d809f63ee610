#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace memscope {

// A pack's sample database, built in memory from its SQL script, where the agent's queries run. Read-only
// for queries (PRAGMA query_only plus an authorizer that refuses writes, ATTACH and pragmas), with a time
// limit (progress handler), a row limit and an output size limit. Each run gets its own sandbox; one thread at
// a time uses it.
class SqlSandbox {
public:
    struct Limits {
        int timeoutMs = 2000;
        int maxRows = 200;
        int maxCellBytes = 2000;
    };

    struct Result {
        bool ok = false;
        std::string error; // SQLite's message, "interrupted: over 2000 ms", "writes are not allowed"...
        std::vector<std::string> columns;
        std::vector<std::vector<std::string>> rows; // cells as text; NULL as "NULL"
        bool truncated = false;                     // more rows than maxRows existed
        double elapsedMs = 0;
        // A plain-text table for the model (header, rows, a note when truncated), cut to maxBytes.
        std::string toText(std::size_t maxBytes) const;
    };

    // Throws Error(InvalidArgument) naming `origin` when the script fails.
    SqlSandbox(std::string_view script, std::string origin, Limits limits);
    ~SqlSandbox();
    SqlSandbox(const SqlSandbox&) = delete;
    SqlSandbox& operator=(const SqlSandbox&) = delete;

    // Runs one statement (a trailing ';' is fine; a second statement is an error). Never throws for bad
    // SQL: the Result says what went wrong. `cancel` interrupts it.
    Result query(std::string_view sql, const std::atomic_bool* cancel = nullptr) const;
    // Every row of a query, no row or cell limit (for expected results), still within the time limit: throws
    // Error(InvalidArgument) with SQLite's message on failure (the caller names the task and field).
    Result queryAll(std::string_view sql) const;
    // The CREATE statements of the database's tables and views.
    std::string schema() const;
    const Limits& limits() const { return m_limits; }

private:
    struct Guard; // what the authorizer and the progress handler consult: mode, deadline, cancel flag

    Result run(std::string_view sql, const std::atomic_bool* cancel, bool all) const;

    sqlite3* m_db = nullptr;
    std::string m_origin;
    Limits m_limits;
    std::unique_ptr<Guard> m_guard;
};

} // namespace memscope
