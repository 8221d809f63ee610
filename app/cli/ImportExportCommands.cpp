// import, export, demo: moving records in and out of the store.
#include "Command.h"

#include <demo/DemoGenerator.h>
#include <io/RecordExporter.h>
#include <io/RecordImporter.h>
#include <storage/MemoryStore.h>
#include <util/Error.h>

#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>

namespace memscope::cli {

namespace {

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Fills in vectors for what was just imported, so semantic search covers it (and the index cache is written
// when the store closes).
void embedImported(CommandEnv& env, MemoryStore& store, bool quiet)
{
    const auto start = std::chrono::steady_clock::now();
    auto lastReport = start;
    const auto n = store.embedMissing([&](std::int64_t done, std::int64_t total) {
        const auto now = std::chrono::steady_clock::now();
        if (!quiet && (now - lastReport > std::chrono::seconds(1) || done == total)) {
            *env.err << "embedding: " << done << " of " << total << " records\n";
            lastReport = now;
        }
    });
    if (!quiet && n > 0)
        *env.err << "embedded " << n << " records with " << store.semantic().embedderName() << " in " << std::fixed
                 << std::setprecision(1) << secondsSince(start) << " s\n";
}

int importCommand(CommandEnv& env, const CliArgs& args)
{
    if (args.positionals().size() != 1)
        throw UsageError{"import takes one FILE (or - for standard input)"};
    const std::string file = args.positionals()[0];
    const bool quiet = args.flag("quiet");
    auto store = env.open(true);
    ImportOptions options;
    options.strict = args.flag("strict");
    options.context = changeContext(args);
    if (options.context.reason.empty())
        options.context.reason = "import " + file;
    const auto start = std::chrono::steady_clock::now();
    RecordImporter importer(*store);
    const auto report = importer.runFile(file, options, [&](const ImportReport& r) {
        // One line per committed batch: everything counted here is durable.
        if (!quiet)
            *env.err << "progress: " << r.added << " added, " << r.duplicates << " duplicates, " << r.refused
                     << " refused\n";
    });
    for (const auto& issue : report.issues)
        *env.err << "line " << issue.line << ": " << issue.message << '\n';
    if (report.refused > static_cast<std::int64_t>(report.issues.size()))
        *env.err << "... and " << report.refused - static_cast<std::int64_t>(report.issues.size())
                 << " more refused records\n";
    const double seconds = secondsSince(start);
    if (report.rolledBack)
        *env.out << "Nothing imported: --strict and " << report.refused << " record(s) refused.\n";
    else
        *env.out << "Imported " << report.added << " records (" << report.duplicates << " duplicates skipped, "
                 << report.refused << " refused) in " << std::fixed << std::setprecision(2) << seconds
                 << " s; history batch " << report.batchId << '\n';
    if (!args.flag("no-embed") && report.added > 0)
        embedImported(env, *store, quiet);
    return report.refused > 0 ? 1 : 0;
}

int exportCommand(CommandEnv& env, const CliArgs& args)
{
    if (!args.positionals().empty())
        throw UsageError{"export takes no positional arguments (use --output FILE)"};
    const auto filter = parseFilterOption(args);
    const std::string format = args.value("format", "jsonl");
    if (format != "jsonl" && format != "csv")
        throw UsageError{"--format must be jsonl or csv"};
    auto store = env.open(false);
    std::ofstream file;
    std::ostream* out = env.out;
    if (const auto path = args.value("output")) {
        file.open(*path, std::ios::binary | std::ios::trunc);
        if (!file)
            throw Error(Error::Kind::Io, *path + ": cannot write the export file");
        out = &file;
    }
    RecordExporter exporter(*store);
    const auto n =
        exporter.run(*out, filter, format == "csv" ? RecordExporter::Format::Csv : RecordExporter::Format::JsonLines);
    if (!*out)
        throw Error(Error::Kind::Io, "writing the export failed (disk full or closed pipe?)");
    if (!args.flag("quiet"))
        *env.err << "exported " << n << " records\n";
    return 0;
}

int demoCommand(CommandEnv& env, const CliArgs& args)
{
    if (!args.positionals().empty())
        throw UsageError{"demo takes no positional arguments"};
    DemoOptions options;
    options.records = args.integer("records", 5000, 1, 100000000);
    options.seed = static_cast<std::uint64_t>(args.integer("seed", 42, 0, 1LL << 62));
    options.days = static_cast<int>(args.integer("days", 180, 7, 3650));
    options.users = static_cast<int>(args.integer("users", 6, 1, 1000));
    const bool quiet = args.flag("quiet");
    auto store = env.open(true);
    DemoGenerator generator(options);
    ImportOptions importOptions;
    importOptions.context.actor = "cli";
    importOptions.context.reason = "demo history";
    const auto start = std::chrono::steady_clock::now();
    RecordImporter importer(*store);
    const auto report =
        importer.runRecords([&](const RecordImporter::RecordSink& sink) { generator.generate(sink); }, importOptions,
                            [&](const ImportReport& r) {
                                if (!quiet)
                                    *env.err << "progress: " << r.added << " added, " << r.duplicates
                                             << " duplicates\n";
                            });
    *env.out << "Demo history: " << report.added << " records added (" << report.duplicates << " already there) in "
             << std::fixed << std::setprecision(2) << secondsSince(start) << " s\n";
    if (!quiet)
        for (const auto& s : generator.describeScenarios())
            *env.out << "  - " << s << '\n';
    if (!args.flag("no-embed") && report.added > 0)
        embedImported(env, *store, quiet);
    return 0;
}

} // namespace

void addImportExportCommands(std::vector<Command>& commands)
{
    commands.push_back({"import",
                        "import records from JSONL, a JSON array or Mem0 output",
                        "import FILE|- [--strict] [--no-embed] [--quiet] [--actor WHO] [--reason TEXT]\n\n"
                        "Reads JSONL (one record per line), a JSON array of records, or Mem0's {\"results\": [...]}\n"
                        "output. A record needs 'memory' (or 'content'); every other field is optional (see the\n"
                        "README's JSONL format). Refused records are reported as 'line N: reason' on stderr, the\n"
                        "good ones are kept, and the exit status is 1 if any was refused. Importing the same file\n"
                        "again adds nothing (same id, else same text and scope).\n\n"
                        "  --strict     all or nothing: one transaction, rolled back if any record is refused\n"
                        "  --no-embed   skip computing vectors now (keyword search works; vectors come later)\n"
                        "  --quiet      no progress lines",
                        {{"actor", "reason"}, {"strict", "no-embed", "quiet"}},
                        importCommand});
    commands.push_back({"export",
                        "write records as JSONL or CSV",
                        "export [--filter JSON] [--format jsonl|csv] [--output FILE]\n\n"
                        "Writes every matching record (all states unless the filter says otherwise) to stdout\n"
                        "or FILE. JSONL keeps every field, so exporting and importing into an empty database\n"
                        "gives back the same records, ids and times included.",
                        {{"filter", "format", "output"}, {"quiet"}},
                        exportCommand});
    commands.push_back({"demo",
                        "add a realistic synthetic outcome history",
                        "demo [--records N] [--seed S] [--days D] [--users U] [--no-embed] [--quiet]\n\n"
                        "Generates N outcome records (default 5000) over D days (default 180): several task types,\n"
                        "tools, versions and users, with real trends (a tool that starts failing, a version that\n"
                        "improves a task type, lessons gone stale). The same seed gives the same records, so\n"
                        "running it twice adds nothing.",
                        {{"records", "seed", "days", "users"}, {"no-embed", "quiet"}},
                        demoCommand});
}

} // namespace memscope::cli
