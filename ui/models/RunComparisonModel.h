#pragma once

#include <agent/RunComparison.h>

#include <QAbstractTableModel>
#include <QColor>

#include <vector>

namespace memscope::ui {

// The context diff of two runs (RunComparison::context), one row per memory either retrieved: whether only
// A, only B or both had it, its rank and score on each side, its outcome and text. Rows only one side has
// are tinted (palette-based, so they read on light and dark themes alike).
class RunComparisonModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        ChangeColumn,
        RankAColumn,
        RankBColumn,
        OutcomeColumn,
        ScoreAColumn,
        ScoreBColumn,
        TextColumn,
        ColumnCount
    };
    enum Role {
        MemoryIdRole = Qt::UserRole + 1,
        KindRole,      // ContextChange::Kind as an int
        RankMovedRole, // bool
    };

    explicit RunComparisonModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setChanges(std::vector<ContextChange> changes);
    const ContextChange* change(int row) const;
    QString memoryId(int row) const;

    // The colour of a change (removed: red, added: green; none for memories both kept), and the row tint
    // derived from it over the palette's base.
    static QColor changeColor(ContextChange::Kind kind);
    static QColor rowTint(ContextChange::Kind kind);

private:
    QVariant display(const ContextChange& c, int column) const;
    QVariant toolTip(const ContextChange& c, int column) const;

    std::vector<ContextChange> m_changes;
};

} // namespace memscope::ui
