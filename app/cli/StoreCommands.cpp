// stats, reindex, status: the store as a whole.
#include "Command.h"

#include <stats/FacetCounter.h>
#include <storage/MemoryStore.h>
#include <util/Error.h>

#include <chrono>
#include <iomanip>
#include <iostream>

namespace memscope::cli {

using nlohmann::json;

namespace {

int statsCommand(CommandEnv& env, const CliArgs& args)
{
    const auto filter = parseFilterOption(args);
    auto store = env.open(false);
    FacetCounter counter(store->connection());
    json out;
    out["total"] = counter.total(filter);
    out["by"] = json::object();
    for (const auto& field : FacetCounter::standardFacets()) {
        const auto facet = counter.count(field, filter);
        json values = json::object();
        for (const auto& [value, n] : facet.values)
            values[value.empty() ? "(none)" : value] = n;
        out["by"][field] = values;
    }
    if (args.flag("json")) {
        *env.out << out.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
        return 0;
    }
    *env.out << "records: " << out["total"].get<std::int64_t>() << '\n';
    for (const auto& field : FacetCounter::standardFacets()) {
        *env.out << '\n' << field << ":\n";
        for (const auto& [value, n] : counter.count(field, filter).values)
            *env.out << "  " << std::setw(9) << n << "  " << (value.empty() ? "(none)" : value) << '\n';
    }
    return 0;
}

int reindexCommand(CommandEnv& env, const CliArgs& args)
{
    auto store = env.open(true, true);
    store->semantic().waitLoaded(24 * 3600 * 1000);
    const auto start = std::chrono::steady_clock::now();
    auto last = start;
    const auto n = store->embedMissing([&](std::int64_t done, std::int64_t total) {
        const auto now = std::chrono::steady_clock::now();
        if (!args.flag("quiet") && (now - last > std::chrono::seconds(1) || done == total)) {
            *env.err << "embedding: " << done << " of " << total << " records\n";
            last = now;
        }
    });
    store->semantic().saveIfChanged();
    const auto status = store->indexStatus();
    *env.out << "Embedded " << n << " records; " << status.indexed << " of " << status.records
             << " records are in the vector index (" << status.embedder << ")\n";
    return 0;
}

int statusCommand(CommandEnv& env, const CliArgs& args)
{
    auto store = env.open(false, true);
    store->semantic().waitLoaded(24 * 3600 * 1000);
    const auto status = store->indexStatus();
    json out = {{"database", store->path()},
                {"read_only", store->readOnly()},
                {"records", status.records},
                {"embedder", status.embedder},
                {"embedded", status.embedded},
                {"indexed", status.indexed},
                {"index_cache", store->semantic().cachePath()}};
    if (args.flag("json")) {
        *env.out << out.dump(2) << '\n';
        return 0;
    }
    *env.out << "database:  " << store->path() << (store->readOnly() ? " (read-only)" : "")
             << "\nrecords:   " << status.records << "\nembedder:  " << status.embedder
             << "\nembedded:  " << status.embedded << "\nindexed:   " << status.indexed << '\n';
    if (status.embedded < status.records)
        *env.out << "(" << status.records - status.embedded
                 << " records have no vector yet: run 'memscope-cli reindex')\n";
    return 0;
}

} // namespace

void addStoreCommands(std::vector<Command>& commands)
{
    commands.push_back({"stats",
                        "counts by state, collection, user, task type, outcome, tool, version",
                        "stats [--filter JSON] [--json]",
                        {{"filter"}, {"json"}},
                        statsCommand});
    commands.push_back({"reindex",
                        "embed records that have no vector yet and update the index cache",
                        "reindex [--quiet]\n\nUse after switching embedder (--embed-model) or importing with "
                        "--no-embed. Vectors of each\nembedder are kept apart; search uses the current one's only.",
                        {{}, {"quiet"}},
                        reindexCommand});
    commands.push_back(
        {"status", "the database, its embedder and vector index", "status [--json]", {{}, {"json"}}, statusCommand});
}

} // namespace memscope::cli
