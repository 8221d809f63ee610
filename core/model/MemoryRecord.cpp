#include "model/MemoryRecord.h"

namespace memscope {

const char* stateName(RecordState state)
{
    switch (state) {
    case RecordState::Active: return "active";
    case RecordState::Archived: return "archived";
    case RecordState::Deleted: return "deleted";
    }
    return "active";
}

std::optional<RecordState> parseState(std::string_view text)
{
    if (text == "active")
        return RecordState::Active;
    if (text == "archived")
        return RecordState::Archived;
    if (text == "deleted")
        return RecordState::Deleted;
    return std::nullopt;
}

const char* outcomeName(OutcomeType outcome)
{
    switch (outcome) {
    case OutcomeType::Success: return "success";
    case OutcomeType::Failure: return "failure";
    case OutcomeType::Partial: return "partial";
    case OutcomeType::Unknown: return "unknown";
    }
    return "unknown";
}

std::optional<OutcomeType> parseOutcome(std::string_view text)
{
    if (text == "success")
        return OutcomeType::Success;
    if (text == "failure")
        return OutcomeType::Failure;
    if (text == "partial")
        return OutcomeType::Partial;
    if (text == "unknown")
        return OutcomeType::Unknown;
    return std::nullopt;
}

std::string MemoryRecord::metaString(const char* key) const
{
    if (!metadata.is_object())
        return {};
    const auto it = metadata.find(key);
    if (it == metadata.end() || !it->is_string())
        return {};
    return it->get<std::string>();
}

std::optional<OutcomeType> MemoryRecord::outcome() const { return parseOutcome(metaString("outcome_type")); }

} // namespace memscope
