#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace memscope {

struct EvaluationInput;

// Helpers the evaluators share for reading a model's answer.
namespace answer_text {

struct CodeBlock {
    std::string language; // the fence's info word, lower-cased ("sql", "json"); empty when none
    std::string code;
};

// The ``` fenced blocks of `text`, in order. A block left open runs to the end of the text.
std::vector<CodeBlock> fencedBlocks(std::string_view text);
// ASCII lower case.
std::string foldCase(std::string_view text);
// A JSON object in an answer: the whole text, else its first ```json block (then any block), else the span
// from the first '{' to the last '}'. nullopt when none parses as an object.
std::optional<nlohmann::json> findJsonObject(std::string_view text);
// A number written as plain decimal text ("12", "-3.5", "1e3"); nullopt for anything else.
std::optional<double> parseNumber(std::string_view text);
// Equal within 1e-6 relative (1e-9 absolute near zero).
bool numbersClose(double a, double b);
// `text` on one line (runs of white space as one space), cut to `maxBytes` with "…".
std::string oneLine(std::string_view text, std::size_t maxBytes);
// "the task "Title" (q07)" for reasons and lessons.
std::string taskLabel(const EvaluationInput& input);

} // namespace answer_text

} // namespace memscope
