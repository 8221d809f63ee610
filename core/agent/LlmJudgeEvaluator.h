#pragma once

#include "agent/Evaluator.h"

namespace memscope {

// "llm_judge": asks a chat model (temperature 0, not streamed) to grade the answer against the config's
// `rubric` (and `reference`, an example of a good answer, when given). The judge must reply with
// {"verdict": "success|partial|failure", "score": 0..1, "reason": "..."}, bare or in a ```json block or
// amid text; a reply without such an object gives "unknown" with the raw reply in details.
class LlmJudgeEvaluator : public Evaluator {
public:
    LlmJudgeEvaluator(ChatClient& judge, std::string model, nlohmann::json config);
    Evaluation evaluate(const EvaluationInput& input, const std::atomic_bool* cancel) override;

private:
    ChatClient* m_judge;
    std::string m_model;
    nlohmann::json m_config;
};

} // namespace memscope
