#include "stats/FacetCounter.h"

#include "filter/FilterCompiler.h"
#include "storage/Connection.h"
#include "util/Error.h"

#include <cmath>

namespace memscope {

namespace {

const char* facetColumn(const std::string& field)
{
    static const std::pair<const char*, const char*> columns[] = {
        {"state", "m.state"},           {"collection", "m.collection"}, {"user_id", "m.user_id"},
        {"agent_id", "m.agent_id"},     {"task_type", "m.task_type"},   {"outcome_type", "m.outcome_type"},
        {"tool_name", "m.tool_name"},   {"version", "m.version"},       {"severity", "m.severity"},
        {"user_scope", "m.user_scope"},
    };
    for (const auto& [key, column] : columns)
        if (field == key)
            return column;
    throw Error(Error::Kind::InvalidArgument, "cannot count by '" + field +
                                                  "' (use state, collection, user_id, agent_id, task_type, "
                                                  "outcome_type, tool_name, version, severity or user_scope)");
}

std::string displayValue(const Statement& st, int column)
{
    const SqlValue v = st.value(column);
    if (std::holds_alternative<std::string>(v))
        return std::get<std::string>(v);
    if (std::holds_alternative<std::int64_t>(v))
        return std::to_string(std::get<std::int64_t>(v));
    if (std::holds_alternative<double>(v)) {
        nlohmann::json j = std::get<double>(v);
        return j.dump();
    }
    return {};
}

} // namespace

const std::vector<std::string>& FacetCounter::standardFacets()
{
    static const std::vector<std::string> facets = {"state",        "collection", "user_id", "task_type",
                                                    "outcome_type", "tool_name",  "version"};
    return facets;
}

FacetCounter::FacetCounter(Connection& connection)
    : m_connection(connection)
{
}

std::int64_t FacetCounter::total(const nlohmann::json& filter)
{
    const auto compiled = FilterCompiler::compile(filter);
    auto st = m_connection.prepare("SELECT count(*) FROM memories m WHERE " + compiled.sql);
    st.bindAll(compiled.params);
    st.step();
    return st.int64(0);
}

FacetCounter::Facet FacetCounter::count(const std::string& field, const nlohmann::json& filter, int maxValues)
{
    const std::string column = facetColumn(field);
    const auto compiled = FilterCompiler::compile(filter);
    auto st = m_connection.prepare("SELECT " + column + " AS v, count(*) AS n FROM memories m WHERE " + compiled.sql +
                                   " GROUP BY v ORDER BY n DESC, v LIMIT ?");
    st.bindAll(compiled.params);
    st.bind(static_cast<int>(compiled.params.size()) + 1, maxValues);
    Facet facet;
    facet.field = field;
    while (st.step())
        facet.values.emplace_back(displayValue(st, 0), st.int64(1));
    return facet;
}

} // namespace memscope
