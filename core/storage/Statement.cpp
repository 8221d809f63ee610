#include "storage/Statement.h"

#include "storage/Connection.h"
#include "util/Error.h"

#include <sqlite3.h>

namespace memscope {

Statement::Statement(Connection& connection, std::string_view sql)
    : m_connection(&connection)
{
    const int rc = sqlite3_prepare_v3(connection.handle(), sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        connection.throwError(rc, "preparing \"" + std::string(sql.substr(0, 120)) + "\"");
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

Statement::Statement(Statement&& other) noexcept
    : m_connection(other.m_connection)
    , m_stmt(other.m_stmt)
{
    other.m_stmt = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_connection = other.m_connection;
        m_stmt = other.m_stmt;
        other.m_stmt = nullptr;
    }
    return *this;
}

void Statement::check(int rc, const char* what) const
{
    if (rc != SQLITE_OK)
        m_connection->throwError(rc, what);
}

Statement& Statement::bind(int index, std::nullptr_t)
{
    check(sqlite3_bind_null(m_stmt, index), "binding a parameter");
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value)
{
    check(sqlite3_bind_int64(m_stmt, index, value), "binding a parameter");
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    check(sqlite3_bind_double(m_stmt, index, value), "binding a parameter");
    return *this;
}

Statement& Statement::bind(int index, std::string_view value)
{
    check(sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
          "binding a parameter");
    return *this;
}

Statement& Statement::bind(int index, const SqlValue& value)
{
    std::visit([&](const auto& v) { bind(index, v); }, value);
    return *this;
}

Statement& Statement::bindBlob(int index, const void* data, std::size_t size)
{
    check(sqlite3_bind_blob64(m_stmt, index, data, size, SQLITE_TRANSIENT), "binding a parameter");
    return *this;
}

Statement& Statement::bindPointer(int index, void* object, const char* type)
{
    check(sqlite3_bind_pointer(m_stmt, index, object, type, nullptr), "binding a parameter");
    return *this;
}

Statement& Statement::bindOptionalText(int index, std::string_view value)
{
    return value.empty() ? bind(index, nullptr) : bind(index, value);
}

Statement& Statement::bindOptional(int index, const std::optional<std::int64_t>& value)
{
    return value ? bind(index, *value) : bind(index, nullptr);
}

Statement& Statement::bindAll(const std::vector<SqlValue>& params, int first)
{
    for (std::size_t i = 0; i < params.size(); ++i)
        bind(first + static_cast<int>(i), params[i]);
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const std::string sql = sqlite3_sql(m_stmt) ? sqlite3_sql(m_stmt) : "";
    sqlite3_reset(m_stmt);
    m_connection->throwError(rc, "running \"" + sql.substr(0, 120) + "\"");
}

void Statement::run()
{
    while (step()) {
    }
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(m_stmt, column); }
double Statement::real(int column) const { return sqlite3_column_double(m_stmt, column); }

std::string Statement::text(int column) const { return std::string(textView(column)); }

std::string_view Statement::textView(int column) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    if (!p)
        return {};
    return std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)));
}

std::optional<std::int64_t> Statement::optionalInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

const void* Statement::blob(int column) const { return sqlite3_column_blob(m_stmt, column); }
int Statement::blobSize(int column) const { return sqlite3_column_bytes(m_stmt, column); }

SqlValue Statement::value(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER: return int64(column);
    case SQLITE_FLOAT: return real(column);
    case SQLITE_NULL: return nullptr;
    default: return text(column);
    }
}

int Statement::columnCount() const { return sqlite3_column_count(m_stmt); }

} // namespace memscope
