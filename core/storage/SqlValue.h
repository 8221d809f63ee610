#pragma once

#include <cstdint>
#include <string>
#include <variant>

namespace memscope {

// A value bound to a SQL parameter: compiled filters and queries carry their parameters as these.
using SqlValue = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

} // namespace memscope
