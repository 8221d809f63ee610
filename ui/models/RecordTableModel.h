#pragma once

#include "models/RecordQuery.h"
#include "store/TaskResult.h"

#include <model/MemoryRecord.h>

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QFuture>

#include <atomic>
#include <list>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace memscope::ui {

class StoreSession;

// The record table over a store of any size. A query is answered in the background as the rowids of every
// match in display order, streamed in chunks (the first screen arrives at once, a million rowids in a few
// hundred milliseconds); rows are read a page at a time by rowid when the view shows them, and only a
// bounded number of pages is kept. Searches return their hits with scores instead.
class RecordTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        OutcomeColumn,
        TaskTypeColumn,
        ToolColumn,
        VersionColumn,
        UserColumn,
        MemoryColumn,
        SeverityColumn,
        StateColumn,
        CollectionColumn,
        AgentColumn,
        RunColumn,
        UpdatedColumn,
        ScoreColumn,
        IdColumn,
        ColumnCount
    };
    enum Role { RecordIdRole = Qt::UserRole + 1, RowIdRole, OutcomeRole, SortFieldRole };

    explicit RecordTableModel(StoreSession* session, QObject* parent = nullptr);
    ~RecordTableModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order) override;

    // Starts answering a new query; results of earlier ones are dropped when they arrive.
    void setQuery(const RecordQuery& query);
    const RecordQuery& query() const { return m_query; }
    // Runs the same query again (after a change in the store), keeping rows until the answer arrives.
    void refresh();
    void clear();

    bool isLoading() const { return m_loading; }
    bool isComplete() const { return !m_loading; }
    // The record of a row (read from the store if its page is not in memory).
    std::optional<MemoryRecord> record(int row) const;
    QString recordId(int row) const;
    std::int64_t rowIdAt(int row) const;
    // The row showing this rowid, -1 if none (a linear scan of the rowids: fine for a selection).
    int rowOfRowId(std::int64_t rowId) const;
    std::optional<double> scoreAt(int row) const;
    double lastQueryMs() const { return m_lastQueryMs; }
    // The column's order field ("" when the column cannot be sorted in listing mode).
    static QString sortField(int column);

signals:
    void loadingChanged(bool loading);
    // The first rows of a new answer are in the model.
    void firstRowsReady(double elapsedMs);
    // The whole answer is in the model.
    void queryFinished(qint64 rows, double elapsedMs);
    void queryFailed(const memscope::ui::TaskError& error);
    // A refresh answered: rows may have moved; views restore their selection.
    void refreshed();

private:
    static constexpr int kPageSize = 128;
    static constexpr std::size_t kMaxPages = 96;

    void start(bool keepRows);
    void receiveChunk(quint64 generation, std::vector<std::int64_t> chunk, bool last);
    void applyRefresh();
    void finishWithError(const TaskError& error);
    const MemoryRecord* recordAt(int row) const;
    QVariant displayValue(const MemoryRecord& record, int row, int column) const;
    void sortHits(int column, Qt::SortOrder order);
    void setLoading(bool loading);

    StoreSession* m_session;
    RecordQuery m_query;
    quint64 m_generation = 0;
    // The generation the worker compares against, to stop a superseded listing at its next chunk.
    std::shared_ptr<std::atomic<quint64>> m_latest;
    QFuture<void> m_task;
    bool m_loading = false;
    bool m_refreshing = false;
    bool m_firstRowsSeen = false;
    QElapsedTimer m_timer;
    double m_lastQueryMs = 0;

    // Listing mode: the rowids in order; rows hydrated page by page (least recently used dropped).
    std::vector<std::int64_t> m_rowIds;
    std::vector<std::int64_t> m_pending; // a refresh's rowids until its answer is complete
    mutable std::unordered_map<int, std::vector<MemoryRecord>> m_pages;
    mutable std::list<int> m_pageUse;
    mutable bool m_hydrationFailed = false;

    // Search mode: the hits, in their current order.
    struct Hit {
        MemoryRecord record;
        double score = 0;
    };
    std::unordered_map<std::int64_t, Hit> m_hits;
    std::unordered_map<std::int64_t, Hit> m_pendingHits;
    bool m_searchMode = false;
};

} // namespace memscope::ui
