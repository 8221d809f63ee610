#pragma once
// Small helpers shared by the benchmark programs (header-only: each benchmark is one executable).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace memscope::bench {

inline double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Peak resident set size of this process in MiB (VmHWM).
// A field of /proc/self/status in MiB (VmHWM: peak RSS; RssAnon, RssFile: resident now), 0 if absent.
inline double statusMiB(const std::string& field)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind(field + ":", 0) == 0)
            return std::stod(line.substr(field.size() + 1)) / 1024.0;
    return 0;
}

inline double peakRssMiB() { return statusMiB("VmHWM"); }

// Peak RSS, and what is resident now split into private memory and pages of the memory-mapped database
// (clean file pages, shared with the kernel's file cache: see README "Store at scale").
inline std::string rssSummary()
{
    char text[160];
    std::snprintf(text, sizeof text, "%.0f MiB (now: %.0f MiB private, %.0f MiB mapped database file)", peakRssMiB(),
                  statusMiB("RssAnon"), statusMiB("RssFile"));
    return text;
}

inline double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

// "--name value" from argv, else the fallback.
inline std::string argument(int argc, char** argv, const std::string& name, const std::string& fallback)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (argv[i] == "--" + name)
            return argv[i + 1];
    return fallback;
}

// A number with `digits` decimals.
inline std::string fixed(double value, int digits = 1)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", digits, value);
    return text;
}

// Whether "--name" is on the command line.
inline bool flag(int argc, char** argv, const std::string& name)
{
    for (int i = 1; i < argc; ++i)
        if (argv[i] == "--" + name)
            return true;
    return false;
}

} // namespace memscope::bench
