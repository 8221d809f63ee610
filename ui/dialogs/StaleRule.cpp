#include "dialogs/StaleRule.h"

#include "models/NaturalOrder.h"

#include <filter/FilterScope.h>
#include <util/Time.h>

namespace memscope::ui {

using nlohmann::json;

QStringList StaleRule::versionsBefore(const QStringList& versions, const QString& version)
{
    QStringList out;
    for (const auto& v : versions)
        if (NaturalOrder::less(v, version))
            out << v;
    return out;
}

json StaleRule::filter(const QDateTime& now) const
{
    std::vector<json> parts{json{{"state", "active"}}};
    if (olderThanDays)
        parts.push_back(
            {{"created_at", {{"lt", formatIsoTime(now.addDays(-*olderThanDays).toMSecsSinceEpoch() * 1000)}}}});
    if (!versionBefore.isEmpty()) {
        json values = json::array();
        for (const auto& v : versionsBefore(knownVersions, versionBefore))
            values.push_back(v.toStdString());
        // No earlier version: a condition no record meets (every record has a state), never "everything".
        if (values.empty())
            parts.push_back({{"NOT", json::array({json{{"state", "*"}}})}});
        else
            parts.push_back({{"version", {{"in", values}}}});
    }
    if (!outcomes.isEmpty()) {
        json values = json::array();
        for (const auto& o : outcomes)
            values.push_back(o.toStdString());
        parts.push_back({{"outcome_type", {{"in", values}}}});
    }
    if (!taskType.isEmpty())
        parts.push_back({{"task_type", taskType.toStdString()}});
    if (!toolName.isEmpty())
        parts.push_back({{"tool_name", toolName.toStdString()}});
    return FilterScope::allOf(parts);
}

} // namespace memscope::ui
