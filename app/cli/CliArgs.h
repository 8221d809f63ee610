#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace memscope::cli {

// A command's arguments: positionals, `--name value` options (repeatable), `--flag` switches. Each command
// declares what it takes so a typo is an error, not a silently ignored option.
class CliArgs {
public:
    struct Spec {
        std::set<std::string> options; // take a value
        std::set<std::string> flags;   // take none
    };

    // Throws UsageError for an unknown option or a missing value.
    CliArgs(const std::vector<std::string>& args, const Spec& spec);

    const std::vector<std::string>& positionals() const { return m_positionals; }
    bool flag(const std::string& name) const { return m_flags.count(name) > 0; }
    std::optional<std::string> value(const std::string& name) const;
    std::string value(const std::string& name, const std::string& fallback) const;
    std::vector<std::string> values(const std::string& name) const;
    // Throws UsageError when the value is not a whole number in range.
    long long integer(const std::string& name, long long fallback, long long min, long long max) const;
    double number(const std::string& name, double fallback) const;

private:
    std::vector<std::string> m_positionals;
    std::multimap<std::string, std::string> m_options;
    std::set<std::string> m_flags;
};

struct UsageError {
    std::string message;
};

} // namespace memscope::cli
