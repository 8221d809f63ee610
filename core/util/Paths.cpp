#include "util/Paths.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace memscope {

std::string Paths::defaultDatabase()
{
    if (const char* explicitPath = std::getenv("MEMSCOPE_DB"); explicitPath && *explicitPath)
        return explicitPath;
    const auto dir = std::filesystem::path(dataHome()) / "memscope";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    return (dir / "memscope.db").string();
}

std::string Paths::dataHome()
{
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return xdg;
    if (const char* home = std::getenv("HOME"); home && *home)
        return (std::filesystem::path(home) / ".local" / "share").string();
    return std::filesystem::current_path().string();
}

std::string Paths::executableDir()
{
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : exe.parent_path().string();
}

} // namespace memscope
