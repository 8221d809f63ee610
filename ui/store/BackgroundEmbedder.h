#pragma once

#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace memscope::ui {

class StoreSession;
class StoreWorker;

// Keeps search by meaning complete: records without a vector for the store's embedder (imported by the CLI
// with --no-embed, or every record after switching to another embedder) are embedded in the background
// on a connection of their own, so curation never waits for it; progress is reported and Cancel stops it.
class BackgroundEmbedder : public QObject {
    Q_OBJECT
public:
    explicit BackgroundEmbedder(StoreSession* session, QObject* parent = nullptr);
    ~BackgroundEmbedder() override;

    bool isRunning() const { return m_running; }
    void cancel();
    // Looks for records without vectors and starts embedding them (does nothing while running).
    void check();

signals:
    void progress(qint64 done, qint64 total);
    void finished(qint64 embedded, bool cancelled);
    void failed(const QString& message);
    void runningChanged(bool running);

private:
    void stop();

    StoreSession* m_session;
    std::unique_ptr<StoreWorker> m_worker;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
    QTimer m_debounce;
};

} // namespace memscope::ui
