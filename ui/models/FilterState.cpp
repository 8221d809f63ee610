#include "models/FilterState.h"

#include <filter/FilterScope.h>
#include <util/Time.h>

namespace memscope::ui {

using nlohmann::json;

FilterState::FilterState(QObject* parent)
    : QObject(parent)
{
}

QStringList FilterState::selected(const QString& field) const { return m_facets.value(field); }

void FilterState::setSelected(const QString& field, const QStringList& values)
{
    if (m_facets.value(field) == values)
        return;
    if (values.isEmpty())
        m_facets.remove(field);
    else
        m_facets.insert(field, values);
    emit changed();
}

void FilterState::toggle(const QString& field, const QString& value)
{
    QStringList values = m_facets.value(field);
    if (!values.removeOne(value))
        values.append(value);
    setSelected(field, values);
}

void FilterState::clearFacets()
{
    if (m_facets.isEmpty())
        return;
    m_facets.clear();
    emit changed();
}

void FilterState::setText(const QString& text)
{
    if (m_text == text)
        return;
    m_text = text;
    emit changed();
}

void FilterState::setAdvancedFilter(const json& filter)
{
    const json value = filter.is_null() ? json::object() : filter;
    if (m_advanced == value)
        return;
    m_advanced = value;
    emit changed();
}

void FilterState::setTimeRange(const QDateTime& from, const QDateTime& to)
{
    if (m_from == from && m_to == to)
        return;
    m_from = from;
    m_to = to;
    emit changed();
}

void FilterState::restore(const QMap<QString, QStringList>& facets, const json& advanced, const QString& text,
                          const QDateTime& from, const QDateTime& to)
{
    m_facets = facets;
    m_advanced = advanced.is_null() ? json::object() : advanced;
    m_text = text;
    m_from = from;
    m_to = to;
    emit changed();
}

bool FilterState::isEmpty() const
{
    return m_facets.isEmpty() && m_advanced.empty() && m_text.isEmpty() && !m_from.isValid() && !m_to.isValid();
}

json FilterState::filter() const { return compose({}); }

json FilterState::filterExcept(const QString& field) const { return compose(field); }

json FilterState::filterWithoutTimeRange() const { return compose({}, false); }

json FilterState::compose(const QString& exceptField, bool withTimeRange) const
{
    std::vector<json> parts;
    if (!m_advanced.empty())
        parts.push_back(m_advanced);
    std::vector<std::string> users;
    for (auto it = m_facets.cbegin(); it != m_facets.cend(); ++it) {
        if (it.key() == exceptField || it.value().isEmpty())
            continue;
        if (it.key() == QLatin1String("user_id")) {
            for (const auto& u : it.value())
                users.push_back(u.toStdString());
            continue;
        }
        json values = json::array();
        for (const auto& v : it.value())
            values.push_back(v.toStdString());
        parts.push_back({{it.key().toStdString(), {{"in", values}}}});
    }
    json range = json::object();
    if (m_from.isValid())
        range["gte"] = formatIsoTime(m_from.toMSecsSinceEpoch() * 1000);
    if (m_to.isValid())
        range["lt"] = formatIsoTime(m_to.toMSecsSinceEpoch() * 1000);
    if (!range.empty() && withTimeRange)
        parts.push_back({{"created_at", range}});
    json result = FilterScope::allOf(parts);
    // "global" in the user facet also takes records without a user, as in searches.
    if (!users.empty())
        result = FilterScope::forUsers(result, users);
    if (exceptField == QLatin1String("state"))
        return result;
    return FilterScope::activeByDefault(result);
}

RecordQuery FilterState::recordQuery(const ListingOrder& order) const
{
    RecordQuery query;
    query.filter = filter();
    query.text = m_text;
    query.order = order;
    return query;
}

} // namespace memscope::ui
