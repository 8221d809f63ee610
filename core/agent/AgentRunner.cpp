#include "agent/AgentRunner.h"

#include "agent/AgentTool.h"
#include "agent/LessonWriter.h"
#include "agent/RunPrompt.h"
#include "agent/RunStore.h"
#include "agent/SqlSandbox.h"
#include "agent/TaskPack.h"
#include "io/RecordJson.h"
#include "llm/ChatClient.h"
#include "llm/TokenCounter.h"
#include "search/OutcomeRetriever.h"
#include "storage/MemoryStore.h"
#include "util/Error.h"
#include "util/Ids.h"

#include <chrono>

namespace memscope {

using json = nlohmann::json;

namespace {

using Clock = std::chrono::steady_clock;

void throwIfCancelled(const std::atomic_bool* cancel)
{
    if (cancel && cancel->load())
        throw Error(Error::Kind::Cancelled, "cancelled by the operator");
}

json toolCallsJson(const std::vector<ToolCall>& calls)
{
    json out = json::array();
    for (const auto& c : calls)
        out.push_back({{"id", c.id}, {"name", c.name}, {"arguments", c.arguments}});
    return out;
}

// The query a run_sql call carried, for the SQL evaluator's fallback.
std::string sqlArgument(const std::string& arguments)
{
    const json args = json::parse(arguments, nullptr, false);
    return args.is_object() && args.contains("query") && args["query"].is_string() ? args["query"].get<std::string>()
                                                                                   : std::string();
}

MemoryRecord lessonRecord(const RunTrace& t, const TaskPack& pack, const PackTask& task, const RunOptions& options)
{
    MemoryRecord r;
    r.id = newTimeOrderedUuid();
    r.memory = t.lesson;
    r.userId = options.userId.empty() ? "global" : options.userId;
    r.agentId = options.agentId;
    r.runId = t.runId;
    r.collection = "task_outcomes";
    r.metadata = {{"outcome_type", t.evaluation.outcome},
                  {"task_type", pack.taskType},
                  {"tool_name", task.toolName.empty() ? pack.toolName : task.toolName},
                  {"version", t.version},
                  {"run_id", t.runId},
                  {"timestamp", formatIsoTime(nowMicros())},
                  {"severity", task.severity.empty() ? "medium" : task.severity},
                  {"user_scope", r.userId == "global" ? "global" : "user_specific"},
                  {"task_id", task.id},
                  {"pack", pack.name},
                  {"score", t.evaluation.score},
                  {"lesson_source", t.lessonSource}};
    if (!t.memory)
        r.metadata["memory"] = false; // written by an ablation run
    return r;
}

} // namespace

AgentRunner::AgentRunner(MemoryStore& store, ChatClient& chat)
    : m_store(store)
    , m_chat(chat)
{
}

RunTrace AgentRunner::run(const TaskPack& pack, const PackTask& task, const RunOptions& options,
                          const Observer& observer, const std::atomic_bool* cancel)
{
    RunStore runs(m_store);
    RunTrace t;
    t.runId = "run_" + newUuid();
    t.pack = pack.name;
    t.taskId = task.id;
    t.taskType = pack.taskType;
    t.userId = options.userId;
    t.version = options.version.empty() ? pack.version : options.version;
    t.model = options.model;
    t.batchId = options.batchId;
    t.episode = options.episode;
    t.memory = options.memory;
    t.input = task.input;
    t.startedAt = nowMicros();
    const auto started = Clock::now();
    const auto sinceStart = [&] { return std::chrono::duration<double, std::milli>(Clock::now() - started).count(); };
    const auto notify = [&](Event event, std::string_view delta = {}) {
        if (observer)
            observer(event, t, delta);
    };
    runs.save(t);
    notify(Event::Started);

    try {
        std::unique_ptr<SqlSandbox> sandbox;
        std::string schema;
        if (!pack.databaseSql.empty()) {
            SqlSandbox::Limits limits;
            limits.timeoutMs = pack.limits.toolTimeoutMs;
            limits.maxRows = pack.limits.maxRows;
            sandbox = std::make_unique<SqlSandbox>(pack.databaseSql, pack.source.string(), limits);
            schema = sandbox->schema();
        }

        // Prefetch: the article's fetch_relevant_outcomes, then as many lessons as the budget holds.
        if (options.memory) {
            OutcomeQuery query;
            query.taskType = pack.taskType;
            query.userId = options.userId;
            query.description = task.input;
            query.toolName = options.toolFilter;
            query.version = options.versionFilter;
            query.since = options.since;
            query.maxItems = options.lessonsPerOutcome;
            query.recencyHalfLifeDays = options.recencyHalfLifeDays;
            const RelevantOutcomes outcomes = OutcomeRetriever(m_store).fetch(query);
            t.filters = outcomes.filter;
            t.lessonBudgetTokens = options.lessonBudgetTokens;
            t.retrieved = RunPrompt::fitLessons(outcomes, options.lessonBudgetTokens);
            std::vector<MemoryAccess> access;
            for (const auto& m : t.retrieved)
                access.push_back(
                    {m.memoryId, t.runId, m.rank, m.score, m.semantic, m.keyword, m.recency, "agent", t.startedAt});
            runs.logAccess(t.runId, access);
        }
        notify(Event::Retrieved);

        const RunPrompt::Built prompt = RunPrompt::build(pack, task, schema, t.retrieved, options.memory);
        t.prompt = prompt.messages;
        t.sections = prompt.sections;
        runs.save(t);
        notify(Event::Prompted);

        // Plan and act: the model answers or calls tools, within the pack's limits.
        const auto tools = makePackTools(pack, sandbox.get());
        std::vector<ToolSpec> specs;
        for (const auto& tool : tools)
            specs.push_back(tool->spec());
        std::vector<ChatMessage> messages = prompt.messages;
        std::vector<std::string> toolQueries;
        int toolCalls = 0;
        for (int turn = 1;; ++turn) {
            throwIfCancelled(cancel);
            if (turn > pack.limits.maxTurns) {
                TraceStep limit;
                limit.kind = "limit";
                limit.name = "max_turns";
                limit.startMs = sinceStart();
                limit.log = "stopped after " + std::to_string(pack.limits.maxTurns) + " model calls";
                t.steps.push_back(std::move(limit));
                notify(Event::Step);
                break;
            }
            ChatRequest request;
            request.model = options.model;
            request.messages = messages;
            if (toolCalls < pack.limits.maxToolCalls)
                request.tools = specs;
            request.maxTokens = pack.limits.maxAnswerTokens;
            request.stream = true;

            TraceStep step;
            step.kind = "llm";
            step.name = options.model;
            step.startMs = sinceStart();
            step.input = {{"turn", turn},
                          {"messages", messages.size()},
                          {"tools", request.tools.size()},
                          {"prompt_tokens_estimate", TokenCounter::estimate(request)}};
            ChatResponse response;
            try {
                response = m_chat.complete(
                    request, [&](std::string_view delta) { notify(Event::Delta, delta); }, cancel);
            } catch (const Error& e) {
                step.ok = false;
                step.error = e.what();
                step.elapsedMs = sinceStart() - step.startMs;
                t.steps.push_back(std::move(step));
                notify(Event::Step);
                throw;
            }
            step.elapsedMs = sinceStart() - step.startMs;
            step.name = response.model;
            step.promptTokens = response.usage.promptTokens;
            step.completionTokens = response.usage.completionTokens;
            step.output = {
                {"content", response.message.content},    {"tool_calls", toolCallsJson(response.message.toolCalls)},
                {"finish_reason", response.finishReason}, {"first_token_ms", response.firstTokenMs},
                {"attempts", response.attempts},          {"usage_estimated", response.usage.estimated}};
            t.promptTokens += response.usage.promptTokens;
            t.completionTokens += response.usage.completionTokens;
            if (t.model.empty())
                t.model = response.model;
            t.output = response.message.content;
            t.steps.push_back(std::move(step));
            notify(Event::Step);
            if (response.message.toolCalls.empty())
                break;

            messages.push_back(response.message);
            for (const auto& call : response.message.toolCalls) {
                throwIfCancelled(cancel);
                TraceStep ts;
                ts.kind = "tool";
                ts.name = call.name;
                ts.startMs = sinceStart();
                ts.input = {{"arguments", call.arguments}};
                ToolResult result;
                AgentTool* tool = nullptr;
                for (const auto& candidate : tools)
                    if (candidate->spec().name == call.name)
                        tool = candidate.get();
                if (toolCalls >= pack.limits.maxToolCalls) {
                    result.error = "tool call limit reached";
                    result.output = "Tool call limit reached (" + std::to_string(pack.limits.maxToolCalls) +
                                    " per run): give your final answer now.";
                } else if (!tool) {
                    ++toolCalls;
                    std::string names;
                    for (const auto& s : specs)
                        names += (names.empty() ? "" : ", ") + s.name;
                    result.error = "unknown tool " + call.name;
                    result.output = "There is no tool named \"" + call.name +
                                    "\". Available: " + (names.empty() ? "none" : names) + ".";
                } else {
                    ++toolCalls;
                    result = tool->call(call.arguments, cancel);
                    if (call.name == "run_sql")
                        if (auto sql = sqlArgument(call.arguments); !sql.empty())
                            toolQueries.push_back(std::move(sql));
                }
                ts.ok = result.ok;
                ts.error = result.error;
                ts.elapsedMs = result.elapsedMs > 0 ? result.elapsedMs : sinceStart() - ts.startMs;
                ts.output = {{"output", result.output}, {"rows", result.rows}, {"truncated", result.truncated}};
                ts.log = result.log;
                t.steps.push_back(std::move(ts));
                notify(Event::Step);
                messages.push_back(ChatMessage::tool(call.id, call.name, result.output));
            }
        }
        runs.save(t);

        // Evaluate.
        throwIfCancelled(cancel);
        TraceStep evaluation;
        evaluation.kind = "evaluate";
        evaluation.name = pack.evaluatorFor(task).kind;
        evaluation.startMs = sinceStart();
        const auto evaluator = makeEvaluator(pack.evaluatorFor(task), sandbox.get(), &m_chat, options.model);
        t.evaluation = evaluator->evaluate(EvaluationInput{&pack, &task, t.output, toolQueries}, cancel);
        t.evaluated = true;
        t.outcome = t.evaluation.outcome;
        evaluation.elapsedMs = sinceStart() - evaluation.startMs;
        evaluation.output = {{"outcome", t.evaluation.outcome}, {"score", t.evaluation.score}};
        t.steps.push_back(std::move(evaluation));
        notify(Event::Step);

        // The lesson: the model's when it can write one, else the evaluator's.
        t.lesson = t.evaluation.lesson;
        t.lessonSource = "evaluator";
        if (options.llmLesson) {
            TraceStep step;
            step.kind = "lesson";
            step.name = options.model;
            step.startMs = sinceStart();
            try {
                ChatResponse response;
                std::string lesson =
                    LessonWriter(m_chat, options.model).write(pack, task, t.output, t.evaluation, cancel, &response);
                step.name = response.model;
                step.promptTokens = response.usage.promptTokens;
                step.completionTokens = response.usage.completionTokens;
                t.promptTokens += response.usage.promptTokens;
                t.completionTokens += response.usage.completionTokens;
                step.output = {{"content", lesson}};
                if (!lesson.empty()) {
                    t.lesson = std::move(lesson);
                    t.lessonSource = "llm";
                }
            } catch (const Error& e) {
                if (e.kind() == Error::Kind::Cancelled)
                    throw;
                step.ok = false;
                step.error = std::string(e.what()) + " (the evaluator's lesson is used)";
            }
            step.elapsedMs = sinceStart() - step.startMs;
            t.steps.push_back(std::move(step));
            notify(Event::Step);
        }
        notify(Event::Evaluated);

        // Writeback.
        if (options.writeback != RunOptions::Writeback::Off && !t.lesson.empty()) {
            const MemoryRecord record = lessonRecord(t, pack, task, options);
            if (options.writeback == RunOptions::Writeback::Queue) {
                runs.enqueue(t.runId, RecordJson::toJson(record));
                t.writeback = "queued";
            } else {
                ChangeContext context;
                context.actor = "agent:" + options.agentId;
                context.reason = "lesson of " + t.runId;
                m_store.add(record, context);
                t.writeback = "inline";
            }
            t.writtenMemoryId = record.id; // queued: the id it will have
        }
        t.status = "completed";
    } catch (const Error& e) {
        t.status = e.kind() == Error::Kind::Cancelled ? "cancelled" : "failed";
        t.error = e.what();
    } catch (const std::exception& e) {
        t.status = "failed";
        t.error = std::string("internal error: ") + e.what();
    }
    t.finishedAt = nowMicros();
    t.latencyMs = sinceStart();
    runs.save(t);
    notify(Event::Finished);
    return t;
}

} // namespace memscope
