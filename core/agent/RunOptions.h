#pragma once

#include "util/Time.h"

#include <optional>
#include <string>

namespace memscope {

// How one run goes: whose memory it reads and writes, whether memory is on, the prefetch's filters and
// budget, where the lesson goes.
struct RunOptions {
    enum class Writeback {
        Inline, // the lesson is written before run() returns
        Queue,  // it goes to the persistent queue; a WritebackWorker writes it (the article's async pattern)
        Off,    // nothing is written (e.g. a dry run)
    };

    std::string userId = "global"; // the user whose lessons join the global ones, and who owns the new one
    bool memory = true;            // false: the ablation, no prefetch, no lessons in the prompt
    std::string version;           // the version tag of the run and its lesson; empty: the pack's version
    std::string model;             // empty: the client's default model
    int lessonBudgetTokens = 600;  // the lessons section of the prompt
    int lessonsPerOutcome = 5;     // retrieved successes and failures each, before the budget
    double recencyHalfLifeDays = 30;
    std::string toolFilter;    // prefetch only lessons of this tool_name
    std::string versionFilter; // prefetch only lessons of this version
    std::optional<Micros> since;
    bool llmLesson = true; // ask the model to write the lesson; else (or when that fails) the evaluator's
    Writeback writeback = Writeback::Inline;
    std::string batchId; // episodes of one batch
    int episode = 0;
    std::string agentId = "memscope-agent";
};

} // namespace memscope
