#include "agent/LlmJudgeEvaluator.h"

#include "agent/AnswerText.h"
#include "agent/TaskPack.h"
#include "llm/ChatClient.h"
#include "util/Strings.h"

#include <algorithm>

namespace memscope {

using namespace answer_text;
using nlohmann::json;

namespace {

constexpr int kJudgeMaxTokens = 400;

const char* const kJudgeSystem =
    "You grade the answers of an assistant. Judge only against the task and the rubric; be strict but fair. "
    "Reply with a single JSON object and nothing else: "
    "{\"verdict\": \"success\" | \"partial\" | \"failure\", \"score\": <number from 0 to 1>, "
    "\"reason\": \"<one or two sentences naming what is good or missing>\"}. "
    "success: the answer meets every point of the rubric; partial: it meets some; failure: it misses the "
    "essentials or is wrong or harmful.";

} // namespace

LlmJudgeEvaluator::LlmJudgeEvaluator(ChatClient& judge, std::string model, json config)
    : m_judge(&judge)
    , m_model(std::move(model))
    , m_config(config.is_object() ? std::move(config) : json::object())
{
}

Evaluation LlmJudgeEvaluator::evaluate(const EvaluationInput& input, const std::atomic_bool* cancel)
{
    json config = m_config;
    if (input.task)
        config.update(input.task->expected);
    const std::string label = taskLabel(input);
    const std::string rubric = config.value("rubric", std::string());
    Evaluation eval;
    if (trim(input.answer).empty()) {
        eval.outcome = "failure";
        eval.reason = "The answer is empty.";
        eval.lesson = "For " + label + ": give a final answer; an empty one fails.";
        return eval;
    }

    std::string prompt = "Task:\n" + (input.task ? input.task->input : std::string("(not given)")) + "\n\n";
    prompt += "Rubric:\n" + (rubric.empty() ? std::string("Judge whether the answer solves the task.") : rubric);
    if (config.contains("reference") && config["reference"].is_string())
        prompt += "\n\nAn example of a good answer (others can be as good):\n" + config["reference"].get<std::string>();
    prompt += "\n\nThe answer to grade:\n<<<\n" + input.answer + "\n>>>\n\nReply with the JSON object only.";

    ChatRequest request;
    request.model = m_model;
    request.messages = {ChatMessage::system(kJudgeSystem), ChatMessage::user(prompt)};
    request.temperature = 0;
    request.maxTokens = kJudgeMaxTokens;
    request.stream = false;
    const ChatResponse response = m_judge->complete(request, {}, cancel); // Network/Cancelled propagate

    const std::string& raw = response.message.content;
    eval.details = {{"judge_model", response.model.empty() ? m_model : response.model},
                    {"raw", raw},
                    {"prompt_tokens", response.usage.promptTokens},
                    {"completion_tokens", response.usage.completionTokens},
                    {"latency_ms", response.latencyMs}};
    const auto verdict = findJsonObject(raw);
    const std::string outcome = verdict && verdict->contains("verdict") && (*verdict)["verdict"].is_string()
                                    ? foldCase(trim((*verdict)["verdict"].get_ref<const std::string&>()))
                                    : std::string();
    if (outcome != "success" && outcome != "partial" && outcome != "failure") {
        eval.outcome = "unknown";
        eval.reason = "The judge's reply holds no verdict: " + oneLine(raw, 200);
        return eval;
    }
    eval.outcome = outcome;
    const double fallback = outcome == "success" ? 1.0 : outcome == "partial" ? 0.5 : 0.0;
    const json score = verdict->value("score", json());
    eval.score = score.is_number() ? std::clamp(score.get<double>(), 0.0, 1.0) : fallback;
    eval.reason = verdict->value("reason", json()).is_string() ? trim(verdict->value("reason", std::string())) : "";
    if (eval.reason.empty())
        eval.reason = "The judge gave \"" + outcome + "\" without a reason.";
    eval.details["verdict"] = *verdict;
    if (outcome == "success")
        eval.lesson = "For " + label + ": an answer that meets the rubric (" + oneLine(rubric, 200) +
                      ") was judged good: " + oneLine(eval.reason, 300);
    else
        eval.lesson = "For " + label + ": the answer must meet the rubric (" + oneLine(rubric, 200) +
                      "); the judge found: " + oneLine(eval.reason, 300);
    return eval;
}

} // namespace memscope
