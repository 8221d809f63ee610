#include "demo/DemoComposer.h"

#include "demo/DemoCalendar.h"
#include "demo/DemoScenarios.h"
#include "util/Ids.h"

#include <algorithm>
#include <stdexcept>

namespace memscope {

namespace {

using Json = nlohmann::json;
constexpr Micros kDay = DemoCalendar::kDay;

struct SeverityMix {
    double low, medium, high; // the rest is critical
};
constexpr SeverityMix kUsualSeverity{0.25, 0.42, 0.25};
constexpr SeverityMix kIncidentSeverity{0.0, 0.10, 0.55};
constexpr SeverityMix kSslSeverity{0.0, 0.30, 0.60};
constexpr SeverityMix kGoneSeverity{0.0, 0.60, 0.40};

const char* pickSeverity(DemoRng& rng, const SeverityMix& mix)
{
    const double u = rng.uniform();
    if (u < mix.low)
        return "low";
    if (u < mix.low + mix.medium)
        return "medium";
    return u < mix.low + mix.medium + mix.high ? "high" : "critical";
}

// Index into cumulative weights.
std::size_t pickCumulative(DemoRng& rng, const std::vector<double>& cumulative)
{
    const double u = rng.uniform() * cumulative.back();
    return static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin());
}

char* writeHex(char* out, std::uint64_t value, int digits)
{
    static const char* hex = "0123456789abcdef";
    for (int i = digits - 1; i >= 0; --i)
        *out++ = hex[(value >> (4 * i)) & 0xF];
    return out;
}

char* writeDigits(char* out, int value, int digits)
{
    for (int i = digits - 1; i >= 0; --i, value /= 10)
        out[i] = static_cast<char>('0' + value % 10);
    return out + digits;
}

} // namespace

struct DemoComposer::Choice {
    OutcomeType outcome = OutcomeType::Success;
    const ScenarioPlan* scenario = nullptr;
    const SeverityMix* severity = &kUsualSeverity;
};

DemoComposer::DemoComposer(const DemoOptions& options, const DemoTimeline& timeline, std::vector<int> incidentDays)
    : m_timeline(timeline)
    , m_seed(options.seed)
    , m_incidentDays(std::move(incidentDays))
{
    const DemoCatalog::Block& common = m_catalog.common();
    for (const auto& block : m_catalog.blocks()) {
        if (block.type != "task")
            continue;
        TaskPlan task;
        task.type = block.name;
        task.success = block.success;
        task.warehouseBound =
            task.type == "sql_query_debug" || task.type == "report_generation" || task.type == "data_cleaning";
        for (int a = 1; a <= std::max(block.agents, 1); ++a)
            task.agents.push_back("agent-" + std::string(block.agent) + "-" + std::to_string(a));
        task.tags.assign(block.tags.begin(), block.tags.end());
        for (const auto& tool : block.tools) {
            ToolPlan plan;
            plan.name = tool.name;
            for (const auto outcome :
                 {OutcomeType::Success, OutcomeType::Failure, OutcomeType::Partial, OutcomeType::Unknown})
                plan.lead[static_cast<std::size_t>(outcome)] =
                    m_catalog.templatesFor(block, outcomeName(outcome), tool.name);
            plan.note = m_catalog.templatesFor(block, "note", tool.name);
            plan.cause = m_catalog.templatesFor(block, "cause", tool.name);
            plan.lesson = m_catalog.templatesFor(block, "lesson", tool.name);
            for (const auto& lead : plan.lead)
                if (lead.empty())
                    throw std::logic_error("demo m_catalog: no outcome templates for " + plan.name);
            task.toolWeights.push_back((task.toolWeights.empty() ? 0.0 : task.toolWeights.back()) + tool.weight);
            task.tools.push_back(std::move(plan));
        }
        if (task.tools.empty())
            throw std::logic_error("demo m_catalog: task without tools: " + task.type);
        m_taskWeights.push_back((m_taskWeights.empty() ? 0.0 : m_taskWeights.back()) + block.weight);
        m_tasks.push_back(std::move(task));
    }
    const auto findTool = [this](const char* taskType, const char* toolName, std::size_t& taskIndex,
                                 std::size_t& toolIndex) {
        for (taskIndex = 0; taskIndex < m_tasks.size(); ++taskIndex)
            for (toolIndex = 0; toolIndex < m_tasks[taskIndex].tools.size(); ++toolIndex)
                if (m_tasks[taskIndex].type == taskType && m_tasks[taskIndex].tools[toolIndex].name == toolName)
                    return;
        throw std::logic_error(std::string("demo m_catalog: missing tool ") + toolName);
    };
    findTool(DemoGenerator::kFailingTask, DemoGenerator::kFailingTool, m_failingTask, m_failingTool);
    findTool("email_drafting", "email_toolkit", m_emailTask, m_emailToolkit);
    m_improvingTask = static_cast<std::size_t>(
        std::find_if(m_tasks.begin(), m_tasks.end(),
                     [](const TaskPlan& t) { return t.type == DemoGenerator::kImprovingTask; }) -
        m_tasks.begin());
    if (m_improvingTask == m_tasks.size())
        throw std::logic_error("demo m_catalog: missing task report_generation");

    m_pgSsl = scenario("pg_ssl");
    m_pgWorkaround = scenario("pg_workaround");
    m_sendV1 = scenario("send_v1");
    m_sendV2 = scenario("send_v2");
    m_sendV1Gone = scenario("send_v1_gone");
    m_gatewayIncident = scenario("incident_gateway");
    m_warehouseIncident = scenario("incident_warehouse");
    m_corrections = m_catalog.templatesFor(common, "correction", {});

    for (const auto& block : m_catalog.blocks()) {
        if (block.type != "pref")
            continue;
        PrefTopic topic;
        topic.name = block.name;
        topic.task = block.task;
        topic.tags.assign(block.tags.begin(), block.tags.end());
        for (const auto& task : m_tasks)
            if (task.type == topic.task)
                topic.agent = task.agents.front();
        for (const auto& pool : block.pools) {
            topic.values.emplace_back(pool.kind);
            topic.pools.push_back(m_catalog.templatesFor(block, pool.kind, {}, false));
        }
        if (topic.agent.empty() || topic.values.size() < 2)
            throw std::logic_error("demo m_catalog: bad preference block " + topic.name);
        m_prefs.push_back(std::move(topic));
    }
    // The conflicting user's preferences are named in the catalog; find their blocks and values.
    const auto findValue = [this](const char* topicName, const char* value, std::size_t& topic) {
        for (topic = 0; topic < m_prefs.size(); ++topic)
            if (m_prefs[topic].name == topicName) {
                const auto& values = m_prefs[topic].values;
                const auto it = std::find(values.begin(), values.end(), value);
                if (it != values.end())
                    return static_cast<std::size_t>(it - values.begin());
            }
        throw std::logic_error(std::string("demo catalog: missing preference ") + topicName + "=" + value);
    };
    m_pdf = findValue("report_format", "pdf", m_reportFormat);
    m_inlineHtml = findValue("report_format", "inline_html", m_reportFormat);
    m_formal = findValue("email_tone", "formal", m_emailTone);
    m_casual = findValue("email_tone", "casual", m_emailTone);

    const int userCount = std::clamp(options.users, 0, 100000);
    for (int u = 0; u < userCount; ++u) {
        m_users.push_back(u < static_cast<int>(DemoScenarios::kUserNames.size())
                              ? DemoScenarios::kUserNames[static_cast<std::size_t>(u)]
                              : "user" + std::to_string(u + 1));
        // A few heavy users and a tail of occasional ones.
        m_userWeights.push_back((m_userWeights.empty() ? 0.0 : m_userWeights.back()) + 1.0 / (1.0 + 0.35 * u));
        std::vector<std::size_t> values;
        for (std::size_t p = 0; p < m_prefs.size(); ++p)
            values.push_back(DemoRng::mix(m_seed ^ DemoRng::mix(static_cast<std::uint64_t>(u) * 131 + p)) %
                             m_prefs[p].values.size());
        m_prefValue.push_back(std::move(values));
    }
    m_conflictingUser =
        userCount > static_cast<int>(DemoScenarios::kConflictingUser) ? DemoScenarios::kConflictingUser : 0;
}

DemoComposer::ScenarioPlan DemoComposer::scenario(const char* name) const
{
    const DemoCatalog::Block* block = m_catalog.find("scenario", name);
    if (!block)
        throw std::logic_error(std::string("demo m_catalog: missing scenario ") + name);
    // A scenario's own phrasings only: mixing in [common] would dilute what makes it recognisable.
    ScenarioPlan plan;
    plan.lead = m_catalog.templatesFor(*block, block->pool("failure") ? "failure" : "success", {}, false);
    plan.cause = m_catalog.templatesFor(*block, "cause", {}, false);
    plan.lesson = m_catalog.templatesFor(*block, "lesson", {}, false);
    plan.tags.assign(block->tags.begin(), block->tags.end());
    if (plan.lead.empty())
        throw std::logic_error(std::string("demo m_catalog: scenario without lead: ") + name);
    return plan;
}

std::size_t DemoComposer::versionAt(Micros t, DemoRng& rng) const
{
    std::size_t latest = 0;
    while (latest + 1 < m_timeline.releases.size() && m_timeline.releases[latest + 1] <= t)
        ++latest;
    // A release takes over within about ten days; the previous one (rarely the one before) lingers.
    const double ageDays = static_cast<double>(t - m_timeline.releases[latest]) / static_cast<double>(kDay);
    const double latestShare = std::clamp(0.15 + 0.075 * ageDays, 0.15, 0.92);
    if (latest == 0 || rng.chance(latestShare))
        return latest;
    return latest >= 2 && rng.chance(0.1) ? latest - 2 : latest - 1;
}

std::size_t DemoComposer::pickUser(DemoRng& rng) const { return pickCumulative(rng, m_userWeights); }

void DemoComposer::renderFrom(const Pool& pool, DemoRng& rng, DemoCatalog::TextContext& ctx, std::string& out) const
{
    if (!out.empty())
        out.push_back(' ');
    m_catalog.render(*pool[rng.below(pool.size())], rng, ctx, out);
}

DemoComposer::Choice DemoComposer::choose(const TaskPlan& task, const ToolPlan& tool, std::size_t version, Micros t,
                                          int day, DemoRng& rng) const
{
    const bool onFailingTool = &task == &m_tasks[m_failingTask] && &tool == &task.tools[m_failingTool];
    const bool onEmailToolkit = &task == &m_tasks[m_emailTask] && &tool == &task.tools[m_emailToolkit];
    Choice c;
    if (day == m_incidentDays[0] && rng.chance(DemoScenarios::kGatewayFailure)) {
        c.outcome = OutcomeType::Failure;
        c.scenario = &m_gatewayIncident;
        c.severity = &kIncidentSeverity;
        return c;
    }
    if (day == m_incidentDays[1] && task.warehouseBound && rng.chance(DemoScenarios::kWarehouseFailure)) {
        c.outcome = OutcomeType::Failure;
        c.scenario = &m_warehouseIncident;
        c.severity = &kIncidentSeverity;
        return c;
    }
    double success = task.success;
    if (&task == &m_tasks[m_improvingTask])
        success = DemoScenarios::kImprovingSuccess[version];
    if (onFailingTool)
        success = t < m_timeline.toolFailureStart ? DemoScenarios::kFailingToolSuccessBefore
                                                  : DemoScenarios::kFailingToolSuccessAfter;
    if (onEmailToolkit && t >= m_timeline.staleApiRetired && t < m_timeline.staleApiGraceEnd && rng.chance(0.3)) {
        // Agents still retrieving the send_v1 lessons follow them into the retired endpoint.
        c.outcome = OutcomeType::Failure;
        c.scenario = &m_sendV1Gone;
        c.severity = &kGoneSeverity;
        return c;
    }
    const double u = rng.uniform();
    c.outcome = u < success                                                                 ? OutcomeType::Success
                : u < success + DemoScenarios::kPartialShare                                ? OutcomeType::Partial
                : u < success + DemoScenarios::kPartialShare + DemoScenarios::kUnknownShare ? OutcomeType::Unknown
                                                                                            : OutcomeType::Failure;
    if (onFailingTool && t >= m_timeline.toolFailureStart) {
        if (c.outcome == OutcomeType::Failure && rng.chance(0.85)) {
            c.scenario = &m_pgSsl;
            c.severity = &kSslSeverity;
        } else if (c.outcome == OutcomeType::Success && rng.chance(0.3)) {
            c.scenario = &m_pgWorkaround;
        }
    } else if (onEmailToolkit && c.outcome == OutcomeType::Success) {
        if (t < m_timeline.staleApiRetired && rng.chance(0.6))
            c.scenario = &m_sendV1;
        else if (t >= m_timeline.staleApiRetired && rng.chance(0.35))
            c.scenario = &m_sendV2;
    }
    return c;
}

DemoComposer::Fields DemoComposer::fillOutcome(Micros t, int day, DemoRng& rng, MemoryRecord& rec) const
{
    const TaskPlan& task = m_tasks[pickCumulative(rng, m_taskWeights)];
    const ToolPlan& tool = task.tools[pickCumulative(rng, task.toolWeights)];
    const std::size_t version = versionAt(t, rng);
    const Choice c = choose(task, tool, version, t, day, rng);

    const bool global = m_users.empty() || rng.chance(DemoScenarios::kGlobalShare);
    rec.userId = global ? "global" : m_users[pickUser(rng)];
    rec.agentId = task.agents[rng.below(task.agents.size())];

    // Lead sentence, then maybe why it happened, then maybe the lesson: one to three sentences.
    DemoCatalog::TextContext ctx(tool.name, rec.userId);
    const auto o = static_cast<std::size_t>(c.outcome);
    renderFrom(c.scenario ? c.scenario->lead : tool.lead[o], rng, ctx, rec.memory);
    static constexpr std::array<double, 4> kDetail = {0.35, 0.45, 0.35, 0.0}, kLesson = {0.5, 0.6, 0.5, 0.2};
    if (rng.chance(kDetail[o])) {
        if (c.scenario && !c.scenario->cause.empty() && rng.chance(0.6))
            renderFrom(c.scenario->cause, rng, ctx, rec.memory);
        else
            renderFrom(c.outcome == OutcomeType::Success || (c.outcome == OutcomeType::Partial && rng.chance(0.5))
                           ? tool.note
                           : tool.cause,
                       rng, ctx, rec.memory);
    }
    if (rng.chance(kLesson[o]))
        renderFrom(c.scenario && !c.scenario->lesson.empty() && rng.chance(0.7) ? c.scenario->lesson : tool.lesson, rng,
                   ctx, rec.memory);

    Fields f;
    f.outcome = c.outcome;
    f.taskType = &task.type;
    f.tool = &tool.name;
    f.global = global;
    f.version = version;
    if (c.outcome == OutcomeType::Failure)
        f.severity = pickSeverity(rng, *c.severity);
    else if (c.outcome == OutcomeType::Partial || rng.chance(0.3))
        f.severity = "low";

    // One to three tags: the scenario's first, then the task type's.
    Json::array_t& tags = f.tags;
    tags.reserve(3);
    const std::size_t count = 1 + (rng.chance(0.5) ? 1 : 0) + (rng.chance(0.2) ? 1 : 0);
    if (c.scenario)
        for (std::size_t i = 0; i < c.scenario->tags.size() && tags.size() < count; ++i)
            tags.emplace_back(c.scenario->tags[i]);
    for (std::size_t attempt = 0; !task.tags.empty() && tags.size() < count && attempt < 8; ++attempt) {
        const std::string& tag = task.tags[rng.skewedBelow(task.tags.size())];
        if (std::find(tags.begin(), tags.end(), tag) == tags.end())
            tags.emplace_back(tag);
    }
    return f;
}

DemoComposer::Fields DemoComposer::fillPreference(Micros t, DemoRng& rng, MemoryRecord& rec) const
{
    const bool conflicted = m_users.size() >= 2 && rng.chance(0.4);
    const std::size_t user = conflicted ? m_conflictingUser : pickUser(rng);
    std::size_t topicIndex = rng.below(m_prefs.size());
    if (user == m_conflictingUser) {
        const double u = rng.uniform();
        topicIndex = u < 0.45 ? m_reportFormat : u < 0.75 ? m_emailTone : topicIndex;
    }
    const PrefTopic& topic = m_prefs[topicIndex];
    std::size_t value = m_prefValue[user][topicIndex];
    if (user == m_conflictingUser && topicIndex == m_reportFormat)
        value = t >= m_timeline.preferenceFlips[0] && t < m_timeline.preferenceFlips[2] ? m_inlineHtml : m_pdf;
    else if (user == m_conflictingUser && topicIndex == m_emailTone)
        value = t >= m_timeline.preferenceFlips[1] ? m_casual : m_formal;

    rec.collection = DemoGenerator::kProfileCollection;
    rec.userId = m_users[user];
    rec.agentId = topic.agent;
    DemoCatalog::TextContext ctx(m_feedbackTool, rec.userId);
    const bool correction = rng.chance(0.25);
    if (correction)
        renderFrom(m_corrections, rng, ctx, rec.memory);
    renderFrom(topic.pools[value], rng, ctx, rec.memory);

    Fields f;
    f.outcome = correction ? OutcomeType::Partial : OutcomeType::Success;
    f.taskType = &topic.task;
    f.tool = &m_feedbackTool;
    f.severity = correction ? "low" : nullptr;
    f.version = versionAt(t, rng);
    f.tags.assign(topic.tags.begin(), topic.tags.end());
    return f;
}

std::string DemoComposer::isoTime(Micros t) const
{
    // formatIsoTime's output, from the day's date formatted once: snprintf per record was a tenth of the
    // generation time.
    const Micros within = t - m_stampStart;
    const auto seconds = static_cast<int>(within / 1'000'000);
    const auto micros = static_cast<int>(within % 1'000'000);
    char buf[32];
    char* p = buf;
    *p++ = 'T';
    p = writeDigits(p, seconds / 3600, 2);
    *p++ = ':';
    p = writeDigits(p, seconds / 60 % 60, 2);
    *p++ = ':';
    p = writeDigits(p, seconds % 60, 2);
    if (micros != 0) {
        *p++ = '.';
        p = writeDigits(p, micros, 6);
    }
    *p++ = 'Z';
    std::string out;
    out.reserve(m_stampDate.size() + static_cast<std::size_t>(p - buf));
    out.append(m_stampDate).append(buf, p);
    return out;
}

void DemoComposer::compose(std::int64_t index, Micros t, int day, DemoRng& rng, MemoryRecord& rec)
{
    // Ids and run ids hash (seed, index), so they stay put when the text tables change. Ids have the shape
    // Memscope gives the records it creates (newTimeOrderedUuid: version 7, the creation time in
    // milliseconds first), here from the record's own time.
    const std::uint64_t a =
        DemoRng::mix(m_seed * 0x9e3779b97f4a7c15ULL ^ DemoRng::mix(static_cast<std::uint64_t>(index)));
    const std::uint64_t b = DemoRng::mix(a ^ 0xd1b54a32d192ed03ULL);
    rec.id = timeOrderedUuid(static_cast<std::uint64_t>(t / 1000), static_cast<std::uint32_t>(a), b);

    if (day != m_stampDay) {
        m_stampDay = day;
        m_stampStart = m_timeline.start + day * kDay;
        m_stampDate = formatIsoTime(m_stampStart).substr(0, 10);
    }
    char run[19] = {'r', 'u', 'n', '-'}; // run-20260302-4f3a9c
    std::copy_n(m_stampDate.data(), 4, run + 4);
    std::copy_n(m_stampDate.data() + 5, 2, run + 8);
    std::copy_n(m_stampDate.data() + 8, 2, run + 10);
    run[12] = '-';
    writeHex(run + 13, (b >> 24) & 0xFFFFFF, 6);
    rec.runId.assign(run, sizeof run);

    rec.memory.reserve(320);
    Fields f = !m_users.empty() && !m_prefs.empty() && rng.chance(DemoScenarios::kProfileShare)
                   ? fillPreference(t, rng, rec)
                   : fillOutcome(t, day, rng, rec);
    Json::object_t& meta = rec.metadata.get_ref<Json::object_t&>();
    const auto put = [&meta](const char* key, auto&& value) {
        meta.emplace_hint(meta.end(), key, std::forward<decltype(value)>(value));
    };
    put("outcome_type", outcomeName(f.outcome));
    put("run_id", rec.runId);
    if (f.severity)
        put("severity", f.severity);
    put("tags", std::move(f.tags));
    put("task_type", *f.taskType);
    put("timestamp", isoTime(t));
    put("tool_name", *f.tool);
    put("user_scope", f.global ? "global" : "user_specific");
    put("version", DemoScenarios::kVersions[f.version]);
    rec.hash = md5Hex(rec.memory);
    rec.state = RecordState::Active;
    rec.createdAt = t;
    rec.updatedAt = t;
}

} // namespace memscope
