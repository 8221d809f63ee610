#pragma once

#include <model/MemoryRecord.h>

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTabWidget;
class QTreeWidget;

namespace memscope::ui {

class HistoryModel;
class NeighbourModel;
class RecordRunsModel;
class StoreSession;

// The right-hand pane of the Records view: the current record's lesson as plain text, its metadata and
// state, its history with diffs (and a revert), its nearest neighbours — possible duplicates and
// conflicting lessons — and the agent runs that retrieved it. Loaded on the reader; moving quickly through rows only
// loads where the cursor rests.
class DetailPane : public QWidget {
    Q_OBJECT
public:
    explicit DetailPane(StoreSession* session, QWidget* parent = nullptr);

    void showRecord(const QString& id);
    void showSelection(const QStringList& ids);
    QString recordId() const { return m_id; }
    bool isLoading() const { return m_loading || m_debounce.isActive(); }

    QPlainTextEdit* lessonView() const { return m_text; }
    QTableView* historyView() const { return m_historyView; }
    QTableView* neighbourView() const { return m_neighbourView; }
    HistoryModel* historyModel() const { return m_history; }
    NeighbourModel* neighbourModel() const { return m_neighbours; }
    QTableView* runsView() const { return m_runsView; }
    RecordRunsModel* runsModel() const { return m_runs; }
    QTabWidget* tabs() const { return m_tabs; }
    QPushButton* revertButton() const { return m_revert; }
    QString headline() const;

signals:
    void revertRequested(qint64 historyId);
    void recordActivated(const QString& id);
    // A run that retrieved the record was double-clicked.
    void runActivated(const QString& runId);

private:
    void load();
    void showLoaded(const MemoryRecord& record);
    void updateRevertButton();

    StoreSession* m_session;
    QString m_id;
    quint64 m_generation = 0;
    bool m_loading = false;
    QTimer m_debounce;

    QStackedWidget* m_stack;
    QLabel* m_message;
    QWidget* m_recordPage;
    QLabel* m_title;
    QLabel* m_facts;
    QPlainTextEdit* m_text;
    QTreeWidget* m_metadata;
    QLineEdit* m_idField;
    QTabWidget* m_tabs;
    HistoryModel* m_history;
    QTableView* m_historyView;
    QPushButton* m_revert;
    NeighbourModel* m_neighbours;
    QTableView* m_neighbourView;
    RecordRunsModel* m_runs;
    QTableView* m_runsView;
};

} // namespace memscope::ui
