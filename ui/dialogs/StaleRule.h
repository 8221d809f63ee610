#pragma once

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QStringList>

#include <optional>

namespace memscope::ui {

// What "stale" means for the Archive Stale Lessons dialog, and the Mem0 filter that selects exactly those
// active records.
struct StaleRule {
    std::optional<int> olderThanDays;
    QString versionBefore; // empty: any version
    QStringList knownVersions;
    QStringList outcomes; // empty: any outcome
    QString taskType;     // empty: any
    QString toolName;     // empty: any

    nlohmann::json filter(const QDateTime& now = QDateTime::currentDateTimeUtc()) const;
    // The versions that come before `version` in natural order (v1.9 before v1.10).
    static QStringList versionsBefore(const QStringList& versions, const QString& version);
};

} // namespace memscope::ui
