#include "stats/TrendCsv.h"

#include "io/RecordExporter.h"
#include "stats/TrendQuery.h"
#include "util/Time.h"

#include <cstdio>

namespace memscope {

namespace {

std::string valueText(const nlohmann::json& value)
{
    if (value.is_null())
        return {};
    return value.is_string() ? value.get<std::string>() : value.dump();
}

void appendCounts(std::string& out, const OutcomeCounts& c)
{
    out += std::to_string(c.success) + ',' + std::to_string(c.partial) + ',' + std::to_string(c.failure) + ',' +
           std::to_string(c.unknown) + ',' + std::to_string(c.total()) + ',';
    if (const auto rate = c.successRate()) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.4f", *rate);
        out += buffer;
    }
    out += "\n";
}

constexpr const char* kCountColumns = "success,partial,failure,unknown,total,success_rate\n";

} // namespace

std::string TrendCsv::trend(const TrendResult& result)
{
    std::string out = std::string("bucket_start,bucket_end,") + dimensionName(result.series) + ',' + kCountColumns;
    for (const auto& line : result.lines) {
        const std::string series = RecordExporter::csvField(
            result.series == TrendDimension::None ? std::string("all") : valueText(line.value));
        for (std::size_t i = 0; i < result.buckets.size() && i < line.points.size(); ++i) {
            out += formatIsoTime(result.buckets[i].start) + ',' + formatIsoTime(result.buckets[i].end) + ',' + series +
                   ',';
            appendCounts(out, line.points[i]);
        }
    }
    return out;
}

std::string TrendCsv::breakdown(const BreakdownResult& result)
{
    std::string out =
        std::string(dimensionName(result.rows)) + ',' + dimensionName(result.columns) + ',' + kCountColumns;
    for (const auto& cell : result.cells) {
        out += RecordExporter::csvField(valueText(result.rowValues.at(cell.row))) + ',' +
               RecordExporter::csvField(valueText(result.columnValues.at(cell.column))) + ',';
        appendCounts(out, cell.counts);
    }
    return out;
}

} // namespace memscope
