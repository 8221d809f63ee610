#include "agent/RunStore.h"

#include "storage/Connection.h"
#include "storage/MemoryStore.h"
#include "util/Error.h"

namespace memscope {

using json = nlohmann::json;

namespace {

constexpr const char* kSummaryColumns =
    "runs.id, pack, task_id, task_type, user_id, version, model, memory, status, outcome, error, batch_id, episode, "
    "started_at, latency_ms, prompt_tokens, completion_tokens, written_memory_id, "
    "(SELECT count(*) FROM memory_access a WHERE a.run_id = runs.id)";

// The kSummaryColumns of a row, from column `first` on.
RunSummary summaryFrom(Statement& st, int first = 0)
{
    const auto text = [&](int i) { return st.text(first + i); };
    const auto int64 = [&](int i) { return st.int64(first + i); };
    RunSummary s;
    s.runId = text(0);
    s.pack = text(1);
    s.taskId = text(2);
    s.taskType = text(3);
    s.userId = text(4);
    s.version = text(5);
    s.model = text(6);
    s.memory = int64(7) != 0;
    s.status = text(8);
    s.outcome = text(9);
    s.error = text(10);
    s.batchId = text(11);
    s.episode = static_cast<int>(int64(12));
    s.startedAt = int64(13);
    s.latencyMs = st.real(first + 14);
    s.promptTokens = static_cast<int>(int64(15));
    s.completionTokens = static_cast<int>(int64(16));
    s.writtenMemoryId = text(17);
    s.retrievedCount = static_cast<int>(int64(18));
    return s;
}

constexpr const char* kAccessColumns =
    "acc.memory_id, acc.run_id, acc.rank, acc.score, acc.semantic, acc.keyword, acc.recency, acc.source, "
    "acc.accessed_at";

MemoryAccess accessFrom(Statement& st)
{
    return {st.text(0), st.text(1), static_cast<int>(st.int64(2)), st.real(3), st.real(4), st.real(5), st.real(6),
            st.text(7), st.int64(8)};
}

// The WHERE clause of a runs query and its parameters.
std::string whereOf(const RunListQuery& q, std::vector<SqlValue>& params)
{
    std::string where = " WHERE 1";
    const auto add = [&](const std::string& value, const char* clause) {
        if (value.empty())
            return;
        where += clause;
        params.emplace_back(value);
    };
    add(q.taskType, " AND task_type = ?");
    add(q.status, " AND status = ?");
    add(q.outcome, " AND outcome = ?");
    add(q.batchId, " AND batch_id = ?");
    if (!q.text.empty()) {
        where += " AND (instr(id, ?1x) OR instr(coalesce(task_id,''), ?1x) OR instr(pack, ?1x) OR "
                 "instr(coalesce(model,''), ?1x) OR instr(coalesce(error,''), ?1x))";
        const std::string n = std::to_string(params.size() + 1);
        for (std::string::size_type at; (at = where.find("?1x")) != std::string::npos;)
            where.replace(at, 3, "?" + n);
        params.emplace_back(q.text);
    }
    return where;
}

} // namespace

json RunSummary::toJson() const
{
    return {{"run_id", runId},
            {"pack", pack},
            {"task_id", taskId},
            {"task_type", taskType},
            {"user_id", userId},
            {"version", version},
            {"model", model},
            {"memory", memory},
            {"status", status},
            {"outcome", outcome},
            {"error", error},
            {"batch_id", batchId},
            {"episode", episode},
            {"started_at", startedAt ? formatIsoTime(startedAt) : ""},
            {"latency_ms", latencyMs},
            {"prompt_tokens", promptTokens},
            {"completion_tokens", completionTokens},
            {"written_memory_id", writtenMemoryId},
            {"retrieved", retrievedCount}};
}

RunSummary RunSummary::of(const RunTrace& t)
{
    RunSummary s;
    s.runId = t.runId;
    s.pack = t.pack;
    s.taskId = t.taskId;
    s.taskType = t.taskType;
    s.userId = t.userId;
    s.version = t.version;
    s.model = t.model;
    s.memory = t.memory;
    s.status = t.status;
    s.outcome = t.outcome;
    s.error = t.error;
    s.batchId = t.batchId;
    s.episode = t.episode;
    s.startedAt = t.startedAt;
    s.latencyMs = t.latencyMs;
    s.promptTokens = t.promptTokens;
    s.completionTokens = t.completionTokens;
    s.writtenMemoryId = t.writtenMemoryId;
    s.retrievedCount = static_cast<int>(t.retrieved.size());
    return s;
}

json BatchSummary::toJson() const
{
    return {{"batch_id", batchId},
            {"pack", pack},
            {"task_type", taskType},
            {"started_at", startedAt ? formatIsoTime(startedAt) : ""},
            {"episodes", episodes},
            {"runs_with_memory", runsWithMemory},
            {"runs_without_memory", runsWithoutMemory},
            {"successes_with_memory", successesWithMemory},
            {"successes_without_memory", successesWithoutMemory}};
}

RunStore::RunStore(MemoryStore& store)
    : m_store(store)
{
}

void RunStore::save(const RunTrace& t)
{
    auto& st = m_store.connection().cached(
        "INSERT INTO runs (id, pack, task_id, task_type, user_id, version, model, memory, status, outcome, error, "
        "batch_id, episode, started_at, finished_at, latency_ms, prompt_tokens, completion_tokens, "
        "written_memory_id, trace) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
        "?17, ?18, ?19, ?20) ON CONFLICT(id) DO UPDATE SET pack = ?2, task_id = ?3, task_type = ?4, user_id = ?5, "
        "version = ?6, model = ?7, memory = ?8, status = ?9, outcome = ?10, error = ?11, batch_id = ?12, "
        "episode = ?13, started_at = ?14, finished_at = ?15, latency_ms = ?16, prompt_tokens = ?17, "
        "completion_tokens = ?18, written_memory_id = ?19, trace = ?20");
    st.bind(1, t.runId)
        .bind(2, t.pack)
        .bindOptionalText(3, t.taskId)
        .bind(4, t.taskType)
        .bindOptionalText(5, t.userId)
        .bindOptionalText(6, t.version)
        .bindOptionalText(7, t.model)
        .bind(8, t.memory ? 1 : 0)
        .bind(9, t.status)
        .bindOptionalText(10, t.outcome)
        .bindOptionalText(11, t.error)
        .bindOptionalText(12, t.batchId)
        .bind(13, t.episode)
        .bind(14, static_cast<std::int64_t>(t.startedAt))
        .bindOptional(15, t.finishedAt ? std::optional<std::int64_t>(t.finishedAt) : std::nullopt)
        .bind(16, t.latencyMs)
        .bind(17, t.promptTokens)
        .bind(18, t.completionTokens)
        .bindOptionalText(19, t.writtenMemoryId)
        .bind(20, t.toJson().dump(-1, ' ', false, json::error_handler_t::replace));
    st.run();
}

std::optional<RunTrace> RunStore::load(const std::string& runId)
{
    auto& st = m_store.connection().cached("SELECT trace FROM runs WHERE id = ?");
    st.bind(1, runId);
    if (!st.step())
        return std::nullopt;
    const json j = json::parse(st.textView(0), nullptr, false);
    if (j.is_discarded())
        throw Error(Error::Kind::Corrupt, m_store.path() + ": run " + runId + ": the stored trace is not JSON");
    return RunTrace::fromJson(j);
}

RunTrace RunStore::require(const std::string& runId)
{
    auto trace = load(runId);
    if (!trace)
        throw Error(Error::Kind::NotFound, "no run with id " + runId + " in " + m_store.path());
    return std::move(*trace);
}

std::vector<RunSummary> RunStore::list(const RunListQuery& q)
{
    std::vector<SqlValue> params;
    const std::string where = whereOf(q, params);
    auto st = m_store.connection().prepare(
        std::string("SELECT ") + kSummaryColumns + " FROM runs" + where + " ORDER BY started_at DESC, rid DESC LIMIT " +
        std::to_string(std::max(0, q.limit)) + " OFFSET " + std::to_string(std::max(0, q.offset)));
    st.bindAll(params);
    std::vector<RunSummary> out;
    while (st.step())
        out.push_back(summaryFrom(st));
    return out;
}

std::int64_t RunStore::count(const RunListQuery& q)
{
    std::vector<SqlValue> params;
    auto st = m_store.connection().prepare("SELECT count(*) FROM runs" + whereOf(q, params));
    st.bindAll(params);
    st.step();
    return st.int64(0);
}

std::vector<BatchSummary> RunStore::batches(int limit, bool bothArmsOnly)
{
    // `batch_id IS NOT NULL` lets SQLite group along the partial index runs_batch.
    auto st = m_store.connection().prepare(
        std::string("SELECT batch_id, min(pack), min(task_type), min(started_at), max(episode), sum(memory != 0), "
                    "sum(memory = 0), sum(memory != 0 AND status = 'completed' AND outcome = 'success'), "
                    "sum(memory = 0 AND status = 'completed' AND outcome = 'success') FROM runs "
                    "WHERE batch_id IS NOT NULL AND batch_id != '' GROUP BY batch_id") +
        (bothArmsOnly ? " HAVING sum(memory != 0) > 0 AND sum(memory = 0) > 0" : "") +
        " ORDER BY min(started_at) DESC, batch_id DESC LIMIT ?");
    st.bind(1, std::max(0, limit));
    std::vector<BatchSummary> out;
    while (st.step()) {
        BatchSummary b;
        b.batchId = st.text(0);
        b.pack = st.text(1);
        b.taskType = st.text(2);
        b.startedAt = st.int64(3);
        b.episodes = static_cast<int>(st.int64(4));
        b.runsWithMemory = static_cast<int>(st.int64(5));
        b.runsWithoutMemory = static_cast<int>(st.int64(6));
        b.successesWithMemory = static_cast<int>(st.int64(7));
        b.successesWithoutMemory = static_cast<int>(st.int64(8));
        out.push_back(std::move(b));
    }
    return out;
}

void RunStore::logAccess(const std::string& runId, const std::vector<MemoryAccess>& rows)
{
    if (rows.empty())
        return;
    Transaction tx(m_store.connection());
    auto& st = m_store.connection().cached(
        "INSERT INTO memory_access (memory_id, run_id, rank, score, semantic, keyword, recency, source, accessed_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const Micros now = nowMicros();
    for (const auto& r : rows) {
        st.reset();
        st.bind(1, r.memoryId)
            .bind(2, runId)
            .bind(3, r.rank)
            .bind(4, r.score)
            .bind(5, r.semantic)
            .bind(6, r.keyword)
            .bind(7, r.recency)
            .bind(8, r.source)
            .bind(9, static_cast<std::int64_t>(r.accessedAt ? r.accessedAt : now));
        st.run();
    }
    tx.commit();
}

void RunStore::logSearch(const std::string& runId, const std::vector<SearchHit>& hits)
{
    std::vector<MemoryAccess> rows;
    int rank = 0;
    for (const auto& h : hits)
        rows.push_back(
            {h.record.id, runId, ++rank, h.score, h.parts.semantic, h.parts.keyword, h.parts.recency, "search", 0});
    logAccess(runId, rows);
}

std::vector<MemoryAccess> RunStore::accessesOf(const std::string& memoryId, int limit)
{
    auto st = m_store.connection().prepare(
        std::string("SELECT ") + kAccessColumns +
        " FROM memory_access acc WHERE acc.memory_id = ? ORDER BY acc.accessed_at DESC, acc.id DESC LIMIT ?");
    st.bind(1, memoryId).bind(2, limit);
    std::vector<MemoryAccess> out;
    while (st.step())
        out.push_back(accessFrom(st));
    return out;
}

std::vector<MemoryRetrieval> RunStore::retrievalsOf(const std::string& memoryId, int limit)
{
    // The access's columns, then its run's (the run may be unknown: a search logged by an outside agent).
    auto st = m_store.connection().prepare(
        std::string("SELECT ") + kAccessColumns + ", runs.rid IS NOT NULL, " + kSummaryColumns +
        " FROM memory_access acc LEFT JOIN runs ON runs.id = acc.run_id WHERE acc.memory_id = ? "
        "ORDER BY acc.accessed_at DESC, acc.id DESC LIMIT ?");
    st.bind(1, memoryId).bind(2, limit);
    std::vector<MemoryRetrieval> out;
    while (st.step()) {
        MemoryRetrieval r;
        r.access = accessFrom(st);
        if (st.int64(9) != 0)
            r.run = summaryFrom(st, 10);
        out.push_back(std::move(r));
    }
    return out;
}

int RunStore::markAbandoned(Micros olderThan)
{
    auto st = m_store.connection().prepare(
        "UPDATE runs SET status = 'failed', error = 'interrupted: the process running it stopped', "
        "trace = json_set(trace, '$.status', 'failed', '$.error', 'interrupted: the process running it stopped') "
        "WHERE status = 'running' AND started_at < ?");
    st.bind(1, static_cast<std::int64_t>(olderThan));
    st.run();
    return m_store.connection().changes();
}

std::int64_t RunStore::enqueue(const std::string& runId, const json& record)
{
    auto& st =
        m_store.connection().cached("INSERT INTO writeback_queue (run_id, record, enqueued_at) VALUES (?, ?, ?)");
    st.bind(1, runId).bind(2, record.dump()).bind(3, static_cast<std::int64_t>(nowMicros()));
    st.run();
    return m_store.connection().lastInsertRowId();
}

std::vector<QueuedWriteback> RunStore::pending(int limit)
{
    auto st = m_store.connection().prepare(
        "SELECT id, run_id, record, attempts, coalesce(last_error, '') FROM writeback_queue ORDER BY id LIMIT ?");
    st.bind(1, limit);
    std::vector<QueuedWriteback> out;
    while (st.step()) {
        QueuedWriteback q;
        q.id = st.int64(0);
        q.runId = st.text(1);
        q.record = json::parse(st.textView(2), nullptr, false);
        q.attempts = static_cast<int>(st.int64(3));
        q.lastError = st.text(4);
        out.push_back(std::move(q));
    }
    return out;
}

void RunStore::dequeue(std::int64_t id)
{
    auto& st = m_store.connection().cached("DELETE FROM writeback_queue WHERE id = ?");
    st.bind(1, id);
    st.run();
}

void RunStore::recordFailure(std::int64_t id, const std::string& error)
{
    auto& st =
        m_store.connection().cached("UPDATE writeback_queue SET attempts = attempts + 1, last_error = ? WHERE id = ?");
    st.bind(1, error).bind(2, id);
    st.run();
}

std::int64_t RunStore::queueLength()
{
    auto st = m_store.connection().prepare("SELECT count(*) FROM writeback_queue");
    st.step();
    return st.int64(0);
}

} // namespace memscope
