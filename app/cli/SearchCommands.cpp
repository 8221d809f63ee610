// search and outcomes: reading memory the way an agent does before a task.
#include "Command.h"

#include <agent/RunStore.h>
#include <io/RecordJson.h>
#include <search/OutcomeRetriever.h>
#include <search/SearchTypes.h>
#include <storage/MemoryStore.h>
#include <util/Error.h>

#include <iomanip>
#include <iostream>

namespace memscope::cli {

namespace {

nlohmann::json hitJson(const SearchHit& hit)
{
    auto j = RecordJson::toJson(hit.record);
    j["score"] = hit.score;
    j["score_parts"] = hit.parts.toJson();
    return j;
}

void printHits(std::ostream& out, const std::vector<SearchHit>& hits)
{
    int rank = 0;
    for (const auto& hit : hits) {
        std::ostringstream prefix;
        prefix << std::setw(2) << ++rank << ". " << std::fixed << std::setprecision(3) << hit.score << "  ";
        printRecordLine(out, hit.record, prefix.str());
    }
}

int searchCommand(CommandEnv& env, const CliArgs& args)
{
    if (args.positionals().empty())
        throw UsageError{"search needs a QUERY"};
    SearchRequest request;
    for (const auto& p : args.positionals())
        request.query += (request.query.empty() ? "" : " ") + p;
    request.filter = parseFilterOption(args);
    request.userIds = args.values("user");
    request.limit = static_cast<int>(args.integer("limit", 10, 1, 10000));
    const std::string mode = args.value("mode", "hybrid");
    if (mode == "semantic")
        request.options.mode = SearchOptions::Mode::Semantic;
    else if (mode == "keyword")
        request.options.mode = SearchOptions::Mode::Keyword;
    else if (mode != "hybrid")
        throw UsageError{"--mode must be hybrid, semantic or keyword"};
    request.options.recencyHalfLifeDays = args.number("half-life", 0);
    request.options.minScore = args.number("min-score", 0);
    request.options.semanticWeight = args.number("semantic-weight", request.options.semanticWeight);
    if (request.options.recencyHalfLifeDays < 0 || request.options.semanticWeight < 0 ||
        request.options.semanticWeight > 1)
        throw UsageError{"--half-life must be >= 0 and --semantic-weight between 0 and 1"};

    const auto runId = args.value("run-id");
    if (runId && runId->empty())
        throw UsageError{"--run-id needs a run id"};
    auto store = env.open(runId.has_value(), request.options.mode != SearchOptions::Mode::Keyword);
    waitForVectors(*store, env);
    const auto response = store->search(request);
    if (runId) // the access log: which run retrieved which memory, at what rank
        RunStore(*store).logSearch(*runId, response.hits);
    for (const auto& w : response.warnings)
        *env.err << "note: " << w << '\n';
    if (args.flag("json")) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& hit : response.hits)
            out.push_back(hitJson(hit));
        *env.out << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    } else {
        printHits(*env.out, response.hits);
        if (response.hits.empty())
            *env.out << "No matching records.\n";
        if (args.flag("explain"))
            *env.err << "plan: " << response.plan << ", " << std::fixed << std::setprecision(2) << response.elapsedMs
                     << " ms" << (response.keywordCapped ? ", common terms capped" : "") << '\n';
    }
    return 0;
}

int outcomesCommand(CommandEnv& env, const CliArgs& args)
{
    OutcomeQuery q;
    q.taskType = args.value("task-type", "");
    if (q.taskType.empty())
        throw UsageError{"outcomes needs --task-type"};
    q.userId = args.value("user", "");
    q.toolName = args.value("tool", "");
    q.version = args.value("version", "");
    for (const auto& p : args.positionals())
        q.description += (q.description.empty() ? "" : " ") + p;
    if (const auto since = args.value("since")) {
        const auto window = parseDuration(*since);
        if (!window)
            throw UsageError{"--since needs a duration such as 30d, 12h or 2w"};
        q.since = nowMicros() - *window;
    }
    q.maxItems = static_cast<int>(args.integer("limit", 5, 1, 1000));
    q.recencyHalfLifeDays = args.number("half-life", 30);
    const auto runId = args.value("run-id");
    if (runId && runId->empty())
        throw UsageError{"--run-id needs a run id"};
    auto store = env.open(runId.has_value(), true);
    waitForVectors(*store, env);
    const auto result = OutcomeRetriever(*store).fetch(q);
    if (runId) {
        auto hits = result.successes;
        hits.insert(hits.end(), result.failures.begin(), result.failures.end());
        RunStore(*store).logSearch(*runId, hits);
    }
    if (args.flag("json")) {
        nlohmann::json out;
        out["successes"] = nlohmann::json::array();
        out["failures"] = nlohmann::json::array();
        for (const auto& h : result.successes)
            out["successes"].push_back(hitJson(h));
        for (const auto& h : result.failures)
            out["failures"].push_back(hitJson(h));
        *env.out << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return 0;
    }
    *env.out << "Successes (" << result.successes.size() << "):\n";
    printHits(*env.out, result.successes);
    *env.out << "Failures (" << result.failures.size() << "):\n";
    printHits(*env.out, result.failures);
    return 0;
}

} // namespace

void addSearchCommands(std::vector<Command>& commands)
{
    commands.push_back(
        {"search",
         "hybrid search with Mem0 filters",
         "search QUERY [--user U]... [--filter JSON] [--limit K] [--json] [--mode hybrid|semantic|keyword]\n"
         "       [--half-life DAYS] [--min-score X] [--semantic-weight W] [--explain] [--run-id ID]\n\n"
         "Ranks active records by keyword (bm25) and semantic similarity, fused; --user may repeat to\n"
         "combine scopes (--user global --user alice). --filter takes Mem0's filter JSON, e.g.\n"
         "  '{\"AND\": [{\"task_type\": \"sql_query_debug\"}, {\"outcome_type\": {\"in\": [\"failure\", "
         "\"partial\"]}}]}'\n"
         "--half-life adds recency decay; --json prints records with score and score_parts.\n"
         "--run-id logs the results in the access log under that run (an outside agent's run), so the\n"
         "workbench shows which runs retrieved a record and lesson effectiveness counts them.",
         {{"user", "filter", "limit", "mode", "half-life", "min-score", "semantic-weight", "run-id"},
          {"json", "explain"}},
         searchCommand});
    commands.push_back(
        {"outcomes",
         "successes and failures for a task type (the agent's prefetch)",
         "outcomes --task-type T [TASK DESCRIPTION] [--user U] [--tool NAME] [--version V] [--since 30d]\n"
         "         [--limit K] [--half-life DAYS] [--run-id ID] [--json]\n\n"
         "The continual-learning prefetch in one call: the most relevant recent successes and failures\n"
         "of a task type, from the global scope plus the user's. --run-id logs them in the access log.",
         {{"task-type", "user", "tool", "version", "since", "limit", "half-life", "run-id"}, {"json"}},
         outcomesCommand});
}

} // namespace memscope::cli
