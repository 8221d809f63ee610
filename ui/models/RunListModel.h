#pragma once

#include "store/TaskResult.h"

#include <agent/RunStore.h>

#include <QAbstractTableModel>

#include <vector>

namespace memscope::ui {

class StoreSession;

// The agent runs of the store, newest first (RunStore::list), filtered by task type, status, outcome and
// text. Listed on the session's reader; an answer to an older query is dropped. Refreshes itself when the
// store changes, updating rows in place (removed, inserted, changed) so selections and scroll positions stay.
class RunListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        StartedColumn,
        TaskTypeColumn,
        TaskColumn,
        StatusColumn,
        OutcomeColumn,
        MemoryColumn,
        LatencyColumn,
        TokensColumn,
        RetrievedColumn,
        ModelColumn,
        ColumnCount
    };
    enum Role { RunIdRole = Qt::UserRole + 1, StatusRole, OutcomeRole };

    static constexpr int kDefaultLimit = 1000;

    explicit RunListModel(StoreSession* session, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Lists the runs of this query (the rows update when the answer arrives).
    void setQuery(const RunListQuery& query);
    const RunListQuery& query() const { return m_query; }
    void refresh();
    void clear();

    bool isLoading() const { return m_loading; }
    const RunSummary* summary(int row) const;
    QString runId(int row) const;
    int rowOfRun(const QString& runId) const;
    // The task types seen in any answer so far (for the filter bar), sorted.
    QStringList taskTypes() const;

    // Shown texts, shared with the inspector.
    static QString statusLabel(const QString& status);
    static QString latencyText(double ms);

signals:
    void loadingChanged(bool loading);
    // An answer is in the model.
    void refreshed();
    void queryFailed(const memscope::ui::TaskError& error);

private:
    void apply(std::vector<RunSummary> runs);
    void setLoading(bool loading);
    QVariant display(const RunSummary& run, int column) const;

    StoreSession* m_session;
    RunListQuery m_query;
    std::vector<RunSummary> m_runs;
    QStringList m_taskTypes;
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace memscope::ui
