#pragma once

#include <model/HistoryEntry.h>

#include <QAbstractTableModel>

#include <vector>

namespace memscope::ui {

// A record's history, newest first: when, what, who, why and the change itself (see HistoryDiff).
class HistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, EventColumn, ActorColumn, ReasonColumn, ChangeColumn, ColumnCount };
    enum Role { HistoryIdRole = Qt::UserRole + 1, BatchRole };

    explicit HistoryModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Entries in any order; shown newest first.
    void setEntries(std::vector<HistoryEntry> entries);
    const HistoryEntry* entry(int row) const;

private:
    std::vector<HistoryEntry> m_entries;
    std::vector<QString> m_changes; // HistoryDiff lines joined, per entry
};

} // namespace memscope::ui
