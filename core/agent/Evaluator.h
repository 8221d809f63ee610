#pragma once

#include <nlohmann/json.hpp>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace memscope {

class ChatClient;
class SqlSandbox;
struct EvaluatorSpec;
struct PackTask;
struct TaskPack;

// The verdict on one run.
struct Evaluation {
    std::string outcome; // "success", "failure", "partial", "unknown" (the evaluator could not decide)
    double score = 0;    // 0..1
    std::string reason;  // one or two sentences: what matched or what was wrong
    // A lesson derived from the verdict alone, used when no LLM writes one ("For <task>: the query must
    // ...; a query that <failure> returned 3 rows instead of 5").
    std::string lesson;
    nlohmann::json details = nlohmann::json::object(); // evaluator-specific (rows compared, judge's answer...)
};

struct EvaluationInput {
    const TaskPack* pack = nullptr;
    const PackTask* task = nullptr;
    std::string answer; // the model's final answer text
    std::vector<std::string>
        toolQueries; // SQL the agent ran through tools, in order (fallback for answers without SQL)
};

class Evaluator {
public:
    virtual ~Evaluator() = default;
    // Never throws for a bad answer (that is a "failure"); throws Error(Network/Cancelled) only when a
    // judge model could not be asked.
    virtual Evaluation evaluate(const EvaluationInput& input, const std::atomic_bool* cancel) = 0;
};

// rule → RuleEvaluator, sql_result → SqlResultEvaluator (needs `sandbox`), llm_judge → LlmJudgeEvaluator
// (needs `judge`). Throws Error(InvalidArgument) for an unknown kind or a missing dependency.
std::unique_ptr<Evaluator> makeEvaluator(const EvaluatorSpec& spec, SqlSandbox* sandbox, ChatClient* judge,
                                         const std::string& judgeModel = {});

} // namespace memscope
