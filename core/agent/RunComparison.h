#pragma once

#include "agent/RunStore.h"
#include "agent/RunTrace.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace memscope {

// One side of a comparison: the run's summary (identity, outcome, latency, tokens) and what its trace adds.
struct ComparedRun : RunSummary {
    int steps = 0;
    int llmCalls = 0;
    int toolCalls = 0;
    int used = 0; // retrieved memories that fitted the budget (retrievedCount: all of them)
    std::string output;

    int totalTokens() const { return promptTokens + completionTokens; }
    static ComparedRun of(const RunTrace& trace);
};

// One prompt section's tokens on both sides (0 where a side has no such section).
struct SectionDelta {
    std::string name;
    int tokensA = 0;
    int tokensB = 0;
    int delta() const { return tokensB - tokensA; }
};

// One memory retrieved by either run: what the context gained, lost or kept.
struct ContextChange {
    enum class Kind { OnlyA, OnlyB, Both };

    Kind kind = Kind::Both;
    std::string memoryId;
    std::string outcomeType;
    std::string text;
    int rankA = 0; // 0: not retrieved by that run
    int rankB = 0;
    bool usedA = false; // fitted the budget
    bool usedB = false;
    double scoreA = 0;
    double scoreB = 0;

    bool rankMoved() const { return kind == Kind::Both && rankA != rankB; }
    // The better (smaller) rank of the two sides: the diff's order.
    int bestRank() const;
    static const char* kindName(Kind kind); // "only_a", "only_b", "both"
};

// Two runs side by side — typically a task re-run with memory off (the ablation) or with another version —
// A being the earlier (left) one: identities, latency and token deltas (B − A), tokens per prompt section,
// and the context diff (which memories each retrieved, at which rank).
struct RunComparison {
    ComparedRun a;
    ComparedRun b;
    bool sameTask = true;               // same pack, task type and task id
    std::vector<SectionDelta> sections; // union of both sides' sections, A's order first
    std::vector<ContextChange> context; // ordered by the best rank either side
    int onlyA = 0;
    int onlyB = 0;
    int both = 0;
    int moved = 0; // of `both`, retrieved at another rank

    double latencyDeltaMs() const { return b.latencyMs - a.latencyMs; }
    int promptTokensDelta() const { return b.promptTokens - a.promptTokens; }
    int completionTokensDelta() const { return b.completionTokens - a.completionTokens; }
    int totalTokensDelta() const { return b.totalTokens() - a.totalTokens(); }
    // +1 when B's outcome is better than A's, −1 when worse, 0 when the same (success > partial > unknown >
    // failure > none).
    int outcomeChange() const;
    // Empty when the runs are of the same task, else a sentence saying which tasks they ran.
    std::string taskWarning() const;

    static RunComparison compare(const RunTrace& a, const RunTrace& b);
    nlohmann::json toJson() const;
};

} // namespace memscope
