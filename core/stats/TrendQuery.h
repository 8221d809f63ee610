#pragma once

#include "stats/RollupPlan.h"
#include "util/Time.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace memscope {

class Connection;

// Time buckets, in UTC: a day, an ISO week (Monday to Sunday) or a calendar month.
enum class TrendBucket { Day, Week, Month };
// What splits records into the series of a trend, or the rows and columns of a breakdown.
enum class TrendDimension { None, TaskType, ToolName, Version };
// The four stacks of a trend. Unknown holds outcome_type "unknown" and records without an outcome_type.
enum class OutcomeClass { Success, Partial, Failure, Unknown };

const char* bucketName(TrendBucket bucket); // day, week, month
std::optional<TrendBucket> parseBucket(std::string_view text);
const char* dimensionName(TrendDimension dimension); // none, task_type, tool_name, version
std::optional<TrendDimension> parseDimension(std::string_view text);
const char* outcomeClassName(OutcomeClass outcome); // success, partial, failure, unknown

// The records of one cell by outcome. The success rate is success / (success + partial + failure): the
// share of judged outcomes that succeeded. Unknown records are counted and shown but say nothing about
// success, so they are left out of the rate; with no judged outcome there is no rate.
struct OutcomeCounts {
    std::int64_t success = 0;
    std::int64_t partial = 0;
    std::int64_t failure = 0;
    std::int64_t unknown = 0;

    std::int64_t total() const { return success + partial + failure + unknown; }
    std::int64_t judged() const { return success + partial + failure; }
    std::optional<double> successRate() const;
    std::int64_t& operator[](OutcomeClass outcome);
    std::int64_t operator[](OutcomeClass outcome) const;
    OutcomeCounts& operator+=(const OutcomeCounts& other);
    // {"success", "partial", "failure", "unknown", "total", "rate" (null without judged outcomes)}
    nlohmann::json toJson() const;
};

struct TrendRequest {
    nlohmann::json filter = nlohmann::json::object(); // Mem0 filter; state = active unless it names a state
    EventTimeRange range; // event time; an open end starts or ends at the data's first or last bucket
    TrendBucket bucket = TrendBucket::Week;
    TrendDimension series = TrendDimension::None;
};

// One time bucket, clipped to the request's range: start <= event time < end.
struct TrendSpan {
    Micros start = 0;
    Micros end = 0;
};

struct TrendLine {
    nlohmann::json value; // the task type, tool or version (null: records without one, and the line of None)
    std::string label;    // the value as text; "(none)" for null, "all" for TrendDimension::None
    OutcomeCounts total;
    std::vector<OutcomeCounts> points; // one per bucket of TrendResult::buckets, in that order
};

struct TrendResult {
    TrendBucket bucket = TrendBucket::Week;
    TrendDimension series = TrendDimension::None;
    nlohmann::json filter; // the request's filter with its state made explicit
    EventTimeRange range;
    std::vector<TrendSpan> buckets; // every bucket from the first to the last, empty ones included
    std::vector<TrendLine> lines;   // most records first
    OutcomeCounts total;
    bool fromRollup = false;

    // The Mem0 filter selecting exactly the records of lines[line].points[index] (of one outcome, if given):
    // filter AND event_time in [start, end) AND series = value AND outcome. Records that view opens.
    nlohmann::json drillDown(std::size_t line, std::size_t index, std::optional<OutcomeClass> outcome = {}) const;
};

struct BreakdownRequest {
    nlohmann::json filter = nlohmann::json::object(); // as in TrendRequest
    EventTimeRange range;
    TrendDimension rows = TrendDimension::TaskType;
    TrendDimension columns = TrendDimension::ToolName;
};

struct BreakdownCell {
    std::size_t row = 0; // into BreakdownResult::rowValues
    std::size_t column = 0;
    OutcomeCounts counts;
};

struct BreakdownResult {
    TrendDimension rows = TrendDimension::TaskType;
    TrendDimension columns = TrendDimension::ToolName;
    nlohmann::json filter; // the request's filter with its state made explicit
    EventTimeRange range;
    std::vector<nlohmann::json> rowValues; // most records first; null = records without the field
    std::vector<nlohmann::json> columnValues;
    std::vector<OutcomeCounts> rowTotals; // parallel to rowValues
    std::vector<OutcomeCounts> columnTotals;
    std::vector<BreakdownCell> cells; // the non-empty ones, by row then column
    OutcomeCounts total;
    bool fromRollup = false;

    // The Mem0 filter selecting exactly the records of a cell (of one outcome, if given).
    nlohmann::json drillDown(const BreakdownCell& cell, std::optional<OutcomeClass> outcome = {}) const;
    // The records of a row total (column unset), a column total (row unset) or of everything (both unset).
    nlohmann::json drillDownTotal(std::optional<std::size_t> row, std::optional<std::size_t> column) const;
};

// Outcomes over time and success-rate breakdowns for the Trends view and `memscope-cli stats --trend`.
// Counts come from the roll-up when the filter allows it (RollupPlan: only roll-up columns, event_time
// ranges in the top-level AND), else from a GROUP BY over memories; both give the same numbers. Records
// are placed in time by their event time (metadata.timestamp, else created_at: the filter field
// `event_time`). Throws Error(InvalidArgument) for an invalid filter, an empty range, a breakdown whose
// rows and columns are not two different dimensions, or more than 100,000 buckets.
class TrendQuery {
public:
    explicit TrendQuery(Connection& connection, StatsSource source = StatsSource::Auto);

    TrendResult trend(const TrendRequest& request);
    BreakdownResult breakdown(const BreakdownRequest& request);

    // True when a request with this filter (before its implicit state = active) reads the roll-up.
    static bool usesRollup(const nlohmann::json& filter);

private:
    Connection& m_connection;
    StatsSource m_source;
};

} // namespace memscope
