// relabel, archive, restore, delete, purge: curating many records at once.
#include "Command.h"

#include <filter/FilterScope.h>
#include <storage/MemoryStore.h>
#include <util/Error.h>
#include <util/Ids.h>

#include <iostream>

namespace memscope::cli {

using nlohmann::json;

namespace {

// The records a bulk command acts on: the listed ids, or those matching --filter / --older-than among the
// states the action applies to.
std::vector<std::string> selectRecords(MemoryStore& store, const CliArgs& args, const json& applicableStates)
{
    std::vector<std::string> ids = args.positionals();
    const bool byFilter = args.value("filter") || args.value("older-than");
    if (!ids.empty() && byFilter)
        throw UsageError{"give record IDs or --filter/--older-than, not both"};
    if (ids.empty() && !byFilter)
        throw UsageError{"name the records: IDs, --filter JSON or --older-than DURATION"};
    if (!ids.empty())
        return ids;
    std::vector<json> parts = {parseFilterOption(args)};
    if (const auto older = args.value("older-than")) {
        const auto age = parseDuration(*older);
        if (!age)
            throw UsageError{"--older-than needs a duration such as 30d, 12h or 2w"};
        parts.push_back(json{{"created_at", {{"lt", formatIsoTime(nowMicros() - *age)}}}});
    }
    if (!FilterScope::mentions(parts[0], "state"))
        parts.push_back(json{{"state", {{"in", applicableStates}}}});
    return store.matchingIds(FilterScope::allOf(parts));
}

int dryRun(CommandEnv& env, MemoryStore& store, const std::vector<std::string>& ids, const char* verb)
{
    for (const auto& id : ids) {
        if (auto r = store.get(id))
            printRecordLine(*env.out, *r);
        else
            *env.out << id << "  (no such record)\n";
    }
    *env.out << ids.size() << " record(s) would be " << verb << " (dry run: nothing changed)\n";
    return 0;
}

ChangeContext batchContext(const CliArgs& args)
{
    auto context = changeContext(args);
    context.batchId = newUuid();
    return context;
}

int stateCommand(CommandEnv& env, const CliArgs& args, RecordState state, const json& applicable, const char* verb)
{
    auto store = env.open(!args.flag("dry-run"));
    const auto ids = selectRecords(*store, args, applicable);
    if (args.flag("dry-run"))
        return dryRun(env, *store, ids, verb);
    const auto context = batchContext(args);
    const int n = store->setState(ids, state, context);
    *env.out << n << " record(s) " << verb;
    if (n > 0)
        *env.out << "; undo with: memscope-cli revert --batch " << context.batchId;
    *env.out << '\n';
    return 0;
}

int archiveCommand(CommandEnv& env, const CliArgs& args)
{
    return stateCommand(env, args, RecordState::Archived, json{"active"}, "archived");
}
int restoreCommand(CommandEnv& env, const CliArgs& args)
{
    return stateCommand(env, args, RecordState::Active, json{"archived", "deleted"}, "restored");
}
int deleteCommand(CommandEnv& env, const CliArgs& args)
{
    return stateCommand(env, args, RecordState::Deleted, json{"active", "archived"}, "deleted");
}

int relabelCommand(CommandEnv& env, const CliArgs& args)
{
    const auto outcomeText = args.value("outcome");
    if (!outcomeText)
        throw UsageError{"relabel needs --outcome success|failure|partial|unknown"};
    const auto outcome = parseOutcome(*outcomeText);
    if (!outcome)
        throw UsageError{"--outcome must be success, failure, partial or unknown"};
    auto store = env.open(!args.flag("dry-run"));
    const auto ids = selectRecords(*store, args, json{"active", "archived"});
    if (args.flag("dry-run"))
        return dryRun(env, *store, ids, "relabelled");
    const auto context = batchContext(args);
    const int n = store->relabel(ids, *outcome, context);
    *env.out << n << " record(s) relabelled " << *outcomeText;
    if (n > 0)
        *env.out << "; undo with: memscope-cli revert --batch " << context.batchId;
    *env.out << '\n';
    return 0;
}

int purgeCommand(CommandEnv& env, const CliArgs& args)
{
    auto store = env.open(!args.flag("dry-run"));
    const auto ids = selectRecords(*store, args, json{"deleted"});
    if (args.flag("dry-run"))
        return dryRun(env, *store, ids, "purged");
    const auto context = batchContext(args);
    const int n = store->purge(ids, context);
    *env.out << n << " record(s) purged";
    if (n > 0)
        *env.out << "; history keeps them: memscope-cli revert --batch " << context.batchId;
    *env.out << '\n';
    return 0;
}

const char* const kSelectionHelp =
    "Records are named by IDs, or by --filter JSON and/or --older-than DURATION (30d, 12h, 2w);\n"
    "--dry-run lists what would change. Each run is one history batch: 'revert --batch' undoes it.";

} // namespace

void addCurationCommands(std::vector<Command>& commands)
{
    const CliArgs::Spec spec{{"filter", "older-than", "reason", "actor"}, {"dry-run"}};
    auto usage = [](const std::string& head) { return head + "\n\n" + kSelectionHelp; };
    commands.push_back({"relabel",
                        "set the outcome of records",
                        usage("relabel ID... --outcome TYPE [--reason TEXT] [--filter JSON] [--older-than D] "
                              "[--dry-run]"),
                        {{"outcome", "filter", "older-than", "reason", "actor"}, {"dry-run"}},
                        relabelCommand});
    commands.push_back({"archive", "archive stale lessons (kept, not retrieved)",
                        usage("archive [ID...] [--filter JSON] [--older-than D] [--dry-run] [--reason TEXT]"), spec,
                        archiveCommand});
    commands.push_back({"restore", "make archived or deleted records active again",
                        usage("restore [ID...] [--filter JSON] [--older-than D] [--dry-run] [--reason TEXT]"), spec,
                        restoreCommand});
    commands.push_back({"delete", "soft-delete records (restore brings them back)",
                        usage("delete [ID...] [--filter JSON] [--older-than D] [--dry-run] [--reason TEXT]"), spec,
                        deleteCommand});
    commands.push_back({"purge", "remove deleted records for good",
                        usage("purge [ID...] [--filter JSON] [--older-than D] [--dry-run] [--reason TEXT]\n"
                              "Without IDs only records in state 'deleted' are purged."),
                        spec, purgeCommand});
}

} // namespace memscope::cli
