#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace memscope {

class Connection;

// Counts of records per value of a field under a filter: the CLI's `stats` and the GUI's facet sidebar.
class FacetCounter {
public:
    // The facets `stats` reports, in display order.
    static const std::vector<std::string>& standardFacets();

    struct Facet {
        std::string field;
        std::vector<std::pair<std::string, std::int64_t>> values; // most frequent first; "" = not set
    };

    explicit FacetCounter(Connection& connection);

    std::int64_t total(const nlohmann::json& filter);
    // Throws Error(InvalidArgument) for a field that cannot be faceted.
    Facet count(const std::string& field, const nlohmann::json& filter, int maxValues = 1000);

private:
    Connection& m_connection;
};

} // namespace memscope
