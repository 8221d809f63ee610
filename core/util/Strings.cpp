#include "util/Strings.h"

#include <cstdlib>

namespace memscope {

std::string trim(std::string_view text)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return std::string(text);
}

std::string environmentValue(const char* name)
{
    const char* value = std::getenv(name);
    return value ? trim(value) : std::string();
}

} // namespace memscope
