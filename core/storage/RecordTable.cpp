#include "storage/RecordTable.h"

#include "storage/Connection.h"

#include <unordered_map>

namespace memscope {

using nlohmann::json;

const char* const RecordTable::kColumns =
    "m.rid, m.id, m.memory, m.hash, m.user_id, m.agent_id, m.run_id, m.collection, m.metadata, m.extra, "
    "m.state, m.created_at, m.updated_at, m.expiration_date";

namespace {

SqlValue indexedValue(const json& metadata, const char* key)
{
    const auto it = metadata.find(key);
    if (it == metadata.end())
        return nullptr;
    if (it->is_string())
        return it->get<std::string>();
    if (it->is_number_integer())
        return it->get<std::int64_t>();
    if (it->is_number())
        return it->get<double>();
    return nullptr;
}

SqlValue timestampValue(const json& metadata)
{
    const auto it = metadata.find("timestamp");
    if (it == metadata.end())
        return nullptr;
    if (it->is_number())
        return microsFromEpochNumber(it->get<double>());
    if (it->is_string())
        if (auto t = parseIsoTime(it->get<std::string>()))
            return *t;
    return nullptr;
}

// Binds the outcome-key columns (outcome_type .. version, ts) at `first`..`first+6`.
void bindIndexed(Statement& st, int first, const json& metadata)
{
    int i = first;
    for (const char* key : kIndexedMetadataKeys)
        st.bind(i++, indexedValue(metadata, key));
    st.bind(i, timestampValue(metadata));
}

// Binds ?2..?20, the same in INSERT and UPDATE: everything but the key in ?1.
void bindFields(Statement& st, const MemoryRecord& r)
{
    st.bind(2, r.memory).bind(3, r.hash);
    st.bindOptionalText(4, r.userId).bindOptionalText(5, r.agentId).bindOptionalText(6, r.runId);
    st.bind(7, r.collection).bind(8, r.metadata.dump());
    if (r.extra.is_object() && !r.extra.empty())
        st.bind(9, r.extra.dump());
    st.bind(10, stateName(r.state)).bind(11, r.createdAt).bind(12, r.updatedAt).bindOptional(13, r.expirationDate);
    bindIndexed(st, 14, r.metadata);
}

json parseStored(std::string_view text, json fallback)
{
    if (text.empty())
        return fallback;
    json value = json::parse(text, nullptr, false);
    return value.is_discarded() ? fallback : value;
}

} // namespace

RecordTable::RecordTable(Connection& connection)
    : m_connection(connection)
{
}

MemoryRecord RecordTable::read(const Statement& st, int c)
{
    MemoryRecord r;
    r.rowId = st.int64(c + 0);
    r.id = st.text(c + 1);
    r.memory = st.text(c + 2);
    r.hash = st.text(c + 3);
    r.userId = st.text(c + 4);
    r.agentId = st.text(c + 5);
    r.runId = st.text(c + 6);
    r.collection = st.text(c + 7);
    r.metadata = parseStored(st.textView(c + 8), json::object());
    r.extra = parseStored(st.textView(c + 9), json::object());
    r.state = parseState(st.textView(c + 10)).value_or(RecordState::Active);
    r.createdAt = st.int64(c + 11);
    r.updatedAt = st.int64(c + 12);
    r.expirationDate = st.optionalInt64(c + 13);
    return r;
}

std::int64_t RecordTable::insert(const MemoryRecord& r)
{
    auto& st = m_connection.cached(
        "INSERT INTO memories(id, memory, hash, user_id, agent_id, run_id, collection, metadata, extra, state, "
        "created_at, updated_at, expiration_date, outcome_type, task_type, tool_name, severity, user_scope, "
        "version, ts) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20)");
    st.bind(1, r.id);
    bindFields(st, r);
    st.run();
    return m_connection.lastInsertRowId();
}

void RecordTable::rewrite(const MemoryRecord& r)
{
    auto& st = m_connection.cached(
        "UPDATE memories SET memory=?2, hash=?3, user_id=?4, agent_id=?5, run_id=?6, collection=?7, "
        "metadata=?8, extra=?9, state=?10, created_at=?11, updated_at=?12, expiration_date=?13, "
        "outcome_type=?14, task_type=?15, tool_name=?16, severity=?17, user_scope=?18, version=?19, ts=?20 "
        "WHERE rid=?1");
    st.bind(1, r.rowId);
    bindFields(st, r);
    st.run();
}

void RecordTable::setState(std::int64_t rowId, RecordState state, Micros updatedAt)
{
    auto& st = m_connection.cached("UPDATE memories SET state=?2, updated_at=?3 WHERE rid=?1");
    st.bind(1, rowId).bind(2, stateName(state)).bind(3, updatedAt).run();
}

void RecordTable::erase(std::int64_t rowId)
{
    auto& st = m_connection.cached("DELETE FROM memories WHERE rid=?1");
    st.bind(1, rowId).run();
}

std::optional<MemoryRecord> RecordTable::byId(const std::string& id)
{
    auto& st = m_connection.cached(std::string("SELECT ") + kColumns + " FROM memories m WHERE m.id=?1");
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    auto record = read(st);
    st.reset();
    return record;
}

std::optional<std::int64_t> RecordTable::rowIdOf(const std::string& id)
{
    auto& st = m_connection.cached("SELECT rid FROM memories WHERE id=?1");
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    const auto rid = st.int64(0);
    st.reset();
    return rid;
}

// Looked up through the hash prefix index and nothing else. The prefix is written exactly as the index's
// expression, and `+hash` keeps SQLite from propagating `hash = ?1` into it (which leaves an expression
// without the column, and a scan). The other unary + keep those columns out of the index choice: with bound
// values the planner cannot tell that `run_id IS ?5` is NULL for most records, took memories_run, and every
// id-less import was quadratic.
const char* const RecordTable::kFindSameSql =
    "SELECT rid FROM memories WHERE substr(hash, 1, 8)=substr(?1, 1, 8) AND +hash=?1 AND memory=?2 "
    "AND +user_id IS ?3 AND +agent_id IS ?4 AND +run_id IS ?5 AND +collection=?6 LIMIT 1";

std::optional<std::int64_t> RecordTable::findSame(const MemoryRecord& r)
{
    auto& st = m_connection.cached(kFindSameSql);
    st.bind(1, r.hash).bind(2, r.memory);
    st.bindOptionalText(3, r.userId).bindOptionalText(4, r.agentId).bindOptionalText(5, r.runId);
    st.bind(6, r.collection);
    if (!st.step())
        return std::nullopt;
    const auto rid = st.int64(0);
    st.reset();
    return rid;
}

std::vector<MemoryRecord> RecordTable::byRowIds(const std::vector<std::int64_t>& rowIds)
{
    std::vector<MemoryRecord> out;
    if (rowIds.empty())
        return out;
    // json_each over a JSON array of rowids: one statement for any number of ids, no SQL splicing.
    json ids = rowIds;
    auto& st = m_connection.cached(std::string("SELECT ") + kColumns +
                                   " FROM json_each(?1) j CROSS JOIN memories m ON m.rid = j.value");
    st.bind(1, ids.dump());
    std::unordered_map<std::int64_t, MemoryRecord> byRid;
    while (st.step()) {
        auto r = read(st);
        byRid.emplace(r.rowId, std::move(r));
    }
    out.reserve(rowIds.size());
    for (auto rid : rowIds)
        if (auto it = byRid.find(rid); it != byRid.end())
            out.push_back(std::move(it->second));
    return out;
}

} // namespace memscope
