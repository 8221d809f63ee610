#pragma once

#include <agent/RunTrace.h>

#include <QAbstractTableModel>

#include <vector>

namespace memscope::ui {

// The memories a run's prefetch retrieved, in rank order: how each scored (semantic, keyword, recency),
// what its line cost in the prompt and whether it fitted the lesson budget or was cut.
class RetrievedMemoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        RankColumn,
        OutcomeColumn,
        ScoreColumn,
        SemanticColumn,
        KeywordColumn,
        RecencyColumn,
        TokensColumn,
        UsedColumn,
        TextColumn,
        ColumnCount
    };
    enum Role { MemoryIdRole = Qt::UserRole + 1, UsedRole };

    explicit RetrievedMemoryModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setMemories(std::vector<RetrievedMemory> memories);
    const RetrievedMemory* memory(int row) const;
    QString memoryId(int row) const;

private:
    std::vector<RetrievedMemory> m_memories;
};

} // namespace memscope::ui
