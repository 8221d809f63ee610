#include "io/RecordExporter.h"

#include "filter/FilterCompiler.h"
#include "io/RecordJson.h"
#include "storage/Connection.h"
#include "storage/MemoryStore.h"
#include "storage/RecordTable.h"

namespace memscope {

using nlohmann::json;

RecordExporter::RecordExporter(MemoryStore& store)
    : m_store(store)
{
}

std::string RecordExporter::csvField(const std::string& text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

namespace {

std::string metaText(const json& metadata, const char* key)
{
    const auto it = metadata.find(key);
    if (it == metadata.end() || it->is_null())
        return {};
    if (it->is_string())
        return it->get<std::string>();
    if (std::string(key) == "tags" && it->is_array()) {
        std::string joined;
        for (const auto& tag : *it) {
            if (!joined.empty())
                joined += ';';
            joined += tag.is_string() ? tag.get<std::string>() : tag.dump();
        }
        return joined;
    }
    return it->dump();
}

} // namespace

std::int64_t RecordExporter::run(std::ostream& out, const json& filter, Format format,
                                 const std::function<void(std::int64_t)>& progress)
{
    const auto compiled = FilterCompiler::compile(filter);
    auto st = m_store.connection().prepare(std::string("SELECT ") + RecordTable::kColumns + " FROM memories m WHERE " +
                                           compiled.sql + " ORDER BY m.rid");
    st.bindAll(compiled.params);
    if (format == Format::Csv)
        out << "id,memory,hash,user_id,agent_id,run_id,collection,state,created_at,updated_at,expiration_date,"
               "outcome_type,task_type,tool_name,severity,user_scope,version,timestamp,tags,metadata\n";
    std::int64_t n = 0;
    while (st.step()) {
        const MemoryRecord r = RecordTable::read(st);
        if (format == Format::JsonLines) {
            out << RecordJson::toJson(r).dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
        } else {
            const std::string fields[] = {r.id,
                                          r.memory,
                                          r.hash,
                                          r.userId,
                                          r.agentId,
                                          r.runId,
                                          r.collection,
                                          stateName(r.state),
                                          formatIsoTime(r.createdAt),
                                          formatIsoTime(r.updatedAt),
                                          r.expirationDate ? formatIsoTime(*r.expirationDate) : std::string(),
                                          metaText(r.metadata, "outcome_type"),
                                          metaText(r.metadata, "task_type"),
                                          metaText(r.metadata, "tool_name"),
                                          metaText(r.metadata, "severity"),
                                          metaText(r.metadata, "user_scope"),
                                          metaText(r.metadata, "version"),
                                          metaText(r.metadata, "timestamp"),
                                          metaText(r.metadata, "tags"),
                                          r.metadata.dump(-1, ' ', false, json::error_handler_t::replace)};
            bool first = true;
            for (const auto& f : fields) {
                if (!first)
                    out << ',';
                out << csvField(f);
                first = false;
            }
            out << '\n';
        }
        ++n;
        if (progress && n % 10000 == 0)
            progress(n);
    }
    out.flush();
    return n;
}

} // namespace memscope
