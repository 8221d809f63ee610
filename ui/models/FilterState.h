#pragma once

#include "models/RecordQuery.h"

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QMap>
#include <QObject>
#include <QStringList>

namespace memscope::ui {

// The operator's current question, shared by every view: facet selections (values of one field are ORed,
// fields ANDed), an advanced Mem0 filter, a time range and free text. Views read the composed filter;
// the facet sidebar asks for the filter without its own field so a facet's counts show what adding a value
// would give.
class FilterState : public QObject {
    Q_OBJECT
public:
    explicit FilterState(QObject* parent = nullptr);

    QStringList selected(const QString& field) const;
    void setSelected(const QString& field, const QStringList& values);
    void toggle(const QString& field, const QString& value);
    void clearFacets();
    QMap<QString, QStringList> facetSelections() const { return m_facets; }

    QString text() const { return m_text; }
    void setText(const QString& text);

    // Must be valid (FilterCompiler::validate): the query bar validates before it sets.
    nlohmann::json advancedFilter() const { return m_advanced; }
    void setAdvancedFilter(const nlohmann::json& filter);

    QDateTime from() const { return m_from; } // invalid = open
    QDateTime to() const { return m_to; }
    void setTimeRange(const QDateTime& from, const QDateTime& to);

    // Everything, with state = active unless the state facet or the advanced filter says otherwise.
    nlohmann::json filter() const;
    // The same without the facet selection of `field` (and, for "state", without the active default).
    nlohmann::json filterExcept(const QString& field) const;
    // Everything but the time range: Trends pass the range on its own, as event time.
    nlohmann::json filterWithoutTimeRange() const;
    RecordQuery recordQuery(const ListingOrder& order) const;

    // Sets everything at once (a saved view, a drill-down from Trends) with one changed().
    void restore(const QMap<QString, QStringList>& facets, const nlohmann::json& advanced, const QString& text,
                 const QDateTime& from, const QDateTime& to);
    bool isEmpty() const;

signals:
    void changed();

private:
    nlohmann::json compose(const QString& exceptField, bool withTimeRange = true) const;

    QMap<QString, QStringList> m_facets;
    nlohmann::json m_advanced = nlohmann::json::object();
    QString m_text;
    QDateTime m_from, m_to;
};

} // namespace memscope::ui
