#pragma once

#include "agent/Evaluator.h"
#include "llm/ChatTypes.h"
#include "util/Time.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace memscope {

// One memory the prefetch retrieved for a run, as it was ranked.
struct RetrievedMemory {
    int rank = 0; // 1-based over successes then failures, as shown in the prompt
    std::string memoryId;
    std::string outcomeType;
    std::string text;
    double score = 0;
    double semantic = 0;
    double keyword = 0;
    double recency = 0;
    int tokens = 0;    // of its line in the prompt
    bool used = false; // fitted into the token budget (false: retrieved but cut)
};

// A part of the prompt and its size, so the trace shows where the tokens went.
struct PromptSection {
    std::string name; // "system", "lessons", "task"
    int tokens = 0;
};

// An LLM call or a tool call of a run.
struct TraceStep {
    std::string kind;   // "llm", "tool", "judge", "lesson"
    std::string name;   // the model, or the tool's name
    double startMs = 0; // since the run started
    double elapsedMs = 0;
    bool ok = true;
    std::string error;
    nlohmann::json input = nlohmann::json::object();  // tool arguments / the request summary
    nlohmann::json output = nlohmann::json::object(); // tool output / the answer, tool calls, tokens
    int promptTokens = 0;
    int completionTokens = 0;
    std::string log; // tool log line
};

// Everything one run did, stored in `runs.trace` and shown by run-show and the run inspector.
struct RunTrace {
    std::string runId;
    std::string pack;
    std::string taskId;
    std::string taskType;
    std::string userId;
    std::string version;
    std::string model;
    std::string batchId; // episodes of one batch share it
    int episode = 0;     // 1-based within the batch (0: a single run)
    bool memory = true;  // false: the ablation, run without prefetch

    std::string status = "running"; // running, completed, failed, cancelled
    std::string outcome;            // the evaluation's outcome once evaluated
    std::string error;              // why a failed run failed
    Micros startedAt = 0;
    Micros finishedAt = 0;
    double latencyMs = 0;

    std::string input;                                 // the task text
    nlohmann::json filters = nlohmann::json::object(); // the prefetch filter
    int lessonBudgetTokens = 0;
    std::vector<RetrievedMemory> retrieved;
    std::vector<ChatMessage> prompt; // the exact messages of the first LLM call
    std::vector<PromptSection> sections;
    std::vector<TraceStep> steps;
    std::string output; // the final answer

    bool evaluated = false;
    Evaluation evaluation;
    std::string lesson;
    std::string lessonSource; // "llm" or "evaluator"
    std::string writeback;    // "inline", "queued", "" (none)
    std::string writtenMemoryId;

    int promptTokens = 0; // over all LLM calls of the run
    int completionTokens = 0;

    nlohmann::json toJson() const;
    // Throws Error(Corrupt) naming the run for a trace it cannot read.
    static RunTrace fromJson(const nlohmann::json& json);
};

} // namespace memscope
