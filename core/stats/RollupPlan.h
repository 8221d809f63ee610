#pragma once

#include "filter/FilterCompiler.h"
#include "util/Time.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace memscope {

class Connection;

// Where the counters (FacetCounter, TrendQuery) take their numbers from.
enum class StatsSource {
    Auto,     // the roll-up whenever it can answer the filter exactly, else a GROUP BY over memories
    Memories, // always memories: the reference the roll-up is tested against, and the benchmarks' baseline
};

// A half-open range of event times (metadata.timestamp, else created_at): from <= t < to; unset = open.
struct EventTimeRange {
    std::optional<Micros> from;
    std::optional<Micros> to;
};

// One combination of facet values in the roll-up that a filter matches.
struct RollupGroup {
    std::int64_t gid = 0;
    std::int64_t n = 0;           // its records, all days
    std::vector<SqlValue> values; // the columns asked for, NULL as null
};

// How a filter is counted from the roll-up (schema v2: rollup_groups, one row per combination of
// collection, user_id, task_type, tool_name, version, outcome_type and state; rollup_days, its count per
// UTC day of event time). A filter qualifies when every key it tests, at any depth, is one of those
// columns (flat, "metadata.k" or under "metadata"), and event_time appears only as gt/gte/lt/lte in its
// top-level AND. Whole days of the time range are read from rollup_days; the partial days at its ends are
// counted from memories, so any range is exact.
class RollupPlan {
public:
    static constexpr Micros kDay = 86400000000LL;
    // The roll-up's columns, which is also what a qualifying filter may test.
    static const std::vector<std::string>& columns();
    static bool isColumn(const std::string& field);

    // nullopt when the filter tests something the roll-up does not keep. `range` narrows the event time
    // further. Throws Error(InvalidArgument) for an invalid filter.
    static std::optional<RollupPlan> make(const nlohmann::json& filter, const EventTimeRange& range = {});

    // The event times the filter and the range allow (from/to unset: open).
    const EventTimeRange& range() const { return m_range; }
    bool timeBounded() const { return m_range.from || m_range.to; }
    // True when the time conditions exclude everything.
    bool empty() const { return m_empty; }

    // The matching groups, with these roll-up columns.
    std::vector<RollupGroup> groups(Connection& connection, const std::vector<std::string>& columns) const;
    // sink(index into groups, day, n) for every day row of these groups in the range's whole days
    // (days since 1970-01-01 UTC).
    void days(Connection& connection, const std::vector<RollupGroup>& groups,
              const std::function<void(std::size_t, std::int64_t, std::int64_t)>& sink) const;
    // The partial days at the ends of the range, counted from memories: sink(day, values, n).
    void edges(Connection& connection, const std::vector<std::string>& columns,
               const std::function<void(std::int64_t, const std::vector<SqlValue>&, std::int64_t)>& sink) const;
    // Records per combination of these columns over the whole range: groups' totals, or days + edges.
    std::vector<std::pair<std::vector<SqlValue>, std::int64_t>> countBy(Connection& connection,
                                                                        const std::vector<std::string>& columns) const;

    // Day arithmetic of the roll-up (floor, also before 1970).
    static std::int64_t dayOf(Micros t);
    // SQL for the UTC day of a record's event time in `memories m`, as the roll-up computes it.
    static const char* dayOfRecordSql();
    // SQL for "event time in [?, ?)" over `memories m` that the ts and created_at indexes can serve; binds
    // from, to, from, to.
    static const char* eventRangeSql();

private:
    RollupPlan() = default;

    CompiledFilter m_filter; // the filter without its top-level event_time conditions
    bool m_usesMetadata = false;
    EventTimeRange m_range;
    bool m_empty = false;
    std::optional<std::int64_t> m_firstDay, m_endDay; // whole days [first, end); unset = open
    bool m_wholeDays = true;
    std::vector<std::pair<Micros, Micros>> m_edges;
};

} // namespace memscope
