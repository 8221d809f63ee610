#include "storage/Schema.h"

#include "storage/Connection.h"
#include "storage/RollupSchema.h"
#include "storage/RunSchema.h"
#include "util/Error.h"
#include "util/Ids.h"
#include "util/Time.h"

#include <string>
#include <vector>

namespace memscope {

namespace {

// Version 1: records, their full-text index, vectors per embedder, history, key/value settings.
// Metadata keys of the outcome pattern are copied into typeless columns (values keep their JSON type, so
// numbers compare as numbers) so facets and filters on them use an index.
const char* const kMigrationV1 = R"SQL(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE memories (
    rid             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    memory          TEXT NOT NULL,
    hash            TEXT NOT NULL,
    user_id         TEXT,
    agent_id        TEXT,
    run_id          TEXT,
    collection      TEXT NOT NULL,
    metadata        TEXT NOT NULL,
    extra           TEXT,
    state           TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    expiration_date INTEGER,
    outcome_type,
    task_type,
    tool_name,
    severity,
    user_scope,
    version,
    ts              INTEGER
);
-- The facet indexes carry state and the other common facets after their leading column, so the usual
-- filters (a task type, a scope, an outcome, active records) are counted and listed from the index alone.
CREATE INDEX memories_hash       ON memories(hash);
CREATE INDEX memories_user       ON memories(user_id, state, task_type, outcome_type);
CREATE INDEX memories_agent      ON memories(agent_id);
CREATE INDEX memories_run        ON memories(run_id);
CREATE INDEX memories_collection ON memories(collection, state);
CREATE INDEX memories_state      ON memories(state, created_at);
CREATE INDEX memories_created    ON memories(created_at);
CREATE INDEX memories_updated    ON memories(updated_at);
CREATE INDEX memories_outcome    ON memories(outcome_type, state);
CREATE INDEX memories_task       ON memories(task_type, state, outcome_type, user_id);
CREATE INDEX memories_tool       ON memories(tool_name, state, outcome_type);
CREATE INDEX memories_version    ON memories(version, state);
CREATE INDEX memories_ts         ON memories(ts);

CREATE VIRTUAL TABLE memories_fts USING fts5(
    memory, content='memories', content_rowid='rid',
    tokenize='porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE memories_vocab USING fts5vocab(memories_fts, 'row');

CREATE TRIGGER memories_fts_insert AFTER INSERT ON memories BEGIN
    INSERT INTO memories_fts(rowid, memory) VALUES (new.rid, new.memory);
END;
CREATE TRIGGER memories_fts_delete AFTER DELETE ON memories BEGIN
    INSERT INTO memories_fts(memories_fts, rowid, memory) VALUES ('delete', old.rid, old.memory);
    DELETE FROM vectors WHERE rid = old.rid;
END;
CREATE TRIGGER memories_fts_update AFTER UPDATE OF memory ON memories BEGIN
    INSERT INTO memories_fts(memories_fts, rowid, memory) VALUES ('delete', old.rid, old.memory);
    INSERT INTO memories_fts(rowid, memory) VALUES (new.rid, new.memory);
    DELETE FROM vectors WHERE rid = old.rid;
END;

CREATE TABLE embedders (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    dim        INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);

-- seq only grows (AUTOINCREMENT), so a process can catch up with vectors other processes wrote by asking
-- for seq > the last one it has seen.
CREATE TABLE vectors (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    rid         INTEGER NOT NULL,
    embedder_id INTEGER NOT NULL REFERENCES embedders(id),
    vec         BLOB NOT NULL,
    UNIQUE (rid, embedder_id)
);
CREATE INDEX vectors_embedder ON vectors(embedder_id, seq);

CREATE TABLE history (
    id         INTEGER PRIMARY KEY,
    memory_id  TEXT NOT NULL,
    event      TEXT NOT NULL,
    old_value  TEXT,
    new_value  TEXT,
    actor      TEXT NOT NULL,
    reason     TEXT,
    batch_id   TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX history_memory ON history(memory_id, id);
CREATE INDEX history_batch  ON history(batch_id) WHERE batch_id IS NOT NULL;
)SQL";

// Version 4: the hash index keys on the first 8 hex digits of the MD5 instead of all 32. Hashes are random, so
// an import inserts into this index at random places; with a third of the key size it has a third of the
// pages for each commit to rewrite (at a million records, 49 s -> 45 s for the import). findSame() checks the
// whole hash and the text on the few rows that share a prefix.
const char* const kMigrationV4 = R"SQL(
DROP INDEX memories_hash;
CREATE INDEX memories_hash ON memories(substr(hash, 1, 8));
)SQL";

struct Migration {
    int version;
    std::string sql;
};

const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> all{
        {1, kMigrationV1},
        {2, RollupSchema::migrationSql()}, // the roll-up behind facet counts and trends
        {3, RunSchema::migrationSql()},    // agent runs, the access log, the writeback queue
        {4, kMigrationV4},
    };
    return all;
}

int pragmaInt(Connection& connection, const char* pragma)
{
    auto st = connection.prepare(std::string("PRAGMA ") + pragma);
    return st.step() ? static_cast<int>(st.int64(0)) : 0;
}

void checkOwnership(Connection& connection)
{
    // One statement, so one snapshot: read one by one, a process creating the same new file could commit its
    // schema between the reads, and the file would look like another application's (application_id still 0
    // in the first read, tables present in the second).
    auto st = connection.prepare("SELECT (SELECT application_id FROM pragma_application_id), "
                                 "(SELECT user_version FROM pragma_user_version), "
                                 "(SELECT count(*) FROM sqlite_master)");
    st.step();
    const auto appId = st.int64(0);
    const auto version = st.int64(1);
    const bool hasTables = st.int64(2) > 0;
    st.reset();
    if (appId != Schema::kApplicationId && (appId != 0 || hasTables))
        throw Error(Error::Kind::NotMemscope, connection.path() +
                                                  ": this SQLite database belongs to another application; Memscope "
                                                  "opens only its own databases (or a new, empty file)");
    if (version > Schema::kCurrentVersion)
        throw Error(Error::Kind::NewerSchema, connection.path() + ": written by a newer Memscope (schema version " +
                                                  std::to_string(version) + "; this build reads up to version " +
                                                  std::to_string(Schema::kCurrentVersion) +
                                                  "). The file was not changed; open it with a newer Memscope.");
}

void migrate(Connection& connection, int target)
{
    Transaction tx(connection);
    // Re-read inside the write lock: another process may have migrated meanwhile.
    checkOwnership(connection);
    const int from = pragmaInt(connection, "user_version");
    if (from >= target) {
        tx.commit();
        return;
    }
    for (const auto& m : migrations()) {
        if (m.version > from && m.version <= target)
            connection.exec(m.sql);
    }
    if (from == 0) {
        connection.exec("PRAGMA application_id = " + std::to_string(Schema::kApplicationId));
        auto st = connection.prepare("INSERT INTO meta(key, value) VALUES ('db_uuid', ?1), ('created_at', ?2)");
        st.bind(1, newUuid()).bind(2, formatIsoTime(nowMicros())).run();
    }
    connection.exec("PRAGMA user_version = " + std::to_string(target));
    tx.commit();
}

} // namespace

int Schema::version(Connection& connection) { return pragmaInt(connection, "user_version"); }

void Schema::check(Connection& connection) { checkOwnership(connection); }

void Schema::prepare(Connection& connection)
{
    // The first read is where SQLite notices a file that is not a database at all.
    checkOwnership(connection);
    if (connection.readOnly()) {
        if (version(connection) < kCurrentVersion)
            throw Error(Error::Kind::ReadOnly, connection.path() +
                                                   ": the database needs an upgrade to schema version " +
                                                   std::to_string(kCurrentVersion) + " but the file is read-only");
        return;
    }
    if (pragmaInt(connection, "user_version") < kCurrentVersion)
        migrate(connection, kCurrentVersion);
}

void Schema::migrateTo(Connection& connection, int version) { migrate(connection, version); }

} // namespace memscope
