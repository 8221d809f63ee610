#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace memscope {

class Connection;

// Did a lesson help? For each lesson that runs retrieved (the access log, schema v3): how often it was
// retrieved, and the success rate of the runs that retrieved it against the runs of the same task type
// that did not. A run's outcome is its evaluation (Memscope's own runs), else the outcome_type of the
// record an outside agent wrote under that run_id (memscope-cli search --run-id). Runs without a known
// outcome are not counted. rate = success / runs; lift = rate with − rate without.
class LessonEffectiveness {
public:
    struct Query {
        std::string taskType;  // empty: every task type
        int minRetrievals = 1; // lessons retrieved fewer times are left out
        int limit = 100;       // most retrieved first
        std::string memoryId;  // one lesson only (the record's detail pane)
    };

    struct Row {
        std::string memoryId;
        std::string memory; // the lesson's text
        std::string outcomeType;
        std::string taskType;
        std::int64_t retrievals = 0; // rows in the access log
        std::int64_t runsWith = 0;   // distinct runs with a known outcome that retrieved it
        std::int64_t successWith = 0;
        std::int64_t runsWithout = 0; // runs of the same task type that did not retrieve it
        std::int64_t successWithout = 0;
        std::optional<double> rateWith() const;
        std::optional<double> rateWithout() const;
        std::optional<double> lift() const;
        nlohmann::json toJson() const;
    };

    explicit LessonEffectiveness(Connection& connection);
    std::vector<Row> compute(const Query& query);

private:
    Connection& m_connection;
};

} // namespace memscope
