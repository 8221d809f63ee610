#pragma once

#include "model/MemoryRecord.h"
#include "util/Time.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace memscope {

class DemoCalendar;
class DemoComposer;

struct DemoOptions {
    std::int64_t records = 5000;
    std::uint64_t seed = 42;
    Micros end = 0; // 0 = now
    int days = 180;
    int users = 6;
};

// When the built-in scenarios happen for one set of options.
struct DemoTimeline {
    Micros start = 0; // midnight UTC of the first day
    Micros end = 0;
    std::vector<std::string> versions;   // "v1.0" ... "v1.4"
    std::vector<Micros> releases;        // when each version shipped (the first before `start`)
    Micros toolFailureStart = 0;         // DemoGenerator::kFailingTool starts failing
    Micros staleApiRetired = 0;          // DemoGenerator::kStaleMarker stops working
    Micros staleApiGraceEnd = 0;         // agents stop following the stale lessons
    std::vector<Micros> incidentDays;    // midnight UTC of each incident day
    std::string conflictingUser;         // empty when there are no users
    std::vector<Micros> preferenceFlips; // report format, email tone, report format again
};

// A synthetic outcome history for the first run, screenshots and benchmarks: records of agents working
// through seven task types for a handful of users, with trends built in for the Trends view and the
// curation flows to find (see describeScenarios()). Streams in chronological order with constant memory.
class DemoGenerator {
public:
    static constexpr const char* kFailingTask = "sql_query_debug";
    static constexpr const char* kFailingTool = "pg_connector";
    static constexpr const char* kImprovingTask = "report_generation";
    static constexpr const char* kStaleMarker = "send_v1"; // in the text of the outdated lessons
    static constexpr const char* kProfileCollection = "user_profile";

    explicit DemoGenerator(DemoOptions options);
    ~DemoGenerator();
    DemoGenerator(const DemoGenerator&) = delete;
    DemoGenerator& operator=(const DemoGenerator&) = delete;

    // Calls sink for each record in chronological order; stops early when sink returns false.
    // Deterministic for a seed (except `end` = now): the same options give the same records every call.
    void generate(const std::function<bool(MemoryRecord&&)>& sink);

    // The scenarios built into the history, with their dates, for tests and the README.
    std::vector<std::string> describeScenarios() const;

    const DemoOptions& options() const { return m_options; }
    const DemoTimeline& timeline() const { return m_timeline; }

private:
    DemoOptions m_options;
    DemoTimeline m_timeline;
    std::unique_ptr<DemoCalendar> m_calendar;
    std::unique_ptr<DemoComposer> m_composer;
};

} // namespace memscope
