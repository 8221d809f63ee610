#pragma once

#include <agent/RunOptions.h>
#include <agent/RunTrace.h>
#include <llm/ProviderProfile.h>

#include <QObject>
#include <QString>

#include <algorithm>

#include <atomic>
#include <memory>

namespace memscope::ui {

class Settings;
class StoreSession;
class StoreWorker;

// What to run: a pack's task (or all its tasks, in turn) for a number of episodes.
struct RunRequest {
    QString pack;   // a pack name (PackLibrary) or a pack file
    QString taskId; // empty: the pack's tasks in turn
    QString userId = QStringLiteral("global");
    int episodes = 1;
    bool memory = true;
    QString version; // empty: the pack's version
    // The learning curve: each episode runs with memory, then the same task without (a pure control that
    // writes no lesson), so both arms see the same tasks in the same order under one batch id.
    bool withControl = false;
    QString endpoint; // a provider profile name; empty: the default (resolved by the caller)
    // The prefetch and writeback (RunOptions).
    int lessonBudgetTokens = RunOptions{}.lessonBudgetTokens;
    int lessonsPerOutcome = RunOptions{}.lessonsPerOutcome;
    QString toolFilter;    // only lessons of this tool_name
    QString versionFilter; // only lessons of this version
    int sinceDays = 0;     // only lessons of the last N days; 0: any age
    // Inline or Queue: queued lessons are written by the launcher after each run, before the next episode.
    RunOptions::Writeback writeback = RunOptions::Writeback::Inline;

    int runCount() const { return std::max(1, episodes) * (withControl ? 2 : 1); }
};

// Runs agent tasks (AgentRunner) in the background on a store connection and a thread of their own, so a
// run that takes minutes never holds up the table, the inspector or curation. What a run does reaches the
// UI thread as it happens: copies of its trace after each step and the answer as it streams in. Cancel
// stops the batch (the run in progress is stored as cancelled).
class AgentRunLauncher : public QObject {
    Q_OBJECT
public:
    explicit AgentRunLauncher(StoreSession* session, QObject* parent = nullptr);
    ~AgentRunLauncher() override;

    // The endpoint runs use: the environment's (OPENAI_BASE_URL, MEMSCOPE_MODEL, ...) with the preferences'
    // endpoint (the named one, else the current one) over it. The key is not included (ApiKeyStore reads it
    // under profile.name).
    static ProviderProfile profileFor(const Settings& settings, const QString& endpoint = {});

    bool isRunning() const { return m_running; }
    // Starts a batch; false (and failed()) when one is running or no store is open.
    bool start(const RunRequest& request, const ProviderProfile& profile);
    void cancel();

signals:
    void runningChanged(bool running);
    // Before each run of the batch (1-based, over every run: a learning curve makes two per episode).
    void episodeStarted(int episode, int episodes);
    // A run's trace after an event (AgentRunner::Event as int).
    void traceUpdated(const memscope::RunTrace& trace, int event);
    void outputDelta(const QString& runId, const QString& text);
    void runFinished(const memscope::RunTrace& trace);
    // The batch is over: how many runs were made, whether Cancel stopped it.
    void batchFinished(int runs, int episodes, bool cancelled);
    // After batchFinished, for a learning-curve batch (RunRequest::withControl) that made at least one run.
    void learningCurveFinished(const QString& batchId);
    // The batch could not start or stopped early (unknown pack, unreadable store).
    void failed(const QString& message);

private:
    void stop();
    void setRunning(bool running);

    StoreSession* m_session;
    std::unique_ptr<StoreWorker> m_worker;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
};

} // namespace memscope::ui
