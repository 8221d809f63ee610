#include "agent/AgentTool.h"

#include "agent/DescribeSchemaTool.h"
#include "agent/RunSqlTool.h"
#include "agent/TaskPack.h"
#include "util/Error.h"

namespace memscope {

std::vector<std::unique_ptr<AgentTool>> makePackTools(const TaskPack& pack, SqlSandbox* sandbox)
{
    const auto maxOutput = static_cast<std::size_t>(pack.limits.maxToolOutputBytes);
    std::vector<std::unique_ptr<AgentTool>> tools;
    for (const auto& name : pack.tools) {
        if (name != "run_sql" && name != "describe_schema")
            throw Error(Error::Kind::InvalidArgument, pack.source.string() + ": \"tools\": unknown tool \"" + name +
                                                          "\" (known: run_sql, describe_schema)");
        if (!sandbox)
            throw Error(Error::Kind::InvalidArgument, pack.source.string() + ": \"tools\": " + name +
                                                          " needs the pack's database, and the run has none");
        if (name == "run_sql")
            tools.push_back(std::make_unique<RunSqlTool>(*sandbox, maxOutput));
        else
            tools.push_back(std::make_unique<DescribeSchemaTool>(*sandbox, maxOutput));
    }
    return tools;
}

std::string cutToolOutput(std::string text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return text;
    const std::size_t total = text.size();
    const auto noteFor = [total](std::size_t kept) {
        return "\n[output cut: " + std::to_string(kept) + " of " + std::to_string(total) + " bytes shown]\n";
    };
    const std::size_t reserve = noteFor(total).size(); // the longest the note can be
    const bool withNote = maxBytes > reserve;          // else too small for a note: only the cut text
    std::size_t keep = withNote ? maxBytes - reserve : maxBytes;
    while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80)
        --keep;
    text.resize(keep);
    return withNote ? text + noteFor(keep) : text;
}

} // namespace memscope
