// packs, run, runs, run-show, run-compare, writeback: the continual-learning loop from the command line.
#include "Command.h"

#include <agent/AgentRunner.h>
#include <agent/PackLibrary.h>
#include <agent/RunComparison.h>
#include <agent/RunPrompt.h>
#include <agent/RunStore.h>
#include <agent/WritebackWorker.h>
#include <llm/OpenAiChatClient.h>
#include <llm/ProviderProfile.h>
#include <stats/LearningCurve.h>
#include <storage/MemoryStore.h>
#include <util/Error.h>
#include <util/Ids.h>

#include <cmath>
#include <csignal>
#include <iomanip>
#include <ostream>
#include <sstream>

namespace memscope::cli {

using nlohmann::json;

namespace {

std::atomic_bool g_interrupted{false};

extern "C" void onInterrupt(int) { g_interrupted.store(true); }

std::string dump(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); }

std::string orDash(const std::string& s) { return s.empty() ? "-" : s; }

int packsCommand(CommandEnv& env, const CliArgs& args)
{
    const PackLibrary library(PackLibrary::defaultFolders());
    const auto entries = library.list();
    if (args.flag("json")) {
        json out = json::array();
        for (const auto& e : entries)
            out.push_back({{"name", e.name},
                           {"file", e.file.string()},
                           {"title", e.title},
                           {"task_type", e.taskType},
                           {"tasks", e.taskCount},
                           {"error", e.error}});
        *env.out << dump(out) << '\n';
        return 0;
    }
    for (const auto& e : entries) {
        if (e.error.empty())
            *env.out << std::left << std::setw(20) << e.name << std::setw(20) << e.taskType << std::setw(5)
                     << e.taskCount << e.title << "  (" << e.file.string() << ")\n";
        else
            *env.out << std::left << std::setw(20) << e.name << "unusable: " << e.error << '\n';
    }
    if (entries.empty()) {
        *env.out << "No task packs found. Folders searched:\n";
        for (const auto& f : library.folders())
            *env.out << "  " << f.string() << '\n';
    }
    return 0;
}

RunOptions::Writeback writebackMode(const std::string& text)
{
    if (text == "inline")
        return RunOptions::Writeback::Inline;
    if (text == "queue")
        return RunOptions::Writeback::Queue;
    if (text == "off")
        return RunOptions::Writeback::Off;
    throw UsageError{"--writeback must be inline, queue or off"};
}

json runLine(const RunTrace& t)
{
    return {{"run_id", t.runId},
            {"task_id", t.taskId},
            {"episode", t.episode},
            {"memory", t.memory},
            {"status", t.status},
            {"outcome", t.outcome},
            {"error", t.error},
            {"lessons_used",
             std::count_if(t.retrieved.begin(), t.retrieved.end(), [](const RetrievedMemory& m) { return m.used; })},
            {"latency_ms", std::llround(t.latencyMs)},
            {"prompt_tokens", t.promptTokens},
            {"completion_tokens", t.completionTokens},
            {"written_memory_id", t.writtenMemoryId},
            {"writeback", t.writeback}};
}

constexpr int kMaxCurveRuns = 1000000;

std::string percentText(const std::optional<double>& rate)
{
    return rate ? std::to_string(std::lround(*rate * 100.0)) + " %" : "-";
}

// A point of a curve as a cell: the outcome, else why the run was not judged.
std::string outcomeText(const LearningCurve::Point* p) { return p ? (p->judged ? p->outcome : p->status) : "-"; }

json curveJson(const LearningCurve& c, const std::vector<RunSummary>& runs)
{
    json j = c.toJson();
    j["pack"] = runs.empty() ? std::string() : runs.front().pack;
    Micros started = 0;
    for (const auto& r : runs)
        started = started && started < r.startedAt ? started : r.startedAt;
    j["started_at"] = started ? formatIsoTime(started) : "";
    return j;
}

// Per episode the outcome with and without memory and both cumulative and windowed rates; then the totals.
void printCurve(std::ostream& out, const LearningCurve& c, const std::vector<RunSummary>& runs)
{
    const json info = curveJson(c, runs);
    out << "learning curve of " << c.batchId << "  " << info["pack"].get<std::string>() << "  "
        << info["started_at"].get<std::string>().substr(0, 19) << "  " << c.episodes() << " episode(s)\n";
    const std::string window = "last " + std::to_string(c.window);
    out << std::left << std::setw(9) << "episode" << std::setw(13) << "with memory" << std::setw(13) << "without"
        << std::right << std::setw(11) << "cum. with" << std::setw(14) << "cum. without" << std::setw(14)
        << (window + " with") << std::setw(17) << (window + " without") << '\n';
    for (int episode = 1; episode <= c.episodes(); ++episode) {
        const auto* with = c.withMemory.at(episode);
        const auto* without = c.withoutMemory.at(episode);
        if (!with && !without)
            continue;
        out << std::left << std::setw(9) << episode << std::setw(13) << outcomeText(with) << std::setw(13)
            << outcomeText(without) << std::right << std::setw(11)
            << percentText(with ? with->cumulativeRate : std::nullopt) << std::setw(14)
            << percentText(without ? without->cumulativeRate : std::nullopt) << std::setw(14)
            << percentText(with ? with->windowRate : std::nullopt) << std::setw(17)
            << percentText(without ? without->windowRate : std::nullopt) << '\n';
    }
    const auto total = [&](const char* label, const LearningCurve::Arm& arm) {
        out << std::left << std::setw(16) << label << percentText(arm.rate()) << "  (" << arm.successes
            << " success(es) of " << arm.judged << " judged run(s)";
        if (arm.excluded() > 0)
            out << "; " << arm.excluded() << " left out: failed, cancelled or running";
        out << ")\n";
    };
    out << '\n';
    total("with memory", c.withMemory);
    total("without memory", c.withoutMemory);
    if (const auto lift = c.lift()) {
        const long points = std::lround(*lift * 100.0);
        out << std::left << std::setw(16) << "lift" << (points > 0 ? "+" : "") << points << " point(s) over "
            << c.episodes() << " episode(s)\n";
    } else {
        out << std::left << std::setw(16) << "lift"
            << "- (needs judged runs with and without memory)\n";
    }
}

int curveCommand(CommandEnv& env, const CliArgs& args)
{
    if (args.positionals().size() > 1)
        throw UsageError{"curve takes at most one BATCH_ID"};
    const int window = static_cast<int>(args.integer("window", LearningCurve::kDefaultWindow, 1, 10000));
    auto store = env.open(false);
    RunStore runs(*store);
    std::string batchId;
    if (!args.positionals().empty()) {
        batchId = args.positionals().front();
    } else {
        const auto newest = runs.batches(1, true);
        if (newest.empty())
            throw Error(Error::Kind::NotFound, "no batch in " + store->path() +
                                                   " was run both with and without memory (memscope-cli run --pack "
                                                   "NAME --episodes N --curve)");
        batchId = newest.front().batchId;
    }
    RunListQuery query;
    query.batchId = batchId;
    query.limit = kMaxCurveRuns;
    const auto batchRuns = runs.list(query);
    if (batchRuns.empty())
        throw Error(Error::Kind::NotFound, "no batch with id " + batchId + " in " + store->path() +
                                               " (memscope-cli runs lists the runs with their batch ids)");
    const LearningCurve c = LearningCurve::compute(batchRuns, window, batchId);
    if (args.flag("json")) {
        *env.out << dump(curveJson(c, batchRuns)) << '\n';
        return 0;
    }
    if (!c.hasBothArms())
        *env.err << "note: batch " << batchId << " has runs only " << (c.withMemory.runs ? "with" : "without")
                 << " memory: there is nothing to compare with\n";
    printCurve(*env.out, c, batchRuns);
    return 0;
}

int runCommand(CommandEnv& env, const CliArgs& args)
{
    const bool asJson = args.flag("json");
    const auto packName = args.value("pack");
    if (!packName)
        throw UsageError{"run needs --pack NAME (see memscope-cli packs)"};
    const TaskPack pack = PackLibrary(PackLibrary::defaultFolders()).load(*packName);
    const std::vector<const PackTask*> tasks = pack.selectTasks(args.value("task", ""));
    const int episodes = static_cast<int>(args.integer("episodes", static_cast<long long>(tasks.size()), 1, 100000));

    ProviderProfile profile = chatProfile(args);
    if (profile.baseUrl.empty())
        return reportNoEndpoint(env, asJson);
    profile.timeoutMs = args.integer("timeout", profile.timeoutMs, 1, 3600000);
    OpenAiChatClient chat(profile);

    RunOptions options;
    options.userId = args.value("user", "global");
    options.memory = !args.flag("no-memory");
    options.version = args.value("version", "");
    options.model = profile.model;
    options.lessonBudgetTokens = static_cast<int>(args.integer("budget", 600, 0, 100000));
    options.lessonsPerOutcome = static_cast<int>(args.integer("lessons", 5, 0, 100));
    options.llmLesson = !args.flag("no-llm-lesson");
    options.writeback = writebackMode(args.value("writeback", "inline"));
    const bool curve = args.flag("curve");
    if (curve && !options.memory)
        throw UsageError{"--curve runs every episode with and without memory: leave out --no-memory"};
    options.batchId = episodes > 1 || curve ? "batch_" + newUuid().substr(0, 8) : std::string();

    auto store = env.open(true, true);
    // Runs still "running" after six hours belong to a process that died: say so instead of leaving them.
    RunStore(*store).markAbandoned(nowMicros() - RunStore::kAbandonedAfter);
    waitForVectors(*store, env);
    std::unique_ptr<WritebackWorker> worker;
    // A curve drains the queue itself after each run, so the next episode can retrieve the lesson.
    if (options.writeback == RunOptions::Writeback::Queue && !curve)
        worker = std::make_unique<WritebackWorker>(*store, 200);

    g_interrupted = false;
    const auto previous = std::signal(SIGINT, onInterrupt);
    AgentRunner runner(*store, chat);
    int failed = 0;
    int successes = 0;
    // The learning curve's control arm: the same task right after, without prefetch and without a lesson
    // (a lesson from it would teach the memory arm).
    RunOptions control = options;
    control.memory = false;
    control.writeback = RunOptions::Writeback::Off;
    control.llmLesson = false; // its lesson would be thrown away: no tokens for it
    int made = 0;
    for (int episode = 1; episode <= episodes && !g_interrupted; ++episode) {
        const PackTask& task = *tasks[static_cast<std::size_t>(episode - 1) % tasks.size()];
        for (RunOptions* arm : {&options, &control}) {
            if ((arm == &control && !curve) || g_interrupted)
                continue;
            arm->episode = options.batchId.empty() ? 0 : episode;
            const RunTrace t = runner.run(pack, task, *arm, {}, &g_interrupted);
            ++made;
            if (worker)
                worker->wake();
            else if (t.writeback == "queued")
                WritebackWorker::drainOnce(*store, "agent:" + arm->agentId);
            failed += t.status != "completed";
            successes += t.outcome == "success";
            if (asJson) {
                *env.out << runLine(t).dump(-1, ' ', false, json::error_handler_t::replace) << '\n' << std::flush;
                continue;
            }
            *env.out << std::left << std::setw(8) << (std::to_string(episode) + "/" + std::to_string(episodes));
            if (curve)
                *env.out << std::setw(11) << (arm->memory ? "memory" : "no-memory");
            *env.out << std::setw(8) << task.id << std::setw(10) << (t.status == "completed" ? t.outcome : t.status)
                     << std::right << std::setw(7) << std::llround(t.latencyMs) << " ms " << std::setw(6)
                     << (t.promptTokens + t.completionTokens) << " tok  " << t.runId;
            if (!t.writtenMemoryId.empty())
                *env.out << "  lesson " << t.writtenMemoryId << (t.writeback == "queued" ? " (queued)" : "");
            *env.out << '\n';
            if (!t.error.empty())
                *env.out << "        " << oneLine(t.error, 300) << '\n';
            *env.out << std::flush;
        }
    }
    std::signal(SIGINT, previous);
    if (worker)
        worker->stop(true);
    if (curve && made > 0) {
        RunListQuery query;
        query.batchId = options.batchId;
        query.limit = kMaxCurveRuns;
        const auto batchRuns = RunStore(*store).list(query);
        const LearningCurve c = LearningCurve::compute(batchRuns, LearningCurve::kDefaultWindow, options.batchId);
        if (asJson)
            *env.out << json{{"curve", curveJson(c, batchRuns)}}.dump(-1, ' ', false, json::error_handler_t::replace)
                     << '\n';
        else
            printCurve(*env.out << '\n', c, batchRuns);
    } else if (!asJson)
        *env.out << "success " << successes << " of " << episodes << " run(s)"
                 << (options.memory ? " with memory" : " without memory (ablation)")
                 << (failed ? ", " + std::to_string(failed) + " could not finish" : std::string()) << '\n';
    return failed || g_interrupted ? 1 : 0;
}

int runsCommand(CommandEnv& env, const CliArgs& args)
{
    RunListQuery q;
    q.taskType = args.value("task-type", "");
    q.status = args.value("status", "");
    q.outcome = args.value("outcome", "");
    q.batchId = args.value("batch", "");
    q.text = args.value("search", "");
    q.limit = static_cast<int>(args.integer("limit", 50, 1, 100000));
    auto store = env.open(false);
    const auto runs = RunStore(*store).list(q);
    if (args.flag("json")) {
        json out = json::array();
        for (const auto& r : runs)
            out.push_back(r.toJson());
        *env.out << dump(out) << '\n';
        return 0;
    }
    for (const auto& r : runs)
        *env.out << r.runId << "  " << formatIsoTime(r.startedAt).substr(0, 19) << "  " << std::left << std::setw(18)
                 << r.taskType << std::setw(6) << orDash(r.taskId) << std::setw(10) << r.status << std::setw(9)
                 << orDash(r.outcome) << (r.memory ? "memory   " : "no-memory") << std::right << std::setw(7)
                 << std::llround(r.latencyMs) << " ms " << std::setw(6) << (r.promptTokens + r.completionTokens)
                 << " tok\n";
    if (runs.empty())
        *env.out << "No runs recorded.\n";
    return 0;
}

void printTrace(std::ostream& out, const RunTrace& t)
{
    out << "run        " << t.runId << "\n"
        << "task       " << t.pack << " / " << t.taskId << " (" << t.taskType << ")"
        << (t.episode ? "  episode " + std::to_string(t.episode) + " of " + t.batchId : std::string()) << "\n"
        << "status     " << t.status << (t.outcome.empty() ? std::string() : ", outcome " + t.outcome)
        << (t.error.empty() ? std::string() : "\nerror      " + t.error) << "\n"
        << "model      " << orDash(t.model) << ", version " << orDash(t.version) << ", user " << orDash(t.userId)
        << ", memory " << (t.memory ? "on" : "off") << "\n"
        << "started    " << formatIsoTime(t.startedAt) << ", " << std::llround(t.latencyMs) << " ms, " << t.promptTokens
        << " prompt + " << t.completionTokens << " completion tokens\n\n";
    out << "Retrieved memories (" << t.retrieved.size() << ", budget " << t.lessonBudgetTokens << " tokens):\n";
    for (const auto& m : t.retrieved)
        out << "  " << (m.used ? "" : "(cut) ") << "[L" << m.rank << "] " << m.memoryId << "  " << m.outcomeType
            << std::fixed << std::setprecision(3) << "  score " << m.score << " (semantic " << m.semantic
            << ", keyword " << m.keyword << ", recency " << m.recency << ")  " << m.tokens << " tok\n      "
            << oneLine(m.text, 160) << '\n';
    out << "\nPrompt sections:";
    for (const auto& s : t.sections)
        out << "  " << s.name << " " << s.tokens << " tok";
    out << "\n";
    for (const auto& m : t.prompt)
        out << "--- " << m.role << " ---\n" << m.content << "\n";
    out << "\nSteps:\n";
    for (const auto& s : t.steps) {
        out << "  " << std::setw(8) << std::llround(s.startMs) << " ms  " << std::left << std::setw(9) << s.kind
            << std::right << orDash(s.name) << "  " << std::llround(s.elapsedMs) << " ms";
        if (s.promptTokens || s.completionTokens)
            out << "  " << s.promptTokens << "+" << s.completionTokens << " tok";
        if (!s.ok)
            out << "  FAILED: " << s.error;
        out << '\n';
        if (s.kind == "tool")
            out << "           args: " << oneLine(s.input.value("arguments", ""), 160) << "\n           -> "
                << oneLine(s.output.value("output", ""), 160) << '\n';
        if (!s.log.empty())
            out << "           " << oneLine(s.log, 160) << '\n';
    }
    out << "\nOutput:\n" << t.output << "\n\n";
    if (t.evaluated)
        out << "Evaluation: " << t.evaluation.outcome << " (score " << t.evaluation.score << ") — "
            << t.evaluation.reason << "\n";
    if (!t.lesson.empty())
        out << "Lesson (" << t.lessonSource << ", " << orDash(t.writeback) << " " << orDash(t.writtenMemoryId)
            << "): " << t.lesson << "\n";
}

int runShowCommand(CommandEnv& env, const CliArgs& args)
{
    if (args.positionals().size() != 1)
        throw UsageError{"run-show needs one RUN_ID"};
    auto store = env.open(false);
    const RunTrace t = RunStore(*store).require(args.positionals().front());
    if (args.flag("json"))
        *env.out << dump(t.toJson()) << '\n';
    else
        printTrace(*env.out, t);
    return 0;
}

std::string signedText(long long v, const std::string& unit = {})
{
    return (v > 0 ? "+" : "") + std::to_string(v) + unit;
}

std::string rankText(int rank, bool used) { return rank ? "L" + std::to_string(rank) + (used ? "" : "(cut)") : "-"; }

void printComparison(std::ostream& out, const RunComparison& c)
{
    constexpr int kLabel = 19;
    constexpr int kColumn = 44;
    const auto row = [&](const std::string& label, const std::string& a, const std::string& b,
                         const std::string& delta = {}) {
        out << std::left << std::setw(kLabel) << label << std::setw(kColumn) << oneLine(a, kColumn - 2);
        if (delta.empty()) // no trailing blanks
            out << oneLine(b, kColumn - 2) << '\n';
        else
            out << std::setw(kColumn) << oneLine(b, kColumn - 2) << delta << '\n';
    };
    const auto number = [](long long v) { return std::to_string(v); };
    const auto task = [](const ComparedRun& r) { return r.pack + " / " + orDash(r.taskId); };
    const auto status = [](const ComparedRun& r) { return r.status + (r.error.empty() ? "" : ": " + r.error); };
    row("", "A", "B", "B - A");
    row("run", c.a.runId, c.b.runId);
    row("task", task(c.a), task(c.b), c.sameTask ? "" : "different tasks");
    row("memory", c.a.memory ? "on" : "off", c.b.memory ? "on" : "off");
    row("version", orDash(c.a.version), orDash(c.b.version));
    row("model", orDash(c.a.model), orDash(c.b.model));
    row("status", status(c.a), status(c.b));
    const int change = c.outcomeChange();
    row("outcome", orDash(c.a.outcome), orDash(c.b.outcome), change > 0 ? "better" : change < 0 ? "worse" : "same");
    row("latency", number(std::llround(c.a.latencyMs)) + " ms", number(std::llround(c.b.latencyMs)) + " ms",
        signedText(std::llround(c.latencyDeltaMs()), " ms"));
    row("prompt tokens", number(c.a.promptTokens), number(c.b.promptTokens), signedText(c.promptTokensDelta()));
    row("completion tokens", number(c.a.completionTokens), number(c.b.completionTokens),
        signedText(c.completionTokensDelta()));
    row("total tokens", number(c.a.totalTokens()), number(c.b.totalTokens()), signedText(c.totalTokensDelta()));
    for (const auto& s : c.sections)
        row("  " + s.name, number(s.tokensA), number(s.tokensB), signedText(s.delta()));
    row("steps", number(c.a.steps), number(c.b.steps), signedText(c.b.steps - c.a.steps));
    row("tool calls", number(c.a.toolCalls), number(c.b.toolCalls), signedText(c.b.toolCalls - c.a.toolCalls));
    row("retrieved (used)", number(c.a.retrievedCount) + " (" + number(c.a.used) + ")",
        number(c.b.retrievedCount) + " (" + number(c.b.used) + ")");

    out << "\nContext diff (" << c.context.size() << " memories: " << c.onlyA << " only in A, " << c.onlyB
        << " only in B, " << c.both << " in both, " << c.moved << " moved):\n";
    for (const auto& e : c.context) {
        const char mark = e.kind == ContextChange::Kind::OnlyA ? '-' : e.kind == ContextChange::Kind::OnlyB ? '+' : '=';
        std::ostringstream ranks;
        if (e.kind == ContextChange::Kind::Both)
            ranks << rankText(e.rankA, e.usedA) << (e.rankMoved() ? " -> " : " = ") << rankText(e.rankB, e.usedB);
        else if (e.kind == ContextChange::Kind::OnlyA)
            ranks << rankText(e.rankA, e.usedA);
        else
            ranks << rankText(e.rankB, e.usedB);
        const double score = e.kind == ContextChange::Kind::OnlyB ? e.scoreB : e.scoreA;
        out << mark << ' ' << std::left << std::setw(18) << ranks.str() << ' ' << e.memoryId << "  " << std::setw(8)
            << e.outcomeType << std::fixed << std::setprecision(3) << " score " << score;
        if (e.kind == ContextChange::Kind::Both)
            out << " / " << e.scoreB;
        out << std::defaultfloat << "\n      " << oneLine(e.text, 160) << '\n';
    }
    if (c.context.empty())
        out << "  (neither run retrieved any memory)\n";
}

int runCompareCommand(CommandEnv& env, const CliArgs& args)
{
    if (args.positionals().size() != 2)
        throw UsageError{"run-compare needs two run ids: RUN_A RUN_B"};
    auto store = env.open(false);
    RunStore runs(*store);
    const RunTrace a = runs.require(args.positionals()[0]);
    const RunTrace b = runs.require(args.positionals()[1]);
    const RunComparison c = RunComparison::compare(a, b);
    if (args.flag("json")) {
        *env.out << dump(c.toJson()) << '\n';
        return 0;
    }
    if (!c.sameTask)
        *env.err << "warning: " << c.taskWarning() << '\n';
    printComparison(*env.out, c);
    return 0;
}

int writebackCommand(CommandEnv& env, const CliArgs& args)
{
    auto store = env.open(true);
    const auto drained = WritebackWorker::drainOnce(*store);
    const auto left = RunStore(*store).queueLength();
    if (args.flag("json")) {
        *env.out << dump({{"written", drained.written},
                          {"failed", drained.failed},
                          {"queued", left},
                          {"last_error", drained.lastError}})
                 << '\n';
    } else {
        *env.out << drained.written << " lesson(s) written, " << drained.failed << " failed, " << left
                 << " still queued\n";
        if (!drained.lastError.empty())
            *env.out << "last error: " << drained.lastError << '\n';
    }
    return drained.failed ? 1 : 0;
}

} // namespace

void addRunCommands(std::vector<Command>& commands)
{
    commands.push_back({"packs",
                        "list the task packs (built-in and the user's)",
                        "packs [--json]\n\n"
                        "Folders searched, first wins: $MEMSCOPE_PACKS_PATH, <data dir>/memscope/packs, the\n"
                        "installed packs (share/memscope/packs).",
                        {{}, {"json"}},
                        packsCommand});
    commands.push_back(
        {"run",
         "run agent tasks of a pack: prefetch, act, evaluate, write the lesson back",
         "run --pack NAME [--task ID] [--user U] [--episodes N] [--no-memory | --curve] [--model M]\n"
         "    [--base-url URL] [--version TAG] [--budget TOKENS] [--lessons K] [--writeback inline|queue|off]\n"
         "    [--no-llm-lesson] [--timeout MS] [--json]\n\n"
         "Each run fetches the task type's successes and failures (global plus --user), fits them to\n"
         "--budget tokens, asks the model (with the pack's tools), evaluates the answer with the pack's\n"
         "evaluator and writes a lesson to task_outcomes. --episodes N cycles through the tasks (or repeats\n"
         "--task) N times; --no-memory is the ablation. --curve runs each episode with memory and then the\n"
         "same task without (a control that writes no lesson) in one batch and prints the learning curve\n"
         "at the end (see `curve`). The endpoint: --base-url, else $OPENAI_BASE_URL; the model: --model,\n"
         "else $MEMSCOPE_MODEL; the key: $OPENAI_API_KEY. --json prints one object per run (and, with\n"
         "--curve, a last one: {\"curve\": ...}). Exit status 1 when a run could not finish (endpoint\n"
         "failure, Ctrl+C); the trace is stored either way (memscope-cli run-show RUN_ID).",
         {{"pack", "task", "user", "episodes", "model", "base-url", "version", "budget", "lessons", "writeback",
           "timeout"},
          {"no-memory", "no-llm-lesson", "curve", "json"}},
         runCommand});
    commands.push_back({"runs",
                        "list recorded agent runs, newest first",
                        "runs [--task-type T] [--status running|completed|failed|cancelled] [--outcome O]\n"
                        "     [--batch ID] [--search TEXT] [--limit N] [--json]",
                        {{"task-type", "status", "outcome", "batch", "search", "limit"}, {"json"}},
                        runsCommand});
    commands.push_back({"run-show",
                        "the whole trace of a run: retrieved memories, prompt, calls, evaluation",
                        "run-show RUN_ID [--json]",
                        {{}, {"json"}},
                        runShowCommand});
    commands.push_back({"run-compare",
                        "compare two runs side by side: context diff, token deltas, outcome",
                        "run-compare RUN_A RUN_B [--json]\n\n"
                        "A is the earlier run (e.g. with memory), B the re-run (e.g. --no-memory, or another\n"
                        "version). Deltas are B - A. The context diff lists every memory either run retrieved:\n"
                        "\"-\" only A, \"+\" only B, \"=\" both (with both ranks; (cut) = did not fit the budget).\n"
                        "Comparing runs of different tasks works, with a warning.",
                        {{}, {"json"}},
                        runCompareCommand});
    commands.push_back({"curve",
                        "the learning curve of a batch: success rate by episode with and without memory",
                        "curve [BATCH_ID] [--window N] [--json]\n\n"
                        "Per episode: the outcome with and without memory, the cumulative success rates and\n"
                        "those of the last --window episodes (default 5); then each arm's rate and the lift\n"
                        "(with - without, in points). Failed and cancelled runs are counted but left out of the\n"
                        "rates. Without BATCH_ID: the newest batch run with and without memory (run --curve).",
                        {{"window"}, {"json"}},
                        curveCommand});
    commands.push_back({"writeback",
                        "write the lessons waiting in the writeback queue",
                        "writeback [--json]\n\n"
                        "Runs with --writeback queue hand their lessons to a persistent queue; the workbench and\n"
                        "`run` drain it in the background. This drains it now (e.g. after a crash).",
                        {{}, {"json"}},
                        writebackCommand});
}

} // namespace memscope::cli
