#pragma once

#include <string>
#include <string_view>

namespace memscope {

// Without leading and trailing spaces, tabs and line breaks.
std::string trim(std::string_view text);
// An environment variable's value, trimmed; empty when unset.
std::string environmentValue(const char* name);

} // namespace memscope
