#pragma once

#include "stats/RollupPlan.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace memscope {

class Connection;

// Counts of records per value of a field under a filter: the CLI's `stats` and the GUI's facet sidebar.
// The filter is taken as given (no implicit state = active). When the field is a roll-up column and the
// filter tests only roll-up columns (RollupPlan), the counts come from the roll-up: a few milliseconds per
// facet at a million records. Otherwise, and with StatsSource::Memories, a GROUP BY over memories.
class FacetCounter {
public:
    // The facets `stats` reports, in display order.
    static const std::vector<std::string>& standardFacets();

    struct Facet {
        std::string field;
        std::vector<std::pair<std::string, std::int64_t>> values; // most frequent first; "" = not set
    };

    explicit FacetCounter(Connection& connection, StatsSource source = StatsSource::Auto);

    std::int64_t total(const nlohmann::json& filter);
    // Throws Error(InvalidArgument) for a field that cannot be faceted or an invalid filter.
    Facet count(const std::string& field, const nlohmann::json& filter, int maxValues = 1000);

    // True when count(field, filter) is answered from the roll-up (field empty: total(filter)).
    static bool usesRollup(const std::string& field, const nlohmann::json& filter);
    // Whether the last total() or count() read the roll-up (tests, benchmarks).
    bool lastUsedRollup() const { return m_lastUsedRollup; }

private:
    Connection& m_connection;
    StatsSource m_source;
    bool m_lastUsedRollup = false;
};

} // namespace memscope
