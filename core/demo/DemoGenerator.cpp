#include "demo/DemoGenerator.h"

#include "demo/DemoCalendar.h"
#include "demo/DemoComposer.h"
#include "demo/DemoRng.h"
#include "demo/DemoScenarios.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace memscope {

namespace {

constexpr Micros kDay = DemoCalendar::kDay;
constexpr Micros kHour = kDay / 24;

// "2026-03-02", or with the time of day when it matters.
std::string dateOf(Micros t) { return formatIsoTime(t).substr(0, 10); }
std::string dateTimeOf(Micros t) { return dateOf(t) + " " + formatIsoTime(t).substr(11, 5) + " UTC"; }

// "35%", "2.5%".
std::string percent(double share)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%g%%", std::round(share * 1000) / 10);
    return buf;
}

} // namespace

DemoGenerator::DemoGenerator(DemoOptions options)
    : m_options(options)
{
    m_options.records = std::max<std::int64_t>(m_options.records, 0);
    m_options.days = std::clamp(m_options.days, 1, 100000);
    m_options.users = std::clamp(m_options.users, 0, 100000);
    if (m_options.end == 0)
        m_options.end = nowMicros();

    DemoTimeline& tl = m_timeline;
    const int days = m_options.days;
    tl.end = m_options.end;
    tl.start = DemoCalendar::firstDay(tl.end, days);
    const auto dayAt = [&](double fraction) {
        return std::clamp(static_cast<int>(fraction * (days - 1) + 0.5), 0, days - 1);
    };
    const auto at = [&](double fraction, int hour) {
        return std::min(tl.start + dayAt(fraction) * kDay + hour * kHour, tl.end);
    };
    for (std::size_t v = 0; v < DemoScenarios::kVersions.size(); ++v) {
        tl.versions.emplace_back(DemoScenarios::kVersions[v]);
        tl.releases.push_back(v == 0 ? tl.start : at(DemoScenarios::kReleaseAt[v], 14));
    }
    tl.toolFailureStart = at(DemoScenarios::kToolFailureAt, 10);
    tl.staleApiRetired = at(DemoScenarios::kStaleRetiredAt, 16);
    tl.staleApiGraceEnd = tl.staleApiRetired + DemoScenarios::kStaleGraceDays * kDay;
    std::vector<int> incidentDays;
    for (const double fraction : DemoScenarios::kIncidentAt) {
        // Incidents hit working days: a Saturday moves back to Friday, a Sunday forward to Monday.
        int day = dayAt(fraction);
        const int weekday = DemoCalendar::weekday(tl.start + day * kDay);
        day = std::clamp(weekday == 5 ? day - 1 : weekday == 6 ? day + 1 : day, 0, days - 1);
        incidentDays.push_back(day);
        tl.incidentDays.push_back(tl.start + day * kDay);
    }
    if (m_options.users > 0)
        tl.conflictingUser =
            DemoScenarios::kUserNames[static_cast<std::size_t>(m_options.users) > DemoScenarios::kConflictingUser
                                          ? DemoScenarios::kConflictingUser
                                          : 0];
    tl.preferenceFlips = {at(DemoScenarios::kReportFormatFlipAt, 9), at(DemoScenarios::kEmailToneFlipAt, 9),
                          at(DemoScenarios::kReportFormatBackAt, 9)};

    m_calendar = std::make_unique<DemoCalendar>(tl.end, days, m_options.records, m_options.seed, incidentDays);
    m_composer = std::make_unique<DemoComposer>(m_options, m_timeline, std::move(incidentDays));
}

DemoGenerator::~DemoGenerator() = default;

void DemoGenerator::generate(const std::function<bool(MemoryRecord&&)>& sink)
{
    m_calendar->rewind();
    DemoRng rng(DemoRng::mix(m_options.seed ^ 0x6d656d73636f7065ULL));
    for (std::int64_t i = 0; i < m_options.records; ++i) {
        int day = 0;
        const Micros t = m_calendar->next(rng, day);
        MemoryRecord rec;
        m_composer->compose(i, t, day, rng, rec);
        if (!sink(std::move(rec)))
            return;
    }
}

std::vector<std::string> DemoGenerator::describeScenarios() const
{
    const DemoTimeline& tl = m_timeline;
    std::vector<std::string> out;
    out.push_back(std::string("Failing tool: ") + kFailingTask + " runs on " + kFailingTool + " succeed about " +
                  percent(DemoScenarios::kFailingToolSuccessBefore) + " of the time until " +
                  dateTimeOf(tl.toolFailureStart) + ", when a driver upgrade ships; from then on about " +
                  percent(DemoScenarios::kFailingToolSuccessAfter) +
                  " succeed and most failures cite \"SSL handshake timeout after driver upgrade\" (tags ssl, "
                  "driver-upgrade).");
    std::string versions;
    for (std::size_t v = 1; v < DemoScenarios::kVersions.size(); ++v)
        versions += std::string(v > 1 ? ", " : "") + DemoScenarios::kVersions[v] + " " + dateOf(tl.releases[v]) + " (" +
                    percent(DemoScenarios::kImprovingSuccess[v]) + ")";
    out.push_back(std::string("Improving version: ") + kImprovingTask + " succeeds about " +
                  percent(DemoScenarios::kImprovingSuccess[0]) + " on v1.0 and rises with each release: " + versions +
                  ". A release takes over in about ten days; the previous version lingers.");
    out.push_back(std::string("Stale lessons: until ") + dateTimeOf(tl.staleApiRetired) +
                  " most successful email_drafting runs on email_toolkit record lessons about the v1 " + kStaleMarker +
                  " endpoint (tag " + kStaleMarker + "); it is retired then. Until " + dateOf(tl.staleApiGraceEnd) +
                  " agents that follow those lessons fail with 410 Gone (tag " +
                  "stale-lesson); later lessons use messages.send (v2).");
    if (tl.conflictingUser.empty())
        out.push_back("Conflicting preferences: none, the history has no users (--users 0).");
    else
        out.push_back("Conflicting preferences: " + tl.conflictingUser + "'s " + kProfileCollection +
                      " records ask for PDF reports until " + dateOf(tl.preferenceFlips[0]) +
                      ", for inline HTML reports until " + dateOf(tl.preferenceFlips[2]) +
                      ", then for PDF again; the preferred email tone flips from formal to casual on " +
                      dateOf(tl.preferenceFlips[1]) + ". Other users keep their preferences.");
    out.push_back("Weekly seasonality and growth: Saturdays and Sundays carry about a quarter of a weekday's "
                  "volume, Mondays the most; daily volume grows about 2.6x from the first day to the last, "
                  "peaking 13:00-17:00 UTC.");
    out.push_back("Incident " + dateOf(tl.incidentDays[0]) + ": LLM gateway outage; about " +
                  percent(DemoScenarios::kGatewayFailure) +
                  " of that day's runs fail with 503/429 gateway errors (severity high or critical, tag "
                  "incident), and retries add a third more runs.");
    out.push_back("Incident " + dateOf(tl.incidentDays[1]) + ": warehouse replica maintenance overran; about " +
                  percent(DemoScenarios::kWarehouseFailure) +
                  " of that day's sql_query_debug, report_generation and data_cleaning runs fail (tag "
                  "incident).");
    out.push_back("Background: about " + percent(DemoScenarios::kPartialShare) + " partial and " +
                  percent(DemoScenarios::kUnknownShare) + " unknown outcomes; " +
                  (m_options.users > 0 ? percent(DemoScenarios::kGlobalShare) +
                                             " of outcome records are global (user_id "
                                             "\"global\"), the rest belong to " +
                                             std::to_string(m_options.users) + " users; about " +
                                             percent(DemoScenarios::kProfileShare) + " of records are " +
                                             kProfileCollection + " preferences."
                                       : std::string("all records are global.")));
    return out;
}

} // namespace memscope
