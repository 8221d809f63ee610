#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <map>
#include <optional>
#include <string>

namespace memscope::test {

// Sets (or with nullopt unsets) environment variables for the CLI processes a test starts, and restores
// them when it goes out of scope.
class ScopedEnv {
public:
    explicit ScopedEnv(const std::map<QByteArray, std::optional<std::string>>& values)
    {
        for (const auto& [name, value] : values) {
            m_saved[name] =
                qEnvironmentVariableIsSet(name.constData()) ? std::optional(qgetenv(name.constData())) : std::nullopt;
            if (value)
                qputenv(name.constData(), QByteArray::fromStdString(*value));
            else
                qunsetenv(name.constData());
        }
    }
    ~ScopedEnv()
    {
        for (const auto& [name, value] : m_saved) {
            if (value)
                qputenv(name.constData(), *value);
            else
                qunsetenv(name.constData());
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    std::map<QByteArray, std::optional<QByteArray>> m_saved;
};

} // namespace memscope::test
