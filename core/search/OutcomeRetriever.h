#pragma once

#include "search/SearchTypes.h"

#include <optional>
#include <string>
#include <vector>

namespace memscope {

class MemoryStore;

// The prefetch step of the continual-learning loop in one call: for a task type, the most relevant recent
// successes and failures from the global scope plus the user's, optionally for one tool or version and
// within a time window.
struct OutcomeQuery {
    std::string taskType;
    std::string userId;          // besides "global"; empty = global only
    std::string description;     // the task text; empty = "Previous outcomes for task type: <task_type>"
    std::string toolName;        // optional
    std::string version;         // optional
    std::optional<Micros> since; // optional time window (records with created_at >= since)
    int maxItems = 5;            // per outcome type
    double recencyHalfLifeDays = 30;
    std::string collection = "task_outcomes";
};

struct RelevantOutcomes {
    std::vector<SearchHit> successes;
    std::vector<SearchHit> failures;
    nlohmann::json filter; // the filter used for successes (failures differ only in outcome_type)
};

class OutcomeRetriever {
public:
    explicit OutcomeRetriever(MemoryStore& store);
    RelevantOutcomes fetch(const OutcomeQuery& query);

private:
    MemoryStore& m_store;
};

} // namespace memscope
