#include "agent/AnswerText.h"

#include "agent/Evaluator.h"
#include "agent/TaskPack.h"
#include "util/Strings.h"

#include <cmath>
#include <cstdlib>

namespace memscope::answer_text {

std::vector<CodeBlock> fencedBlocks(std::string_view text)
{
    std::vector<CodeBlock> blocks;
    bool open = false;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const auto end = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text.substr(pos, end - pos);
        const std::string trimmed = trim(line);
        if (!open && trimmed.starts_with("```")) {
            open = true;
            const std::string info = trim(std::string_view(trimmed).substr(3));
            blocks.push_back({foldCase(info.substr(0, info.find_first_of(" \t{"))), {}});
        } else if (open) {
            const auto fence = line.find("```");
            blocks.back().code += line.substr(0, fence);
            if (fence != std::string_view::npos)
                open = false;
            else
                blocks.back().code += '\n';
        }
        pos = end + 1;
    }
    return blocks;
}

std::string foldCase(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::optional<nlohmann::json> findJsonObject(std::string_view text)
{
    const auto parse = [](std::string_view candidate) -> std::optional<nlohmann::json> {
        auto value = nlohmann::json::parse(candidate, nullptr, false);
        if (value.is_discarded() || !value.is_object())
            return std::nullopt;
        return value;
    };
    if (auto whole = parse(text))
        return whole;
    const auto blocks = fencedBlocks(text);
    for (const auto& block : blocks)
        if (block.language == "json")
            if (auto value = parse(block.code))
                return value;
    for (const auto& block : blocks)
        if (auto value = parse(block.code))
            return value;
    const auto first = text.find('{');
    const auto last = text.rfind('}');
    if (first != std::string_view::npos && last != std::string_view::npos && last > first)
        return parse(text.substr(first, last - first + 1));
    return std::nullopt;
}

std::optional<double> parseNumber(std::string_view text)
{
    if (text.empty() || text.size() > 64)
        return std::nullopt;
    for (const char c : text)
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'))
            return std::nullopt;
    const std::string copy(text);
    char* end = nullptr;
    const double value = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

bool numbersClose(double a, double b)
{
    const double diff = std::fabs(a - b);
    return diff <= 1e-9 || diff <= 1e-6 * std::max(std::fabs(a), std::fabs(b));
}

std::string oneLine(std::string_view text, std::size_t maxBytes)
{
    std::string out;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
        if (!space)
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    if (out.size() <= maxBytes)
        return out;
    std::size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
        --cut;
    return out.substr(0, cut) + "…";
}

std::string taskLabel(const EvaluationInput& input)
{
    if (!input.task)
        return "the task";
    return "the task \"" + oneLine(input.task->title, 100) + "\" (" + input.task->id + ")";
}

} // namespace memscope::answer_text
