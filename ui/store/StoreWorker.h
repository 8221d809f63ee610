#pragma once

#include "store/TaskResult.h"

#include <storage/MemoryStore.h>

#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <memory>
#include <type_traits>

namespace memscope::ui {

// One connection to the store on one background thread: tasks run one after another, so the connection
// is never used by two threads at once, and the UI thread never waits for SQLite or an embedder.
class StoreWorker {
public:
    explicit StoreWorker(std::unique_ptr<MemoryStore> store);
    ~StoreWorker();
    StoreWorker(const StoreWorker&) = delete;
    StoreWorker& operator=(const StoreWorker&) = delete;

    // Runs fn(MemoryStore&) on the worker thread. A memscope::Error (or any exception) becomes the result's
    // error; a void task yields TaskResult<bool>.
    template <class F> auto run(F fn)
    {
        using R = std::invoke_result_t<F, MemoryStore&>;
        using V = std::conditional_t<std::is_void_v<R>, bool, R>;
        MemoryStore* store = m_store.get();
        return QtConcurrent::run(&m_pool, [store, fn = std::move(fn)]() mutable {
            TaskResult<V> result;
            try {
                if constexpr (std::is_void_v<R>) {
                    fn(*store);
                    result.value = true;
                } else {
                    result.value = fn(*store);
                }
            } catch (const Error& e) {
                result.error = TaskError{e.kind(), QString::fromStdString(e.what())};
            } catch (const std::exception& e) {
                result.error = TaskError{Error::Kind::Internal, QString::fromStdString(e.what())};
            }
            return result;
        });
    }

    // Stops the statement running now (it fails with Error::Kind::Cancelled); later tasks run normally.
    void interrupt();
    // Waits until every queued task has finished.
    void waitForDone();

private:
    QThreadPool m_pool;
    std::unique_ptr<MemoryStore> m_store;
};

} // namespace memscope::ui
