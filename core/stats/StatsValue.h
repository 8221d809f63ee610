#pragma once

#include "storage/SqlValue.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace memscope {

class Statement;

// Values of the facet columns as the counters pass them around: read from SQLite with their type (a
// version may be the number 2 or the text "2", two different values), ordered as SQLite orders them.
namespace stats {

// The column value, with integral reals made integers: SQLite groups 1 and 1.0 together, so do we.
SqlValue readValue(const Statement& st, int column);
// NULL < numbers (by value) < text (bytewise), as SQLite's ORDER BY.
bool less(const SqlValue& a, const SqlValue& b);
bool equal(const SqlValue& a, const SqlValue& b);
// null, a number or a string.
nlohmann::json toJson(const SqlValue& value);
// "" for NULL, numbers as JSON writes them: the facet lists' display form.
std::string display(const SqlValue& value);

struct ValueLess {
    bool operator()(const SqlValue& a, const SqlValue& b) const { return less(a, b); }
    bool operator()(const std::vector<SqlValue>& a, const std::vector<SqlValue>& b) const;
};

} // namespace stats
} // namespace memscope
