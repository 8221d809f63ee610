#pragma once

#include "store/AgentRunLauncher.h"

#include <agent/RunTrace.h>

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>
#include <utility>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace memscope::ui {

class ApiKeyStore;
class ErrorBanner;
class LearningCurvePanel;
class RunCompareDialog;
class RunInspector;
class RunListModel;
class Settings;
class StoreSession;

// Runs: the agent runs of the store (filtered by task type, status, outcome and text) above the inspector
// of the selected one. Run Task… starts runs of a task pack in the background and the inspector follows
// them live; Re-run and Re-run without Memory repeat the selected run's task with memory on or off (the
// ablation). Without an LLM endpoint the view says how to configure one instead of failing.
class RunsView : public QWidget {
    Q_OBJECT
public:
    RunsView(StoreSession* session, Settings* settings, QWidget* parent = nullptr);
    ~RunsView() override;

    RunListModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    RunInspector* inspector() const { return m_inspector; }
    QTabWidget* lowerTabs() const { return m_lowerTabs; } // Run (the inspector), Learning curve
    LearningCurvePanel* learningCurve() const { return m_curvePanel; }
    ErrorBanner* banner() const { return m_banner; }
    ErrorBanner* endpointBanner() const { return m_endpointBanner; }
    AgentRunLauncher* launcher() const { return m_launcher; }
    QComboBox* taskTypeFilter() const { return m_taskType; }
    QComboBox* statusFilter() const { return m_status; }
    QComboBox* outcomeFilter() const { return m_outcome; }
    QLineEdit* searchField() const { return m_search; }
    QPushButton* runButton() const { return m_run; }
    QPushButton* rerunButton() const { return m_rerun; }
    QPushButton* ablationButton() const { return m_ablation; }
    QPushButton* compareButton() const { return m_compare; }
    QPushButton* cancelButton() const { return m_cancel; }

    bool isLoading() const;
    QString currentRunId() const;
    void selectRun(const QString& runId);
    // Selects the run, clearing the filters first when they hide it (selected once the list has it).
    void showRun(const QString& runId);
    // Whether runs can start (an endpoint is configured); shows or hides the message saying how.
    bool updateEndpointHint();
    // Adds (or replaces) the endpoint in the preferences and makes it the current one.
    void useEndpoint(const QString& name, const QString& baseUrl, const QString& model);

    void openRunDialog();
    // The selected run's task again, with memory on or off.
    void rerun(bool memory);
    // Opens the comparison of run A (the earlier) with run B once both traces are read (off the UI thread).
    void compareRuns(const QString& a, const QString& b);
    // The comparison opened last (null once closed).
    RunCompareDialog* compareDialog() const;
    // What Compare… compares: the two selected runs, or the one selected and the newest other run of its
    // task in the list; the earlier first. Empty when there is nothing to compare.
    std::pair<QString, QString> compareTargets() const;
    // Reads the API key, then starts the batch (the endpoint message instead when none is configured).
    void startRuns(const RunRequest& request);
    // The Learning curve tab, on the batch when one is given.
    void showLearningCurve(const QString& batchId = {});

signals:
    void openRecordRequested(const QString& memoryId);
    void preferencesRequested();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void applyFilters();
    bool filtersActive() const;
    void onCurrentRunChanged();
    void onRefreshed();
    void loadTrace(const QString& runId);
    void onTraceUpdated(const RunTrace& trace, int event);
    void updateButtons();
    // After an ablation re-run: a message offering to compare it with the run it repeats.
    void offerAblationComparison(const QString& original);
    void updateStatus();
    void fillTaskTypes();
    void lookForOllama();

    StoreSession* m_session;
    Settings* m_settings;
    ApiKeyStore* m_keys;
    AgentRunLauncher* m_launcher;
    RunListModel* m_model;
    ErrorBanner* m_banner;
    ErrorBanner* m_endpointBanner;
    QComboBox* m_taskType;
    QComboBox* m_status;
    QComboBox* m_outcome;
    QLineEdit* m_search;
    QPushButton* m_run;
    QPushButton* m_rerun;
    QPushButton* m_ablation;
    QPushButton* m_compare;
    QPushButton* m_cancel;
    QTableView* m_table;
    RunInspector* m_inspector;
    QTabWidget* m_lowerTabs = nullptr;
    LearningCurvePanel* m_curvePanel = nullptr;
    QLabel* m_statusLabel;
    QTimer m_searchDebounce;

    quint64 m_traceGeneration = 0;
    quint64 m_compareGeneration = 0;
    bool m_compareLoading = false;
    QPointer<RunCompareDialog> m_compareDialog;
    QString m_ablationOf; // the run an ablation re-run repeats, until that re-run finishes
    bool m_traceLoading = false;
    QString m_liveRunId;                 // the run in progress
    std::optional<RunTrace> m_liveTrace; // its trace so far
    bool m_follow = false;               // the selection follows the runs being made
    bool m_selecting = false;            // the selection is being set by the view, not the operator
    bool m_columnsFitted = false;
    QString m_progress; // "episode 2 of 5"
    bool m_ollamaLooked = false;
    std::shared_ptr<std::atomic_bool> m_ollamaCancel = std::make_shared<std::atomic_bool>(false);
    QString m_pendingRun; // showRun(): selected when the list has it
};

} // namespace memscope::ui
