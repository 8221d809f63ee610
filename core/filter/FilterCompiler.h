#pragma once

#include "storage/SqlValue.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace memscope {

// A filter as SQL: a boolean expression over `memories m` with plain '?' placeholders, and their values in
// placeholder order. "1" (and no parameters) when the filter is empty.
struct CompiledFilter {
    std::string sql = "1";
    std::vector<SqlValue> params;
    bool empty() const { return sql == "1"; }
};

// Mem0's (v2) filter language, compiled to parameterised SQL:
//   {"task_type": "sql_query_debug", "outcome_type": {"in": ["failure", "partial"]}}
//   {"AND": [...]}, {"OR": [...]}, {"NOT": [...] or {...}}; sibling keys are ANDed; nesting up to 32 deep.
//   "field": value is eq (a list: in, null: IS NULL), "field": "*" is "present", or
//   "field": {"op": value, ...} with eq ne in nin gt gte lt lte contains icontains (several are ANDed).
// Fields: user_id, agent_id, run_id, collection, state, id, hash, memory, created_at, updated_at,
// expiration_date, and any metadata key, flat, under "metadata": {...} or as "metadata.a.b" (a nested
// key). Times take ISO-8601 text or epoch numbers; `tags` matches list membership. ne and nin count a
// record without the field as "not equal". Everything the filter contains, values and metadata key names,
// reaches SQLite as a parameter, never as SQL text.
class FilterCompiler {
public:
    // Throws Error(InvalidArgument) whose message names the key and the operator, e.g.
    // "filter: key 'created_at': operator 'gt' needs an ISO-8601 time or a number, got true".
    // A null or empty filter compiles to "1".
    static CompiledFilter compile(const nlohmann::json& filter);
    // Empty when valid, else the message compile() would throw: the GUI's inline validation.
    static std::string validate(const nlohmann::json& filter);
};

} // namespace memscope
