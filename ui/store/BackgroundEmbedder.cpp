#include "store/BackgroundEmbedder.h"

#include "store/StoreSession.h"
#include "store/StoreWorker.h"

#include <storage/MemoryStore.h>

namespace memscope::ui {

BackgroundEmbedder::BackgroundEmbedder(StoreSession* session, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_cancel(std::make_shared<std::atomic_bool>(false))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(1500); // after an import or a burst of agent writes, not after each of them
    connect(&m_debounce, &QTimer::timeout, this, &BackgroundEmbedder::check);
    connect(m_session, &StoreSession::opened, this, &BackgroundEmbedder::check);
    connect(m_session, &StoreSession::storeChanged, this, [this] { m_debounce.start(); });
    connect(m_session, &StoreSession::closed, this, &BackgroundEmbedder::stop);
}

BackgroundEmbedder::~BackgroundEmbedder() { stop(); }

void BackgroundEmbedder::stop()
{
    m_cancel->store(true);
    m_worker.reset(); // waits for the task, which stops at its next batch
    if (m_running) {
        m_running = false;
        emit runningChanged(false);
    }
}

void BackgroundEmbedder::cancel() { m_cancel->store(true); }

void BackgroundEmbedder::check()
{
    if (m_running || !m_session->isOpen() || m_session->isReadOnly())
        return;
    if (!m_worker) {
        try {
            m_worker = std::make_unique<StoreWorker>(m_session->uiStore().clone());
        } catch (const Error& e) {
            emit failed(QString::fromStdString(e.what()));
            return;
        }
    }
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_running = true;
    emit runningChanged(true);
    auto* receiver = this;
    m_worker
        ->run([cancel = m_cancel, receiver](MemoryStore& store) -> std::int64_t {
            const auto status = store.indexStatus();
            if (status.embedded >= status.records)
                return 0;
            return store.embedMissing(
                [cancel, receiver](std::int64_t done, std::int64_t total) {
                    if (!*cancel)
                        QMetaObject::invokeMethod(
                            receiver, [receiver, done, total] { emit receiver->progress(done, total); },
                            Qt::QueuedConnection);
                },
                cancel.get());
        })
        .then(this, [this, cancel = m_cancel](TaskResult<std::int64_t> result) {
            m_running = false;
            emit runningChanged(false);
            if (result.cancelled()) {
                emit finished(0, true);
                return;
            }
            if (!result.ok()) {
                emit failed(result.error->message);
                return;
            }
            emit finished(*result.value, cancel->load());
        });
}

} // namespace memscope::ui
