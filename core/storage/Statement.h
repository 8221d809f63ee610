#pragma once

#include "storage/SqlValue.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace memscope {

class Connection;

// A prepared statement. Bind with 1-based indexes, step() until it returns false, reset() to reuse.
// Errors throw memscope::Error naming the database file.
class Statement {
public:
    Statement() = default;
    Statement(Connection& connection, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::nullptr_t);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const SqlValue& value);
    Statement& bindBlob(int index, const void* data, std::size_t size);
    // A C++ object for an SQL function of ours (sqlite3_bind_pointer); it must outlive the statement's run.
    Statement& bindPointer(int index, void* object, const char* type);
    // Empty text binds NULL: the record fields that Mem0 leaves null.
    Statement& bindOptionalText(int index, std::string_view value);
    Statement& bindOptional(int index, const std::optional<std::int64_t>& value);
    // Binds params to ?1..?N starting at `first`.
    Statement& bindAll(const std::vector<SqlValue>& params, int first = 1);

    // True while a row is available.
    bool step();
    // Runs a statement that returns no rows.
    void run();
    void reset();

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::string_view textView(int column) const;
    std::optional<std::int64_t> optionalInt64(int column) const;
    const void* blob(int column) const;
    int blobSize(int column) const;
    SqlValue value(int column) const;
    int columnCount() const;

    sqlite3_stmt* handle() const { return m_stmt; }

private:
    void check(int rc, const char* what) const;

    Connection* m_connection = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

} // namespace memscope
