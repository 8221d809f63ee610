#include "util/Paths.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace memscope {

std::string Paths::defaultDatabase()
{
    if (const char* explicitPath = std::getenv("MEMSCOPE_DB"); explicitPath && *explicitPath)
        return explicitPath;
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = std::filesystem::path(home) / ".local" / "share";
    else
        base = std::filesystem::current_path();
    const auto dir = base / "memscope";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    return (dir / "memscope.db").string();
}

} // namespace memscope
