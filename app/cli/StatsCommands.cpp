// stats: counts by facet, outcomes over time (--trend) and success-rate tables (--breakdown).
#include "Command.h"

#include <filter/FilterScope.h>
#include <stats/FacetCounter.h>
#include <stats/LessonEffectiveness.h>
#include <stats/TrendQuery.h>
#include <storage/MemoryStore.h>
#include <util/Error.h>

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace memscope::cli {

using nlohmann::json;

namespace {

constexpr const char* kRateDefinition = "success / (success + partial + failure)";

// --since / --until: an ISO-8601 time, or a duration back from now (30d, 12h, 2w).
std::optional<Micros> timeOption(const CliArgs& args, const char* name)
{
    const auto text = args.value(name);
    if (!text)
        return std::nullopt;
    if (const auto t = parseIsoTime(*text))
        return *t;
    if (const auto d = parseDuration(*text))
        return nowMicros() - *d;
    throw UsageError{std::string("--") + name + " needs an ISO-8601 time (2026-04-01, 2026-04-01T12:00Z) or a " +
                     "duration back from now (30d, 12h, 2w), got '" + *text + "'"};
}

EventTimeRange rangeOption(const CliArgs& args)
{
    EventTimeRange range{timeOption(args, "since"), timeOption(args, "until")};
    if (range.from && range.to && *range.from >= *range.to)
        throw UsageError{"--since must be before --until"};
    return range;
}

json isoOrNull(const std::optional<Micros>& t) { return t ? json(formatIsoTime(*t)) : json(nullptr); }

TrendDimension dimensionOption(const std::string& option, const std::string& text, bool allowNone)
{
    const auto d = parseDimension(text);
    if (!d || (!allowNone && *d == TrendDimension::None))
        throw UsageError{"--" + option + " must be " + (allowNone ? "none, " : "") +
                         "task_type, tool_name or version, got '" + text + "'"};
    return *d;
}

std::string valueLabel(const json& value)
{
    if (value.is_null())
        return "(none)";
    return value.is_string() ? value.get<std::string>() : value.dump();
}

std::string rateText(const OutcomeCounts& c)
{
    const auto rate = c.successRate();
    if (!rate)
        return "-";
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", *rate * 100.0);
    return buffer;
}

void printCountsHeader(std::ostream& out)
{
    out << std::setw(9) << "success" << std::setw(9) << "partial" << std::setw(9) << "failure" << std::setw(9)
        << "unknown" << std::setw(9) << "total" << std::setw(8) << "rate" << '\n';
}

void printCounts(std::ostream& out, const OutcomeCounts& c)
{
    out << std::setw(9) << c.success << std::setw(9) << c.partial << std::setw(9) << c.failure << std::setw(9)
        << c.unknown << std::setw(9) << c.total() << std::setw(8) << rateText(c) << '\n';
}

json countsWith(const OutcomeCounts& counts, std::initializer_list<std::pair<const char*, json>> extra)
{
    json j = counts.toJson();
    for (const auto& [key, value] : extra)
        j[key] = value;
    return j;
}

int trendCommand(CommandEnv& env, const CliArgs& args, const json& filter)
{
    TrendRequest request;
    request.filter = filter;
    request.range = rangeOption(args);
    request.series = dimensionOption("by", args.value("by", "none"), true);
    const std::string bucket = args.value("bucket", "week");
    const auto parsed = parseBucket(bucket);
    if (!parsed)
        throw UsageError{"--bucket must be day, week or month, got '" + bucket + "'"};
    request.bucket = *parsed;

    auto store = env.open(false);
    TrendQuery query(store->connection());
    const TrendResult r = query.trend(request);

    if (args.flag("json")) {
        json out = {{"bucket", bucketName(r.bucket)},
                    {"by", dimensionName(r.series)},
                    {"filter", r.filter},
                    {"since", isoOrNull(r.range.from)},
                    {"until", isoOrNull(r.range.to)},
                    {"time", "event_time (metadata.timestamp, else created_at), UTC"},
                    {"rate", kRateDefinition},
                    {"source", r.fromRollup ? "rollup" : "memories"},
                    {"total", r.total.toJson()}};
        json series = json::array();
        for (const auto& line : r.lines)
            series.push_back(countsWith(line.total, {{"value", line.value}, {"label", line.label}}));
        out["series"] = std::move(series);
        json buckets = json::array();
        for (std::size_t b = 0; b < r.buckets.size(); ++b) {
            json cells = json::array();
            for (std::size_t l = 0; l < r.lines.size(); ++l) {
                const OutcomeCounts& c = r.lines[l].points[b];
                if (c.total() > 0)
                    cells.push_back(countsWith(c, {{"value", r.lines[l].value}, {"filter", r.drillDown(l, b)}}));
            }
            buckets.push_back({{"start", formatIsoTime(r.buckets[b].start)},
                               {"end", formatIsoTime(r.buckets[b].end)},
                               {"series", cells}});
        }
        out["buckets"] = std::move(buckets);
        *env.out << out.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
        return 0;
    }

    auto& out = *env.out;
    out << "outcomes by " << bucketName(r.bucket)
        << (r.series == TrendDimension::None ? std::string() : std::string(" and ") + dimensionName(r.series))
        << " (event time, UTC; rate = " << kRateDefinition << ")\n\n";
    const int labelWidth = 24;
    out << std::left << std::setw(12) << bucketName(r.bucket) << std::setw(labelWidth)
        << (r.series == TrendDimension::None ? "" : dimensionName(r.series)) << std::right;
    printCountsHeader(out);
    for (std::size_t b = 0; b < r.buckets.size(); ++b)
        for (const auto& line : r.lines) {
            const OutcomeCounts& c = line.points[b];
            if (c.total() == 0)
                continue;
            out << std::left << std::setw(12) << formatIsoTime(r.buckets[b].start).substr(0, 10)
                << std::setw(labelWidth) << (r.series == TrendDimension::None ? "" : line.label) << std::right;
            printCounts(out, c);
        }
    out << std::left << std::setw(12 + labelWidth) << "all" << std::right;
    printCounts(out, r.total);
    return 0;
}

int breakdownCommand(CommandEnv& env, const CliArgs& args, const json& filter)
{
    const std::string spec = *args.value("breakdown");
    const auto comma = spec.find(',');
    if (comma == std::string::npos)
        throw UsageError{"--breakdown needs two fields separated by a comma (task_type,tool_name or "
                         "task_type,version), got '" +
                         spec + "'"};
    BreakdownRequest request;
    request.filter = filter;
    request.range = rangeOption(args);
    request.rows = dimensionOption("breakdown", spec.substr(0, comma), false);
    request.columns = dimensionOption("breakdown", spec.substr(comma + 1), false);
    if (request.rows == request.columns)
        throw UsageError{"--breakdown needs two different fields, got '" + spec + "'"};

    auto store = env.open(false);
    TrendQuery query(store->connection());
    const BreakdownResult r = query.breakdown(request);
    const std::string rowName = dimensionName(r.rows), columnName = dimensionName(r.columns);

    if (args.flag("json")) {
        json out = {{"rows", rowName},
                    {"columns", columnName},
                    {"filter", r.filter},
                    {"since", isoOrNull(r.range.from)},
                    {"until", isoOrNull(r.range.to)},
                    {"rate", kRateDefinition},
                    {"source", r.fromRollup ? "rollup" : "memories"},
                    {"total", r.total.toJson()}};
        json rows = json::array(), columns = json::array(), cells = json::array();
        for (std::size_t i = 0; i < r.rowValues.size(); ++i)
            rows.push_back(countsWith(r.rowTotals[i], {{"value", r.rowValues[i]}}));
        for (std::size_t i = 0; i < r.columnValues.size(); ++i)
            columns.push_back(countsWith(r.columnTotals[i], {{"value", r.columnValues[i]}}));
        for (const auto& cell : r.cells)
            cells.push_back(countsWith(cell.counts, {{rowName.c_str(), r.rowValues[cell.row]},
                                                     {columnName.c_str(), r.columnValues[cell.column]},
                                                     {"filter", r.drillDown(cell)}}));
        out["row_totals"] = std::move(rows);
        out["column_totals"] = std::move(columns);
        out["cells"] = std::move(cells);
        *env.out << out.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
        return 0;
    }

    auto& out = *env.out;
    out << "success rate by " << rowName << " and " << columnName << " (rate = " << kRateDefinition << ")\n\n";
    out << std::left << std::setw(24) << rowName << std::setw(24) << columnName << std::right;
    printCountsHeader(out);
    std::size_t row = r.cells.empty() ? 0 : r.cells.front().row;
    for (const auto& cell : r.cells) {
        if (cell.row != row) {
            out << std::left << std::setw(24) << valueLabel(r.rowValues[row]) << std::setw(24) << "(all)" << std::right;
            printCounts(out, r.rowTotals[row]);
            row = cell.row;
        }
        out << std::left << std::setw(24) << valueLabel(r.rowValues[cell.row]) << std::setw(24)
            << valueLabel(r.columnValues[cell.column]) << std::right;
        printCounts(out, cell.counts);
    }
    if (!r.cells.empty()) {
        out << std::left << std::setw(24) << valueLabel(r.rowValues[row]) << std::setw(24) << "(all)" << std::right;
        printCounts(out, r.rowTotals[row]);
    }
    out << std::left << std::setw(48) << "all" << std::right;
    printCounts(out, r.total);
    return 0;
}

int facetsCommand(CommandEnv& env, const CliArgs& args, json filter)
{
    const auto range = rangeOption(args);
    json time = json::object();
    if (range.from)
        time["gte"] = formatIsoTime(*range.from);
    if (range.to)
        time["lt"] = formatIsoTime(*range.to);
    if (!time.empty())
        filter = FilterScope::allOf({filter, json{{"event_time", time}}});

    auto store = env.open(false);
    FacetCounter counter(store->connection());
    std::vector<FacetCounter::Facet> facets;
    for (const auto& field : FacetCounter::standardFacets())
        facets.push_back(counter.count(field, filter));
    const std::int64_t total = counter.total(filter);
    if (args.flag("json")) {
        json out;
        out["total"] = total;
        out["by"] = json::object();
        for (const auto& facet : facets) {
            json values = json::object();
            for (const auto& [value, n] : facet.values)
                values[value.empty() ? "(none)" : value] = n;
            out["by"][facet.field] = values;
        }
        *env.out << out.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
        return 0;
    }
    *env.out << "records: " << total << '\n';
    for (const auto& facet : facets) {
        *env.out << '\n' << facet.field << ":\n";
        for (const auto& [value, n] : facet.values)
            *env.out << "  " << std::setw(9) << n << "  " << (value.empty() ? "(none)" : value) << '\n';
    }
    return 0;
}

std::string percent(const std::optional<double>& rate)
{
    if (!rate)
        return "-";
    std::ostringstream s;
    s << std::fixed << std::setprecision(0) << *rate * 100 << '%';
    return s.str();
}

int lessonsCommand(CommandEnv& env, const CliArgs& args)
{
    LessonEffectiveness::Query q;
    q.taskType = args.value("task-type", "");
    q.minRetrievals = static_cast<int>(args.integer("min-retrievals", 1, 1, 1000000000));
    q.limit = static_cast<int>(args.integer("limit", 50, 1, 1000000));
    auto store = env.open(false);
    const auto rows = LessonEffectiveness(store->connection()).compute(q);
    if (args.flag("json")) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : rows)
            out.push_back(r.toJson());
        *env.out << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return 0;
    }
    if (rows.empty()) {
        *env.out << "No lesson has been retrieved by a run yet.\n";
        return 0;
    }
    *env.out << std::left << std::setw(38) << "lesson" << std::setw(9) << "outcome" << std::right << std::setw(10)
             << "retrieved" << std::setw(14) << "with" << std::setw(14) << "without" << std::setw(8) << "lift"
             << "  text\n";
    for (const auto& r : rows) {
        const auto lift = r.lift();
        std::ostringstream liftText;
        if (lift)
            liftText << std::showpos << std::fixed << std::setprecision(0) << *lift * 100 << "pp";
        std::string text = r.memory.substr(0, 60);
        for (char& c : text)
            if (c == '\n' || c == '\t')
                c = ' ';
        *env.out << std::left << std::setw(38) << r.memoryId << std::setw(9) << r.outcomeType << std::right
                 << std::setw(10) << r.retrievals << std::setw(14)
                 << (percent(r.rateWith()) + " of " + std::to_string(r.runsWith)) << std::setw(14)
                 << (percent(r.rateWithout()) + " of " + std::to_string(r.runsWithout)) << std::setw(8)
                 << (lift ? liftText.str() : "-") << "  " << text << '\n';
    }
    return 0;
}

int statsCommand(CommandEnv& env, const CliArgs& args)
{
    if (args.flag("lessons")) {
        if (args.flag("trend") || args.value("breakdown") || args.value("filter"))
            throw UsageError{"stats --lessons takes --task-type, --min-retrievals and --limit only"};
        return lessonsCommand(env, args);
    }
    if (args.value("task-type") || args.value("min-retrievals") || args.value("limit"))
        throw UsageError{"--task-type, --min-retrievals and --limit go with --lessons"};
    const auto filter = parseFilterOption(args);
    const bool trend = args.flag("trend");
    const bool breakdown = args.value("breakdown").has_value();
    if (trend && breakdown)
        throw UsageError{"stats takes --trend or --breakdown, not both"};
    if (!trend && (args.value("by") || args.value("bucket")))
        throw UsageError{std::string("--") + (args.value("by") ? "by" : "bucket") + " needs --trend"};
    if (trend)
        return trendCommand(env, args, filter);
    if (breakdown)
        return breakdownCommand(env, args, filter);
    return facetsCommand(env, args, filter);
}

} // namespace

void addStatsCommands(std::vector<Command>& commands)
{
    commands.push_back(
        {"stats",
         "counts by state, collection, user, task type, outcome, tool, version; trends; success rates",
         "stats [--filter JSON] [--since T] [--until T] [--json]\n"
         "       stats --trend [--by none|task_type|tool_name|version] [--bucket day|week|month]\n"
         "             [--filter JSON] [--since T] [--until T] [--json]\n"
         "       stats --breakdown task_type,tool_name|task_type,version [--filter JSON] [--since T]\n"
         "             [--until T] [--json]\n"
         "       stats --lessons [--task-type T] [--min-retrievals N] [--limit N] [--json]\n\n"
         "Without --trend or --breakdown: records per value of each facet under the filter (every state\n"
         "unless the filter names one).\n"
         "--trend: success, partial, failure and unknown records per time bucket (UTC; weeks start on\n"
         "Monday), one series per value of --by (default none), and the success rate.\n"
         "--breakdown: the same counts and rate per task type and tool, or per task type and version.\n"
         "Trends and breakdowns count active records unless the filter names a state.\n\n"
         "Records are placed in time by their event time: metadata.timestamp, else created_at (the filter\n"
         "field event_time). --since and --until take an ISO-8601 time or a duration back from now\n"
         "(30d, 12h, 2w); --until is exclusive. Unknown counts outcome_type unknown and records without one;\n"
         "rate = success / (success + partial + failure), shown as - when there are none.\n"
         "With --json every trend point and breakdown cell carries \"filter\": the Mem0 filter that selects\n"
         "exactly its records (for export --filter, search --filter or the workbench).\n"
         "--lessons: lesson effectiveness. For each lesson runs retrieved (the access log): how often, and\n"
         "the success rate of the runs that retrieved it against the runs of the same task type that did\n"
         "not (lift, in percentage points). A run's outcome is its evaluation, or for an outside agent the\n"
         "outcome record it wrote under the run id it passed to search --run-id.",
         {{"filter", "since", "until", "by", "bucket", "breakdown", "task-type", "min-retrievals", "limit"},
          {"json", "trend", "lessons"}},
         statsCommand});
}

} // namespace memscope::cli
