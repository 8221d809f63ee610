#pragma once

#include "store/TaskResult.h"

#include <QAbstractItemModel>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace memscope::ui {

class FilterState;
class StoreSession;

// The facet sidebar's tree: a group per field (collection, user, task type, tool, version, outcome, state)
// and under it each value with its count. A field's counts are taken under the current filter without
// that field's own selection, so the alternatives stay visible. Counted on the reader; stale answers are
// dropped; rows are updated in place when the values stay the same, so the tree keeps its state.
class FacetModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role { FieldRole = Qt::UserRole + 1, ValueRole, CountRole, IsGroupRole };
    enum Column { NameColumn, CountColumn, ColumnCount };

    FacetModel(StoreSession* session, FilterState* filters, QObject* parent = nullptr);
    ~FacetModel() override;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    // Toggles the value's selection in the filter (a click in the sidebar).
    void toggle(const QModelIndex& index);
    void refresh();
    bool isLoading() const { return m_loading; }
    static const QStringList& fields();
    static QString fieldTitle(const QString& field);

signals:
    void loadingChanged(bool loading);
    void countsFailed(const memscope::ui::TaskError& error);

private:
    struct Value {
        QString value;
        std::int64_t count = 0;
    };
    struct Group {
        QString field;
        std::vector<Value> values;
    };
    using Counts = std::vector<std::vector<Value>>;

    void apply(const Counts& counts);
    void order(const QString& field, std::vector<Value>& values) const;

    StoreSession* m_session;
    FilterState* m_filters;
    std::vector<Group> m_groups;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic<quint64>> m_latest; // checked by the worker between facets

    bool m_loading = false;
};

} // namespace memscope::ui
