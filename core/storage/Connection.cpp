#include "storage/Connection.h"

#include "storage/FtsRanking.h"
#include "util/Error.h"
#include "util/Time.h"

#include <sqlite3.h>

namespace memscope {

namespace {

// memscope_time(x): microseconds since the epoch for an ISO-8601 text or an epoch number, else NULL. Lets
// filters compare times written in different forms (and zones) as times.
void sqlTimeFunction(sqlite3_context* ctx, int, sqlite3_value** argv)
{
    switch (sqlite3_value_type(argv[0])) {
    case SQLITE_INTEGER:
    case SQLITE_FLOAT: sqlite3_result_int64(ctx, microsFromEpochNumber(sqlite3_value_double(argv[0]))); return;
    case SQLITE_TEXT: {
        const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
        const auto t = parseIsoTime(std::string_view(p, static_cast<std::size_t>(sqlite3_value_bytes(argv[0]))));
        if (t)
            sqlite3_result_int64(ctx, *t);
        else
            sqlite3_result_null(ctx);
        return;
    }
    default: sqlite3_result_null(ctx);
    }
}

} // namespace

Connection::Connection(const std::string& path, const Options& options)
    : m_path(path)
    , m_readOnly(options.readOnly)
{
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    flags |= options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (options.create && !options.readOnly)
        flags |= SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw Error(Error::Kind::Io, path + ": cannot open: " + message);
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, options.busyTimeoutMs);
    registerFunctions();
}

Connection::~Connection()
{
    m_cache.clear();
    sqlite3_close_v2(m_db);
}

void Connection::registerFunctions()
{
    FtsRanking::install(m_db);
    sqlite3_create_function_v2(m_db, "memscope_time", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                               sqlTimeFunction, nullptr, nullptr, nullptr);
}

void Connection::exec(std::string_view sql)
{
    char* err = nullptr;
    const std::string copy(sql);
    const int rc = sqlite3_exec(m_db, copy.c_str(), nullptr, nullptr, &err);
    if (err)
        sqlite3_free(err);
    if (rc != SQLITE_OK)
        throwError(rc, "running \"" + copy.substr(0, 120) + "\"");
}

Statement& Connection::cached(const std::string& sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end())
        it = m_cache.emplace(sql, std::make_unique<Statement>(*this, sql)).first;
    it->second->reset();
    return *it->second;
}

std::int64_t Connection::lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db); }
int Connection::changes() const { return sqlite3_changes(m_db); }
void Connection::interrupt() { sqlite3_interrupt(m_db); }

std::int64_t Connection::dataVersion()
{
    auto& st = cached("PRAGMA data_version");
    st.step();
    const auto version = st.int64(0);
    // A statement left on its row keeps a read transaction open: this connection would go on seeing the
    // old snapshot (and hold back checkpoints) until the next poll.
    st.reset();
    return version;
}

void Connection::throwError(int rc, const std::string& what) const
{
    const std::string detail = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
    const std::string where = m_path + ": " + what + ": ";
    switch (rc & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw Error(Error::Kind::Locked, m_path + ": the database is locked by another process or connection (" +
                                             detail + "); try again when it has finished");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        throw Error(Error::Kind::Corrupt,
                    m_path + ": the file is not a readable Memscope database or is damaged (" + detail + ")");
    case SQLITE_READONLY:
        throw Error(Error::Kind::ReadOnly,
                    m_path + ": the database is read-only; changes are not possible (" + detail + ")");
    case SQLITE_INTERRUPT: throw Error(Error::Kind::Cancelled, m_path + ": cancelled");
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_PERM: throw Error(Error::Kind::Io, where + detail);
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
    case SQLITE_TOOBIG: throw Error(Error::Kind::InvalidArgument, where + detail);
    default: throw Error(Error::Kind::Internal, where + detail);
    }
}

Transaction::Transaction(Connection& connection, bool immediate)
    : m_connection(connection)
    , m_nested(sqlite3_get_autocommit(connection.handle()) == 0)
{
    // Inside an open transaction this becomes a savepoint, so operations compose (a batch revert runs many
    // single reverts, all or nothing).
    m_connection.exec(m_nested ? "SAVEPOINT memscope_tx" : (immediate ? "BEGIN IMMEDIATE" : "BEGIN"));
}

Transaction::~Transaction()
{
    if (!m_done) {
        try {
            m_connection.exec(m_nested ? "ROLLBACK TO memscope_tx; RELEASE memscope_tx" : "ROLLBACK");
        } catch (...) {
            // The rollback of a failed transaction has nothing useful to report over the original error.
        }
    }
}

void Transaction::commit()
{
    m_connection.exec(m_nested ? "RELEASE memscope_tx" : "COMMIT");
    m_done = true;
}

} // namespace memscope
