#pragma once

#include "agent/RunStore.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace memscope {

// The continual-learning curve of one batch: the same tasks run with memory and without (the control), and
// for each arm and episode the outcome, the success rate of the episodes so far and of the last `window`
// episodes. Only completed runs with an outcome are judged; a cancelled run or one that failed with an error
// (endpoint down, interrupted) says nothing about memory, so it is counted but left out of every rate.
class LearningCurve {
public:
    static constexpr int kDefaultWindow = 5;

    struct Point {
        int episode = 0;
        std::string runId;
        std::string status;  // running, completed, failed, cancelled
        std::string outcome; // success, failure, partial, unknown; empty when not judged
        bool judged = false; // counts in the rates
        bool success = false;
        std::optional<double> cumulativeRate; // successes / judged runs up to this episode (0–1)
        std::optional<double> windowRate;     // the same over the episodes (episode - window, episode]
        nlohmann::json toJson() const;
    };

    struct Arm {
        bool memory = true;
        std::vector<Point> points; // by episode
        int runs = 0;              // every run of the arm
        int judged = 0;
        int successes = 0;
        int excluded() const { return runs - judged; }
        std::optional<double> rate() const;
        // The point of an episode, or null.
        const Point* at(int episode) const;
        nlohmann::json toJson() const;
    };

    // The runs of one batch (RunStore::list with its batch id), in any order; runs of other batches are
    // ignored when `batchId` is given. window < 1 is taken as 1.
    static LearningCurve compute(const std::vector<RunSummary>& runs, int window = kDefaultWindow,
                                 const std::string& batchId = {});

    std::string batchId;
    int window = kDefaultWindow;
    Arm withMemory;
    Arm withoutMemory = withoutArm();

    int episodes() const; // the highest episode of either arm
    bool hasBothArms() const { return withMemory.runs > 0 && withoutMemory.runs > 0; }
    // Rate with memory minus rate without (−1…1); empty unless both arms have judged runs.
    std::optional<double> lift() const;
    nlohmann::json toJson() const;

private:
    static Arm withoutArm()
    {
        Arm arm;
        arm.memory = false;
        return arm;
    }
};

} // namespace memscope
