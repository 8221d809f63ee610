#pragma once

#include <array>

namespace memscope {

// The knobs of the built-in scenarios: DemoGenerator turns the fractions into dates and describes them,
// DemoComposer bends the odds inside those windows. Fractions are of the span, 0 = first day, 1 = last.
struct DemoScenarios {
    // Agent versions; v1.0 is live from the first day, the others ship at kReleaseAt.
    static constexpr std::array<const char*, 5> kVersions = {"v1.0", "v1.1", "v1.2", "v1.3", "v1.4"};
    static constexpr std::array<double, 5> kReleaseAt = {0.0, 0.15, 0.35, 0.55, 0.80};
    // Success rate of the improving task type on each version.
    static constexpr std::array<double, 5> kImprovingSuccess = {0.52, 0.55, 0.68, 0.85, 0.87};

    static constexpr double kToolFailureAt = 0.62;
    static constexpr double kFailingToolSuccessBefore = 0.85, kFailingToolSuccessAfter = 0.35;

    static constexpr double kStaleRetiredAt = 0.42;
    static constexpr int kStaleGraceDays = 10; // agents keep following the stale lessons this long

    static constexpr std::array<double, 2> kIncidentAt = {0.27, 0.74}; // gateway outage, warehouse outage
    static constexpr double kGatewayFailure = 0.5, kWarehouseFailure = 0.6;

    static constexpr double kReportFormatFlipAt = 0.38, kEmailToneFlipAt = 0.50, kReportFormatBackAt = 0.68;

    static constexpr double kPartialShare = 0.06, kUnknownShare = 0.025;
    static constexpr double kGlobalShare = 0.40, kProfileShare = 0.035;

    static constexpr std::array<const char*, 20> kUserNames = {
        "alice",   "bob",  "carol",  "dave",  "erin",   "frank", "grace", "heidi",  "ivan",   "judy",
        "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yvonne"};
    static constexpr std::size_t kConflictingUser = 2; // carol, or the first user when there are fewer
};

} // namespace memscope
