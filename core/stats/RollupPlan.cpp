#include "stats/RollupPlan.h"

#include "stats/StatsValue.h"
#include "storage/Connection.h"

#include <algorithm>
#include <limits>
#include <map>

namespace memscope {

using nlohmann::json;

namespace {

// The metadata keys the roll-up has columns for.
bool isRollupMetadataKey(const std::string& key)
{
    return key == "outcome_type" || key == "task_type" || key == "tool_name" || key == "version";
}

bool isRangeOperator(const std::string& op) { return op == "gt" || op == "gte" || op == "lt" || op == "lte"; }

// The event_time bound of one operator, parsed by the filter compiler itself so both read times alike.
Micros boundOf(const std::string& op, const json& value)
{
    const auto compiled = FilterCompiler::compile(json{{"event_time", json{{op, value}}}});
    return std::get<std::int64_t>(compiled.params.at(0));
}

void narrow(EventTimeRange& range, const std::string& op, Micros t)
{
    // Times are whole microseconds: > t is >= t + 1, <= t is < t + 1.
    if (op == "gte" || op == "gt") {
        const Micros from = op == "gt" ? t + 1 : t;
        range.from = range.from ? std::max(*range.from, from) : from;
    } else {
        const Micros to = op == "lte" ? t + 1 : t;
        range.to = range.to ? std::min(*range.to, to) : to;
    }
}

// True when the roll-up can answer the filter; moves event_time ranges of the top-level AND into `range`.
bool analyze(const json& filter, bool topLevelAnd, bool inMetadata, EventTimeRange& range)
{
    if (filter.is_array()) {
        for (const auto& item : filter)
            if (!analyze(item, topLevelAnd, inMetadata, range))
                return false;
        return true;
    }
    if (!filter.is_object())
        return true;
    for (const auto& [key, value] : filter.items()) {
        if (key == "AND") {
            if (!analyze(value, topLevelAnd, inMetadata, range))
                return false;
        } else if (key == "OR" || key == "NOT") {
            if (!analyze(value, false, inMetadata, range))
                return false;
        } else if (inMetadata) {
            if (!isRollupMetadataKey(key))
                return false;
        } else if (key == "metadata") {
            if (!analyze(value, false, true, range))
                return false;
        } else if (key == "event_time") {
            if (!topLevelAnd || !value.is_object())
                return false;
            for (const auto& [op, bound] : value.items()) {
                if (!isRangeOperator(op))
                    return false;
                narrow(range, op, boundOf(op, bound));
            }
        } else {
            constexpr std::string_view prefix = "metadata.";
            const bool metadataKey = key.rfind(prefix, 0) == 0 && isRollupMetadataKey(key.substr(prefix.size()));
            if (!metadataKey && !RollupPlan::isColumn(key))
                return false;
        }
    }
    return true;
}

// The filter without the event_time conditions analyze() moved into the range.
json withoutEventTime(const json& filter)
{
    if (!filter.is_object())
        return filter;
    json out = json::object();
    for (const auto& [key, value] : filter.items()) {
        if (key == "event_time")
            continue;
        if (key == "AND" && value.is_array()) {
            json items = json::array();
            for (const auto& item : value)
                items.push_back(withoutEventTime(item));
            out[key] = std::move(items);
        } else {
            out[key] = value;
        }
    }
    return out;
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

std::int64_t ceilDiv(std::int64_t a, std::int64_t b) { return -floorDiv(-a, b); }

// rollup_groups with its NULLs back (x'' stands for NULL there) under the names filters use; with a
// `metadata` object of the four keys when the compiled filter reads metadata (null and boolean tests).
std::string groupSource(bool withMetadata)
{
    std::string sql = "(SELECT gid, n, collection, nullif(user_id, x'') AS user_id, nullif(task_type, x'') AS "
                      "task_type, nullif(tool_name, x'') AS tool_name, nullif(version, x'') AS version, "
                      "nullif(outcome_type, x'') AS outcome_type, state";
    if (withMetadata)
        sql += ", json_object('outcome_type', nullif(outcome_type, x''), 'task_type', nullif(task_type, x''), "
               "'tool_name', nullif(tool_name, x''), 'version', nullif(version, x'')) AS metadata";
    return sql + " FROM rollup_groups) m";
}

std::string columnList(const std::vector<std::string>& columns)
{
    std::string sql;
    for (const auto& c : columns) {
        if (!RollupPlan::isColumn(c))
            throw std::logic_error("not a roll-up column: " + c);
        sql += ", m." + c;
    }
    return sql;
}

} // namespace

const std::vector<std::string>& RollupPlan::columns()
{
    static const std::vector<std::string> names = {"collection", "user_id",      "task_type", "tool_name",
                                                   "version",    "outcome_type", "state"};
    return names;
}

bool RollupPlan::isColumn(const std::string& field)
{
    const auto& names = columns();
    return std::find(names.begin(), names.end(), field) != names.end();
}

std::int64_t RollupPlan::dayOf(Micros t) { return floorDiv(t, kDay); }

const char* RollupPlan::dayOfRecordSql()
{
    return "(CASE WHEN coalesce(m.ts, m.created_at) >= 0 THEN coalesce(m.ts, m.created_at) / 86400000000 "
           "ELSE (coalesce(m.ts, m.created_at) + 1) / 86400000000 - 1 END)";
}

const char* RollupPlan::eventRangeSql()
{
    return "((m.ts >= ? AND m.ts < ?) OR (m.ts IS NULL AND m.created_at >= ? AND m.created_at < ?))";
}

std::optional<RollupPlan> RollupPlan::make(const json& filter, const EventTimeRange& range)
{
    FilterCompiler::compile(filter); // invalid filters fail here, with the compiler's message
    RollupPlan plan;
    plan.m_range = range;
    if (!analyze(filter, true, false, plan.m_range))
        return std::nullopt;
    plan.m_filter = FilterCompiler::compile(withoutEventTime(filter));
    plan.m_usesMetadata = plan.m_filter.sql.find("m.metadata") != std::string::npos;

    const auto& from = plan.m_range.from;
    const auto& to = plan.m_range.to;
    if (from && to && *from >= *to) {
        plan.m_empty = true;
        plan.m_wholeDays = false;
        return plan;
    }
    if (from)
        plan.m_firstDay = ceilDiv(*from, kDay);
    if (to)
        plan.m_endDay = floorDiv(*to, kDay);
    plan.m_wholeDays = !(plan.m_firstDay && plan.m_endDay && *plan.m_firstDay >= *plan.m_endDay);
    if (from && *from % kDay != 0) {
        Micros end = *plan.m_firstDay * kDay;
        if (to && *to < end)
            end = *to;
        plan.m_edges.emplace_back(*from, end);
    }
    if (to && *to % kDay != 0) {
        const Micros start = *plan.m_endDay * kDay;
        if (!(from && start < *from)) // else the left edge already holds the whole range
            plan.m_edges.emplace_back(start, *to);
    }
    return plan;
}

std::vector<RollupGroup> RollupPlan::groups(Connection& connection, const std::vector<std::string>& columns) const
{
    std::vector<RollupGroup> out;
    if (m_empty)
        return out;
    auto st = connection.prepare("SELECT m.gid, m.n" + columnList(columns) + " FROM " + groupSource(m_usesMetadata) +
                                 " WHERE " + m_filter.sql);
    st.bindAll(m_filter.params);
    const int count = static_cast<int>(columns.size());
    while (st.step()) {
        RollupGroup g;
        g.gid = st.int64(0);
        g.n = st.int64(1);
        g.values.reserve(columns.size());
        for (int i = 0; i < count; ++i)
            g.values.push_back(stats::readValue(st, 2 + i));
        out.push_back(std::move(g));
    }
    return out;
}

void RollupPlan::days(Connection& connection, const std::vector<RollupGroup>& groups,
                      const std::function<void(std::size_t, std::int64_t, std::int64_t)>& sink) const
{
    if (m_empty || !m_wholeDays || groups.empty())
        return;
    const std::int64_t first = m_firstDay.value_or(std::numeric_limits<std::int64_t>::min());
    const std::int64_t end = m_endDay.value_or(std::numeric_limits<std::int64_t>::max());

    auto total = connection.prepare("SELECT count(*) FROM rollup_groups");
    total.step();
    // Few groups: seek each one's days. Many: one pass over rollup_days beats thousands of seeks.
    if (static_cast<std::int64_t>(groups.size()) * 4 < total.int64(0)) {
        auto st = connection.prepare("SELECT day, n FROM rollup_days WHERE gid = ?1 AND day >= ?2 AND day < ?3");
        for (std::size_t i = 0; i < groups.size(); ++i) {
            st.reset();
            st.bind(1, groups[i].gid).bind(2, first).bind(3, end);
            while (st.step())
                sink(i, st.int64(0), st.int64(1));
        }
        return;
    }
    std::int64_t maxGid = 0;
    for (const auto& g : groups)
        maxGid = std::max(maxGid, g.gid);
    std::vector<std::int32_t> slot(static_cast<std::size_t>(maxGid) + 1, -1);
    for (std::size_t i = 0; i < groups.size(); ++i)
        slot[static_cast<std::size_t>(groups[i].gid)] = static_cast<std::int32_t>(i);
    auto st = connection.prepare("SELECT gid, day, n FROM rollup_days WHERE day >= ?1 AND day < ?2");
    st.bind(1, first).bind(2, end);
    while (st.step()) {
        const std::int64_t gid = st.int64(0);
        if (gid < 0 || gid > maxGid)
            continue;
        const std::int32_t i = slot[static_cast<std::size_t>(gid)];
        if (i >= 0)
            sink(static_cast<std::size_t>(i), st.int64(1), st.int64(2));
    }
}

void RollupPlan::edges(Connection& connection, const std::vector<std::string>& columns,
                       const std::function<void(std::int64_t, const std::vector<SqlValue>&, std::int64_t)>& sink) const
{
    if (m_empty || m_edges.empty())
        return;
    std::string groupBy = "1";
    for (std::size_t i = 0; i < columns.size(); ++i)
        groupBy += ", " + std::to_string(i + 2);
    // An edge is less than a day: find its records through the time indexes first, whatever else the
    // filter tests (left to itself the planner may walk a task type's index, a hundred times more rows).
    auto st = connection.prepare(
        std::string("SELECT ") + dayOfRecordSql() + columnList(columns) +
        ", count(*) FROM memories m WHERE m.rid IN ("
        "SELECT rid FROM memories INDEXED BY memories_ts WHERE ts >= ? AND ts < ? UNION ALL "
        "SELECT rid FROM memories INDEXED BY memories_created WHERE ts IS NULL AND created_at >= ? AND created_at < ?)"
        " AND " + m_filter.sql + " GROUP BY " + groupBy);
    const int count = static_cast<int>(columns.size());
    std::vector<SqlValue> values;
    for (const auto& [from, to] : m_edges) {
        st.reset();
        st.bind(1, from).bind(2, to).bind(3, from).bind(4, to);
        st.bindAll(m_filter.params, 5);
        while (st.step()) {
            values.clear();
            for (int i = 0; i < count; ++i)
                values.push_back(stats::readValue(st, 1 + i));
            sink(st.int64(0), values, st.int64(1 + count));
        }
    }
}

std::vector<std::pair<std::vector<SqlValue>, std::int64_t>>
RollupPlan::countBy(Connection& connection, const std::vector<std::string>& columns) const
{
    std::map<std::vector<SqlValue>, std::int64_t, stats::ValueLess> sums;
    const auto matching = groups(connection, columns);
    if (!timeBounded()) {
        for (const auto& g : matching)
            sums[g.values] += g.n;
    } else {
        std::vector<std::int64_t> perGroup(matching.size(), 0);
        days(connection, matching, [&](std::size_t i, std::int64_t, std::int64_t n) { perGroup[i] += n; });
        for (std::size_t i = 0; i < matching.size(); ++i)
            if (perGroup[i] != 0)
                sums[matching[i].values] += perGroup[i];
        edges(connection, columns,
              [&](std::int64_t, const std::vector<SqlValue>& values, std::int64_t n) { sums[values] += n; });
    }
    std::vector<std::pair<std::vector<SqlValue>, std::int64_t>> out;
    for (auto& [values, n] : sums)
        if (n > 0)
            out.emplace_back(values, n);
    return out;
}

} // namespace memscope
