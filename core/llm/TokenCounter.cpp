#include "llm/TokenCounter.h"

#include <algorithm>
#include <cmath>

namespace memscope {

namespace {

bool isAsciiAlnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The code point starting at text[i] and its length in bytes (a broken sequence counts as one byte).
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t i)
{
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (i + length > text.size())
        return {c, 1};
    char32_t cp = length == 1 ? c : length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0) != 0x80)
            return {c, 1};
        cp = (cp << 6) | (next & 0x3F);
    }
    return {cp, length};
}

bool isCjk(char32_t cp)
{
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
           (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

struct Tally {
    double characters = 0; // weighted characters for the ~4-per-token side
    double words = 0;      // words for the ~0.75-words-per-token side
    double symbols = 0;    // punctuation: roughly a token each
    double cjk = 0;        // a token each, on both sides
};

Tally tally(std::string_view text)
{
    Tally t;
    bool inWord = false;
    std::size_t wordLength = 0;
    const auto endWord = [&] {
        if (inWord) // long words split into several tokens whatever their frequency
            t.words += 1 + static_cast<double>(wordLength > 12 ? (wordLength - 12) / 6 + 1 : 0);
        inWord = false;
        wordLength = 0;
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto [cp, length] = decode(text, i);
        i += length;
        if (cp < 0x80) {
            const auto c = static_cast<unsigned char>(cp);
            t.characters += 1;
            if (isAsciiAlnum(c)) {
                inWord = true;
                ++wordLength;
            } else {
                endWord();
                if (!isSpace(c))
                    t.symbols += 1;
            }
        } else if (isCjk(cp)) {
            endWord();
            t.cjk += 1;
        } else {
            // Accented and other scripts' letters: part of the word, and costlier per character.
            t.characters += 2;
            inWord = true;
            ++wordLength;
        }
    }
    endWord();
    return t;
}

int fromTally(const Tally& t)
{
    const double byCharacters = t.characters / 4.0;
    const double byWords = t.words / 0.75 + t.symbols * 0.8;
    const double blended = (byCharacters + byWords) / 2 + t.cjk;
    if (blended <= 0)
        return 0;
    return std::max(1, static_cast<int>(std::lround(blended)));
}

} // namespace

int TokenCounter::estimate(std::string_view text) { return text.empty() ? 0 : fromTally(tally(text)); }

int TokenCounter::estimate(const ChatMessage& message)
{
    int tokens = kPerMessageOverhead + estimate(message.content) + estimate(message.name);
    for (const auto& call : message.toolCalls)
        tokens += 3 + estimate(call.name) + estimate(call.arguments);
    return tokens;
}

int TokenCounter::estimate(const std::vector<ChatMessage>& messages)
{
    int tokens = kReplyPriming;
    for (const auto& message : messages)
        tokens += estimate(message);
    return tokens;
}

int TokenCounter::estimate(const ChatRequest& request)
{
    int tokens = estimate(request.messages);
    for (const auto& tool : request.tools) {
        tokens += 8 + estimate(tool.name) + estimate(tool.description);
        if (!tool.parameters.is_null())
            tokens += estimate(tool.parameters.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
    return tokens;
}

std::string TokenCounter::truncate(std::string_view text, int maxTokens)
{
    if (maxTokens <= 0)
        return {};
    if (estimate(text) <= maxTokens)
        return std::string(text);
    // The estimate grows with the prefix length: binary search the longest prefix that fits.
    const auto boundary = [&](std::size_t at) {
        while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
            --at;
        return at;
    };
    std::size_t low = 0, high = text.size();
    while (low < high) {
        const std::size_t mid = boundary(low + (high - low + 1) / 2);
        if (mid <= low) {
            break;
        }
        if (estimate(text.substr(0, mid)) <= maxTokens)
            low = mid;
        else
            high = mid - 1;
    }
    std::size_t cut = boundary(low);
    // Prefer ending at a space when one is within the last ~20% of what fits.
    const auto space = text.substr(0, cut).find_last_of(" \n\t");
    if (space != std::string_view::npos && space > cut - cut / 5)
        cut = space;
    std::string out(text.substr(0, cut));
    while (!out.empty() && isSpace(static_cast<unsigned char>(out.back())))
        out.pop_back();
    return out;
}

} // namespace memscope
