// packs, run, runs, run-show, writeback: the continual-learning loop from the command line.
#include "Command.h"

#include <agent/AgentRunner.h>
#include <agent/PackLibrary.h>
#include <agent/RunPrompt.h>
#include <agent/RunStore.h>
#include <agent/WritebackWorker.h>
#include <llm/OpenAiChatClient.h>
#include <llm/ProviderProfile.h>
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
    options.batchId = episodes > 1 ? "batch_" + newUuid().substr(0, 8) : std::string();

    auto store = env.open(true, true);
    // Runs still "running" after six hours belong to a process that died: say so instead of leaving them.
    RunStore(*store).markAbandoned(nowMicros() - 6LL * 3600 * 1000000);
    waitForVectors(*store, env);
    std::unique_ptr<WritebackWorker> worker;
    if (options.writeback == RunOptions::Writeback::Queue)
        worker = std::make_unique<WritebackWorker>(*store, 200);

    g_interrupted = false;
    const auto previous = std::signal(SIGINT, onInterrupt);
    AgentRunner runner(*store, chat);
    int failed = 0;
    int successes = 0;
    for (int episode = 1; episode <= episodes && !g_interrupted; ++episode) {
        const PackTask& task = *tasks[static_cast<std::size_t>(episode - 1) % tasks.size()];
        options.episode = options.batchId.empty() ? 0 : episode;
        const RunTrace t = runner.run(pack, task, options, {}, &g_interrupted);
        if (worker)
            worker->wake();
        failed += t.status != "completed";
        successes += t.outcome == "success";
        if (asJson) {
            *env.out << runLine(t).dump(-1, ' ', false, json::error_handler_t::replace) << '\n' << std::flush;
            continue;
        }
        *env.out << std::left << std::setw(8) << (std::to_string(episode) + "/" + std::to_string(episodes))
                 << std::setw(8) << task.id << std::setw(10) << (t.status == "completed" ? t.outcome : t.status)
                 << std::right << std::setw(7) << std::llround(t.latencyMs) << " ms " << std::setw(6)
                 << (t.promptTokens + t.completionTokens) << " tok  " << t.runId;
        if (!t.writtenMemoryId.empty())
            *env.out << "  lesson " << t.writtenMemoryId << (t.writeback == "queued" ? " (queued)" : "");
        *env.out << '\n';
        if (!t.error.empty())
            *env.out << "        " << oneLine(t.error, 300) << '\n';
        *env.out << std::flush;
    }
    std::signal(SIGINT, previous);
    if (worker)
        worker->stop(true);
    if (!asJson)
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
         "run --pack NAME [--task ID] [--user U] [--episodes N] [--no-memory] [--model M] [--base-url URL]\n"
         "    [--version TAG] [--budget TOKENS] [--lessons K] [--writeback inline|queue|off] [--no-llm-lesson]\n"
         "    [--timeout MS] [--json]\n\n"
         "Each run fetches the task type's successes and failures (global plus --user), fits them to\n"
         "--budget tokens, asks the model (with the pack's tools), evaluates the answer with the pack's\n"
         "evaluator and writes a lesson to task_outcomes. --episodes N cycles through the tasks (or repeats\n"
         "--task) N times; --no-memory is the ablation. The endpoint: --base-url, else $OPENAI_BASE_URL;\n"
         "the model: --model, else $MEMSCOPE_MODEL; the key: $OPENAI_API_KEY. --json prints one object per\n"
         "run. Exit status 1 when a run could not finish (endpoint failure, Ctrl+C); the trace is stored\n"
         "either way (memscope-cli run-show RUN_ID).",
         {{"pack", "task", "user", "episodes", "model", "base-url", "version", "budget", "lessons", "writeback",
           "timeout"},
          {"no-memory", "no-llm-lesson", "json"}},
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
    commands.push_back({"writeback",
                        "write the lessons waiting in the writeback queue",
                        "writeback [--json]\n\n"
                        "Runs with --writeback queue hand their lessons to a persistent queue; the workbench and\n"
                        "`run` drain it in the background. This drains it now (e.g. after a crash).",
                        {{}, {"json"}},
                        writebackCommand});
}

} // namespace memscope::cli
