#include "filter/FilterScope.h"

#include <algorithm>

namespace memscope {

using nlohmann::json;

bool FilterScope::mentions(const json& filter, const std::string& field)
{
    if (filter.is_array()) {
        for (const auto& item : filter)
            if (mentions(item, field))
                return true;
        return false;
    }
    if (!filter.is_object())
        return false;
    for (auto it = filter.begin(); it != filter.end(); ++it) {
        if (it.key() == field)
            return true;
        if ((it.key() == "AND" || it.key() == "OR" || it.key() == "NOT" || it.key() == "metadata") &&
            mentions(it.value(), field))
            return true;
    }
    return false;
}

json FilterScope::allOf(const std::vector<json>& parts)
{
    json list = json::array();
    for (const auto& p : parts)
        if (!p.is_null() && !(p.is_object() && p.empty()))
            list.push_back(p);
    if (list.empty())
        return json::object();
    if (list.size() == 1)
        return list[0];
    return json{{"AND", list}};
}

json FilterScope::activeByDefault(const json& filter)
{
    if (mentions(filter, "state"))
        return filter;
    return allOf({filter, json{{"state", "active"}}});
}

json FilterScope::forUsers(const json& filter, const std::vector<std::string>& userIds)
{
    if (userIds.empty())
        return filter;
    json scope = json{{"user_id", {{"in", userIds}}}};
    // A record that names no user belongs to nobody in particular: it counts as global.
    if (std::find(userIds.begin(), userIds.end(), "global") != userIds.end())
        scope = json{{"OR", {scope, json{{"user_id", nullptr}}}}};
    return allOf({filter, scope});
}

} // namespace memscope
