#include "storage/RunSchema.h"

namespace memscope {

const char* RunSchema::migrationSql()
{
    return R"SQL(
CREATE TABLE runs (
    rid               INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    pack              TEXT NOT NULL,
    task_id           TEXT,
    task_type         TEXT NOT NULL,
    user_id           TEXT,
    version           TEXT,
    model             TEXT,
    memory            INTEGER NOT NULL,
    status            TEXT NOT NULL,
    outcome           TEXT,
    error             TEXT,
    batch_id          TEXT,
    episode           INTEGER,
    started_at        INTEGER NOT NULL,
    finished_at       INTEGER,
    latency_ms        REAL,
    prompt_tokens     INTEGER,
    completion_tokens INTEGER,
    written_memory_id TEXT,
    trace             TEXT NOT NULL
);
CREATE INDEX runs_started ON runs(started_at);
CREATE INDEX runs_task    ON runs(task_type, started_at);
CREATE INDEX runs_batch   ON runs(batch_id, episode) WHERE batch_id IS NOT NULL;

CREATE TABLE memory_access (
    id          INTEGER PRIMARY KEY,
    memory_id   TEXT NOT NULL,
    run_id      TEXT NOT NULL,
    rank        INTEGER NOT NULL,
    score       REAL,
    semantic    REAL,
    keyword     REAL,
    recency     REAL,
    source      TEXT NOT NULL,
    accessed_at INTEGER NOT NULL
);
CREATE INDEX memory_access_memory ON memory_access(memory_id, accessed_at);
CREATE INDEX memory_access_run    ON memory_access(run_id);

CREATE TABLE writeback_queue (
    id          INTEGER PRIMARY KEY,
    run_id      TEXT NOT NULL,
    record      TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    enqueued_at INTEGER NOT NULL
);
)SQL";
}

} // namespace memscope
