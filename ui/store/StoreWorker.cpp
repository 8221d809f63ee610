#include "store/StoreWorker.h"

namespace memscope::ui {

StoreWorker::StoreWorker(std::unique_ptr<MemoryStore> store)
    : m_store(std::move(store))
{
    m_pool.setMaxThreadCount(1);
    // The thread keeps its connection's caches warm between tasks.
    m_pool.setExpiryTimeout(-1);
}

StoreWorker::~StoreWorker()
{
    interrupt();
    m_pool.waitForDone();
}

void StoreWorker::interrupt()
{
    if (m_store)
        m_store->interrupt();
}

void StoreWorker::waitForDone() { m_pool.waitForDone(); }

} // namespace memscope::ui
