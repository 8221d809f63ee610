#pragma once

#include <nlohmann/json.hpp>

#include <QString>
#include <QStringList>

namespace memscope::ui {

// A history row's change as plain-text lines a person can read: "outcome_type: success → failure",
// metadata key by key, and the lesson text as a word diff in git's notation ([-removed-] {+added+}).
// Plain text on purpose: it quotes user data.
class HistoryDiff {
public:
    static QStringList describe(const nlohmann::json& oldValue, const nlohmann::json& newValue);
    static QString wordDiff(const QString& before, const QString& after);
};

} // namespace memscope::ui
