#pragma once

#include <agent/RunTrace.h>

#include <QAbstractTableModel>

#include <vector>

namespace memscope::ui {

// The steps of a run in order: model calls, tool calls, the evaluation, the lesson, a limit reached — when
// each started, how long it took, its tokens and whether it worked.
class RunStepModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { KindColumn, NameColumn, StartColumn, DurationColumn, TokensColumn, ResultColumn, ColumnCount };

    explicit RunStepModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // `sameRun`: the run on display again (a live one only adds steps), so rows already shown stay.
    void setSteps(std::vector<TraceStep> steps, bool sameRun = false);
    const TraceStep* step(int row) const;

    static QString kindLabel(const QString& kind);
    // What a step did, as plain text: a tool's arguments and output, a model call's request and answer, the
    // error.
    static QString details(const TraceStep& step);

private:
    std::vector<TraceStep> m_steps;
};

} // namespace memscope::ui
