#pragma once

#include <string>

namespace memscope {

struct BreakdownResult;
struct TrendResult;

// The numbers behind a chart as CSV (quoted as RFC 4180 wants, one header row, as `export --format csv` writes) for
// spreadsheets: what the Trends view's "Export data" writes. Rates are fractions (0.75), empty when a cell has no
// judged outcome.
class TrendCsv {
public:
    // bucket_start, bucket_end, <series>, success, partial, failure, unknown, total, success_rate:
    // one row per series and bucket, empty buckets included.
    static std::string trend(const TrendResult& result);
    // <rows>, <columns>, success, partial, failure, unknown, total, success_rate: one row per non-empty cell.
    static std::string breakdown(const BreakdownResult& result);
};

} // namespace memscope
