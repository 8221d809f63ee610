#include "agent/RunComparison.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>

namespace memscope {

using json = nlohmann::json;

namespace {

// How good an outcome is, to say whether B did better than A; a run without one (failed) is worst.
int outcomeRank(const std::string& outcome)
{
    if (outcome == "success")
        return 4;
    if (outcome == "partial")
        return 3;
    if (outcome == "unknown")
        return 2;
    if (outcome == "failure")
        return 1;
    return 0;
}

std::string taskName(const ComparedRun& r)
{
    return r.pack + " / " + (r.taskId.empty() ? "-" : r.taskId) + " (" + r.taskType + ")";
}

json runJson(const ComparedRun& r)
{
    json j = r.toJson();
    j["latency_ms"] = std::llround(r.latencyMs);
    j["total_tokens"] = r.totalTokens();
    j["steps"] = r.steps;
    j["llm_calls"] = r.llmCalls;
    j["tool_calls"] = r.toolCalls;
    j["used"] = r.used;
    j["output"] = r.output;
    return j;
}

} // namespace

ComparedRun ComparedRun::of(const RunTrace& t)
{
    ComparedRun r;
    static_cast<RunSummary&>(r) = RunSummary::of(t);
    r.steps = static_cast<int>(t.steps.size());
    r.llmCalls = static_cast<int>(
        std::count_if(t.steps.begin(), t.steps.end(), [](const TraceStep& s) { return s.kind == "llm"; }));
    r.toolCalls = static_cast<int>(
        std::count_if(t.steps.begin(), t.steps.end(), [](const TraceStep& s) { return s.kind == "tool"; }));
    r.used = static_cast<int>(
        std::count_if(t.retrieved.begin(), t.retrieved.end(), [](const RetrievedMemory& m) { return m.used; }));
    r.output = t.output;
    return r;
}

int ContextChange::bestRank() const
{
    if (rankA > 0 && rankB > 0)
        return std::min(rankA, rankB);
    return rankA > 0 ? rankA : rankB;
}

const char* ContextChange::kindName(Kind kind)
{
    switch (kind) {
    case Kind::OnlyA: return "only_a";
    case Kind::OnlyB: return "only_b";
    case Kind::Both: return "both";
    }
    return "both";
}

int RunComparison::outcomeChange() const
{
    const int diff = outcomeRank(b.outcome) - outcomeRank(a.outcome);
    return (diff > 0) - (diff < 0);
}

std::string RunComparison::taskWarning() const
{
    if (sameTask)
        return {};
    return "the runs are of different tasks: A ran " + taskName(a) + ", B ran " + taskName(b);
}

RunComparison RunComparison::compare(const RunTrace& ta, const RunTrace& tb)
{
    RunComparison c;
    c.a = ComparedRun::of(ta);
    c.b = ComparedRun::of(tb);
    c.sameTask = ta.pack == tb.pack && ta.taskType == tb.taskType && ta.taskId == tb.taskId;

    // Sections: A's in its order, then those only B has, in B's order. A name repeated within one prompt
    // adds up.
    std::map<std::string, std::size_t> sectionAt;
    const auto section = [&](const std::string& name) -> SectionDelta& {
        const auto [it, added] = sectionAt.try_emplace(name, c.sections.size());
        if (added)
            c.sections.push_back({name, 0, 0});
        return c.sections[it->second];
    };
    for (const auto& s : ta.sections)
        section(s.name).tokensA += s.tokens;
    for (const auto& s : tb.sections)
        section(s.name).tokensB += s.tokens;

    // The context diff, keyed by memory id (a memory appears once per run; should it repeat, its best rank
    // counts).
    std::map<std::string, std::size_t> memoryAt;
    const auto change = [&](const RetrievedMemory& m) -> ContextChange& {
        const auto [it, added] = memoryAt.try_emplace(m.memoryId, c.context.size());
        if (added) {
            ContextChange entry;
            entry.memoryId = m.memoryId;
            entry.outcomeType = m.outcomeType;
            entry.text = m.text;
            c.context.push_back(std::move(entry));
        }
        return c.context[it->second];
    };
    for (const auto& m : ta.retrieved) {
        ContextChange& e = change(m);
        if (e.rankA == 0 || (m.rank > 0 && m.rank < e.rankA)) {
            e.rankA = m.rank > 0 ? m.rank : INT_MAX;
            e.usedA = m.used;
            e.scoreA = m.score;
        }
    }
    for (const auto& m : tb.retrieved) {
        ContextChange& e = change(m);
        if (e.outcomeType.empty())
            e.outcomeType = m.outcomeType;
        if (e.rankB == 0 || (m.rank > 0 && m.rank < e.rankB)) {
            e.rankB = m.rank > 0 ? m.rank : INT_MAX;
            e.usedB = m.used;
            e.scoreB = m.score;
        }
    }
    for (auto& e : c.context) {
        // A memory logged without a rank (0) sorts last but still counts as retrieved.
        e.kind = e.rankA && e.rankB ? ContextChange::Kind::Both
                 : e.rankA          ? ContextChange::Kind::OnlyA
                                    : ContextChange::Kind::OnlyB;
    }
    // By the best rank either side; at a tie, A's memory first, then the one both kept, then B's.
    const auto sideOrder = [](const ContextChange& e) {
        return e.kind == ContextChange::Kind::Both ? 0 : e.kind == ContextChange::Kind::OnlyA ? 1 : 2;
    };
    std::stable_sort(c.context.begin(), c.context.end(), [&](const ContextChange& x, const ContextChange& y) {
        if (x.bestRank() != y.bestRank())
            return x.bestRank() < y.bestRank();
        return sideOrder(x) < sideOrder(y);
    });
    for (auto& e : c.context) {
        if (e.rankA == INT_MAX)
            e.rankA = 0;
        if (e.rankB == INT_MAX)
            e.rankB = 0;
        c.onlyA += e.kind == ContextChange::Kind::OnlyA;
        c.onlyB += e.kind == ContextChange::Kind::OnlyB;
        c.both += e.kind == ContextChange::Kind::Both;
        c.moved += e.rankMoved();
    }
    return c;
}

json RunComparison::toJson() const
{
    json sectionsJson = json::array();
    for (const auto& s : sections)
        sectionsJson.push_back({{"name", s.name}, {"a", s.tokensA}, {"b", s.tokensB}, {"delta", s.delta()}});
    json contextJson = json::array();
    for (const auto& e : context)
        contextJson.push_back({{"memory_id", e.memoryId},
                               {"kind", ContextChange::kindName(e.kind)},
                               {"outcome_type", e.outcomeType},
                               {"text", e.text},
                               {"rank_a", e.rankA},
                               {"rank_b", e.rankB},
                               {"used_a", e.usedA},
                               {"used_b", e.usedB},
                               {"score_a", e.scoreA},
                               {"score_b", e.scoreB},
                               {"rank_moved", e.rankMoved()}});
    return {{"a", runJson(a)},
            {"b", runJson(b)},
            {"same_task", sameTask},
            {"warning", taskWarning()},
            {"delta",
             {{"latency_ms", std::llround(latencyDeltaMs())},
              {"prompt_tokens", promptTokensDelta()},
              {"completion_tokens", completionTokensDelta()},
              {"total_tokens", totalTokensDelta()},
              {"steps", b.steps - a.steps},
              {"tool_calls", b.toolCalls - a.toolCalls},
              {"outcome", outcomeChange()}}},
            {"sections", sectionsJson},
            {"context", contextJson},
            {"context_summary", {{"only_a", onlyA}, {"only_b", onlyB}, {"both", both}, {"moved", moved}}}};
}

} // namespace memscope
