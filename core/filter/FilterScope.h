#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace memscope {

// Filters as the callers mean them: a search looks at active records unless the filter says which
// states, and "global plus this user" is a list of user ids.
class FilterScope {
public:
    // True when the filter (at any depth, flat or under "metadata") has a condition on `field`.
    static bool mentions(const nlohmann::json& filter, const std::string& field);
    // AND of the non-empty parts.
    static nlohmann::json allOf(const std::vector<nlohmann::json>& parts);
    // The filter plus state = active, unless it already says something about state.
    static nlohmann::json activeByDefault(const nlohmann::json& filter);
    // The filter restricted to these user ids (none: unchanged); "global" also takes records without a user.
    static nlohmann::json forUsers(const nlohmann::json& filter, const std::vector<std::string>& userIds);
};

} // namespace memscope
