#pragma once

#include <stats/TrendQuery.h>

#include <QAbstractTableModel>

#include <map>
#include <utility>

namespace memscope::ui {

// A success-rate breakdown (task_type × tool_name or × version) as a table: one row per row value, one
// column per column value, plus an "All" row and column with the totals. A cell shows its rate with the
// count beside it, and its colour runs from red to green by rate but fades with fewer judged records, so
// small samples look small.
class BreakdownModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        DrillFilterRole = Qt::UserRole + 1, // QString: the Mem0 filter selecting the cell's records (JSON)
        JudgedRole,                         // qlonglong: success + partial + failure
        RateRole,                           // double in [0, 1], or invalid without judged records
    };

    explicit BreakdownModel(QObject* parent = nullptr);

    void setResult(const BreakdownResult& result);
    const BreakdownResult& result() const { return m_result; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The cell colour for a rate and a sample size (also the legend's).
    static QColor heatColor(double rate, std::int64_t judged);
    static QString valueLabel(const nlohmann::json& value);

private:
    const OutcomeCounts* countsAt(int row, int column) const;
    nlohmann::json drillFilter(int row, int column) const;

    BreakdownResult m_result;
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> m_cellIndex; // (row, column) → cells index
};

} // namespace memscope::ui
