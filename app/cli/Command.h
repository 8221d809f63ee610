#pragma once

#include "CliArgs.h"

#include <embed/EmbedderFactory.h>
#include <model/HistoryEntry.h>
#include <model/MemoryRecord.h>

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace memscope {
class MemoryStore;
struct ProviderProfile;
} // namespace memscope

namespace memscope::cli {

// What every command gets: the global options and the streams it writes to.
class CommandEnv {
public:
    std::string databasePath;
    EmbedderFactory::Choice embedder;
    int busyTimeoutMs = 5000;
    std::ostream* out = nullptr;
    std::ostream* err = nullptr;

    // Opens the store; `write` false allows a read-only file. The vector index loads in the background
    // only for commands that search.
    std::unique_ptr<MemoryStore> open(bool write, bool vectors = false) const;
};

struct Command {
    std::string name;
    std::string summary;
    std::string usage; // full --help text after "Usage: memscope-cli [--db PATH] ", starting with the name
    CliArgs::Spec spec;
    int (*run)(CommandEnv& env, const CliArgs& args) = nullptr;
};

// Every command, in the order `--help` lists them.
const std::vector<Command>& allCommands();

// The groups each register their commands (one file each).
void addImportExportCommands(std::vector<Command>& commands);
void addSearchCommands(std::vector<Command>& commands);
void addRecordCommands(std::vector<Command>& commands);
void addCurationCommands(std::vector<Command>& commands);
void addStatsCommands(std::vector<Command>& commands);
void addStoreCommands(std::vector<Command>& commands);
void addLlmCommands(std::vector<Command>& commands);
void addRunCommands(std::vector<Command>& commands);

// Helpers shared by the commands.
nlohmann::json parseFilterOption(const CliArgs& args, const char* name = "filter");
ChangeContext changeContext(const CliArgs& args);
void printRecordLine(std::ostream& out, const MemoryRecord& record, const std::string& prefix = {});
// Line breaks and tabs as spaces, cut to `max` bytes with "...": model and user text in a one-line listing.
std::string oneLine(std::string text, std::size_t max = 200);
// Waits for the vector index the store started loading, so a one-shot CLI search sees every vector.
void waitForVectors(MemoryStore& store, CommandEnv& env);
// The chat endpoint: $OPENAI_BASE_URL / $MEMSCOPE_MODEL / $OPENAI_API_KEY, overridden by --base-url and --model.
ProviderProfile chatProfile(const CliArgs& args);
// No endpoint configured: says how to configure one and whether a local Ollama runs; returns exit status 1.
int reportNoEndpoint(CommandEnv& env, bool asJson);

} // namespace memscope::cli
