#pragma once

#include <agent/RunTrace.h>
#include <llm/ProviderProfile.h>

#include <QObject>
#include <QString>

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
    // base URL and model over it. The key is not included (ApiKeyStore reads it).
    static ProviderProfile profileFor(const Settings& settings);

    bool isRunning() const { return m_running; }
    // Starts a batch; false (and failed()) when one is running or no store is open.
    bool start(const RunRequest& request, const ProviderProfile& profile);
    void cancel();

signals:
    void runningChanged(bool running);
    // Before each run of the batch (1-based).
    void episodeStarted(int episode, int episodes);
    // A run's trace after an event (AgentRunner::Event as int).
    void traceUpdated(const memscope::RunTrace& trace, int event);
    void outputDelta(const QString& runId, const QString& text);
    void runFinished(const memscope::RunTrace& trace);
    // The batch is over: how many runs were made, whether Cancel stopped it.
    void batchFinished(int runs, int episodes, bool cancelled);
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
