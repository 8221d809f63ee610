#pragma once

#include <stats/LessonEffectiveness.h>

#include <QAbstractTableModel>

#include <vector>

namespace memscope::ui {

// Lesson effectiveness as a table: per lesson retrieved by runs, its retrievals and the success rate of the
// runs that retrieved it against the runs of its task type that did not, each rate beside its sample size
// so that small samples look small.
class LessonEffectivenessModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Lesson, Outcome, TaskType, Retrievals, With, Without, Lift, ColumnCount };
    enum Role { MemoryIdRole = Qt::UserRole + 1 };

    explicit LessonEffectivenessModel(QObject* parent = nullptr);

    void setRows(std::vector<LessonEffectiveness::Row> rows);
    const std::vector<LessonEffectiveness::Row>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "60% of 5", or "–" without runs.
    static QString rateText(const std::optional<double>& rate, std::int64_t runs);

private:
    std::vector<LessonEffectiveness::Row> m_rows;
};

} // namespace memscope::ui
