#include "io/RecordImporter.h"

#include "history/HistoryLog.h"
#include "io/RecordJson.h"
#include "io/RecordStreamReader.h"
#include "storage/BulkInsert.h"
#include "storage/Connection.h"
#include "storage/MemoryStore.h"
#include "storage/RecordTable.h"
#include "util/Error.h"
#include "util/Ids.h"

#include <condition_variable>
#include <deque>
#include <fstream>
#include <functional>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

namespace memscope {

namespace {

// A record read and checked by the producing thread, or the reason it was refused.
struct ParsedRecord {
    std::optional<MemoryRecord> record;
    std::int64_t line = 0;
    std::string error;
    std::int64_t bytesRead = 0; // of the input, once this record was read: progress against the file size
};
using ParsedChunk = std::vector<ParsedRecord>;

} // namespace

// One import: the open batch transaction, de-duplication and the running report.
class RecordImporter::Session {
public:
    Session(MemoryStore& store, const ImportOptions& options, const Progress& progress, const std::atomic_bool* cancel)
        : m_connection(store.connection())
        , m_table(m_connection)
        , m_history(m_connection)
        , m_bulk(m_connection)
        , m_options(options)
        , m_progress(progress)
        , m_cancel(cancel)
    {
        if (store.readOnly())
            throw Error(Error::Kind::ReadOnly, store.path() + ": the database is read-only; cannot import");
        report.batchId = newUuid();
        m_context = options.context;
        m_context.batchId = report.batchId;
        // A bigger page cache for the duration of the import keeps index inserts in memory.
        m_connection.exec("PRAGMA cache_size=-262144");
        // Checkpoints every 64 MiB of log instead of 4: each one syncs the database file, and an index page
        // that every batch touches is then written back once per several batches.
        m_connection.exec("PRAGMA wal_autocheckpoint=16384");
    }

    ~Session()
    {
        try {
            m_connection.exec("PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=1000");
        } catch (...) {
            // Only tuning: the connection keeps working either way.
        }
    }

    bool cancelled()
    {
        if (m_cancel && *m_cancel)
            report.cancelled = true;
        return report.cancelled;
    }

    // The next record from the producer; false once the import is cancelled.
    bool take(ParsedRecord& parsed)
    {
        if (cancelled())
            return false;
        report.bytesRead = parsed.bytesRead; // 0 for records made in memory
        if (parsed.record)
            accept(std::move(*parsed.record));
        else
            refuse(parsed.line, parsed.error);
        return true;
    }

    void refuse(std::int64_t line, const std::string& message)
    {
        ++report.refused;
        if (report.issues.size() < m_options.maxIssues)
            report.issues.push_back({line, message});
    }

    void accept(MemoryRecord&& record)
    {
        if (!m_tx) {
            m_tx.emplace(m_connection);
            m_bulk.begin();
        }
        // The same record again: by id when it has one, else by text and scope.
        const bool duplicate =
            record.id.empty() ? m_table.findSame(record).has_value() : m_table.rowIdOf(record.id).has_value();
        if (duplicate) {
            ++report.duplicates;
            return;
        }
        const Micros now = nowMicros();
        if (record.id.empty())
            record.id = newTimeOrderedUuid();
        if (record.hash.empty())
            record.hash = md5Hex(record.memory);
        if (record.createdAt == 0)
            record.createdAt = now;
        if (record.updatedAt == 0)
            record.updatedAt = record.createdAt;
        record.rowId = m_table.insert(record);
        m_history.append(record.id, HistoryEvent::Add, nullptr, nullptr, m_context, now);
        ++m_pending;
        if (!m_options.strict && m_pending >= m_options.batchSize)
            commit();
    }

    ImportReport finish()
    {
        if (m_options.strict && (report.refused > 0 || report.cancelled)) {
            m_tx.reset(); // rolls back, the set-aside triggers with it
            m_bulk.abandon();
            m_pending = 0;
            report.rolledBack = true;
        }
        commit();
        return report;
    }

    ImportReport report;

private:
    void commit()
    {
        if (m_tx) {
            m_bulk.finish();
            m_tx->commit();
            m_tx.reset();
        }
        report.added += m_pending;
        m_pending = 0;
        if (m_progress)
            m_progress(report);
    }

    Connection& m_connection;
    RecordTable m_table;
    HistoryLog m_history;
    BulkInsert m_bulk;
    const ImportOptions& m_options;
    const Progress& m_progress;
    const std::atomic_bool* m_cancel;
    ChangeContext m_context;
    std::optional<Transaction> m_tx;
    std::int64_t m_pending = 0;
};

RecordImporter::RecordImporter(MemoryStore& store)
    : m_store(store)
{
}

namespace {

// Hands chunks of parsed records from the reading thread to the writing one, at most `capacity` in flight
// so memory stays constant however large the file.
class ChunkQueue {
public:
    explicit ChunkQueue(std::size_t capacity)
        : m_capacity(capacity)
    {
    }
    // False when the consumer has stopped: the producer should stop too.
    bool push(ParsedChunk&& chunk)
    {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [&] { return m_chunks.size() < m_capacity || m_stopped; });
        if (m_stopped)
            return false;
        m_chunks.push_back(std::move(chunk));
        m_ready.notify_one();
        return true;
    }
    bool pop(ParsedChunk& chunk)
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return !m_chunks.empty() || m_finished; });
        if (m_chunks.empty())
            return false;
        chunk = std::move(m_chunks.front());
        m_chunks.pop_front();
        m_space.notify_one();
        return true;
    }
    void finish()
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_ready.notify_all();
    }
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_space.notify_all();
    }

private:
    std::size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_ready, m_space;
    std::deque<ParsedChunk> m_chunks;
    bool m_finished = false;
    bool m_stopped = false;
};

using Emit = std::function<bool(ParsedRecord&&)>;

// Runs `produce` on a thread of its own and hands what it emits, in chunks, to `consume` on this thread,
// which writes to SQLite: on two cores, reading, making and checking records no longer adds to the time of
// the inserts. `consume` returns false to stop; `emit` then returns false so the producer stops too.
// Whatever the producer throws is rethrown here.
void pipeline(const std::function<void(const Emit&)>& produce, const std::function<bool(ParsedRecord&)>& consume)
{
    constexpr std::size_t kChunk = 256;
    ChunkQueue queue(16);
    std::exception_ptr failure;
    std::thread producing([&] {
        try {
            ParsedChunk chunk;
            bool open = true;
            auto flush = [&] {
                if (open && !chunk.empty())
                    open = queue.push(std::move(chunk));
                chunk = ParsedChunk();
                return open;
            };
            produce([&](ParsedRecord&& parsed) {
                if (!open)
                    return false;
                chunk.push_back(std::move(parsed));
                return chunk.size() < kChunk || flush();
            });
            flush();
        } catch (...) {
            failure = std::current_exception();
        }
        queue.finish();
    });
    ParsedChunk chunk;
    try {
        bool going = true;
        while (going && queue.pop(chunk))
            for (auto& parsed : chunk)
                if (!(going = consume(parsed)))
                    break;
    } catch (...) {
        queue.stop();
        producing.join();
        throw;
    }
    queue.stop();
    producing.join();
    if (failure)
        std::rethrow_exception(failure);
}

} // namespace

ImportReport RecordImporter::run(std::istream& input, const ImportOptions& options, const Progress& progress,
                                 const std::atomic_bool* cancel)
{
    Session session(m_store, options, progress, cancel);
    std::int64_t bytesRead = 0;
    pipeline(
        [&](const Emit& emit) {
            const RecordStreamReader* readerSeen = nullptr; // the callbacks run only inside reader.run()
            RecordStreamReader reader(
                input,
                [&](nlohmann::json&& value, std::int64_t line) {
                    ParsedRecord parsed;
                    parsed.line = line;
                    parsed.bytesRead = readerSeen->bytesRead();
                    try {
                        parsed.record = RecordJson::fromJson(value);
                    } catch (const Error& e) {
                        parsed.error = e.what();
                    }
                    return emit(std::move(parsed));
                },
                [&](std::int64_t line, const std::string& message) {
                    emit({std::nullopt, line, message, readerSeen->bytesRead()});
                });
            readerSeen = &reader;
            reader.run();
            bytesRead = reader.bytesRead();
        },
        [&](ParsedRecord& parsed) { return session.take(parsed); });
    session.report.bytesRead = bytesRead;
    return session.finish();
}

ImportReport RecordImporter::runFile(const std::string& path, const ImportOptions& options, const Progress& progress,
                                     const std::atomic_bool* cancel)
{
    if (path == "-")
        return run(std::cin, options, progress, cancel);
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw Error(Error::Kind::Io, path + ": cannot open the file to import");
    return run(file, options, progress, cancel);
}

ImportReport RecordImporter::runRecords(const std::function<void(const RecordSink&)>& produce,
                                        const ImportOptions& options, const Progress& progress,
                                        const std::atomic_bool* cancel)
{
    Session session(m_store, options, progress, cancel);
    pipeline(
        [&](const Emit& emit) {
            std::int64_t index = 0;
            produce([&](MemoryRecord&& record) {
                ParsedRecord parsed;
                parsed.line = ++index;
                try {
                    RecordJson::validateMetadata(record.metadata);
                    parsed.record = std::move(record);
                } catch (const Error& e) {
                    parsed.error = e.what();
                }
                return emit(std::move(parsed));
            });
        },
        [&](ParsedRecord& parsed) { return session.take(parsed); });
    return session.finish();
}

} // namespace memscope
