#include "store/StoreSession.h"

#include "store/StoreWorker.h"

#include <agent/RunStore.h>
#include <storage/Connection.h>
#include <storage/MemoryStore.h>
#include <util/Time.h>

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace memscope::ui {

namespace {

struct OpenResult {
    std::shared_ptr<MemoryStore> store; // shared_ptr: QFuture results must be copyable
    std::optional<TaskError> error;
};

} // namespace

StoreSession::StoreSession(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<memscope::ui::TaskError>();
    m_poll.setInterval(1000);
    connect(&m_poll, &QTimer::timeout, this, &StoreSession::checkForChanges);
}

StoreSession::~StoreSession() { close(); }

void StoreSession::open(const QString& path, bool readOnly, std::shared_ptr<Embedder> embedder)
{
    close();
    const quint64 generation = ++m_openGeneration;
    // Opening may migrate a large file or wait for another process's lock: never on the UI thread.
    auto future = QtConcurrent::run([path, readOnly, embedder]() {
        OpenResult result;
        try {
            StoreOptions options;
            options.readOnly = readOnly;
            options.create = !readOnly;
            options.embedder = embedder;
            result.store = std::shared_ptr<MemoryStore>(MemoryStore::open(path.toStdString(), options));
            // Runs a crashed process left "running" would show as in progress forever.
            if (!result.store->readOnly())
                RunStore(*result.store).markAbandoned(nowMicros() - RunStore::kAbandonedAfter);
        } catch (const Error& e) {
            result.error = TaskError{e.kind(), QString::fromStdString(e.what())};
        } catch (const std::exception& e) {
            result.error = TaskError{Error::Kind::Internal, QString::fromStdString(e.what())};
        }
        return result;
    });
    future.then(this, [this, generation, path, readOnly](OpenResult result) {
        if (generation != m_openGeneration)
            return; // another open() came after this one
        if (result.error) {
            emit openFailed(*result.error, path);
            return;
        }
        try {
            // Connections sharing one vector index: quick reads here, queries and changes on workers.
            const auto& first = result.store;
            finishOpen(first->clone(), path, readOnly);
            m_reader = std::make_unique<StoreWorker>(first->clone());
            m_writer = std::make_unique<StoreWorker>(first->clone());
            m_counter = std::make_unique<StoreWorker>(first->clone());
            m_inspector = std::make_unique<StoreWorker>(first->clone());
        } catch (const Error& e) {
            m_reader.reset();
            m_writer.reset();
            m_counter.reset();
            m_ui.reset();
            m_poll.stop();
            emit openFailed(TaskError{e.kind(), QString::fromStdString(e.what())}, path);
            return;
        }
        emit opened();
    });
}

void StoreSession::finishOpen(std::unique_ptr<MemoryStore> store, const QString& path, bool readOnly)
{
    m_ui = std::move(store);
    m_path = path;
    m_readOnly = readOnly || m_ui->readOnly();
    m_dataVersion = m_ui->connection().dataVersion();
    m_poll.start();
}

void StoreSession::close()
{
    ++m_openGeneration;
    m_poll.stop();
    const bool wasOpen = isOpen();
    // Workers finish (or are interrupted) before the connections they use go away.
    m_reader.reset();
    m_writer.reset();
    m_counter.reset();
    m_inspector.reset();
    m_ui.reset();
    m_path.clear();
    if (wasOpen)
        emit closed();
}

void StoreSession::setOperatorName(const QString& name) { m_operator = name; }

ChangeContext StoreSession::changeContext(const QString& reason) const
{
    ChangeContext context;
    context.actor = "human:" + (m_operator.isEmpty() ? std::string("operator") : m_operator.toStdString());
    context.reason = reason.toStdString();
    return context;
}

void StoreSession::checkForChanges()
{
    if (!m_ui)
        return;
    try {
        const qint64 version = m_ui->connection().dataVersion();
        if (version != m_dataVersion) {
            m_dataVersion = version;
            emit storeChanged();
        }
    } catch (const Error&) {
        // A busy or vanished file shows up in the next real query, with its message.
    }
}

void StoreSession::setPollInterval(int ms) { m_poll.setInterval(ms); }

} // namespace memscope::ui
