#include "stats/TrendQuery.h"

#include "filter/FilterCompiler.h"
#include "filter/FilterScope.h"
#include "stats/StatsValue.h"
#include "storage/Connection.h"
#include "util/Error.h"

#include <algorithm>
#include <limits>
#include <map>

namespace memscope {

using nlohmann::json;

namespace {

constexpr std::int64_t kMaxBuckets = 100000;
constexpr Micros kDay = RollupPlan::kDay;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

// Proleptic Gregorian calendar <-> days since 1970-01-01 (400-year eras of 146,097 days).
std::int64_t daysFromCivil(std::int64_t y, std::int64_t m, std::int64_t d)
{
    y -= m <= 2;
    const std::int64_t era = floorDiv(y, 400);
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// Months since 0000-01: year * 12 + month - 1.
std::int64_t monthOfDay(std::int64_t z)
{
    z += 719468;
    const std::int64_t era = floorDiv(z, 146097);
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = yoe + era * 400 + (m <= 2);
    return y * 12 + m - 1;
}

// Buckets are numbered by a key that grows by one per bucket.
std::int64_t bucketKey(TrendBucket bucket, std::int64_t day)
{
    switch (bucket) {
    case TrendBucket::Day: return day;
    case TrendBucket::Week: return floorDiv(day + 3, 7); // 1970-01-01 was a Thursday; weeks start on Monday
    case TrendBucket::Month: return monthOfDay(day);
    }
    return day;
}

std::int64_t bucketStartDay(TrendBucket bucket, std::int64_t key)
{
    switch (bucket) {
    case TrendBucket::Day: return key;
    case TrendBucket::Week: return key * 7 - 3;
    case TrendBucket::Month: return daysFromCivil(floorDiv(key, 12), key - floorDiv(key, 12) * 12 + 1, 1);
    }
    return key;
}

const char* columnOf(TrendDimension dimension)
{
    switch (dimension) {
    case TrendDimension::TaskType: return "task_type";
    case TrendDimension::ToolName: return "tool_name";
    case TrendDimension::Version: return "version";
    case TrendDimension::None: break;
    }
    return nullptr;
}

OutcomeClass classify(const SqlValue& value)
{
    if (const auto* s = std::get_if<std::string>(&value)) {
        if (*s == "success")
            return OutcomeClass::Success;
        if (*s == "partial")
            return OutcomeClass::Partial;
        if (*s == "failure")
            return OutcomeClass::Failure;
    }
    return OutcomeClass::Unknown;
}

json outcomeCondition(OutcomeClass outcome)
{
    if (outcome == OutcomeClass::Unknown)
        return {{"outcome_type", {{"nin", {"success", "partial", "failure"}}}}};
    return {{"outcome_type", outcomeClassName(outcome)}};
}

json timeCondition(const std::optional<Micros>& from, const std::optional<Micros>& to)
{
    json range = json::object();
    if (from)
        range["gte"] = formatIsoTime(*from);
    if (to)
        range["lt"] = formatIsoTime(*to);
    return range.empty() ? json::object() : json{{"event_time", range}};
}

std::string labelOf(const json& value)
{
    if (value.is_null())
        return "(none)";
    return value.is_string() ? value.get<std::string>() : value.dump();
}

// One count from either source: records of a line (or breakdown cell) with an outcome, on a day.
struct Tally {
    std::int32_t key = 0; // line, or cell
    OutcomeClass outcome = OutcomeClass::Unknown;
    std::int64_t day = 0;
    std::int64_t n = 0;
};

// Distinct values of one or more dimensions, numbered as they are met.
class ValueIndex {
public:
    std::int32_t of(const std::vector<SqlValue>& values)
    {
        const auto [it, added] = m_index.try_emplace(values, static_cast<std::int32_t>(m_values.size()));
        if (added)
            m_values.push_back(values);
        return it->second;
    }
    const std::vector<std::vector<SqlValue>>& values() const { return m_values; }

private:
    std::map<std::vector<SqlValue>, std::int32_t, stats::ValueLess> m_index;
    std::vector<std::vector<SqlValue>> m_values;
};

// Counts by day, the given columns and the outcome: from the roll-up when `plan` is set, else memories.
// sink(values of columns, outcome, day, n).
void collect(Connection& connection, const std::optional<RollupPlan>& plan, const json& filter,
             const EventTimeRange& range, const std::vector<std::string>& columns, bool byDay, ValueIndex& index,
             std::vector<Tally>& tallies)
{
    std::vector<std::string> withOutcome = columns;
    withOutcome.push_back("outcome_type");
    const std::size_t dims = columns.size();
    auto keyOf = [&](const std::vector<SqlValue>& values) {
        return index.of(std::vector<SqlValue>(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(dims)));
    };
    if (plan) {
        if (!byDay) {
            for (const auto& [values, n] : plan->countBy(connection, withOutcome))
                tallies.push_back({keyOf(values), classify(values.back()), 0, n});
            return;
        }
        const auto groups = plan->groups(connection, withOutcome);
        std::vector<std::int32_t> keys(groups.size());
        std::vector<OutcomeClass> outcomes(groups.size());
        for (std::size_t i = 0; i < groups.size(); ++i) {
            keys[i] = keyOf(groups[i].values);
            outcomes[i] = classify(groups[i].values.back());
        }
        tallies.reserve(tallies.size() + groups.size() * 16);
        plan->days(connection, groups, [&](std::size_t i, std::int64_t day, std::int64_t n) {
            tallies.push_back({keys[i], outcomes[i], day, n});
        });
        plan->edges(connection, withOutcome,
                    [&](std::int64_t day, const std::vector<SqlValue>& values, std::int64_t n) {
                        tallies.push_back({keyOf(values), classify(values.back()), day, n});
                    });
        return;
    }
    const auto compiled = FilterCompiler::compile(filter);
    std::string select = byDay ? RollupPlan::dayOfRecordSql() : "0";
    std::string groupBy = "1";
    for (std::size_t i = 0; i < withOutcome.size(); ++i) {
        select += ", m." + withOutcome[i];
        groupBy += ", " + std::to_string(i + 2);
    }
    const bool bounded = range.from || range.to;
    auto st = connection.prepare("SELECT " + select + ", count(*) FROM memories m WHERE " + compiled.sql +
                                 (bounded ? std::string(" AND ") + RollupPlan::eventRangeSql() : std::string()) +
                                 " GROUP BY " + groupBy);
    st.bindAll(compiled.params);
    if (bounded) {
        const Micros from = range.from.value_or(std::numeric_limits<Micros>::min());
        const Micros to = range.to.value_or(std::numeric_limits<Micros>::max());
        const int next = static_cast<int>(compiled.params.size()) + 1;
        st.bind(next, from).bind(next + 1, to).bind(next + 2, from).bind(next + 3, to);
    }
    std::vector<SqlValue> values;
    const int count = static_cast<int>(withOutcome.size());
    while (st.step()) {
        values.clear();
        for (int i = 0; i < count; ++i)
            values.push_back(stats::readValue(st, 1 + i));
        tallies.push_back({keyOf(values), classify(values.back()), st.int64(0), st.int64(1 + count)});
    }
}

void checkRange(const EventTimeRange& range)
{
    if (range.from && range.to && *range.from >= *range.to)
        throw Error(Error::Kind::InvalidArgument, "time range: the start (" + formatIsoTime(*range.from) +
                                                      ") must be before the end (" + formatIsoTime(*range.to) + ")");
}

// The effective filter and the plan that answers it, if the roll-up can.
std::optional<RollupPlan> planFor(StatsSource source, const json& filter, const EventTimeRange& range)
{
    if (source == StatsSource::Memories) {
        FilterCompiler::compile(filter); // the same validation either way
        return std::nullopt;
    }
    return RollupPlan::make(filter, range);
}

// Values ordered by records, most first, then by value.
std::vector<std::size_t> byRecords(const std::vector<OutcomeCounts>& totals,
                                   const std::vector<std::vector<SqlValue>>& values)
{
    std::vector<std::size_t> order(totals.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (totals[a].total() != totals[b].total())
            return totals[a].total() > totals[b].total();
        return stats::ValueLess()(values[a], values[b]);
    });
    return order;
}

} // namespace

const char* bucketName(TrendBucket bucket)
{
    switch (bucket) {
    case TrendBucket::Day: return "day";
    case TrendBucket::Week: return "week";
    case TrendBucket::Month: return "month";
    }
    return "week";
}

std::optional<TrendBucket> parseBucket(std::string_view text)
{
    for (const auto b : {TrendBucket::Day, TrendBucket::Week, TrendBucket::Month})
        if (text == bucketName(b))
            return b;
    return std::nullopt;
}

const char* dimensionName(TrendDimension dimension)
{
    const char* column = columnOf(dimension);
    return column ? column : "none";
}

std::optional<TrendDimension> parseDimension(std::string_view text)
{
    for (const auto d :
         {TrendDimension::None, TrendDimension::TaskType, TrendDimension::ToolName, TrendDimension::Version})
        if (text == dimensionName(d))
            return d;
    return std::nullopt;
}

const char* outcomeClassName(OutcomeClass outcome)
{
    switch (outcome) {
    case OutcomeClass::Success: return "success";
    case OutcomeClass::Partial: return "partial";
    case OutcomeClass::Failure: return "failure";
    case OutcomeClass::Unknown: return "unknown";
    }
    return "unknown";
}

std::optional<double> OutcomeCounts::successRate() const
{
    if (judged() == 0)
        return std::nullopt;
    return static_cast<double>(success) / static_cast<double>(judged());
}

std::int64_t& OutcomeCounts::operator[](OutcomeClass outcome)
{
    switch (outcome) {
    case OutcomeClass::Success: return success;
    case OutcomeClass::Partial: return partial;
    case OutcomeClass::Failure: return failure;
    case OutcomeClass::Unknown: break;
    }
    return unknown;
}

std::int64_t OutcomeCounts::operator[](OutcomeClass outcome) const
{
    return const_cast<OutcomeCounts&>(*this)[outcome];
}

OutcomeCounts& OutcomeCounts::operator+=(const OutcomeCounts& other)
{
    success += other.success;
    partial += other.partial;
    failure += other.failure;
    unknown += other.unknown;
    return *this;
}

json OutcomeCounts::toJson() const
{
    const auto rate = successRate();
    return {{"success", success}, {"partial", partial}, {"failure", failure},
            {"unknown", unknown}, {"total", total()},   {"rate", rate ? json(*rate) : json(nullptr)}};
}

json TrendResult::drillDown(std::size_t line, std::size_t index, std::optional<OutcomeClass> outcome) const
{
    const TrendLine& l = lines.at(line);
    const TrendSpan& span = buckets.at(index);
    std::vector<json> parts = {filter, timeCondition(span.start, span.end)};
    if (series != TrendDimension::None)
        parts.push_back({{columnOf(series), l.value}});
    if (outcome)
        parts.push_back(outcomeCondition(*outcome));
    return FilterScope::allOf(parts);
}

json BreakdownResult::drillDown(const BreakdownCell& cell, std::optional<OutcomeClass> outcome) const
{
    json selected = drillDownTotal(cell.row, cell.column);
    if (!outcome)
        return selected;
    return FilterScope::allOf({selected, outcomeCondition(*outcome)});
}

json BreakdownResult::drillDownTotal(std::optional<std::size_t> row, std::optional<std::size_t> column) const
{
    std::vector<json> parts = {filter, timeCondition(range.from, range.to)};
    if (row)
        parts.push_back({{columnOf(rows), rowValues.at(*row)}});
    if (column)
        parts.push_back({{columnOf(columns), columnValues.at(*column)}});
    return FilterScope::allOf(parts);
}

TrendQuery::TrendQuery(Connection& connection, StatsSource source)
    : m_connection(connection)
    , m_source(source)
{
}

bool TrendQuery::usesRollup(const json& filter)
{
    return RollupPlan::make(FilterScope::activeByDefault(filter)).has_value();
}

TrendResult TrendQuery::trend(const TrendRequest& request)
{
    checkRange(request.range);
    TrendResult result;
    result.bucket = request.bucket;
    result.series = request.series;
    result.filter = FilterScope::activeByDefault(request.filter);
    result.range = request.range;
    const auto plan = planFor(m_source, result.filter, request.range);
    result.fromRollup = plan.has_value();

    std::vector<std::string> columns;
    if (const char* column = columnOf(request.series))
        columns.push_back(column);
    ValueIndex lineIndex;
    std::vector<Tally> tallies;
    collect(m_connection, plan, result.filter, request.range, columns, true, lineIndex, tallies);

    // The buckets: the range's, else from the first to the last bucket with records.
    std::optional<std::int64_t> firstKey, lastKey;
    if (request.range.from)
        firstKey = bucketKey(request.bucket, RollupPlan::dayOf(*request.range.from));
    if (request.range.to)
        lastKey = bucketKey(request.bucket, RollupPlan::dayOf(*request.range.to - 1));
    if (!firstKey || !lastKey) {
        std::optional<std::int64_t> minDay, maxDay;
        for (const auto& t : tallies) {
            minDay = minDay ? std::min(*minDay, t.day) : t.day;
            maxDay = maxDay ? std::max(*maxDay, t.day) : t.day;
        }
        if (!firstKey && minDay)
            firstKey = bucketKey(request.bucket, *minDay);
        if (!lastKey && maxDay)
            lastKey = bucketKey(request.bucket, *maxDay);
        if (!firstKey)
            firstKey = lastKey;
        if (!lastKey)
            lastKey = firstKey;
    }
    if (!firstKey || *lastKey < *firstKey)
        return result;
    const std::int64_t bucketCount = *lastKey - *firstKey + 1;
    if (bucketCount > kMaxBuckets)
        throw Error(Error::Kind::InvalidArgument, "bucket: " + std::to_string(bucketCount) + " " +
                                                      bucketName(request.bucket) + " buckets are too many (at most " +
                                                      std::to_string(kMaxBuckets) +
                                                      "); use a longer bucket or a shorter time range");
    for (std::int64_t key = *firstKey; key <= *lastKey; ++key) {
        TrendSpan span{bucketStartDay(request.bucket, key) * kDay, bucketStartDay(request.bucket, key + 1) * kDay};
        if (request.range.from)
            span.start = std::max(span.start, *request.range.from);
        if (request.range.to)
            span.end = std::min(span.end, *request.range.to);
        result.buckets.push_back(span);
    }

    // Lines, then their points.
    const auto& values = lineIndex.values();
    std::vector<std::vector<OutcomeCounts>> counts(values.size(),
                                                   std::vector<OutcomeCounts>(static_cast<std::size_t>(bucketCount)));
    std::vector<OutcomeCounts> totals(values.size());
    std::int64_t lastDay = std::numeric_limits<std::int64_t>::min(), lastBucket = 0;
    for (const auto& t : tallies) {
        if (t.day != lastDay) { // tallies come day by day within a group: one bucket computation per run
            lastDay = t.day;
            lastBucket = bucketKey(request.bucket, t.day) - *firstKey;
        }
        if (lastBucket < 0 || lastBucket >= bucketCount)
            continue; // cannot happen with the range applied; kept as a guard
        counts[static_cast<std::size_t>(t.key)][static_cast<std::size_t>(lastBucket)][t.outcome] += t.n;
        totals[static_cast<std::size_t>(t.key)][t.outcome] += t.n;
    }
    for (const std::size_t i : byRecords(totals, values)) {
        TrendLine line;
        line.value = columns.empty() ? json(nullptr) : stats::toJson(values[i][0]);
        line.label = columns.empty() ? std::string("all") : labelOf(line.value);
        line.total = totals[i];
        result.total += totals[i];
        line.points = std::move(counts[i]);
        result.lines.push_back(std::move(line));
    }
    return result;
}

BreakdownResult TrendQuery::breakdown(const BreakdownRequest& request)
{
    checkRange(request.range);
    if (request.rows == TrendDimension::None || request.columns == TrendDimension::None ||
        request.rows == request.columns)
        throw Error(Error::Kind::InvalidArgument, std::string("breakdown: needs two different dimensions of "
                                                              "task_type, tool_name and version, got ") +
                                                      dimensionName(request.rows) + " and " +
                                                      dimensionName(request.columns));
    BreakdownResult result;
    result.rows = request.rows;
    result.columns = request.columns;
    result.filter = FilterScope::activeByDefault(request.filter);
    result.range = request.range;
    const auto plan = planFor(m_source, result.filter, request.range);
    result.fromRollup = plan.has_value();

    ValueIndex cellIndex;
    std::vector<Tally> tallies;
    collect(m_connection, plan, result.filter, request.range, {columnOf(request.rows), columnOf(request.columns)},
            false, cellIndex, tallies);
    const auto& cellValues = cellIndex.values();
    std::vector<OutcomeCounts> cellCounts(cellValues.size());
    for (const auto& t : tallies)
        cellCounts[static_cast<std::size_t>(t.key)][t.outcome] += t.n;

    // Rows and columns, most records first.
    ValueIndex rowIndex, columnIndex;
    std::vector<OutcomeCounts> rowTotals, columnTotals;
    std::vector<std::pair<std::int32_t, std::int32_t>> place(cellValues.size());
    for (std::size_t i = 0; i < cellValues.size(); ++i) {
        const auto r = rowIndex.of({cellValues[i][0]});
        const auto c = columnIndex.of({cellValues[i][1]});
        rowTotals.resize(rowIndex.values().size());
        columnTotals.resize(columnIndex.values().size());
        rowTotals[static_cast<std::size_t>(r)] += cellCounts[i];
        columnTotals[static_cast<std::size_t>(c)] += cellCounts[i];
        result.total += cellCounts[i];
        place[i] = {r, c};
    }
    const auto rowOrder = byRecords(rowTotals, rowIndex.values());
    const auto columnOrder = byRecords(columnTotals, columnIndex.values());
    std::vector<std::size_t> rowRank(rowOrder.size()), columnRank(columnOrder.size());
    for (std::size_t i = 0; i < rowOrder.size(); ++i) {
        rowRank[rowOrder[i]] = i;
        result.rowValues.push_back(stats::toJson(rowIndex.values()[rowOrder[i]][0]));
        result.rowTotals.push_back(rowTotals[rowOrder[i]]);
    }
    for (std::size_t i = 0; i < columnOrder.size(); ++i) {
        columnRank[columnOrder[i]] = i;
        result.columnValues.push_back(stats::toJson(columnIndex.values()[columnOrder[i]][0]));
        result.columnTotals.push_back(columnTotals[columnOrder[i]]);
    }
    for (std::size_t i = 0; i < cellValues.size(); ++i)
        if (cellCounts[i].total() > 0)
            result.cells.push_back({rowRank[static_cast<std::size_t>(place[i].first)],
                                    columnRank[static_cast<std::size_t>(place[i].second)], cellCounts[i]});
    std::sort(result.cells.begin(), result.cells.end(), [](const BreakdownCell& a, const BreakdownCell& b) {
        return a.row != b.row ? a.row < b.row : a.column < b.column;
    });
    return result;
}

} // namespace memscope
