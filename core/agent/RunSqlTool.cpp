#include "agent/RunSqlTool.h"

#include "agent/SqlSandbox.h"

#include <cmath>

namespace memscope {

namespace {

const char* const kUsage = "call run_sql with a JSON object like {\"query\": \"SELECT name FROM customers LIMIT 5\"}";

// The query's first line, shortened, for the trace.
std::string preview(const std::string& sql)
{
    std::string line;
    for (const char c : sql) {
        if (c == '\n' || c == '\r' || c == '\t') {
            if (!line.empty() && line.back() != ' ')
                line += ' ';
        } else {
            line += c;
        }
    }
    const auto start = line.find_first_not_of(' ');
    line = start == std::string::npos ? std::string() : line.substr(start);
    if (line.size() > 80) {
        std::size_t cut = 80;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
            --cut;
        line = line.substr(0, cut) + "…";
    }
    return line;
}

ToolResult refused(std::string error)
{
    ToolResult result;
    result.error = std::move(error);
    result.output = "error: " + result.error;
    result.log = "run_sql refused: " + result.error;
    return result;
}

} // namespace

RunSqlTool::RunSqlTool(const SqlSandbox& sandbox, std::size_t maxOutputBytes)
    : m_sandbox(&sandbox)
    , m_maxOutputBytes(maxOutputBytes)
{
}

ToolSpec RunSqlTool::spec() const
{
    const auto& limits = m_sandbox->limits();
    return {"run_sql",
            "Run one read-only SQLite query (SELECT or WITH ... SELECT) against the task's sample database and get "
            "its rows as a text table. At most " +
                std::to_string(limits.maxRows) + " rows are returned; a query may run " +
                std::to_string(limits.timeoutMs) + " ms. Writes, PRAGMA and ATTACH are refused.",
            {{"type", "object"},
             {"properties", {{"query", {{"type", "string"}, {"description", "exactly one SQLite SELECT statement"}}}}},
             {"required", {"query"}},
             {"additionalProperties", false}}};
}

ToolResult RunSqlTool::call(const std::string& arguments, const std::atomic_bool* cancel)
{
    nlohmann::json args;
    try {
        args = nlohmann::json::parse(arguments);
    } catch (const nlohmann::json::parse_error&) {
        return refused("the arguments are not valid JSON; " + std::string(kUsage));
    }
    if (!args.is_object() || !args.contains("query"))
        return refused("missing \"query\"; " + std::string(kUsage));
    if (!args["query"].is_string())
        return refused("\"query\" must be a string holding the SQL; " + std::string(kUsage));
    const std::string sql = args["query"].get<std::string>();

    const SqlSandbox::Result result = m_sandbox->query(sql, cancel);
    ToolResult out;
    out.ok = result.ok;
    out.error = result.error;
    out.elapsedMs = result.elapsedMs;
    out.output = result.toText(m_maxOutputBytes);
    out.rows = result.ok ? static_cast<int>(result.rows.size()) : -1;
    out.truncated = result.truncated || out.output.find("[output cut at ") != std::string::npos;
    const std::string ms = std::to_string(std::lround(result.elapsedMs)) + " ms";
    if (result.ok)
        out.log = "ran " + preview(sql) + " in " + ms + ", " + std::to_string(result.rows.size()) +
                  (result.truncated ? "+" : "") + (result.rows.size() == 1 ? " row" : " rows");
    else
        out.log = "ran " + preview(sql) + ": failed in " + ms + ": " + result.error;
    return out;
}

} // namespace memscope
