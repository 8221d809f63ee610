#include "agent/DescribeSchemaTool.h"

#include "agent/SqlSandbox.h"

#include <chrono>

namespace memscope {

DescribeSchemaTool::DescribeSchemaTool(const SqlSandbox& sandbox, std::size_t maxOutputBytes)
    : m_sandbox(&sandbox)
    , m_maxOutputBytes(maxOutputBytes)
{
}

ToolSpec DescribeSchemaTool::spec() const
{
    return {"describe_schema",
            "Show the CREATE statements of the task's sample database: its tables, their columns and types.",
            {{"type", "object"}, {"properties", nlohmann::json::object()}}};
}

ToolResult DescribeSchemaTool::call(const std::string& arguments, const std::atomic_bool*)
{
    ToolResult result;
    if (arguments.find_first_not_of(" \t\r\n") != std::string::npos) {
        bool valid = true;
        try {
            const auto args = nlohmann::json::parse(arguments);
            valid = args.is_object() || args.is_null();
        } catch (const nlohmann::json::parse_error&) {
            valid = false;
        }
        if (!valid) {
            result.error = "the arguments must be a JSON object: call describe_schema with {}";
            result.output = "error: " + result.error;
            result.log = "describe_schema refused: " + result.error;
            return result;
        }
    }
    const auto start = std::chrono::steady_clock::now();
    const std::string schema = m_sandbox->schema();
    result.ok = true;
    result.output = cutToolOutput(schema, m_maxOutputBytes);
    result.truncated = result.output.size() != schema.size();
    result.elapsedMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    result.log = "described the schema (" + std::to_string(schema.size()) + " bytes)";
    return result;
}

} // namespace memscope
