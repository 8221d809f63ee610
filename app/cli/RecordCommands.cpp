// add, get, update, history, revert: one record at a time.
#include "Command.h"

#include <io/RecordJson.h>
#include <storage/MemoryStore.h>
#include <util/Error.h>

#include <iostream>

namespace memscope::cli {

using nlohmann::json;

namespace {

json parseJsonOption(const CliArgs& args, const char* name)
{
    const auto text = args.value(name);
    if (!text)
        return nullptr;
    auto value = json::parse(*text, nullptr, false);
    if (value.is_discarded() || !value.is_object())
        throw UsageError{std::string("--") + name + " must be a JSON object"};
    return value;
}

// --outcome/--task-type/--tool/--version/--severity/--scope/--tag fill the outcome keys of metadata.
void applyOutcomeFlags(const CliArgs& args, json& metadata)
{
    const std::pair<const char*, const char*> keys[] = {{"outcome", "outcome_type"}, {"task-type", "task_type"},
                                                        {"tool", "tool_name"},       {"version", "version"},
                                                        {"severity", "severity"},    {"scope", "user_scope"}};
    for (const auto& [flag, key] : keys)
        if (const auto v = args.value(flag))
            metadata[key] = *v;
    const auto tags = args.values("tag");
    if (!tags.empty())
        metadata["tags"] = tags;
}

void printRecord(std::ostream& out, const MemoryRecord& r, bool asJson)
{
    if (asJson) {
        out << RecordJson::toJson(r).dump(2, ' ', false, json::error_handler_t::replace) << '\n';
        return;
    }
    out << "id:          " << r.id << "\nstate:       " << stateName(r.state)
        << "\nuser_id:     " << (r.userId.empty() ? "-" : r.userId)
        << "\nagent_id:    " << (r.agentId.empty() ? "-" : r.agentId)
        << "\nrun_id:      " << (r.runId.empty() ? "-" : r.runId) << "\ncollection:  " << r.collection
        << "\ncreated_at:  " << formatIsoTime(r.createdAt) << "\nupdated_at:  " << formatIsoTime(r.updatedAt)
        << "\nmetadata:    " << r.metadata.dump(-1, ' ', false, json::error_handler_t::replace) << "\nmemory:\n  "
        << r.memory << '\n';
}

int addCommand(CommandEnv& env, const CliArgs& args)
{
    MemoryRecord record;
    if (const auto raw = args.value("record")) {
        auto value = json::parse(*raw, nullptr, false);
        if (value.is_discarded())
            throw UsageError{"--record is not valid JSON"};
        record = RecordJson::fromJson(value);
    } else {
        if (args.positionals().empty())
            throw UsageError{"add needs the memory TEXT (or --record JSON)"};
        for (const auto& p : args.positionals())
            record.memory += (record.memory.empty() ? "" : " ") + p;
    }
    if (const auto m = parseJsonOption(args, "metadata"); !m.is_null())
        for (auto it = m.begin(); it != m.end(); ++it)
            record.metadata[it.key()] = it.value();
    applyOutcomeFlags(args, record.metadata);
    if (const auto v = args.value("user"))
        record.userId = *v;
    if (const auto v = args.value("agent"))
        record.agentId = *v;
    if (const auto v = args.value("run"))
        record.runId = *v;
    if (const auto v = args.value("collection"))
        record.collection = *v;
    auto store = env.open(true);
    const auto stored = store->add(record, changeContext(args));
    if (args.flag("json"))
        printRecord(*env.out, stored, true);
    else
        *env.out << stored.id << '\n';
    return 0;
}

int getCommand(CommandEnv& env, const CliArgs& args)
{
    if (args.positionals().size() != 1)
        throw UsageError{"get takes one record ID"};
    auto store = env.open(false);
    printRecord(*env.out, store->require(args.positionals()[0]), args.flag("json"));
    return 0;
}

int updateCommand(CommandEnv& env, const CliArgs& args)
{
    if (args.positionals().size() != 1)
        throw UsageError{"update takes one record ID"};
    RecordPatch patch;
    if (const auto v = args.value("text"))
        patch.memory = *v;
    if (const auto m = parseJsonOption(args, "set-metadata"); !m.is_null())
        patch.metadata = m;
    json merge = parseJsonOption(args, "metadata");
    if (merge.is_null())
        merge = json::object();
    applyOutcomeFlags(args, merge);
    if (!merge.empty())
        patch.metadataMerge = merge;
    if (const auto v = args.value("user"))
        patch.userId = *v;
    if (const auto v = args.value("agent"))
        patch.agentId = *v;
    if (const auto v = args.value("run"))
        patch.runId = *v;
    if (const auto v = args.value("collection"))
        patch.collection = *v;
    auto store = env.open(true);
    const auto updated = store->update(args.positionals()[0], patch, changeContext(args));
    printRecord(*env.out, updated, args.flag("json"));
    return 0;
}

int historyCommand(CommandEnv& env, const CliArgs& args)
{
    if (args.positionals().size() != 1)
        throw UsageError{"history takes one record ID"};
    auto store = env.open(false);
    const auto& id = args.positionals()[0];
    const auto entries = store->history(id);
    if (entries.empty() && !store->get(id))
        throw Error(Error::Kind::NotFound, "no record with id " + id + " and no history for it");
    if (args.flag("json")) {
        json out = json::array();
        for (const auto& e : entries)
            out.push_back(e.toJson());
        *env.out << out.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
        return 0;
    }
    for (const auto& e : entries) {
        *env.out << '#' << e.id << "  " << formatIsoTime(e.createdAt) << "  " << eventName(e.event) << "  " << e.actor;
        if (!e.reason.empty())
            *env.out << "  (" << e.reason << ')';
        *env.out << '\n';
        if (!e.oldValue.is_null() && e.event != HistoryEvent::Purge)
            *env.out << "    old: " << e.oldValue.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
        if (!e.newValue.is_null())
            *env.out << "    new: " << e.newValue.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    }
    return 0;
}

int revertCommand(CommandEnv& env, const CliArgs& args)
{
    auto store = env.open(true);
    if (const auto batch = args.value("batch")) {
        const int n = store->revertBatch(*batch, changeContext(args));
        *env.out << "Reverted " << n << " changes of batch " << *batch << '\n';
        return 0;
    }
    if (args.positionals().size() != 1)
        throw UsageError{"revert takes one HISTORY_ID (or --batch BATCH_ID)"};
    const auto& text = args.positionals()[0];
    const auto start = text[0] == '#' ? 1 : 0;
    char* end = nullptr;
    const long long id = std::strtoll(text.c_str() + start, &end, 10);
    if (*end != '\0' || id <= 0)
        throw UsageError{"HISTORY_ID is a number, as 'history' prints it (#42 or 42)"};
    const auto memoryId = store->revert(id, changeContext(args));
    *env.out << "Reverted #" << id << " on record " << memoryId << '\n';
    return 0;
}

} // namespace

void addRecordCommands(std::vector<Command>& commands)
{
    const std::set<std::string> outcomeOptions = {"outcome", "task-type",  "tool",     "version", "severity",
                                                  "scope",   "tag",        "metadata", "user",    "agent",
                                                  "run",     "collection", "actor",    "reason"};
    auto with = [](std::set<std::string> base, std::initializer_list<const char*> more) {
        for (const char* m : more)
            base.insert(m);
        return base;
    };
    commands.push_back(
        {"add",
         "add one record",
         "add TEXT [--outcome success|failure|partial|unknown] [--task-type T] [--tool NAME] [--version V]\n"
         "    [--severity S] [--scope global|user_specific] [--tag T]... [--metadata JSON] [--user U]\n"
         "    [--agent A] [--run R] [--collection C] [--record JSON] [--json] [--actor WHO] [--reason TEXT]\n\n"
         "Prints the new record's id (or the record with --json).",
         {with(outcomeOptions, {"record"}), {"json"}},
         addCommand});
    commands.push_back({"get", "show one record", "get ID [--json]", {{}, {"json"}}, getCommand});
    commands.push_back(
        {"update",
         "change a record's text, metadata or scope",
         "update ID [--text TEXT] [--metadata JSON (merged; null removes a key)] [--set-metadata JSON]\n"
         "       [--outcome O] [--task-type T] [--tool NAME] [--version V] [--tag T]... [--user U] [--agent A]\n"
         "       [--run R] [--collection C] [--json] [--actor WHO] [--reason TEXT]",
         {with(outcomeOptions, {"text", "set-metadata"}), {"json"}},
         updateCommand});
    commands.push_back({"history", "every change of a record", "history ID [--json]", {{}, {"json"}}, historyCommand});
    commands.push_back({"revert",
                        "undo a change from its history row",
                        "revert HISTORY_ID [--reason TEXT] [--actor WHO]\n"
                        "revert --batch BATCH_ID   (undo a whole import or bulk change)",
                        {{"batch", "reason", "actor"}, {}},
                        revertCommand});
}

} // namespace memscope::cli
