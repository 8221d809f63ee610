#pragma once

#include "demo/DemoCatalog.h"
#include "demo/DemoGenerator.h"
#include "demo/DemoRng.h"
#include "model/MemoryRecord.h"

#include <cstdint>
#include <string>
#include <vector>

namespace memscope {

// Writes one demo record: picks the task type, tool, agent version, user and outcome for its time, bending
// the odds inside the scenario windows of the timeline, and composes the lesson text from the catalog.
class DemoComposer {
public:
    // `incidentDays` are day indices of the timeline, gateway outage first.
    DemoComposer(const DemoOptions& options, const DemoTimeline& timeline, std::vector<int> incidentDays);

    // The record with this stream index at time t, on day `day` of the timeline. Records must come in time
    // order: the date text is formatted once per day.
    void compose(std::int64_t index, Micros t, int day, DemoRng& rng, MemoryRecord& rec);

private:
    using Pool = std::vector<const DemoCatalog::Template*>;

    struct ToolPlan {
        std::string name;
        std::array<Pool, 4> lead; // by OutcomeType
        Pool note, cause, lesson;
    };
    struct TaskPlan {
        std::string type;
        double success = 0.75;
        bool warehouseBound = false; // hit by the warehouse incident
        std::vector<std::string> agents;
        std::vector<std::string> tags;
        std::vector<ToolPlan> tools;
        std::vector<double> toolWeights; // cumulative
    };
    struct ScenarioPlan {
        Pool lead, cause, lesson;
        std::vector<std::string> tags;
    };
    struct PrefTopic {
        std::string name, task, agent;
        std::vector<std::string> tags;
        std::vector<std::string> values;
        std::vector<Pool> pools; // by value
    };
    struct Choice;
    // The metadata of one record, written in key order by compose() so every insert lands at the map's end.
    struct Fields {
        OutcomeType outcome = OutcomeType::Success;
        const std::string* taskType = nullptr;
        const std::string* tool = nullptr;
        const char* severity = nullptr; // absent when null
        bool global = false;
        std::size_t version = 0;
        nlohmann::json::array_t tags;
    };

    Fields fillOutcome(Micros t, int day, DemoRng& rng, MemoryRecord& rec) const;
    Fields fillPreference(Micros t, DemoRng& rng, MemoryRecord& rec) const;
    Choice choose(const TaskPlan& task, const ToolPlan& tool, std::size_t version, Micros t, int day,
                  DemoRng& rng) const;
    std::size_t versionAt(Micros t, DemoRng& rng) const;
    std::size_t pickUser(DemoRng& rng) const;
    void renderFrom(const Pool& pool, DemoRng& rng, DemoCatalog::TextContext& ctx, std::string& out) const;
    ScenarioPlan scenario(const char* name) const;
    std::string isoTime(Micros t) const;

    const DemoCatalog& m_catalog = DemoCatalog::builtin();
    const DemoTimeline& m_timeline;
    std::uint64_t m_seed;
    std::vector<int> m_incidentDays;

    std::vector<TaskPlan> m_tasks;
    std::vector<double> m_taskWeights; // cumulative
    std::size_t m_failingTask = 0, m_failingTool = 0, m_improvingTask = 0, m_emailTask = 0, m_emailToolkit = 0;
    ScenarioPlan m_pgSsl, m_pgWorkaround, m_sendV1, m_sendV2, m_sendV1Gone, m_gatewayIncident, m_warehouseIncident;

    Pool m_corrections;
    const std::string m_feedbackTool = "feedback_parser"; // the tool_name of preference records
    std::vector<PrefTopic> m_prefs;
    std::size_t m_reportFormat = 0, m_emailTone = 0;                     // topics
    std::size_t m_pdf = 0, m_inlineHtml = 0, m_formal = 0, m_casual = 0; // their values

    std::vector<std::string> m_users;
    std::vector<double> m_userWeights;                 // cumulative
    std::vector<std::vector<std::size_t>> m_prefValue; // [user][topic], fixed except for the conflicting user
    std::size_t m_conflictingUser = 0;

    int m_stampDay = -1; // the day m_stampDate is for
    Micros m_stampStart = 0;
    std::string m_stampDate; // "2026-03-02"
};

} // namespace memscope
