#include "storage/BulkInsert.h"

#include "storage/Connection.h"
#include "storage/RollupSchema.h"
#include "util/Error.h"

namespace memscope {

namespace {

// The AFTER INSERT triggers whose work finish() does for the whole batch.
constexpr const char* kDeferred[] = {"memories_fts_insert", "memories_rollup_insert"};

} // namespace

BulkInsert::BulkInsert(Connection& connection)
    : m_connection(connection)
{
}

void BulkInsert::begin()
{
    if (m_active)
        return;
    m_triggers.clear();
    auto st = m_connection.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1");
    for (const char* name : kDeferred) {
        st.reset();
        st.bind(1, std::string(name));
        if (!st.step())
            throw Error(Error::Kind::Corrupt, m_connection.path() + ": the schema lacks the trigger " + name);
        m_triggers.push_back(st.text(0));
    }
    auto last = m_connection.prepare("SELECT coalesce(max(rid), 0) FROM memories");
    last.step();
    m_lastRowId = last.int64(0);
    for (const char* name : kDeferred)
        m_connection.exec(std::string("DROP TRIGGER ") + name);
    m_active = true;
}

void BulkInsert::finish()
{
    if (!m_active)
        return;
    const std::string newRows = "rid > " + std::to_string(m_lastRowId);
    m_connection.exec("INSERT INTO memories_fts(rowid, memory) SELECT rid, memory FROM memories WHERE " + newRows);
    m_connection.exec(RollupSchema::countRowsSql("m." + newRows));
    for (const auto& sql : m_triggers)
        m_connection.exec(sql);
    m_active = false;
}

} // namespace memscope
