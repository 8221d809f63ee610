#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace memscope {

// Limits on what one run may do; a pack sets them, a task cannot raise them.
struct PackLimits {
    int maxTurns = 6;               // LLM calls per run (tool rounds included)
    int maxToolCalls = 8;           // tool calls per run
    int toolTimeoutMs = 2000;       // per tool call (SQL: sqlite3 progress handler)
    int maxRows = 200;              // rows a SQL tool returns to the model
    int maxToolOutputBytes = 16000; // tool output sent back to the model (cut with a note)
    int maxAnswerTokens = 800;      // the model's answer per turn
};

// How a run's answer is judged. kind: "rule" (expected answer / regex / JSON fields), "sql_result" (the
// answer's query runs against the pack's database and its rows are compared with the expected query's),
// "llm_judge" (the model grades the answer against a rubric). `config` holds the kind's own keys.
struct EvaluatorSpec {
    std::string kind;
    nlohmann::json config = nlohmann::json::object();
};

struct PackTask {
    std::string id;       // unique in the pack: "q01"
    std::string title;    // one line for lists
    std::string input;    // the task text given to the agent
    std::string toolName; // metadata.tool_name of the written lesson (default: the pack's)
    std::string severity; // metadata.severity (low/medium/high; default "medium")
    // What the evaluator compares with: {"sql": "..."} for sql_result, {"answer"|"regex"|"fields": ...} for
    // rule, {"rubric": "..."} for llm_judge. Merged over the pack evaluator's config.
    nlohmann::json expected = nlohmann::json::object();
};

// A task type as a JSON file (see resources/packs/README.md for the format). Loading validates everything
// and throws Error(InvalidArgument) whose message names the file, the task id and the field.
struct TaskPack {
    std::string name;     // "sql_query_debug"; also the file/folder name
    std::string taskType; // metadata.task_type of runs and lessons (default: name)
    std::string title;
    std::string description;
    std::string version;  // the pack's version string ("1.0"); runs may carry another version tag
    std::string toolName; // default metadata.tool_name ("sqlite", "llm")
    std::string systemPrompt;
    std::string promptTemplate;     // {{input}}, {{id}}, {{title}}, {{schema}} (the database's CREATE statements)
    std::vector<std::string> tools; // built-in tool names the agent may call: "run_sql", "describe_schema"
    PackLimits limits;
    EvaluatorSpec evaluator;
    std::string databaseSql;      // SQL script that builds the pack's sample database; empty: none
    std::filesystem::path source; // the pack file it was loaded from
    std::vector<PackTask> tasks;

    static TaskPack load(const std::filesystem::path& file);
    // The same from JSON text; `origin` names the source in error messages.
    static TaskPack parse(std::string_view json, const std::filesystem::path& origin);

    const PackTask* task(std::string_view id) const; // null when absent
    // The tasks a run of the pack goes through: the one named (empty id: all, in order). Throws
    // Error(NotFound) naming the pack for an unknown id, Error(InvalidArgument) for a pack without tasks.
    std::vector<const PackTask*> selectTasks(std::string_view id) const;
    // The user message for a task: promptTemplate with its placeholders filled.
    std::string renderPrompt(const PackTask& task, std::string_view schema = {}) const;
    // The evaluator for a task: the pack's spec with the task's `expected` merged into its config.
    EvaluatorSpec evaluatorFor(const PackTask& task) const;
};

} // namespace memscope
