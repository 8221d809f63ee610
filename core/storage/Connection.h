#pragma once

#include "storage/Statement.h"

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;

namespace memscope {

// One SQLite connection with the settings every Memscope connection needs: WAL, a busy timeout, foreign
// keys, our SQL functions. Not thread-safe: one thread uses it at a time; interrupt() may come from any.
class Connection {
public:
    struct Options {
        bool readOnly = false;
        bool create = true;
        int busyTimeoutMs = 5000;
    };

    Connection(const std::string& path, const Options& options);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    const std::string& path() const { return m_path; }
    bool readOnly() const { return m_readOnly; }
    sqlite3* handle() const { return m_db; }

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql) { return Statement(*this, sql); }
    // A statement kept for the life of the connection, reset and cleared before it is handed out.
    Statement& cached(const std::string& sql);

    std::int64_t lastInsertRowId() const;
    int changes() const;
    // Stops whatever runs on this connection; the running call throws Error(Cancelled). Any thread.
    void interrupt();
    // Changes when another connection commits (PRAGMA data_version): a cheap "did anything change?".
    std::int64_t dataVersion();

    // Throws the memscope::Error that matches a SQLite result code, naming the file and what was being done.
    [[noreturn]] void throwError(int rc, const std::string& what) const;

private:
    void registerFunctions();

    std::string m_path;
    bool m_readOnly = false;
    sqlite3* m_db = nullptr;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_cache;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back if not committed. Immediate so that two writers queue on the busy
// timeout instead of failing with SQLITE_BUSY in the middle of a transaction.
class Transaction {
public:
    explicit Transaction(Connection& connection, bool immediate = true);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Connection& m_connection;
    bool m_nested;
    bool m_done = false;
};

} // namespace memscope
