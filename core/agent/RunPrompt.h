#pragma once

#include "agent/RunTrace.h"
#include "llm/ChatTypes.h"
#include "search/OutcomeRetriever.h"

#include <string>
#include <vector>

namespace memscope {

struct PackTask;
struct TaskPack;

// The prompt of a run: the pack's system prompt, the lessons the prefetch found (fitted to a token budget,
// each labelled [L1], [L2], ... so the prompt says which it used), and the task.
class RunPrompt {
public:
    struct Built {
        std::vector<ChatMessage> messages;
        std::vector<PromptSection> sections;
    };

    // Successes and failures in one ranking by score (ties: successes first), each given its prompt line's
    // token count; lines are kept while the running total stays within `budgetTokens` (used = true). A line
    // longer than the whole budget is cut rather than dropped when it is the first.
    static std::vector<RetrievedMemory> fitLessons(const RelevantOutcomes& outcomes, int budgetTokens);

    // `lessons` with used = false are left out; `memory` false (the ablation) leaves the lessons section out.
    static Built build(const TaskPack& pack, const PackTask& task, const std::string& schema,
                       const std::vector<RetrievedMemory>& lessons, bool memory);

    // "[L1] (success) text" — the line a lesson takes in the prompt.
    static std::string lessonLine(const RetrievedMemory& lesson);
};

} // namespace memscope
