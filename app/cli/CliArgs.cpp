#include "CliArgs.h"

#include <cstdlib>

namespace memscope::cli {

CliArgs::CliArgs(const std::vector<std::string>& args, const Spec& spec)
{
    bool onlyPositionals = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (onlyPositionals || a.size() < 2 || a[0] != '-' || a == "-") {
            m_positionals.push_back(a);
            continue;
        }
        if (a == "--") {
            onlyPositionals = true;
            continue;
        }
        std::string name = a.substr(a.rfind("--", 0) == 0 ? 2 : 1);
        std::optional<std::string> inlineValue;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (spec.flags.count(name)) {
            if (inlineValue)
                throw UsageError{"--" + name + " takes no value"};
            m_flags.insert(name);
        } else if (spec.options.count(name)) {
            if (inlineValue) {
                m_options.emplace(name, *inlineValue);
            } else {
                if (i + 1 >= args.size())
                    throw UsageError{"--" + name + " needs a value"};
                m_options.emplace(name, args[++i]);
            }
        } else {
            throw UsageError{"unknown option " + a};
        }
    }
}

std::optional<std::string> CliArgs::value(const std::string& name) const
{
    // The last one wins, as in most command-line tools.
    auto range = m_options.equal_range(name);
    if (range.first == range.second)
        return std::nullopt;
    return std::prev(range.second)->second;
}

std::string CliArgs::value(const std::string& name, const std::string& fallback) const
{
    return value(name).value_or(fallback);
}

std::vector<std::string> CliArgs::values(const std::string& name) const
{
    std::vector<std::string> out;
    auto range = m_options.equal_range(name);
    for (auto it = range.first; it != range.second; ++it)
        out.push_back(it->second);
    return out;
}

long long CliArgs::integer(const std::string& name, long long fallback, long long min, long long max) const
{
    const auto v = value(name);
    if (!v)
        return fallback;
    char* end = nullptr;
    const long long n = std::strtoll(v->c_str(), &end, 10);
    if (v->empty() || *end != '\0' || n < min || n > max)
        throw UsageError{"--" + name + " needs a whole number from " + std::to_string(min) + " to " +
                         std::to_string(max) + ", got '" + *v + "'"};
    return n;
}

double CliArgs::number(const std::string& name, double fallback) const
{
    const auto v = value(name);
    if (!v)
        return fallback;
    char* end = nullptr;
    const double n = std::strtod(v->c_str(), &end);
    if (v->empty() || *end != '\0')
        throw UsageError{"--" + name + " needs a number, got '" + *v + "'"};
    return n;
}

} // namespace memscope::cli
