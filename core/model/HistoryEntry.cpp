#include "model/HistoryEntry.h"

namespace memscope {

namespace {
struct EventName {
    HistoryEvent event;
    const char* name;
};
constexpr EventName kEvents[] = {
    {HistoryEvent::Add, "ADD"},         {HistoryEvent::Update, "UPDATE"},   {HistoryEvent::Relabel, "RELABEL"},
    {HistoryEvent::Archive, "ARCHIVE"}, {HistoryEvent::Restore, "RESTORE"}, {HistoryEvent::Delete, "DELETE"},
    {HistoryEvent::Purge, "PURGE"},
};
} // namespace

const char* eventName(HistoryEvent event)
{
    for (const auto& e : kEvents)
        if (e.event == event)
            return e.name;
    return "UPDATE";
}

std::optional<HistoryEvent> parseEvent(std::string_view text)
{
    for (const auto& e : kEvents)
        if (text == e.name)
            return e.event;
    return std::nullopt;
}

nlohmann::json HistoryEntry::toJson() const
{
    nlohmann::json out;
    out["id"] = id;
    out["memory_id"] = memoryId;
    out["event"] = eventName(event);
    out["old_value"] = oldValue;
    out["new_value"] = newValue;
    out["actor"] = actor;
    out["reason"] = reason.empty() ? nlohmann::json(nullptr) : nlohmann::json(reason);
    out["batch_id"] = batchId.empty() ? nlohmann::json(nullptr) : nlohmann::json(batchId);
    out["created_at"] = formatIsoTime(createdAt);
    return out;
}

} // namespace memscope
