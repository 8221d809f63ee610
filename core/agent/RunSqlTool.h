#pragma once

#include "agent/AgentTool.h"

namespace memscope {

// run_sql {"query": "..."}: one read-only query against the run's sandbox; its rows as a text table.
class RunSqlTool : public AgentTool {
public:
    RunSqlTool(const SqlSandbox& sandbox, std::size_t maxOutputBytes);
    ToolSpec spec() const override;
    ToolResult call(const std::string& arguments, const std::atomic_bool* cancel) override;

private:
    const SqlSandbox* m_sandbox;
    std::size_t m_maxOutputBytes;
};

} // namespace memscope
