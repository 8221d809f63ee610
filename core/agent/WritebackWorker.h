#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace memscope {

class MemoryStore;

// Writes the lessons of the persistent writeback queue (RunStore::enqueue) into the store: the article's
// asynchronous writeback, where the agent hands the lesson over and goes on. The queue lives in the
// database, so lessons queued before a crash or a restart are written by the next worker. A lesson that
// fails is kept with its error and retried; after kMaxAttempts it stays in the queue for a person to see.
class WritebackWorker {
public:
    static constexpr int kMaxAttempts = 5;

    struct Drained {
        int written = 0;
        int failed = 0;
        std::string lastError;
    };

    // Drains what is queued now on the calling thread, with the caller's store (no worker thread needed).
    static Drained drainOnce(MemoryStore& store, const std::string& actor = "agent:memscope-agent");

    // A thread of its own with a clone of `store` (MemoryStore::clone()): it drains on start, on wake()
    // and every `pollMs`.
    explicit WritebackWorker(const MemoryStore& store, int pollMs = 1000);
    ~WritebackWorker(); // stop(true)
    WritebackWorker(const WritebackWorker&) = delete;
    WritebackWorker& operator=(const WritebackWorker&) = delete;

    void wake();
    // Stops the thread; with `drainFirst`, what is queued is written before it returns.
    void stop(bool drainFirst = true);
    std::int64_t writtenTotal() const { return m_written.load(); }

private:
    void loop();

    std::unique_ptr<MemoryStore> m_store;
    int m_pollMs;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_woken = false;
    bool m_stopping = false;
    bool m_drainOnStop = true;
    std::atomic<std::int64_t> m_written{0};
    std::thread m_thread;
};

} // namespace memscope
