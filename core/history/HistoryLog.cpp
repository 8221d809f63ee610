#include "history/HistoryLog.h"

#include "storage/Connection.h"

namespace memscope {

using nlohmann::json;

namespace {

constexpr const char* kColumns = "id, memory_id, event, old_value, new_value, actor, reason, batch_id, created_at";

json parseOrNull(std::string_view text)
{
    if (text.empty())
        return nullptr;
    json value = json::parse(text, nullptr, false);
    return value.is_discarded() ? json(nullptr) : value;
}

HistoryEntry readEntry(const Statement& st)
{
    HistoryEntry e;
    e.id = st.int64(0);
    e.memoryId = st.text(1);
    e.event = parseEvent(st.textView(2)).value_or(HistoryEvent::Update);
    e.oldValue = parseOrNull(st.textView(3));
    e.newValue = parseOrNull(st.textView(4));
    e.actor = st.text(5);
    e.reason = st.text(6);
    e.batchId = st.text(7);
    e.createdAt = st.int64(8);
    return e;
}

} // namespace

HistoryLog::HistoryLog(Connection& connection)
    : m_connection(connection)
{
}

std::int64_t HistoryLog::append(const std::string& memoryId, HistoryEvent event, const json& oldValue,
                                const json& newValue, const ChangeContext& context, Micros at)
{
    auto& st = m_connection.cached("INSERT INTO history(memory_id, event, old_value, new_value, actor, reason, "
                                   "batch_id, created_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)");
    st.bind(1, memoryId).bind(2, eventName(event));
    if (!oldValue.is_null())
        st.bind(3, oldValue.dump());
    if (!newValue.is_null())
        st.bind(4, newValue.dump());
    st.bind(5, context.actor.empty() ? std::string("cli") : context.actor);
    st.bindOptionalText(6, context.reason).bindOptionalText(7, context.batchId).bind(8, at);
    st.run();
    return m_connection.lastInsertRowId();
}

std::vector<HistoryEntry> HistoryLog::forMemory(const std::string& memoryId)
{
    auto& st = m_connection.cached(std::string("SELECT ") + kColumns + " FROM history WHERE memory_id=?1 ORDER BY id");
    st.bind(1, memoryId);
    std::vector<HistoryEntry> out;
    while (st.step())
        out.push_back(readEntry(st));
    return out;
}

std::optional<HistoryEntry> HistoryLog::entry(std::int64_t historyId)
{
    auto& st = m_connection.cached(std::string("SELECT ") + kColumns + " FROM history WHERE id=?1");
    st.bind(1, historyId);
    if (!st.step())
        return std::nullopt;
    auto e = readEntry(st);
    st.reset();
    return e;
}

std::vector<HistoryEntry> HistoryLog::batch(const std::string& batchId)
{
    auto& st =
        m_connection.cached(std::string("SELECT ") + kColumns + " FROM history WHERE batch_id=?1 ORDER BY id DESC");
    st.bind(1, batchId);
    std::vector<HistoryEntry> out;
    while (st.step())
        out.push_back(readEntry(st));
    return out;
}

} // namespace memscope
