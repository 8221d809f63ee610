#pragma once

#include <string>

namespace memscope {

// Schema version 3: agent runs. `runs` keeps one row per run with the columns the Runs view lists and
// filters on, and the whole trace (retrieved memories, prompt, LLM and tool calls, evaluation, written
// record) as JSON. `memory_access` is the access log: one row per memory a run (or an outside agent's
// search with --run-id) retrieved, with its rank and score parts, so a record can list the runs that used
// it and lesson effectiveness can be counted. `writeback_queue` holds lessons waiting to be written by the
// background writer; it lives in the database, so a restart does not lose them.
class RunSchema {
public:
    static const char* migrationSql();
};

} // namespace memscope
