#include "agent/WritebackWorker.h"

#include "agent/RunStore.h"
#include "io/RecordJson.h"
#include "storage/Connection.h"
#include "storage/MemoryStore.h"
#include "util/Error.h"

#include <chrono>

namespace memscope {

namespace {

// The run's trace says where its lesson went.
void markWritten(MemoryStore& store, const std::string& runId, const std::string& memoryId)
{
    auto st = store.connection().prepare(
        "UPDATE runs SET written_memory_id = ?1, trace = json_set(trace, '$.writeback', 'written', "
        "'$.written_memory_id', ?1) WHERE id = ?2");
    st.bind(1, memoryId).bind(2, runId);
    st.run();
}

} // namespace

WritebackWorker::Drained WritebackWorker::drainOnce(MemoryStore& store, const std::string& actor)
{
    RunStore runs(store);
    Drained result;
    for (const auto& item : runs.pending(200)) {
        if (item.attempts >= kMaxAttempts)
            continue;
        try {
            if (!item.record.is_object())
                throw Error(Error::Kind::InvalidArgument, "queued lesson of " + item.runId + " is not a JSON object");
            MemoryRecord record = RecordJson::fromJson(item.record);
            Transaction tx(store.connection());
            // Written already (a crash after the add, before the dequeue): only finish the bookkeeping.
            if (!store.get(record.id)) {
                ChangeContext context;
                context.actor = actor;
                context.reason = "lesson of " + item.runId + " (queued)";
                store.add(record, context);
            }
            markWritten(store, item.runId, record.id);
            runs.dequeue(item.id);
            tx.commit();
            ++result.written;
        } catch (const Error& e) {
            if (e.kind() == Error::Kind::Cancelled)
                throw;
            ++result.failed;
            result.lastError = e.what();
            runs.recordFailure(item.id, e.what());
        }
    }
    return result;
}

WritebackWorker::WritebackWorker(const MemoryStore& store, int pollMs)
    : m_store(store.clone())
    , m_pollMs(pollMs)
{
    m_thread = std::thread([this] { loop(); });
}

WritebackWorker::~WritebackWorker() { stop(m_drainOnStop); }

void WritebackWorker::wake()
{
    {
        const std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_wake.notify_one();
}

void WritebackWorker::stop(bool drainFirst)
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_drainOnStop = drainFirst;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

void WritebackWorker::loop()
{
    for (;;) {
        try {
            m_written += drainOnce(*m_store).written;
        } catch (const Error&) {
            // A locked or busy store: the next round tries again; the queue keeps the lessons.
        }
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, std::chrono::milliseconds(m_pollMs), [this] { return m_woken || m_stopping; });
        m_woken = false;
        if (m_stopping) {
            lock.unlock();
            if (m_drainOnStop) {
                try {
                    m_written += drainOnce(*m_store).written;
                } catch (const Error&) {
                }
            }
            return;
        }
    }
}

} // namespace memscope
