#include "stats/LearningCurve.h"

#include <algorithm>

namespace memscope {

namespace {

std::optional<double> rate(int successes, int judged)
{
    return judged > 0 ? std::optional<double>(static_cast<double>(successes) / judged) : std::nullopt;
}

nlohmann::json orNull(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

LearningCurve::Arm armOf(std::vector<const RunSummary*> runs, bool memory, int window)
{
    LearningCurve::Arm arm;
    arm.memory = memory;
    // By episode; a repeated episode (a batch resumed by hand) keeps start order.
    std::stable_sort(runs.begin(), runs.end(), [](const RunSummary* a, const RunSummary* b) {
        return a->episode != b->episode ? a->episode < b->episode : a->startedAt < b->startedAt;
    });
    for (const RunSummary* r : runs) {
        LearningCurve::Point p;
        p.episode = r->episode;
        p.runId = r->runId;
        p.status = r->status;
        p.judged = r->status == "completed" && !r->outcome.empty();
        p.outcome = p.judged ? r->outcome : std::string();
        p.success = p.judged && r->outcome == "success";
        ++arm.runs;
        arm.judged += p.judged;
        arm.successes += p.success;
        p.cumulativeRate = rate(arm.successes, arm.judged);
        // The window is over episodes, not judged runs: a stretch of failed requests shows as a gap.
        int windowJudged = p.judged ? 1 : 0;
        int windowSuccesses = p.success ? 1 : 0;
        for (auto it = arm.points.rbegin(); it != arm.points.rend() && it->episode > p.episode - window; ++it) {
            windowJudged += it->judged;
            windowSuccesses += it->success;
        }
        p.windowRate = rate(windowSuccesses, windowJudged);
        arm.points.push_back(std::move(p));
    }
    return arm;
}

} // namespace

nlohmann::json LearningCurve::Point::toJson() const
{
    return {{"episode", episode},
            {"run_id", runId},
            {"status", status},
            {"outcome", outcome},
            {"judged", judged},
            {"cumulative_rate", orNull(cumulativeRate)},
            {"window_rate", orNull(windowRate)}};
}

std::optional<double> LearningCurve::Arm::rate() const { return memscope::rate(successes, judged); }

const LearningCurve::Point* LearningCurve::Arm::at(int episode) const
{
    for (auto it = points.rbegin(); it != points.rend(); ++it)
        if (it->episode == episode)
            return &*it;
    return nullptr;
}

nlohmann::json LearningCurve::Arm::toJson() const
{
    nlohmann::json pts = nlohmann::json::array();
    for (const auto& p : points)
        pts.push_back(p.toJson());
    return {{"memory", memory},       {"runs", runs},           {"judged", judged},        {"successes", successes},
            {"excluded", excluded()}, {"rate", orNull(rate())}, {"points", std::move(pts)}};
}

LearningCurve LearningCurve::compute(const std::vector<RunSummary>& runs, int window, const std::string& batchId)
{
    LearningCurve curve;
    curve.batchId = batchId;
    curve.window = std::max(1, window);
    std::vector<const RunSummary*> with;
    std::vector<const RunSummary*> without;
    for (const auto& r : runs) {
        if (!batchId.empty() && r.batchId != batchId)
            continue;
        if (curve.batchId.empty())
            curve.batchId = r.batchId;
        (r.memory ? with : without).push_back(&r);
    }
    curve.withMemory = armOf(std::move(with), true, curve.window);
    curve.withoutMemory = armOf(std::move(without), false, curve.window);
    return curve;
}

int LearningCurve::episodes() const
{
    int highest = 0;
    for (const Arm* arm : {&withMemory, &withoutMemory})
        for (const auto& p : arm->points)
            highest = std::max(highest, p.episode);
    return highest;
}

std::optional<double> LearningCurve::lift() const
{
    const auto with = withMemory.rate();
    const auto without = withoutMemory.rate();
    return with && without ? std::optional<double>(*with - *without) : std::nullopt;
}

nlohmann::json LearningCurve::toJson() const
{
    return {{"batch_id", batchId},
            {"window", window},
            {"episodes", episodes()},
            {"with_memory", withMemory.toJson()},
            {"without_memory", withoutMemory.toJson()},
            {"lift", orNull(lift())}};
}

} // namespace memscope
