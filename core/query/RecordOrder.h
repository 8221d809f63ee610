#pragma once

#include <string>
#include <vector>

namespace memscope {

// The fields records can be listed in order of, and the indexed column behind each: shared by
// MemoryStore::list, the CLI and the GUI's record table.
class RecordOrder {
public:
    // "m.<column>" for a field name (created_at, updated_at, timestamp, task_type, tool_name, version,
    // outcome_type, user_id, agent_id, collection, state, severity, run_id, id). Throws Error(InvalidArgument)
    // naming the field otherwise.
    static const char* column(const std::string& field);
    static const std::vector<std::string>& fields();
};

} // namespace memscope
