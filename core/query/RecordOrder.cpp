#include "query/RecordOrder.h"

#include "util/Error.h"

#include <utility>

namespace memscope {

namespace {

const std::pair<const char*, const char*> kColumns[] = {
    {"created_at", "m.created_at"},
    {"updated_at", "m.updated_at"},
    {"timestamp", "m.ts"},
    {"task_type", "m.task_type"},
    {"tool_name", "m.tool_name"},
    {"version", "m.version"},
    {"outcome_type", "m.outcome_type"},
    {"user_id", "m.user_id"},
    {"agent_id", "m.agent_id"},
    {"collection", "m.collection"},
    {"state", "m.state"},
    {"severity", "m.severity"},
    {"run_id", "m.run_id"},
    {"id", "m.id"},
    {"memory", "m.memory"},
};

} // namespace

const char* RecordOrder::column(const std::string& field)
{
    for (const auto& [key, column] : kColumns)
        if (field == key)
            return column;
    throw Error(Error::Kind::InvalidArgument, "cannot order by '" + field +
                                                  "' (use created_at, updated_at, timestamp, task_type, "
                                                  "tool_name, version, outcome_type, user_id, state, ...)");
}

const std::vector<std::string>& RecordOrder::fields()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& entry : kColumns)
            out.emplace_back(entry.first);
        return out;
    }();
    return names;
}

} // namespace memscope
