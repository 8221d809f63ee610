// memscope-cli: the command-line face of the memory store, for agents, scripts and operators.
#include "Command.h"

#include <util/Error.h>
#include <util/Paths.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

using namespace memscope;
using namespace memscope::cli;

namespace {

void printMainHelp(std::ostream& out)
{
    out << "Usage: memscope-cli [--db PATH] [--embed-url URL --embed-model NAME] COMMAND [ARGS]\n\n"
           "Inspect and curate the long-term memory of LLM agents.\n\n"
           "Global options:\n"
           "  --db PATH            the database (default: $MEMSCOPE_DB or ~/.local/share/memscope/memscope.db)\n"
           "  --embed-url URL      an OpenAI-compatible endpoint for embeddings (default: $OPENAI_BASE_URL\n"
           "                       when --embed-model is given); the key comes from $OPENAI_API_KEY\n"
           "  --embed-model NAME   the embedding model; without it the built-in offline embedder is used\n"
           "  --busy-timeout MS    how long to wait for another process's write lock (default 5000)\n"
           "  --help, --version\n\n"
           "Commands:\n";
    for (const auto& c : allCommands()) {
        std::string name = c.name;
        name.resize(12, ' ');
        out << "  " << name << c.summary << '\n';
    }
    out << "\nRun 'memscope-cli COMMAND --help' for a command's options.\n";
}

int exitCodeFor(Error::Kind kind)
{
    switch (kind) {
    case Error::Kind::InvalidArgument: return 2;
    case Error::Kind::NotFound: return 3;
    case Error::Kind::Locked: return 4;
    case Error::Kind::Cancelled: return 130;
    default: return 1;
    }
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> rest;
    CommandEnv env;
    env.out = &std::cout;
    env.err = &std::cerr;
    std::string dbPath;
    bool help = false;
    try {
        // Global options may stand anywhere before a "--".
        for (int i = 1; i < argc; ++i) {
            const std::string a = argv[i];
            auto takeValue = [&](std::string& target) {
                if (i + 1 >= argc)
                    throw UsageError{a + " needs a value"};
                target = argv[++i];
            };
            if (a == "--") {
                for (; i < argc; ++i)
                    rest.emplace_back(argv[i]);
                break;
            }
            if (a == "--db")
                takeValue(dbPath);
            else if (a.rfind("--db=", 0) == 0)
                dbPath = a.substr(5);
            else if (a == "--embed-url")
                takeValue(env.embedder.url);
            else if (a == "--embed-model")
                takeValue(env.embedder.model);
            else if (a == "--busy-timeout") {
                std::string v;
                takeValue(v);
                char* end = nullptr;
                const long ms = std::strtol(v.c_str(), &end, 10);
                if (v.empty() || *end != '\0' || ms < 0 || ms > 3600000)
                    throw UsageError{"--busy-timeout needs milliseconds from 0 to 3600000, got '" + v + "'"};
                env.busyTimeoutMs = static_cast<int>(ms);
            } else if (a == "--help" || a == "-h")
                help = true;
            else if (a == "--version" && rest.empty()) {
                // Only before the command: after it, --version is an option of add/update/outcomes.
                std::cout << "memscope-cli " << MEMSCOPE_VERSION << '\n';
                return 0;
            } else
                rest.push_back(a);
        }
        if (rest.empty()) {
            printMainHelp(help ? std::cout : std::cerr);
            return help ? 0 : 2;
        }
        const std::string name = rest.front();
        const Command* command = nullptr;
        for (const auto& c : allCommands())
            if (c.name == name)
                command = &c;
        if (!command) {
            std::cerr << "memscope-cli: unknown command '" << name << "'\n\n";
            printMainHelp(std::cerr);
            return 2;
        }
        if (help) {
            std::cout << "Usage: memscope-cli [--db PATH] " << command->usage << '\n';
            return 0;
        }
        if (const char* key = std::getenv("OPENAI_API_KEY"))
            env.embedder.apiKey = key;
        env.databasePath = dbPath.empty() ? Paths::defaultDatabase() : dbPath;
        const CliArgs args(std::vector<std::string>(rest.begin() + 1, rest.end()), command->spec);
        return command->run(env, args);
    } catch (const UsageError& e) {
        std::cerr << "memscope-cli: " << e.message << "\n(see memscope-cli "
                  << (rest.empty() ? std::string() : rest.front() + " ") << "--help)\n";
        return 2;
    } catch (const Error& e) {
        std::cerr << "memscope-cli: " << e.what() << '\n';
        return exitCodeFor(e.kind());
    } catch (const std::exception& e) {
        std::cerr << "memscope-cli: unexpected error: " << e.what() << '\n';
        return 1;
    }
}
