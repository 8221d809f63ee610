#pragma once

#include "util/Time.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace memscope {

// Mem0's ADD/UPDATE/DELETE plus the curation events.
enum class HistoryEvent { Add, Update, Relabel, Archive, Restore, Delete, Purge };

const char* eventName(HistoryEvent event);
std::optional<HistoryEvent> parseEvent(std::string_view text);

// Who changed a record and why: written into every history row the change produces.
struct ChangeContext {
    std::string actor = "cli"; // "human:<name>", "agent:<id>", "cli"
    std::string reason;
    // Rows of one user action (a bulk archive, an import) share a batch id, so the action can be undone whole.
    std::string batchId;
};

// One row of history: the fields the change touched, before and after.
struct HistoryEntry {
    std::int64_t id = 0;
    std::string memoryId;
    HistoryEvent event = HistoryEvent::Add;
    nlohmann::json oldValue; // null for ADD; the whole record for PURGE
    nlohmann::json newValue;
    std::string actor;
    std::string reason;
    std::string batchId;
    Micros createdAt = 0;

    nlohmann::json toJson() const;
};

} // namespace memscope
