#include "stats/LessonEffectiveness.h"

#include "storage/Connection.h"

#include <algorithm>
#include <map>

namespace memscope {

namespace {

// Runs with a known outcome: Memscope's evaluated runs, then outside agents' runs through the outcome
// record they wrote under the run id (one per run).
constexpr const char* kRunOutcomes =
    "WITH run_outcomes(run_id, task_type, outcome) AS ("
    " SELECT id, task_type, outcome FROM runs WHERE status = 'completed' AND outcome IS NOT NULL AND outcome != ''"
    " UNION ALL"
    " SELECT run_id, task_type, min(outcome_type) FROM memories"
    " WHERE run_id IS NOT NULL AND collection = 'task_outcomes' AND outcome_type IS NOT NULL"
    " AND run_id NOT IN (SELECT id FROM runs) GROUP BY run_id)";

std::optional<double> rate(std::int64_t success, std::int64_t runs)
{
    return runs > 0 ? std::optional<double>(static_cast<double>(success) / static_cast<double>(runs)) : std::nullopt;
}

nlohmann::json orNull(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

} // namespace

std::optional<double> LessonEffectiveness::Row::rateWith() const { return rate(successWith, runsWith); }
std::optional<double> LessonEffectiveness::Row::rateWithout() const { return rate(successWithout, runsWithout); }
std::optional<double> LessonEffectiveness::Row::lift() const
{
    const auto with = rateWith();
    const auto without = rateWithout();
    return with && without ? std::optional<double>(*with - *without) : std::nullopt;
}

nlohmann::json LessonEffectiveness::Row::toJson() const
{
    return {{"memory_id", memoryId},
            {"memory", memory},
            {"outcome_type", outcomeType},
            {"task_type", taskType},
            {"retrievals", retrievals},
            {"runs_with", runsWith},
            {"success_with", successWith},
            {"rate_with", orNull(rateWith())},
            {"runs_without", runsWithout},
            {"success_without", successWithout},
            {"rate_without", orNull(rateWithout())},
            {"lift", orNull(lift())}};
}

LessonEffectiveness::LessonEffectiveness(Connection& connection)
    : m_connection(connection)
{
}

std::vector<LessonEffectiveness::Row> LessonEffectiveness::compute(const Query& q)
{
    // The lessons: retrieved records, most retrieved first.
    std::string sql = "SELECT m.id, m.memory, coalesce(m.outcome_type, ''), coalesce(m.task_type, ''), a.n "
                      "FROM (SELECT memory_id, count(*) AS n FROM memory_access";
    if (!q.memoryId.empty())
        sql += " WHERE memory_id = ?3";
    sql += " GROUP BY memory_id HAVING n >= ?1) a JOIN memories m ON m.id = a.memory_id";
    if (!q.taskType.empty())
        sql += " WHERE m.task_type = ?4";
    sql += " ORDER BY a.n DESC, m.id LIMIT ?2";
    auto lessons = m_connection.prepare(sql);
    lessons.bind(1, std::max(1, q.minRetrievals)).bind(2, std::max(0, q.limit));
    if (!q.memoryId.empty())
        lessons.bind(3, q.memoryId);
    if (!q.taskType.empty())
        lessons.bind(4, q.taskType);
    std::vector<Row> rows;
    std::map<std::string, std::size_t> index;
    while (lessons.step()) {
        Row r;
        r.memoryId = lessons.text(0);
        r.memory = lessons.text(1);
        r.outcomeType = lessons.text(2);
        r.taskType = lessons.text(3);
        r.retrievals = lessons.int64(4);
        index[r.memoryId] = rows.size();
        rows.push_back(std::move(r));
    }
    if (rows.empty())
        return rows;

    // Runs of each task type, and how many succeeded.
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> totals;
    auto all = m_connection.prepare(std::string(kRunOutcomes) +
                                    " SELECT coalesce(task_type, ''), count(*), sum(outcome = 'success') "
                                    "FROM run_outcomes GROUP BY 1");
    while (all.step())
        totals[all.text(0)] = {all.int64(1), all.int64(2)};

    // The runs that retrieved each lesson, counted when they share its task type.
    auto with = m_connection.prepare(
        std::string(kRunOutcomes) +
        " SELECT a.memory_id, coalesce(ro.task_type, ''), count(*), sum(ro.outcome = 'success') "
        "FROM (SELECT DISTINCT memory_id, run_id FROM memory_access) a JOIN run_outcomes ro ON ro.run_id = a.run_id "
        "GROUP BY 1, 2");
    while (with.step()) {
        const auto it = index.find(with.text(0));
        if (it == index.end())
            continue;
        Row& r = rows[it->second];
        if (with.text(1) != r.taskType)
            continue;
        r.runsWith = with.int64(2);
        r.successWith = with.int64(3);
    }
    for (auto& r : rows) {
        const auto total = totals.find(r.taskType);
        if (total == totals.end())
            continue;
        r.runsWithout = total->second.first - r.runsWith;
        r.successWithout = total->second.second - r.successWith;
    }
    return rows;
}

} // namespace memscope
