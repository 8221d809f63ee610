#pragma once

#include "agent/Evaluator.h"

namespace memscope {

// "rule": checks the answer against the config's `answer` (equal after trimming and case-folding),
// `contains` (substrings, all required, case-folded), `regex` (ECMAScript, searched) and `fields` (the
// answer's JSON object, or its first ```json block, compared field by field). Each check scores 0..1 (the
// share of substrings or fields that match); the score is their mean: success when all pass, failure when
// none passes at all, partial otherwise.
class RuleEvaluator : public Evaluator {
public:
    explicit RuleEvaluator(nlohmann::json config);
    Evaluation evaluate(const EvaluationInput& input, const std::atomic_bool* cancel) override;

private:
    nlohmann::json m_config;
};

} // namespace memscope
