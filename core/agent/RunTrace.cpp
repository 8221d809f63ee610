#include "agent/RunTrace.h"

#include "util/Error.h"

namespace memscope {

using json = nlohmann::json;

namespace {

json messageJson(const ChatMessage& m)
{
    json j{{"role", m.role}, {"content", m.content}};
    if (!m.toolCalls.empty()) {
        j["tool_calls"] = json::array();
        for (const auto& c : m.toolCalls)
            j["tool_calls"].push_back({{"id", c.id}, {"name", c.name}, {"arguments", c.arguments}});
    }
    if (!m.toolCallId.empty())
        j["tool_call_id"] = m.toolCallId;
    if (!m.name.empty())
        j["name"] = m.name;
    return j;
}

ChatMessage messageFrom(const json& j)
{
    ChatMessage m;
    m.role = j.value("role", "");
    m.content = j.value("content", "");
    for (const auto& c : j.value("tool_calls", json::array()))
        m.toolCalls.push_back({c.value("id", ""), c.value("name", ""), c.value("arguments", "")});
    m.toolCallId = j.value("tool_call_id", "");
    m.name = j.value("name", "");
    return m;
}

} // namespace

json RunTrace::toJson() const
{
    json retrievedJson = json::array();
    for (const auto& r : retrieved)
        retrievedJson.push_back({{"rank", r.rank},
                                 {"memory_id", r.memoryId},
                                 {"outcome_type", r.outcomeType},
                                 {"text", r.text},
                                 {"score", r.score},
                                 {"semantic", r.semantic},
                                 {"keyword", r.keyword},
                                 {"recency", r.recency},
                                 {"tokens", r.tokens},
                                 {"used", r.used}});
    json promptJson = json::array();
    for (const auto& m : prompt)
        promptJson.push_back(messageJson(m));
    json sectionsJson = json::array();
    for (const auto& s : sections)
        sectionsJson.push_back({{"name", s.name}, {"tokens", s.tokens}});
    json stepsJson = json::array();
    for (const auto& s : steps)
        stepsJson.push_back({{"kind", s.kind},
                             {"name", s.name},
                             {"start_ms", s.startMs},
                             {"elapsed_ms", s.elapsedMs},
                             {"ok", s.ok},
                             {"error", s.error},
                             {"input", s.input},
                             {"output", s.output},
                             {"prompt_tokens", s.promptTokens},
                             {"completion_tokens", s.completionTokens},
                             {"log", s.log}});
    json j{{"run_id", runId},
           {"pack", pack},
           {"task_id", taskId},
           {"task_type", taskType},
           {"user_id", userId},
           {"version", version},
           {"model", model},
           {"batch_id", batchId},
           {"episode", episode},
           {"memory", memory},
           {"status", status},
           {"outcome", outcome},
           {"error", error},
           {"started_at", startedAt ? formatIsoTime(startedAt) : ""},
           {"finished_at", finishedAt ? formatIsoTime(finishedAt) : ""},
           {"latency_ms", latencyMs},
           {"input", input},
           {"filters", filters},
           {"lesson_budget_tokens", lessonBudgetTokens},
           {"retrieved", retrievedJson},
           {"prompt", promptJson},
           {"sections", sectionsJson},
           {"steps", stepsJson},
           {"output", output},
           {"lesson", lesson},
           {"lesson_source", lessonSource},
           {"writeback", writeback},
           {"written_memory_id", writtenMemoryId},
           {"prompt_tokens", promptTokens},
           {"completion_tokens", completionTokens}};
    if (evaluated)
        j["evaluation"] = {{"outcome", evaluation.outcome},
                           {"score", evaluation.score},
                           {"reason", evaluation.reason},
                           {"lesson", evaluation.lesson},
                           {"details", evaluation.details}};
    return j;
}

RunTrace RunTrace::fromJson(const json& j)
{
    RunTrace t;
    try {
        t.runId = j.at("run_id").get<std::string>();
        t.pack = j.value("pack", "");
        t.taskId = j.value("task_id", "");
        t.taskType = j.value("task_type", "");
        t.userId = j.value("user_id", "");
        t.version = j.value("version", "");
        t.model = j.value("model", "");
        t.batchId = j.value("batch_id", "");
        t.episode = j.value("episode", 0);
        t.memory = j.value("memory", true);
        t.status = j.value("status", "");
        t.outcome = j.value("outcome", "");
        t.error = j.value("error", "");
        t.startedAt = parseIsoTime(j.value("started_at", "")).value_or(0);
        t.finishedAt = parseIsoTime(j.value("finished_at", "")).value_or(0);
        t.latencyMs = j.value("latency_ms", 0.0);
        t.input = j.value("input", "");
        t.filters = j.value("filters", json::object());
        t.lessonBudgetTokens = j.value("lesson_budget_tokens", 0);
        for (const auto& r : j.value("retrieved", json::array()))
            t.retrieved.push_back({r.value("rank", 0), r.value("memory_id", ""), r.value("outcome_type", ""),
                                   r.value("text", ""), r.value("score", 0.0), r.value("semantic", 0.0),
                                   r.value("keyword", 0.0), r.value("recency", 0.0), r.value("tokens", 0),
                                   r.value("used", false)});
        for (const auto& m : j.value("prompt", json::array()))
            t.prompt.push_back(messageFrom(m));
        for (const auto& s : j.value("sections", json::array()))
            t.sections.push_back({s.value("name", ""), s.value("tokens", 0)});
        for (const auto& s : j.value("steps", json::array())) {
            TraceStep step;
            step.kind = s.value("kind", "");
            step.name = s.value("name", "");
            step.startMs = s.value("start_ms", 0.0);
            step.elapsedMs = s.value("elapsed_ms", 0.0);
            step.ok = s.value("ok", true);
            step.error = s.value("error", "");
            step.input = s.value("input", json::object());
            step.output = s.value("output", json::object());
            step.promptTokens = s.value("prompt_tokens", 0);
            step.completionTokens = s.value("completion_tokens", 0);
            step.log = s.value("log", "");
            t.steps.push_back(std::move(step));
        }
        t.output = j.value("output", "");
        if (j.contains("evaluation")) {
            const auto& e = j.at("evaluation");
            t.evaluated = true;
            t.evaluation.outcome = e.value("outcome", "");
            t.evaluation.score = e.value("score", 0.0);
            t.evaluation.reason = e.value("reason", "");
            t.evaluation.lesson = e.value("lesson", "");
            t.evaluation.details = e.value("details", json::object());
        }
        t.lesson = j.value("lesson", "");
        t.lessonSource = j.value("lesson_source", "");
        t.writeback = j.value("writeback", "");
        t.writtenMemoryId = j.value("written_memory_id", "");
        t.promptTokens = j.value("prompt_tokens", 0);
        t.completionTokens = j.value("completion_tokens", 0);
    } catch (const json::exception& e) {
        throw Error(Error::Kind::Corrupt,
                    "run " + j.value("run_id", std::string("?")) + ": unreadable trace: " + e.what());
    }
    return t;
}

} // namespace memscope
