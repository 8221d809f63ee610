// reindex, status: the store as a whole.
#include "Command.h"

#include <storage/MemoryStore.h>
#include <util/Error.h>

#include <chrono>
#include <iostream>

namespace memscope::cli {

using nlohmann::json;

namespace {

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
