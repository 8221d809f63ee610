#include "Command.h"

#include <llm/ProviderProfile.h>
#include <model/HistoryEntry.h>
#include <model/MemoryRecord.h>
#include <storage/MemoryStore.h>
#include <util/Error.h>
#include <vector/SemanticIndex.h>

#include <ostream>

namespace memscope::cli {

std::unique_ptr<MemoryStore> CommandEnv::open(bool write, bool vectors) const
{
    MemoryStore::Options options;
    options.busyTimeoutMs = busyTimeoutMs;
    options.embedder = EmbedderFactory::create(embedder);
    options.loadVectorIndex = vectors;
    auto store = MemoryStore::open(databasePath, options);
    if (write && store->readOnly())
        throw Error(Error::Kind::ReadOnly, databasePath + ": the database is read-only; this command changes it");
    return store;
}

const std::vector<Command>& allCommands()
{
    static const std::vector<Command> commands = [] {
        std::vector<Command> c;
        addImportExportCommands(c);
        addSearchCommands(c);
        addRecordCommands(c);
        addCurationCommands(c);
        addStatsCommands(c);
        addStoreCommands(c);
        addLlmCommands(c);
        addRunCommands(c);
        return c;
    }();
    return commands;
}

nlohmann::json parseFilterOption(const CliArgs& args, const char* name)
{
    const auto text = args.value(name);
    if (!text)
        return nlohmann::json::object();
    auto filter = nlohmann::json::parse(*text, nullptr, false);
    if (filter.is_discarded())
        throw UsageError{std::string("--") + name + " is not valid JSON: " + *text};
    if (!filter.is_object())
        throw UsageError{std::string("--") + name +
                         " must be a JSON object, e.g. {\"task_type\": \"sql_query_debug\"}"};
    return filter;
}

ChangeContext changeContext(const CliArgs& args)
{
    ChangeContext context;
    context.actor = args.value("actor", "cli");
    context.reason = args.value("reason", "");
    return context;
}

void printRecordLine(std::ostream& out, const MemoryRecord& r, const std::string& prefix)
{
    auto orDash = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
    std::string text = r.memory;
    for (char& c : text)
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
    out << prefix << r.id << "  " << orDash(r.metaString("outcome_type")) << "  " << orDash(r.metaString("task_type"))
        << "  " << orDash(r.metaString("tool_name")) << "  " << orDash(r.userId) << "  "
        << formatIsoTime(r.createdAt).substr(0, 10) << "  " << text << '\n';
}

std::string oneLine(std::string text, std::size_t max)
{
    for (char& c : text)
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
    if (text.size() > max)
        text = text.substr(0, max) + "...";
    return text;
}

void waitForVectors(MemoryStore& store, CommandEnv& env)
{
    if (!store.semantic().waitLoaded(60000))
        *env.err << "note: the vector index is still being built; semantic scores cover part of the store\n";
}

ProviderProfile chatProfile(const CliArgs& args)
{
    ProviderProfile profile = ProviderProfile::fromEnvironment();
    if (const auto url = args.value("base-url"))
        profile.baseUrl = *url;
    if (const auto model = args.value("model"))
        profile.model = *model;
    profile.name = ProviderProfile::guessName(profile.baseUrl);
    return profile;
}

} // namespace memscope::cli
