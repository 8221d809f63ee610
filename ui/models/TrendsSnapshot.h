#pragma once

#include <stats/TrendQuery.h>

#include <optional>

namespace memscope::ui {

// What the Trends view shows, computed together off the UI thread: outcomes over time for everything the
// filters select, the same split into series (when a series dimension is chosen) and the breakdown table.
struct TrendsSnapshot {
    TrendResult overall;
    std::optional<TrendResult> bySeries;
    BreakdownResult breakdown;
    double milliseconds = 0; // time in the core, shown to the operator
};

} // namespace memscope::ui
