#pragma once

#include <agent/RunStore.h>

#include <QAbstractTableModel>

#include <vector>

namespace memscope::ui {

// The runs that retrieved one record, newest first: when, for which task, at what rank and score, and how
// the run turned out — so a curator sees whether a lesson is used and whether the runs using it succeed.
// Retrievals logged by outside agents (search --run-id) have no Memscope run; they show their source.
class RecordRunsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, TaskColumn, RankColumn, ScoreColumn, OutcomeColumn, RunColumn, ColumnCount };
    enum Role { RunIdRole = Qt::UserRole + 1, KnownRunRole };

    explicit RecordRunsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRetrievals(std::vector<MemoryRetrieval> retrievals);
    const MemoryRetrieval* retrieval(int row) const;
    // The run of a row when Memscope has its trace (empty for an outside agent's logged search).
    QString runId(int row) const;

private:
    std::vector<MemoryRetrieval> m_rows;
};

} // namespace memscope::ui
