#include "agent/SqlSandbox.h"

#include "util/Error.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstring>

namespace memscope {

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kProgressSteps = 1000;             // VM instructions between deadline checks
constexpr int kBuildTimeoutMs = 10000;           // a pack script that runs longer is refused
constexpr int kMaxValueBytes = 16 * 1024 * 1024; // SQLITE_LIMIT_LENGTH: no giant strings or blobs
constexpr int kMaxQueryBytes = 100 * 1000;       // SQLITE_LIMIT_SQL_LENGTH for the agent's queries

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// The longest prefix of `text` that fits in `maxBytes` without splitting a UTF-8 sequence.
std::size_t utf8Cut(std::string_view text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return text.size();
    std::size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return cut;
}

// Where the first SQL token of `text` starts, past spaces, semicolons and comments (text.size() when none).
std::size_t firstSqlChar(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == ';' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            ++i;
        } else if (text.substr(i, 2) == "--") {
            const auto end = text.find('\n', i);
            i = end == std::string_view::npos ? text.size() : end + 1;
        } else if (text.substr(i, 2) == "/*") {
            const auto end = text.find("*/", i + 2);
            i = end == std::string_view::npos ? text.size() : end + 2;
        } else {
            break;
        }
    }
    return i;
}

bool hasMoreSql(std::string_view rest) { return firstSqlChar(rest) < rest.size(); }

int lineAt(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

bool deniedFunction(const char* name)
{
    static const char* const kDenied[] = {"load_extension", "fts3_tokenizer", "readfile", "writefile", "edit"};
    return name && std::any_of(std::begin(kDenied), std::end(kDenied),
                               [name](const char* denied) { return sqlite3_stricmp(name, denied) == 0; });
}

std::string describeAction(int action, const char* arg3, const char* arg4)
{
    switch (action) {
    case SQLITE_INSERT: return std::string("INSERT into ") + (arg3 ? arg3 : "a table");
    case SQLITE_UPDATE: return std::string("UPDATE of ") + (arg3 ? arg3 : "a table");
    case SQLITE_DELETE: return std::string("DELETE from ") + (arg3 ? arg3 : "a table");
    case SQLITE_ATTACH:
    case SQLITE_DETACH: return "ATTACH/DETACH";
    case SQLITE_PRAGMA: return std::string("PRAGMA ") + (arg3 ? arg3 : "");
    case SQLITE_TRANSACTION:
    case SQLITE_SAVEPOINT: return "transaction control";
    case SQLITE_FUNCTION: return std::string("the function ") + (arg4 ? arg4 : "?") + "()";
    case SQLITE_ALTER_TABLE:
    case SQLITE_ANALYZE:
    case SQLITE_REINDEX: return "schema or statistics changes";
    default: return action >= SQLITE_CREATE_INDEX && action <= SQLITE_DROP_VIEW ? "CREATE/DROP" : "this statement";
    }
}

} // namespace

struct SqlSandbox::Guard {
    enum class Mode { Build, Query };
    Mode mode = Mode::Build;
    Clock::time_point deadline = Clock::time_point::max();
    const std::atomic_bool* cancel = nullptr;
    int timeoutMs = 0;
    std::string interrupted; // why the progress handler stopped the statement
    std::string denied;      // what the authorizer refused

    void arm(Mode m, int ms, const std::atomic_bool* flag)
    {
        mode = m;
        timeoutMs = ms;
        deadline = Clock::now() + std::chrono::milliseconds(ms);
        cancel = flag;
        interrupted.clear();
        denied.clear();
    }

    static int progress(void* self)
    {
        auto* guard = static_cast<Guard*>(self);
        if (guard->cancel && guard->cancel->load()) {
            guard->interrupted = "cancelled";
            return 1;
        }
        if (Clock::now() > guard->deadline) {
            guard->interrupted = "interrupted: over " + std::to_string(guard->timeoutMs) +
                                 " ms (the time limit); simplify the query or add a LIMIT";
            return 1;
        }
        return 0;
    }

    static int authorize(void* self, int action, const char* arg3, const char* arg4, const char*, const char*)
    {
        auto* guard = static_cast<Guard*>(self);
        bool allowed = false;
        if (action == SQLITE_FUNCTION)
            allowed = !deniedFunction(arg4);
        else if (action == SQLITE_ATTACH || action == SQLITE_DETACH)
            allowed = false;
        else if (guard->mode == Mode::Build)
            allowed = true;
        else
            allowed = action == SQLITE_SELECT || action == SQLITE_READ || action == SQLITE_RECURSIVE;
        if (!allowed && guard->denied.empty())
            guard->denied = describeAction(action, arg3, arg4);
        return allowed ? SQLITE_OK : SQLITE_DENY;
    }
};

SqlSandbox::SqlSandbox(std::string_view script, std::string origin, Limits limits)
    : m_origin(std::move(origin))
    , m_limits(limits)
    , m_guard(std::make_unique<Guard>())
{
    const int rc = sqlite3_open_v2(":memory:", &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_close(m_db);
        throw Error(Error::Kind::Internal, m_origin + ": cannot open an in-memory database: " + sqlite3_errstr(rc));
    }
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_limit(m_db, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(m_db, SQLITE_LIMIT_LENGTH, kMaxValueBytes);
    sqlite3_set_authorizer(m_db, &Guard::authorize, m_guard.get());
    sqlite3_progress_handler(m_db, kProgressSteps, &Guard::progress, m_guard.get());

    m_guard->arm(Guard::Mode::Build, kBuildTimeoutMs, nullptr);
    std::size_t offset = 0;
    while (offset < script.size()) {
        const char* start = script.data() + offset;
        const char* tail = nullptr;
        sqlite3_stmt* stmt = nullptr;
        const std::size_t at = offset + firstSqlChar(script.substr(offset));
        int step = sqlite3_prepare_v2(m_db, start, static_cast<int>(script.size() - offset), &stmt, &tail);
        if (step == SQLITE_OK && stmt && script.size() - at >= 6 &&
            sqlite3_strnicmp(script.data() + at, "VACUUM", 6) == 0) {
            sqlite3_finalize(stmt);
            sqlite3_close(m_db);
            throw Error(Error::Kind::InvalidArgument,
                        m_origin + ": line " + std::to_string(lineAt(script, at)) + ": VACUUM is not allowed");
        }
        while (step == SQLITE_OK && stmt && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
        }
        if (step != SQLITE_OK && step != SQLITE_DONE) {
            std::string message = m_guard->interrupted.empty() ? sqlite3_errmsg(m_db) : m_guard->interrupted;
            if (!m_guard->denied.empty())
                message = "not allowed: " + m_guard->denied;
            sqlite3_finalize(stmt);
            sqlite3_close(m_db);
            throw Error(Error::Kind::InvalidArgument,
                        m_origin + ": line " + std::to_string(lineAt(script, at)) + ": " + message);
        }
        sqlite3_finalize(stmt);
        if (!tail || tail == start)
            break;
        offset = static_cast<std::size_t>(tail - script.data());
    }
    sqlite3_exec(m_db, "PRAGMA query_only=1", nullptr, nullptr, nullptr);
    sqlite3_limit(m_db, SQLITE_LIMIT_SQL_LENGTH, kMaxQueryBytes);
}

SqlSandbox::~SqlSandbox() { sqlite3_close_v2(m_db); }

SqlSandbox::Result SqlSandbox::query(std::string_view sql, const std::atomic_bool* cancel) const
{
    return run(sql, cancel, false);
}

SqlSandbox::Result SqlSandbox::queryAll(std::string_view sql) const
{
    Result result = run(sql, nullptr, true);
    if (!result.ok)
        throw Error(Error::Kind::InvalidArgument, result.error);
    return result;
}

SqlSandbox::Result SqlSandbox::run(std::string_view sql, const std::atomic_bool* cancel, bool all) const
{
    Result result;
    const auto start = Clock::now();
    if (firstSqlChar(sql) == sql.size()) {
        result.error = "empty query: write one SELECT statement";
        return result;
    }
    m_guard->arm(Guard::Mode::Query, m_limits.timeoutMs, cancel);
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, &tail);
    if (rc != SQLITE_OK) {
        result.error = m_guard->denied.empty()
                           ? std::string(sqlite3_errmsg(m_db))
                           : "not allowed: " + m_guard->denied + " (the database is read-only: run one SELECT query)";
    } else if (!stmt) {
        result.error = "empty query: write one SELECT statement";
    } else if (const auto rest = sql.substr(static_cast<std::size_t>(tail - sql.data())); hasMoreSql(rest)) {
        const auto second = rest.substr(firstSqlChar(rest), 60);
        result.error = "only one statement per query is allowed; remove the second one (\"" + std::string(second) +
                       (rest.size() > second.size() ? "…" : "") + "\")";
    } else if (!sqlite3_stmt_readonly(stmt)) {
        result.error = "not allowed: this statement writes (the database is read-only: run one SELECT query)";
    }
    if (!result.error.empty()) {
        sqlite3_finalize(stmt);
        result.elapsedMs = msSince(start);
        return result;
    }

    const int columns = sqlite3_column_count(stmt);
    for (int c = 0; c < columns; ++c)
        result.columns.emplace_back(sqlite3_column_name(stmt, c));
    const std::size_t cellCap = all ? std::string::npos : static_cast<std::size_t>(std::max(16, m_limits.maxCellBytes));
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (!all && result.rows.size() >= static_cast<std::size_t>(std::max(0, m_limits.maxRows))) {
            result.truncated = true;
            break;
        }
        auto& row = result.rows.emplace_back();
        row.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            std::string cell;
            const int type = sqlite3_column_type(stmt, c);
            if (type == SQLITE_NULL) {
                cell = "NULL";
            } else if (type == SQLITE_BLOB) {
                const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(stmt, c));
                const int size = sqlite3_column_bytes(stmt, c);
                static const char* const kHex = "0123456789ABCDEF";
                cell = "X'";
                for (int i = 0; i < size && cell.size() < cellCap; ++i)
                    cell.append({kHex[bytes[i] >> 4], kHex[bytes[i] & 15]});
                cell += "'";
            } else {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
                cell.assign(text ? text : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, c)));
            }
            if (cell.size() > cellCap)
                cell = cell.substr(0, utf8Cut(cell, cellCap)) + "…";
            row.push_back(std::move(cell));
        }
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        result.error = step == SQLITE_INTERRUPT && !m_guard->interrupted.empty() ? m_guard->interrupted
                                                                                 : std::string(sqlite3_errmsg(m_db));
    sqlite3_finalize(stmt);
    m_guard->cancel = nullptr;
    result.ok = result.error.empty();
    if (!result.ok) {
        result.rows.clear();
        result.truncated = false;
    }
    result.elapsedMs = msSince(start);
    return result;
}

std::string SqlSandbox::schema() const
{
    m_guard->arm(Guard::Mode::Build, kBuildTimeoutMs, nullptr);
    std::string out;
    sqlite3_stmt* stmt = nullptr;
    const char* sql = "SELECT sql FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' "
                      "AND sql IS NOT NULL ORDER BY rowid";
    if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) == SQLITE_OK) {
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            if (!out.empty())
                out += "\n\n";
            out += reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
            out += ';';
        }
    }
    sqlite3_finalize(stmt);
    return out;
}

} // namespace memscope
