#pragma once

#include "llm/ChatTypes.h"

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace memscope {

class SqlSandbox;
struct TaskPack;

// What a tool call did, for the model (output) and for the trace (everything).
struct ToolResult {
    bool ok = false;
    std::string output; // sent back to the model (already cut to the pack's output limit)
    std::string error;  // when !ok: what went wrong, also in output
    double elapsedMs = 0;
    int rows = -1; // SQL tools: rows returned; -1 otherwise
    bool truncated = false;
    std::string log; // a line or two for the trace ("ran SELECT … in 3 ms, 12 rows")
};

// A tool the agent may call during a run. Runs in-process, within the pack's limits.
class AgentTool {
public:
    virtual ~AgentTool() = default;
    virtual ToolSpec spec() const = 0;
    // `arguments` is the model's JSON text (possibly invalid: then !ok with a message the model can act on).
    virtual ToolResult call(const std::string& arguments, const std::atomic_bool* cancel) = 0;
};

// The tools a pack names ("run_sql", "describe_schema"), bound to the run's sandbox (may be null when the
// pack has no database; then SQL tools are refused at load time). Throws Error(InvalidArgument) for an
// unknown tool name.
std::vector<std::unique_ptr<AgentTool>> makePackTools(const TaskPack& pack, SqlSandbox* sandbox);

// `text` cut to at most `maxBytes` on a UTF-8 boundary, ending with a note that says how much was left out;
// unchanged when it fits.
std::string cutToolOutput(std::string text, std::size_t maxBytes);

} // namespace memscope
