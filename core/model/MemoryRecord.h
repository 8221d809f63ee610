#pragma once

#include "util/Time.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace memscope {

enum class RecordState { Active, Archived, Deleted };

const char* stateName(RecordState state);
std::optional<RecordState> parseState(std::string_view text);

// The outcome vocabulary of the continual-learning pattern.
enum class OutcomeType { Success, Failure, Partial, Unknown };

const char* outcomeName(OutcomeType outcome);
std::optional<OutcomeType> parseOutcome(std::string_view text);

inline constexpr const char* kDefaultCollection = "task_outcomes";

// One memory item, shaped like Mem0's so exported data and habits carry over. Empty strings stand for
// Mem0's nulls in user_id, agent_id and run_id.
struct MemoryRecord {
    std::string id; // UUID unless imported with another id
    std::string memory;
    std::string hash; // md5 of memory, as Mem0 computes it
    std::string userId;
    std::string agentId;
    std::string runId;
    std::string collection = kDefaultCollection;
    nlohmann::json metadata = nlohmann::json::object();
    RecordState state = RecordState::Active;
    Micros createdAt = 0;
    Micros updatedAt = 0;
    std::optional<Micros> expirationDate;
    // Top-level fields of an imported record that Memscope has no column for (Mem0's `categories`, say):
    // kept so an export gives them back.
    nlohmann::json extra = nlohmann::json::object();

    std::int64_t rowId = 0; // internal key, 0 until stored

    // Convenience reads of the outcome keys in metadata ("" when absent or not a string).
    std::string metaString(const char* key) const;
    std::optional<OutcomeType> outcome() const;
};

// The metadata keys of the continual-learning pattern that get their own indexed columns.
inline constexpr const char* kIndexedMetadataKeys[] = {"outcome_type", "task_type",  "tool_name",
                                                       "severity",     "user_scope", "version"};

} // namespace memscope
