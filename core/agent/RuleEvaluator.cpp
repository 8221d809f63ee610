#include "agent/RuleEvaluator.h"

#include "agent/AnswerText.h"
#include "agent/TaskPack.h"
#include "util/Strings.h"

#include <cctype>
#include <regex>

namespace memscope {

using namespace answer_text;
using nlohmann::json;

namespace {

struct Check {
    std::string name;
    double score = 0;
    std::string note; // what matched or what was wrong
};

std::string inQuotes(std::string_view text) { return "\"" + oneLine(text, 80) + "\""; }

bool sameValue(const json& got, const json& want)
{
    const auto number = [](const json& value) -> std::optional<double> {
        if (value.is_number())
            return value.get<double>();
        if (value.is_string())
            return parseNumber(trim(value.get_ref<const std::string&>()));
        return std::nullopt;
    };
    if (want.is_number() || got.is_number()) {
        const auto a = number(got), b = number(want);
        return a && b && numbersClose(*a, *b);
    }
    if (want.is_string() && got.is_string())
        return foldCase(trim(got.get_ref<const std::string&>())) == foldCase(trim(want.get_ref<const std::string&>()));
    return got == want;
}

Check checkFields(const std::string& answer, const json& fields)
{
    Check check{"fields", 0, {}};
    const auto object = findJsonObject(answer);
    if (!object) {
        check.note = "the answer holds no JSON object (expected the fields";
        for (const auto& [key, value] : fields.items())
            check.note += " " + key;
        check.note += ")";
        return check;
    }
    int matched = 0;
    std::string wrong;
    for (const auto& [key, want] : fields.items()) {
        const auto it = object->find(key);
        if (it != object->end() && sameValue(*it, want)) {
            ++matched;
        } else if (wrong.size() < 300) {
            wrong += (wrong.empty() ? "" : ", ") + key + ": " +
                     (it == object->end() ? std::string("missing") : "got " + oneLine(it->dump(), 60)) + ", expected " +
                     oneLine(want.dump(), 60);
        }
    }
    const auto total = static_cast<int>(fields.size());
    check.score = total ? static_cast<double>(matched) / total : 1;
    check.note = std::to_string(matched) + " of " + std::to_string(total) + " fields match" +
                 (wrong.empty() ? "" : " (" + wrong + ")");
    return check;
}

} // namespace

RuleEvaluator::RuleEvaluator(json config)
    : m_config(config.is_object() ? std::move(config) : json::object())
{
}

Evaluation RuleEvaluator::evaluate(const EvaluationInput& input, const std::atomic_bool*)
{
    json config = m_config;
    if (input.task)
        config.update(input.task->expected);
    Evaluation eval;
    const std::string label = taskLabel(input);
    const std::string answer = trim(input.answer);
    if (answer.empty()) {
        eval.outcome = "failure";
        eval.reason = "The answer is empty.";
        eval.lesson = "For " + label + ": give a final answer; an empty one fails.";
        return eval;
    }

    std::vector<Check> checks;
    if (config.contains("answer") && config["answer"].is_string()) {
        const std::string want = config["answer"].get<std::string>();
        const bool same = foldCase(answer) == foldCase(trim(want));
        checks.push_back({"answer", same ? 1.0 : 0.0,
                          same ? "the answer is the expected one" : "the answer is not " + inQuotes(want)});
    }
    if (config.contains("contains") && config["contains"].is_array() && !config["contains"].empty()) {
        const std::string folded = foldCase(answer);
        std::string missing;
        int found = 0;
        for (const auto& item : config["contains"]) {
            const std::string needle = item.is_string() ? item.get<std::string>() : item.dump();
            if (folded.find(foldCase(needle)) != std::string::npos)
                ++found;
            else
                missing += (missing.empty() ? "" : ", ") + inQuotes(needle);
        }
        const auto total = static_cast<int>(config["contains"].size());
        checks.push_back({"contains", static_cast<double>(found) / total,
                          std::to_string(found) + " of " + std::to_string(total) + " required phrases found" +
                              (missing.empty() ? "" : " (missing " + missing + ")")});
    }
    if (config.contains("regex") && config["regex"].is_string()) {
        const std::string pattern = config["regex"].get<std::string>();
        try {
            const bool found = std::regex_search(answer, std::regex(pattern, std::regex::ECMAScript));
            checks.push_back({"regex", found ? 1.0 : 0.0,
                              std::string(found ? "the answer matches" : "the answer does not match") + " /" +
                                  oneLine(pattern, 80) + "/"});
        } catch (const std::regex_error& e) {
            eval.outcome = "unknown";
            eval.reason = "The task's regex /" + oneLine(pattern, 80) + "/ is invalid: " + e.what();
            return eval;
        }
    }
    if (config.contains("fields") && config["fields"].is_object())
        checks.push_back(checkFields(answer, config["fields"]));
    if (checks.empty()) {
        eval.outcome = "unknown";
        eval.reason = "The rule evaluator has nothing to check (no answer, contains, regex or fields).";
        return eval;
    }

    double sum = 0;
    bool all = true;
    json details = json::array();
    for (const auto& check : checks) {
        sum += check.score;
        all = all && check.score >= 1;
        eval.reason += (eval.reason.empty() ? "" : "; ") + check.note;
        details.push_back({{"check", check.name}, {"score", check.score}, {"note", check.note}});
    }
    eval.score = sum / static_cast<double>(checks.size());
    eval.outcome = all ? "success" : eval.score > 0 ? "partial" : "failure";
    eval.reason[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(eval.reason[0])));
    eval.reason += ".";
    eval.details = {{"checks", details}};
    if (all)
        eval.lesson = "For " + label + ": an answer like " + inQuotes(answer) + " passes every check.";
    else
        eval.lesson = "For " + label + ": the answer must pass every check; this one: " + eval.reason;
    return eval;
}

} // namespace memscope
