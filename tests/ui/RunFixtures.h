#pragma once

// Recorded agent runs for the Runs tab's tests: traces written with RunStore::save (and their access log),
// as AgentRunner would have stored them, without any LLM.

#include <agent/RunStore.h>
#include <storage/MemoryStore.h>

#include <string>
#include <vector>

namespace memscope::test {

struct RunSpec {
    std::string id = {};
    std::string taskType = "sql_query_debug";
    std::string taskId = "q01";
    std::string status = "completed";
    std::string outcome = "success";
    std::string error = {};
    bool memory = true;
    Micros startedAt = 1767225600000000;     // 2026-01-01
    std::vector<std::string> memoryIds = {}; // retrieved, in rank order
    std::string memoryText = "Filter before you group.";
    std::string output = "SELECT name FROM t WHERE v > 1;";
    std::string writtenMemoryId = {};
    std::string batchId = {}; // a batch's runs (a learning curve: both arms under one id)
    int episode = 0;
};

inline RunTrace fixtureTrace(const RunSpec& spec)
{
    RunTrace t;
    t.runId = spec.id;
    t.pack = spec.taskType;
    t.taskId = spec.taskId;
    t.taskType = spec.taskType;
    t.userId = "global";
    t.version = "1.0";
    t.model = "fake-model";
    t.memory = spec.memory;
    t.batchId = spec.batchId;
    t.episode = spec.episode;
    t.status = spec.status;
    t.outcome = spec.status == "completed" ? spec.outcome : std::string();
    t.error = spec.error;
    t.startedAt = spec.startedAt;
    t.finishedAt = spec.status == "running" ? 0 : spec.startedAt + 1234000;
    t.latencyMs = spec.status == "running" ? 0 : 1234;
    t.input = "List the names whose v is above 1.";
    t.filters = {{"task_type", spec.taskType}};
    t.lessonBudgetTokens = 600;
    int rank = 0;
    for (const auto& id : spec.memoryIds) {
        RetrievedMemory m;
        m.rank = ++rank;
        m.memoryId = id;
        m.outcomeType = rank % 2 ? "success" : "failure";
        m.text = spec.memoryText + " (" + std::to_string(rank) + ")";
        m.score = 1.0 / rank;
        m.semantic = 0.5 / rank;
        m.keyword = 0.25;
        m.recency = 0.9;
        m.tokens = 20 + rank;
        m.used = rank <= 2;
        t.retrieved.push_back(m);
    }
    t.prompt = {ChatMessage::system("You fix SQL queries.\nLessons:\n- " + spec.memoryText),
                ChatMessage::user("Task " + spec.taskId + ": " + t.input)};
    t.sections = {{"system", 40}, {"lessons", 120}, {"task", 30}};
    TraceStep llm;
    llm.kind = "llm";
    llm.name = "fake-model";
    llm.startMs = 5;
    llm.elapsedMs = 400;
    llm.promptTokens = 300;
    llm.completionTokens = 40;
    llm.output = {{"content", ""}, {"finish_reason", "tool_calls"}};
    TraceStep tool;
    tool.kind = "tool";
    tool.name = "run_sql";
    tool.startMs = 410;
    tool.elapsedMs = 3;
    tool.input = {{"arguments", "{\"query\": \"SELECT * FROM t\"}"}};
    tool.output = {{"output", "name|v\na|1\nb|2"}, {"rows", 2}, {"truncated", false}};
    TraceStep answer = llm;
    answer.startMs = 420;
    answer.output = {{"content", spec.output}, {"finish_reason", "stop"}};
    TraceStep evaluation;
    evaluation.kind = "evaluate";
    evaluation.name = "sql_result";
    evaluation.startMs = 830;
    evaluation.elapsedMs = 2;
    t.steps = {llm, tool, answer, evaluation};
    if (spec.status == "failed") {
        t.steps.resize(1);
        t.steps[0].ok = false;
        t.steps[0].error = spec.error;
    }
    t.output = spec.status == "failed" ? std::string() : spec.output;
    t.evaluated = spec.status == "completed";
    t.evaluation.outcome = t.outcome;
    t.evaluation.score = spec.outcome == "success" ? 1.0 : 0.0;
    t.evaluation.reason = "The rows match: " + spec.memoryText;
    t.lesson = t.evaluated ? "Lesson: " + spec.memoryText : std::string();
    t.lessonSource = t.evaluated ? "llm" : "";
    t.writeback = spec.writtenMemoryId.empty() ? "" : "inline";
    t.writtenMemoryId = spec.writtenMemoryId;
    t.promptTokens = 600;
    t.completionTokens = 80;
    return t;
}

// Saves the run and its access log (the table's retrieved count comes from the log).
inline RunTrace saveRun(MemoryStore& store, const RunSpec& spec)
{
    const RunTrace t = fixtureTrace(spec);
    RunStore runs(store);
    runs.save(t);
    std::vector<MemoryAccess> access;
    for (const auto& m : t.retrieved)
        access.push_back(
            {m.memoryId, t.runId, m.rank, m.score, m.semantic, m.keyword, m.recency, "agent", t.startedAt});
    runs.logAccess(t.runId, access);
    return t;
}

} // namespace memscope::test
