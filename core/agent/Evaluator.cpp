#include "agent/Evaluator.h"

#include "agent/LlmJudgeEvaluator.h"
#include "agent/RuleEvaluator.h"
#include "agent/SqlResultEvaluator.h"
#include "agent/TaskPack.h"
#include "util/Error.h"

namespace memscope {

std::unique_ptr<Evaluator> makeEvaluator(const EvaluatorSpec& spec, SqlSandbox* sandbox, ChatClient* judge,
                                         const std::string& judgeModel)
{
    if (spec.kind == "rule")
        return std::make_unique<RuleEvaluator>(spec.config);
    if (spec.kind == "sql_result") {
        if (!sandbox)
            throw Error(Error::Kind::InvalidArgument, "the sql_result evaluator needs the pack's database");
        return std::make_unique<SqlResultEvaluator>(*sandbox, spec.config);
    }
    if (spec.kind == "llm_judge") {
        if (!judge)
            throw Error(Error::Kind::InvalidArgument, "the llm_judge evaluator needs a chat model to ask");
        return std::make_unique<LlmJudgeEvaluator>(*judge, judgeModel, spec.config);
    }
    throw Error(Error::Kind::InvalidArgument,
                "unknown evaluator kind \"" + spec.kind + "\" (known: rule, sql_result, llm_judge)");
}

} // namespace memscope
