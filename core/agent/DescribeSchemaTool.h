#pragma once

#include "agent/AgentTool.h"

namespace memscope {

// describe_schema {}: the CREATE statements of the run's sample database.
class DescribeSchemaTool : public AgentTool {
public:
    DescribeSchemaTool(const SqlSandbox& sandbox, std::size_t maxOutputBytes);
    ToolSpec spec() const override;
    ToolResult call(const std::string& arguments, const std::atomic_bool* cancel) override;

private:
    const SqlSandbox* m_sandbox;
    std::size_t m_maxOutputBytes;
};

} // namespace memscope
