#include "filter/FilterScope.h"

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
    return allOf({filter, json{{"user_id", {{"in", userIds}}}}});
}

} // namespace memscope
