// End-to-end tests of memscope-cli: every command runs as its own process on a database in a temporary
// folder, and the test checks what a script or an agent sees: the exit status, stdout and stderr.
#include "TestStore.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace memscope::test;
using nlohmann::json;

namespace {

QString fixture(const char* name) { return QStringLiteral(MEMSCOPE_FIXTURES_DIR "/") + QString::fromUtf8(name); }

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

// Everything about a run, for failure messages.
QString describe(const CliResult& r)
{
    return QStringLiteral("exit status %1\n--- stdout:\n%2\n--- stderr:\n%3")
        .arg(QString::number(r.exitCode), r.out.left(3000), r.err.left(3000));
}

// Runs `result` once (QVERIFY2 evaluates its message even on success) and checks its exit status.
#define CLI_EXPECT(result, code)                                                                                       \
    do {                                                                                                               \
        const CliResult& cliResult_ = (result);                                                                        \
        QVERIFY2(cliResult_.exitCode == (code), qPrintable(describe(cliResult_)));                                     \
    } while (false)

// A database path in a fresh temporary folder, and the CLI run on it (always with --db).
class Db {
public:
    QString path() const { return m_dir.path() + QStringLiteral("/x.db"); }
    QString dir() const { return m_dir.path(); }
    CliResult run(const QStringList& args, const QByteArray& input = {}) const
    {
        return runCli(QStringList{QStringLiteral("--db"), path()} + args, input);
    }

private:
    QTemporaryDir m_dir;
};

json parseJson(const QString& text) { return json::parse(text.toStdString(), nullptr, false); }

// `stats --json`, or a discarded value (with a warning saying why) when it fails.
json statsOf(const Db& db)
{
    const auto r = db.run({"stats", "--json"});
    if (r.exitCode != 0) {
        qWarning("%s", qPrintable(describe(r)));
        return json(json::value_t::discarded);
    }
    return parseJson(r.out);
}

std::int64_t totalOf(const Db& db)
{
    const auto s = statsOf(db);
    return s.is_object() && s.contains("total") ? s["total"].get<std::int64_t>() : -1;
}

// The ids of `export` (JSONL), in export order; {"<failed>"} when the export fails.
QStringList exportedIds(const Db& db)
{
    const auto r = db.run({"export"});
    if (r.exitCode != 0)
        return {QStringLiteral("<failed: %1>").arg(describe(r))};
    QStringList ids;
    for (const auto& line : r.out.split('\n', Qt::SkipEmptyParts))
        ids << QString::fromStdString(parseJson(line).value("id", std::string("<no id>")));
    return ids;
}

// The record as `get ID --json` prints it (discarded when that fails).
json recordOf(const Db& db, const QString& id)
{
    const auto r = db.run({"get", id, "--json"});
    if (r.exitCode != 0) {
        qWarning("%s", qPrintable(describe(r)));
        return json(json::value_t::discarded);
    }
    return parseJson(r.out);
}

QString stateOf(const Db& db, const QString& id)
{
    const auto j = recordOf(db, id);
    return j.is_object() ? QString::fromStdString(j.value("state", std::string())) : QStringLiteral("<get failed>");
}

// The line numbers of every "line N: reason" report on stderr.
QList<int> reportedLines(const QString& err)
{
    QList<int> lines;
    static const QRegularExpression re(QStringLiteral("^line (\\d+): "), QRegularExpression::MultilineOption);
    auto it = re.globalMatch(err);
    while (it.hasNext())
        lines << it.next().captured(1).toInt();
    return lines;
}

QString reportFor(const QString& err, int line)
{
    const QString head = QStringLiteral("line %1: ").arg(line);
    for (const auto& l : err.split('\n'))
        if (l.startsWith(head))
            return l;
    return {};
}

QStringList idsOf(const json& hits)
{
    QStringList ids;
    if (hits.is_array())
        for (const auto& h : hits)
            ids << QString::fromStdString(h.value("id", std::string("<no id>")));
    return ids;
}

QString jsonText(const json& j) { return QString::fromStdString(j.dump()); }

const QStringList kCommands = {"import",  "export", "demo",    "search", "outcomes", "add",
                               "get",     "update", "history", "revert", "relabel",  "archive",
                               "restore", "delete", "purge",   "stats",  "reindex",  "status"};

// An old record for `add --record`: created long ago, so --older-than selects it.
QString oldRecord(const QString& text, const QString& createdAt)
{
    json j = {{"memory", text.toStdString()},
              {"created_at", createdAt.toStdString()},
              {"metadata", {{"outcome_type", "success"}, {"task_type", "stale_lessons"}}}};
    return QString::fromStdString(j.dump());
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    // ---- help, version, usage errors

    void mainHelpListsEveryCommand()
    {
        Db db;
        const auto r = db.run({"--help"});
        CLI_EXPECT(r, 0);
        QVERIFY2(r.out.startsWith("Usage: memscope-cli"), qPrintable(r.out));
        const int at = r.out.indexOf("Commands:\n");
        QVERIFY(at >= 0);
        QStringList listed;
        for (const auto& line : r.out.mid(at).split('\n').mid(1)) {
            if (!line.startsWith("  "))
                break;
            listed << line.trimmed().section(' ', 0, 0);
        }
        // The data-driven help test covers exactly the commands the CLI has.
        QCOMPARE(listed, kCommands);
        QVERIFY(!QFile::exists(db.path())); // help does not create the database
    }

    void commandHelp_data()
    {
        QTest::addColumn<QString>("command");
        for (const auto& c : kCommands)
            QTest::addRow("%s", qPrintable(c)) << c;
    }
    void commandHelp()
    {
        QFETCH(QString, command);
        Db db;
        for (const QStringList& args :
             {QStringList{command, "--help"}, QStringList{"--help", command}, QStringList{command, "-h"}}) {
            const auto r = db.run(args);
            CLI_EXPECT(r, 0);
            QVERIFY2(r.out.startsWith("Usage: memscope-cli [--db PATH] " + command), qPrintable(r.out));
            QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        }
        QVERIFY(!QFile::exists(db.path()));
    }

    void version()
    {
        Db db;
        const auto r = db.run({"--version"});
        CLI_EXPECT(r, 0);
        QVERIFY2(
            QRegularExpression(QStringLiteral("^memscope-cli \\d+\\.\\d+(\\.\\d+)?\\S*\\n$")).match(r.out).hasMatch(),
            qPrintable(r.out));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::addRow("no command") << QStringList{} << "Usage: memscope-cli";
        QTest::addRow("unknown command") << QStringList{"frobnicate"} << "unknown command 'frobnicate'";
        QTest::addRow("unknown option") << QStringList{"stats", "--frobnicate"} << "unknown option --frobnicate";
        QTest::addRow("unknown short option") << QStringList{"search", "x", "-z"} << "unknown option -z";
        QTest::addRow("option of another command")
            << QStringList{"get", "x", "--limit", "3"} << "unknown option --limit";
        QTest::addRow("missing value") << QStringList{"search", "x", "--limit"} << "--limit needs a value";
        QTest::addRow("not a number") << QStringList{"search", "x", "--limit", "ten"} << "--limit needs a whole number";
        QTest::addRow("number out of range")
            << QStringList{"search", "x", "--limit", "0"} << "--limit needs a whole number from 1";
        QTest::addRow("flag with a value") << QStringList{"stats", "--json=yes"} << "--json takes no value";
        QTest::addRow("global option without value") << QStringList{"stats", "--busy-timeout"} << "needs a value";
        QTest::addRow("global option not a number")
            << QStringList{"--busy-timeout", "soon", "stats"} << "--busy-timeout";
        QTest::addRow("export format") << QStringList{"export", "--format", "xml"} << "--format must be jsonl or csv";
        QTest::addRow("relabel outcome") << QStringList{"relabel", "some-id", "--outcome", "great"}
                                         << "--outcome must be success, failure, partial or unknown";
        QTest::addRow("get without id") << QStringList{"get"} << "get takes one record ID";
        QTest::addRow("search without query") << QStringList{"search"} << "search needs a QUERY";
        QTest::addRow("filter not json") << QStringList{"stats", "--filter", "{task_type: x}"} << "is not valid JSON";
        QTest::addRow("filter not an object") << QStringList{"export", "--filter", "[1, 2]"} << "must be a JSON object";
        QTest::addRow("revert not a number") << QStringList{"revert", "abc"} << "HISTORY_ID is a number";
        QTest::addRow("archive duration")
            << QStringList{"archive", "--older-than", "soon"} << "--older-than needs a duration";
        QTest::addRow("archive without selection") << QStringList{"archive"} << "name the records";
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        Db db;
        const auto r = db.run(args);
        CLI_EXPECT(r, 2);
        QVERIFY2(r.err.contains(message), qPrintable(describe(r)));
        QVERIFY2(r.out.isEmpty(), qPrintable(describe(r)));
    }

    // ---- import

    void importKeepsGoodLinesAndReportsBadOnes()
    {
        Db db;
        const auto r = db.run({"import", fixture("cli_mixed.jsonl"), "--quiet"});
        CLI_EXPECT(r, 1);
        // Exactly the bad lines (3: not JSON, 5: no text, 7: bad outcome; 6 is blank and skipped).
        QCOMPARE(reportedLines(r.err), (QList<int>{3, 5, 7}));
        QVERIFY2(reportFor(r.err, 3).contains("JSON"), qPrintable(r.err));
        QVERIFY2(reportFor(r.err, 5).contains("memory"), qPrintable(r.err));
        QVERIFY2(reportFor(r.err, 7).contains("metadata.outcome_type"), qPrintable(r.err));
        QVERIFY2(r.out.contains("Imported 4 records (0 duplicates skipped, 3 refused)"), qPrintable(r.out));
        QCOMPARE(totalOf(db), 4);
        QCOMPARE(exportedIds(db), (QStringList{"m1", "m2", "m4", "m8"}));
    }

    void strictImportStoresNothing()
    {
        Db db;
        const auto r = db.run({"import", fixture("cli_mixed.jsonl"), "--strict", "--quiet"});
        CLI_EXPECT(r, 1);
        QCOMPARE(reportedLines(r.err), (QList<int>{3, 5, 7}));
        QVERIFY2(r.out.contains("Nothing imported: --strict and 3 record(s) refused."), qPrintable(r.out));
        QCOMPARE(totalOf(db), 0);
        QCOMPARE(exportedIds(db), QStringList{});
        // A clean file goes through --strict in full.
        const auto ok = db.run({"import", fixture("cli_records.jsonl"), "--strict", "--quiet", "--no-embed"});
        CLI_EXPECT(ok, 0);
        QCOMPARE(totalOf(db), 12);
    }

    void importFormatsAndDuplicates_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("viaStdin");
        QTest::addColumn<int>("records");
        QTest::addRow("jsonl file") << fixture("cli_records.jsonl") << false << 12;
        QTest::addRow("jsonl stdin") << fixture("cli_records.jsonl") << true << 12;
        QTest::addRow("json array file (no ids)") << fixture("cli_array.json") << false << 3;
        QTest::addRow("json array stdin (no ids)") << fixture("cli_array.json") << true << 3;
        QTest::addRow("mem0 results file") << fixture("cli_mem0.json") << false << 2;
        QTest::addRow("mem0 results stdin") << fixture("cli_mem0.json") << true << 2;
    }
    void importFormatsAndDuplicates()
    {
        QFETCH(QString, file);
        QFETCH(bool, viaStdin);
        QFETCH(int, records);
        Db db;
        const QByteArray content = readFile(file);
        QVERIFY(!content.isEmpty());
        auto importOnce = [&] {
            return viaStdin ? db.run({"import", "-", "--quiet"}, content) : db.run({"import", file, "--quiet"});
        };
        const auto first = importOnce();
        CLI_EXPECT(first, 0);
        QVERIFY2(
            first.out.contains(QStringLiteral("Imported %1 records (0 duplicates skipped, 0 refused)").arg(records)),
            qPrintable(first.out));
        QVERIFY2(first.out.contains("history batch "), qPrintable(first.out));
        QCOMPARE(totalOf(db), records);

        // The same input again adds nothing: by id, or by text and scope when there is no id.
        const auto second = importOnce();
        CLI_EXPECT(second, 0);
        QVERIFY2(
            second.out.contains(QStringLiteral("Imported 0 records (%1 duplicates skipped, 0 refused)").arg(records)),
            qPrintable(second.out));
        QCOMPARE(totalOf(db), records);

        if (file.endsWith("cli_mem0.json")) {
            const auto r = recordOf(db, "7f5c2a9e-2222-4a4a-8b8b-000000000001");
            QVERIFY(r.is_object());
            QCOMPARE(jsonText(r["user_id"]), QStringLiteral("\"alice\""));
            QCOMPARE(jsonText(r["categories"]), QStringLiteral("[\"food\"]"));
            QCOMPARE(jsonText(r["created_at"]), QStringLiteral("\"2024-07-01T15:00:00Z\""));
            QVERIFY(!r.contains("score"));
        }
    }

    // One "progress: N added, D duplicates, R refused" line per committed batch of 5,000 (scripts and the
    // multi-process tests rely on it), none with --quiet.
    void importProgressLines()
    {
        Db db;
        QByteArray lines;
        for (int i = 0; i < 12000; ++i)
            lines += "{\"id\": \"p-" + QByteArray::number(i) + "\", \"memory\": \"progress record " +
                     QByteArray::number(i) + "\"}\n";
        lines += "{\"memory\": 5}\n";
        const auto r = db.run({"import", "-", "--no-embed"}, lines);
        CLI_EXPECT(r, 1);
        QStringList progress;
        for (const auto& line : r.err.split('\n'))
            if (line.startsWith("progress: "))
                progress << line;
        QCOMPARE(progress, (QStringList{"progress: 5000 added, 0 duplicates, 0 refused",
                                        "progress: 10000 added, 0 duplicates, 0 refused",
                                        "progress: 12000 added, 0 duplicates, 1 refused"}));
        QCOMPARE(reportedLines(r.err), QList<int>{12001});
        QVERIFY2(!r.err.contains("embedding"), qPrintable(r.err)); // --no-embed

        const auto quiet = db.run({"import", "-", "--no-embed", "--quiet"}, lines);
        CLI_EXPECT(quiet, 1);
        QVERIFY2(!quiet.err.contains("progress:"), qPrintable(quiet.err));
        QCOMPARE(reportedLines(quiet.err), QList<int>{12001});
        QVERIFY2(quiet.out.contains("Imported 0 records (12000 duplicates skipped, 1 refused)"), qPrintable(quiet.out));
    }

    void importMissingFile()
    {
        Db db;
        const QString missing = db.dir() + "/no-such-file.jsonl";
        const auto r = db.run({"import", missing});
        QVERIFY2(r.exitCode != 0 && r.exitCode != 2, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(missing), qPrintable(describe(r)));
    }

    // ---- export

    void exportImportRoundTripIsByteIdentical()
    {
        Db source;
        CLI_EXPECT(source.run({"import", fixture("cli_records.jsonl"), "--quiet"}), 0);
        // Changes after the import travel too (state, metadata, updated_at).
        CLI_EXPECT(source.run({"relabel", "r02", "--outcome", "partial", "--reason", "rt"}), 0);
        CLI_EXPECT(source.run({"archive", "r08"}), 0);
        const QString first = source.dir() + "/first.jsonl";
        const auto e1 = source.run({"export", "--output", first});
        CLI_EXPECT(e1, 0);
        QVERIFY2(e1.err.contains("exported 12 records"), qPrintable(e1.err));
        QVERIFY(e1.out.isEmpty());
        const QByteArray exported = readFile(first);
        QCOMPARE(exported.count('\n'), 12);
        // stdout and --output write the same bytes.
        const auto toStdout = source.run({"export", "--quiet"});
        CLI_EXPECT(toStdout, 0);
        QVERIFY(toStdout.err.isEmpty());
        QCOMPARE(toStdout.out.toUtf8(), exported);

        Db target;
        CLI_EXPECT(target.run({"import", first, "--quiet"}), 0);
        const QString second = target.dir() + "/second.jsonl";
        CLI_EXPECT(target.run({"export", "--output", second}), 0);
        QCOMPARE(readFile(second), exported);

        const auto r02 = recordOf(target, "r02");
        QCOMPARE(jsonText(r02["metadata"]["outcome_type"]), QStringLiteral("\"partial\""));
        QCOMPARE(stateOf(target, "r08"), QStringLiteral("archived"));
        QCOMPARE(stateOf(target, "r12"), QStringLiteral("deleted"));
    }

    void exportWithFilter()
    {
        Db db;
        CLI_EXPECT(db.run({"import", fixture("cli_records.jsonl"), "--quiet", "--no-embed"}), 0);
        const auto r = db.run({"export", "--filter", "{\"user_id\": \"alice\", \"state\": \"active\"}"});
        CLI_EXPECT(r, 0);
        QStringList ids;
        for (const auto& line : r.out.split('\n', Qt::SkipEmptyParts))
            ids << QString::fromStdString(parseJson(line)["id"].get<std::string>());
        QCOMPARE(ids, (QStringList{"r03", "r04", "r07"}));
    }

    void exportToAnUnwritablePath()
    {
        Db db;
        CLI_EXPECT(db.run({"add", "something to export"}), 0);
        const QString target = db.dir() + "/no/such/folder/out.jsonl";
        const auto r = db.run({"export", "--output", target});
        CLI_EXPECT(r, 1);
        QVERIFY2(r.err.contains(target), qPrintable(describe(r)));
    }

    void csvExport()
    {
        Db db;
        CLI_EXPECT(db.run({"import", fixture("cli_records.jsonl"), "--quiet", "--no-embed"}), 0);
        const auto r = db.run({"export", "--format", "csv"});
        CLI_EXPECT(r, 0);
        QVERIFY2(r.out.startsWith("id,memory,hash,user_id,agent_id,run_id,collection,state,created_at,updated_at,"
                                  "expiration_date,outcome_type,task_type,tool_name,severity,user_scope,version,"
                                  "timestamp,tags,metadata\n"),
                 qPrintable(r.out.left(300)));
        // A field with quotes, a comma and a newline is quoted, inner quotes doubled.
        QVERIFY2(r.out.contains("\nr06,\"Report \"\"Q3 revenue\"\", by region\nsecond line of the report\","),
                 qPrintable(r.out));
        // Tags are joined with ';', metadata is JSON in a quoted field.
        QVERIFY2(r.out.contains(",q3;revenue,\"{\"\""), qPrintable(r.out));
        QVERIFY2(r.out.contains("\nr09,Unclear whether trimming whitespace in city names helped,"), qPrintable(r.out));
        QVERIFY2(
            r.out.contains(",2024-05-01T10:00:00Z,2024-05-01T10:00:00Z,,success,sql_query_debug,sql_runner,,global,"
                           "v1,,,"),
            qPrintable(r.out));
    }

    // ---- search

    void searchJsonShapeAndScopes()
    {
        Db db;
        CLI_EXPECT(db.run({"import", fixture("cli_records.jsonl"), "--quiet"}), 0);
        const auto r = db.run(
            {"search", "slow join on orders index", "--user", "global", "--user", "alice", "--json", "--limit", "50"});
        CLI_EXPECT(r, 0);
        const auto hits = parseJson(r.out);
        QVERIFY2(hits.is_array() && !hits.empty(), qPrintable(r.out));
        double previous = 1e9;
        for (const auto& h : hits) {
            const QString text = jsonText(h);
            for (const char* key : {"id", "memory", "user_id", "metadata", "score", "score_parts"})
                QVERIFY2(h.contains(key), qPrintable(QStringLiteral("no '%1' in %2").arg(key, text)));
            QVERIFY2(h["id"].is_string() && h["memory"].is_string() && h["metadata"].is_object(), qPrintable(text));
            QVERIFY2(h["score"].is_number(), qPrintable(text));
            for (const char* part : {"semantic", "keyword", "recency"})
                QVERIFY2(h["score_parts"].contains(part) && h["score_parts"][part].is_number(), qPrintable(text));
            // Only the scopes asked for, only active records.
            const auto user = h["user_id"].get<std::string>();
            QVERIFY2(user == "global" || user == "alice", qPrintable(text));
            QCOMPARE(jsonText(h["state"]), QStringLiteral("\"active\""));
            const double score = h["score"].get<double>();
            QVERIFY2(score <= previous, "hits are not sorted by score");
            previous = score;
        }
        const auto ids = idsOf(hits);
        QVERIFY2(ids.contains("r01") && ids.contains("r03"), qPrintable(ids.join(',')));
        for (const char* never : {"r05", "r06", "r10", "r11", "r12"})
            QVERIFY2(!ids.contains(never), qPrintable(ids.join(',')));

        // Bob's matching record is there for bob: the scope, not the query, kept it out above.
        const auto bob = db.run({"search", "slow join on orders index", "--user", "bob", "--json"});
        CLI_EXPECT(bob, 0);
        const auto bobIds = idsOf(parseJson(bob.out));
        QVERIFY2(bobIds.contains("r05"), qPrintable(bob.out));
        for (const auto& h : parseJson(bob.out))
            QCOMPARE(jsonText(h["user_id"]), QStringLiteral("\"bob\""));

        // The plain-text listing.
        const auto text = db.run({"search", "slow join on orders index", "--user", "alice"});
        CLI_EXPECT(text, 0);
        QVERIFY2(text.out.contains(" 1. ") && text.out.contains("r03"), qPrintable(text.out));
        const auto none = db.run({"search", "slow join", "--user", "nobody-at-all"});
        CLI_EXPECT(none, 0);
        QVERIFY2(none.out.contains("No matching records."), qPrintable(none.out));
    }

    void searchFilter_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("AND") << "{\"AND\": [{\"task_type\": \"sql_query_debug\"}, "
                                "{\"outcome_type\": {\"in\": [\"failure\", \"partial\"]}}]}"
                             << QStringList{"r02", "r04", "r05"};
        QTest::addRow("OR") << "{\"OR\": [{\"tool_name\": \"chart_tool\"}, "
                               "{\"version\": \"v2\", \"task_type\": \"data_cleaning\"}]}"
                            << QStringList{"r07", "r08"};
        QTest::addRow("AND of OR") << "{\"AND\": [{\"OR\": [{\"user_id\": \"alice\"}, {\"user_id\": \"bob\"}]}, "
                                      "{\"task_type\": \"sql_query_debug\"}]}"
                                   << QStringList{"r03", "r04", "r05"};
        QTest::addRow("NOT and tags") << "{\"tags\": {\"contains\": \"q3\"}, \"NOT\": {\"user_id\": \"alice\"}}"
                                      << QStringList{"r06"};
        QTest::addRow("archived asked for") << "{\"state\": \"archived\"}" << QStringList{"r11"};
        QTest::addRow("nothing matches") << "{\"task_type\": \"no_such_task\"}" << QStringList{};
    }
    void searchFilter()
    {
        QFETCH(QString, filter);
        QFETCH(QStringList, expected);
        Db db;
        CLI_EXPECT(db.run({"import", fixture("cli_records.jsonl"), "--quiet"}), 0);
        const auto r = db.run({"search", "orders join index customer revenue pandas chart lesson", "--filter", filter,
                               "--json", "--limit", "50"});
        CLI_EXPECT(r, 0);
        auto ids = idsOf(parseJson(r.out));
        ids.sort();
        QCOMPARE(ids, expected);
    }

    void invalidFilter_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QStringList>("mentions");
        QTest::addRow("time operand") << "{\"created_at\": {\"gt\": true}}" << QStringList{"created_at", "gt"};
        QTest::addRow("unknown operator")
            << "{\"task_type\": {\"regex\": \"sql.*\"}}" << QStringList{"task_type", "regex"};
        QTest::addRow("in needs a list") << "{\"AND\": [{\"outcome_type\": {\"in\": \"failure\"}}]}"
                                         << QStringList{"outcome_type", "in"};
        QTest::addRow("bad state") << "{\"state\": {\"eq\": \"gone\"}}" << QStringList{"state", "eq"};
    }
    void invalidFilter()
    {
        QFETCH(QString, filter);
        QFETCH(QStringList, mentions);
        Db db;
        CLI_EXPECT(db.run({"add", "one record so the store is not empty"}), 0);
        for (const QStringList& args :
             {QStringList{"search", "anything", "--filter", filter}, QStringList{"stats", "--filter", filter},
              QStringList{"export", "--filter", filter}}) {
            const auto r = db.run(args);
            CLI_EXPECT(r, 2);
            for (const auto& m : mentions)
                QVERIFY2(r.err.contains("'" + m + "'"), qPrintable(args.first() + ": " + describe(r)));
            QVERIFY2(r.out.isEmpty(), qPrintable(describe(r)));
        }
    }

    void searchLimit()
    {
        Db db;
        CLI_EXPECT(db.run({"import", fixture("cli_records.jsonl"), "--quiet"}), 0);
        const QString query = "slow join orders index";
        const auto all = db.run({"search", query, "--json", "--limit", "50"});
        CLI_EXPECT(all, 0);
        const auto allIds = idsOf(parseJson(all.out));
        QVERIFY2(allIds.size() >= 4, qPrintable(all.out));
        for (int limit : {1, 2, 3}) {
            const auto r = db.run({"search", query, "--json", "--limit", QString::number(limit)});
            CLI_EXPECT(r, 0);
            QCOMPARE(idsOf(parseJson(r.out)), allIds.mid(0, limit));
        }
        // The default is 10.
        Db many;
        QByteArray lines;
        for (int i = 0; i < 30; ++i)
            lines += "{\"memory\": \"deploy lesson number " + QByteArray::number(i) + " about rollbacks\"}\n";
        CLI_EXPECT(many.run({"import", "-", "--quiet"}, lines), 0);
        const auto r = many.run({"search", "deploy rollbacks", "--json"});
        CLI_EXPECT(r, 0);
        QCOMPARE(parseJson(r.out).size(), std::size_t(10));
    }

    // ---- single records and history

    void addGetUpdate()
    {
        Db db;
        const auto add = db.run({"add", "Use", "EXPLAIN", "ANALYZE", "first", "--outcome", "success", "--task-type",
                                 "sql_query_debug", "--tool", "psql", "--tag", "perf", "--tag", "sql", "--user",
                                 "alice", "--collection", "task_outcomes"});
        CLI_EXPECT(add, 0);
        const QString id = add.out.trimmed();
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"))
                     .match(id)
                     .hasMatch(),
                 qPrintable(add.out));
        QCOMPARE(add.out, id + "\n");

        auto r = recordOf(db, id);
        QVERIFY(r.is_object());
        QCOMPARE(jsonText(r["memory"]), QStringLiteral("\"Use EXPLAIN ANALYZE first\""));
        QCOMPARE(jsonText(r["user_id"]), QStringLiteral("\"alice\""));
        QCOMPARE(jsonText(r["metadata"]),
                 QStringLiteral(
                     "{\"outcome_type\":\"success\",\"tags\":[\"perf\",\"sql\"],\"task_type\":\"sql_query_debug\","
                     "\"tool_name\":\"psql\"}"));
        const auto plain = db.run({"get", id});
        CLI_EXPECT(plain, 0);
        QVERIFY2(plain.out.contains("id:          " + id) && plain.out.contains("state:       active") &&
                     plain.out.contains("Use EXPLAIN ANALYZE first"),
                 qPrintable(plain.out));

        const auto update = db.run({"update", id, "--text", "Use EXPLAIN (ANALYZE, BUFFERS) first", "--metadata",
                                    "{\"severity\": \"low\", \"tool_name\": null}", "--json"});
        CLI_EXPECT(update, 0);
        r = recordOf(db, id);
        QCOMPARE(jsonText(r["memory"]), QStringLiteral("\"Use EXPLAIN (ANALYZE, BUFFERS) first\""));
        QCOMPARE(jsonText(r["metadata"]["severity"]), QStringLiteral("\"low\""));
        QVERIFY2(!r["metadata"].contains("tool_name"), qPrintable(jsonText(r)));
        QCOMPARE(jsonText(parseJson(update.out)["memory"]), jsonText(r["memory"]));

        // --record takes a whole record.
        const auto full = db.run({"add", "--record", oldRecord("from a record", "2021-03-04T05:06:07Z"), "--json"});
        CLI_EXPECT(full, 0);
        const auto stored = parseJson(full.out);
        QCOMPARE(jsonText(stored["created_at"]), QStringLiteral("\"2021-03-04T05:06:07Z\""));
        QCOMPARE(totalOf(db), 2);
    }

    // add, update and outcomes document a --version V option (the tool/agent version of an outcome); it must
    // reach the command, not be taken for the global --version.
    void commandVersionOption_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expectedVersion"); // metadata.version of record "v-1" afterwards
        QTest::addRow("add") << QStringList{"add", "Pinned the driver", "--version", "v3", "--task-type", "t", "--json"}
                             << "v3";
        QTest::addRow("add, inline value") << QStringList{"add", "Pinned the driver", "--version=v3", "--json"} << "v3";
        QTest::addRow("update") << QStringList{"update", "v-1", "--version", "v4", "--json"} << "v4";
        QTest::addRow("outcomes") << QStringList{"outcomes", "--task-type", "t", "--version", "v1", "--json"} << "v1";
    }
    void commandVersionOption()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expectedVersion);
        Db db;
        CLI_EXPECT(db.run({"add", "--record",
                           "{\"id\": \"v-1\", \"memory\": \"version one lesson\", \"metadata\": "
                           "{\"task_type\": \"t\", \"outcome_type\": \"success\", \"version\": \"v1\"}}"}),
                   0);
        const auto r = db.run(args);
        CLI_EXPECT(r, 0);
        QVERIFY2(!r.out.startsWith("memscope-cli "), qPrintable("the global --version answered: " + describe(r)));
        const auto out = parseJson(r.out);
        QVERIFY2(out.is_object(), qPrintable(describe(r)));
        if (args.first() == "outcomes") {
            QCOMPARE(idsOf(out["successes"]), QStringList{"v-1"});
        } else {
            QCOMPARE(jsonText(out["metadata"]["version"]), jsonText(json(expectedVersion.toStdString())));
            QCOMPARE(totalOf(db), args.first() == "add" ? 2 : 1);
        }
    }

    void relabelHistoryRevert()
    {
        Db db;
        const auto add =
            db.run({"add", "Retry the upload with backoff", "--outcome", "success", "--task-type", "upload"});
        CLI_EXPECT(add, 0);
        const QString id = add.out.trimmed();

        const auto relabel = db.run({"relabel", id, "--outcome", "failure", "--reason", "it failed later"});
        CLI_EXPECT(relabel, 0);
        QVERIFY2(relabel.out.startsWith("1 record(s) relabelled failure; undo with: memscope-cli revert --batch "),
                 qPrintable(relabel.out));
        QCOMPARE(jsonText(recordOf(db, id)["metadata"]["outcome_type"]), QStringLiteral("\"failure\""));

        const auto history = db.run({"history", id, "--json"});
        CLI_EXPECT(history, 0);
        const auto rows = parseJson(history.out);
        QVERIFY2(rows.is_array() && rows.size() == 2, qPrintable(history.out));
        json relabelRow;
        for (const auto& row : rows)
            if (row.value("event", std::string()) == "RELABEL")
                relabelRow = row;
        QVERIFY2(relabelRow.is_object(), qPrintable(history.out));
        QCOMPARE(jsonText(relabelRow["actor"]), QStringLiteral("\"cli\""));
        QCOMPARE(jsonText(relabelRow["reason"]), QStringLiteral("\"it failed later\""));
        QCOMPARE(jsonText(relabelRow["memory_id"]), jsonText(json(id.toStdString())));
        QVERIFY(relabelRow["batch_id"].is_string());
        const auto historyId = relabelRow["id"].get<std::int64_t>();

        // The text listing shows the same row.
        const auto listing = db.run({"history", id});
        CLI_EXPECT(listing, 0);
        QVERIFY2(listing.out.contains(QStringLiteral("#%1 ").arg(historyId)) &&
                     listing.out.contains("RELABEL  cli  (it failed later)"),
                 qPrintable(listing.out));

        const auto revert = db.run({"revert", QStringLiteral("#%1").arg(historyId), "--reason", "back"});
        CLI_EXPECT(revert, 0);
        QCOMPARE(revert.out, QStringLiteral("Reverted #%1 on record %2\n").arg(historyId).arg(id));
        QCOMPARE(jsonText(recordOf(db, id)["metadata"]["outcome_type"]), QStringLiteral("\"success\""));
        const auto after = parseJson(db.run({"history", id, "--json"}).out);
        QVERIFY2(after.is_array() && after.size() == 3, qPrintable(jsonText(after)));
    }

    void archiveOlderThanDryRunThenUndo()
    {
        Db db;
        QStringList oldIds;
        for (int i = 1; i <= 3; ++i) {
            const auto r = db.run(
                {"add", "--record",
                 oldRecord(QStringLiteral("old lesson %1").arg(i), QStringLiteral("2020-01-0%1T00:00:00Z").arg(i))});
            CLI_EXPECT(r, 0);
            oldIds << r.out.trimmed();
        }
        QStringList newIds;
        for (int i = 1; i <= 2; ++i) {
            const auto r = db.run({"add", QStringLiteral("fresh lesson %1").arg(i)});
            CLI_EXPECT(r, 0);
            newIds << r.out.trimmed();
        }
        // Old but already deleted: archive applies to active records only.
        const auto deleted = db.run({"add", "--record", oldRecord("old and deleted", "2019-06-01T00:00:00Z")});
        CLI_EXPECT(deleted, 0);
        const QString deletedId = deleted.out.trimmed();
        CLI_EXPECT(db.run({"delete", deletedId}), 0);
        const auto before = statsOf(db);
        QVERIFY(before.is_object());

        const auto dry = db.run({"archive", "--older-than", "30d", "--dry-run"});
        CLI_EXPECT(dry, 0);
        QVERIFY2(dry.out.endsWith("3 record(s) would be archived (dry run: nothing changed)\n"), qPrintable(dry.out));
        QStringList listed;
        for (const auto& line : dry.out.split('\n', Qt::SkipEmptyParts))
            if (!line.contains("dry run"))
                listed << line.section(' ', 0, 0);
        listed.sort();
        QStringList expected = oldIds;
        expected.sort();
        QCOMPARE(listed, expected);
        JSON_COMPARE(statsOf(db), before);
        for (const auto& id : oldIds)
            QCOMPARE(stateOf(db, id), QStringLiteral("active"));

        const auto run = db.run({"archive", "--older-than", "30d", "--reason", "stale"});
        CLI_EXPECT(run, 0);
        static const QRegularExpression undoRe(
            QStringLiteral("^3 record\\(s\\) archived; undo with: memscope-cli (revert --batch [0-9a-f-]{36})\\n$"));
        const auto m = undoRe.match(run.out);
        QVERIFY2(m.hasMatch(), qPrintable(run.out));
        for (const auto& id : oldIds)
            QCOMPARE(stateOf(db, id), QStringLiteral("archived"));
        for (const auto& id : newIds)
            QCOMPARE(stateOf(db, id), QStringLiteral("active"));
        QCOMPARE(stateOf(db, deletedId), QStringLiteral("deleted"));
        QCOMPARE(jsonText(statsOf(db)["by"]["state"]), QStringLiteral("{\"active\":2,\"archived\":3,\"deleted\":1}"));

        // Nothing left to archive now.
        const auto again = db.run({"archive", "--older-than", "30d"});
        CLI_EXPECT(again, 0);
        QCOMPARE(again.out, QStringLiteral("0 record(s) archived\n"));

        // The printed undo command works as printed.
        const auto undo = db.run(m.captured(1).split(' '));
        CLI_EXPECT(undo, 0);
        QVERIFY2(undo.out.startsWith("Reverted 3 changes of batch "), qPrintable(undo.out));
        for (const auto& id : oldIds)
            QCOMPARE(stateOf(db, id), QStringLiteral("active"));
        QCOMPARE(stateOf(db, deletedId), QStringLiteral("deleted"));
        JSON_COMPARE(statsOf(db)["by"]["state"], before["by"]["state"]);
    }

    void deleteRestorePurge()
    {
        Db db;
        CLI_EXPECT(db.run({"import", fixture("cli_records.jsonl"), "--quiet"}), 0);
        const auto del = db.run({"delete", "r01", "r03"});
        CLI_EXPECT(del, 0);
        QVERIFY2(del.out.startsWith("2 record(s) deleted; undo with: memscope-cli revert --batch "),
                 qPrintable(del.out));
        QCOMPARE(stateOf(db, "r01"), QStringLiteral("deleted"));
        const auto search = db.run({"search", "slow join orders index", "--json", "--limit", "50"});
        CLI_EXPECT(search, 0);
        QVERIFY(!idsOf(parseJson(search.out)).contains("r01"));

        const auto restore = db.run({"restore", "r01", "--reason", "still true"});
        CLI_EXPECT(restore, 0);
        QVERIFY2(restore.out.startsWith("1 record(s) restored"), qPrintable(restore.out));
        QCOMPARE(stateOf(db, "r01"), QStringLiteral("active"));

        // purge without ids takes only deleted records (r03 and r12 now).
        const auto dry = db.run({"purge", "--filter", "{\"task_type\": \"sql_query_debug\"}", "--dry-run"});
        CLI_EXPECT(dry, 0);
        QVERIFY2(dry.out.endsWith("2 record(s) would be purged (dry run: nothing changed)\n"), qPrintable(dry.out));
        const auto purge = db.run({"purge", "--filter", "{\"task_type\": \"sql_query_debug\"}"});
        CLI_EXPECT(purge, 0);
        QVERIFY2(purge.out.startsWith("2 record(s) purged"), qPrintable(purge.out));
        QCOMPARE(totalOf(db), 10);
        CLI_EXPECT(db.run({"get", "r03"}), 3);
    }

    // ---- stats

    void statsCountsMatchTheImport()
    {
        Db db;
        CLI_EXPECT(db.run({"import", fixture("cli_records.jsonl"), "--quiet", "--no-embed"}), 0);
        const auto s = statsOf(db);
        QVERIFY(s.is_object());
        const json expected = {
            {"total", 12},
            {"by",
             {{"state", {{"active", 10}, {"archived", 1}, {"deleted", 1}}},
              {"collection", {{"task_outcomes", 11}, {"user_profile", 1}}},
              {"user_id", {{"global", 5}, {"alice", 4}, {"bob", 3}}},
              {"task_type", {{"sql_query_debug", 7}, {"report_generation", 2}, {"data_cleaning", 2}, {"(none)", 1}}},
              {"outcome_type", {{"success", 5}, {"failure", 4}, {"partial", 1}, {"unknown", 1}, {"(none)", 1}}},
              {"tool_name", {{"sql_runner", 6}, {"pandas", 3}, {"chart_tool", 1}, {"(none)", 2}}},
              {"version", {{"v1", 6}, {"v2", 4}, {"(none)", 2}}}}}};
        JSON_COMPARE(s, expected);

        // With a filter, and as text.
        const auto filtered = db.run({"stats", "--json", "--filter", "{\"user_id\": \"alice\"}"});
        CLI_EXPECT(filtered, 0);
        const auto f = parseJson(filtered.out);
        QCOMPARE(jsonText(f["total"]), QStringLiteral("4"));
        QCOMPARE(jsonText(f["by"]["outcome_type"]), QStringLiteral("{\"failure\":2,\"partial\":1,\"success\":1}"));
        const auto text = db.run({"stats"});
        CLI_EXPECT(text, 0);
        QVERIFY2(text.out.startsWith("records: 12\n"), qPrintable(text.out));
        QVERIFY2(text.out.contains("\ntask_type:\n") && text.out.contains("        7  sql_query_debug\n"),
                 qPrintable(text.out));
    }

    // ---- demo and outcomes

    void demoTwiceAndOutcomes()
    {
        Db db;
        const auto first = db.run({"demo", "--records", "500", "--quiet"});
        CLI_EXPECT(first, 0);
        QVERIFY2(first.out.startsWith("Demo history: 500 records added (0 already there)"), qPrintable(first.out));
        const auto second = db.run({"demo", "--records", "500", "--quiet"});
        CLI_EXPECT(second, 0);
        QVERIFY2(second.out.startsWith("Demo history: 0 records added (500 already there)"), qPrintable(second.out));
        QCOMPARE(totalOf(db), 500);

        const auto r = db.run({"outcomes", "--task-type", "sql_query_debug", "--user", "alice", "--json"});
        CLI_EXPECT(r, 0);
        const auto out = parseJson(r.out);
        QVERIFY2(out.is_object() && out.contains("successes") && out.contains("failures"), qPrintable(r.out));
        QVERIFY2(out["successes"].is_array() && !out["successes"].empty(), qPrintable(r.out));
        QVERIFY2(out["failures"].is_array() && !out["failures"].empty(), qPrintable(r.out));
        for (const auto& [key, outcome] : {std::pair{"successes", "success"}, std::pair{"failures", "failure"}}) {
            QVERIFY(out[key].size() <= 5); // the default --limit
            for (const auto& h : out[key]) {
                const QString text = jsonText(h);
                QCOMPARE(jsonText(h["metadata"]["task_type"]), QStringLiteral("\"sql_query_debug\""));
                QCOMPARE(jsonText(h["metadata"]["outcome_type"]), QStringLiteral("\"%1\"").arg(outcome));
                QVERIFY2(h["user_id"] == "global" || h["user_id"] == "alice", qPrintable(text));
                QVERIFY2(h["state"] == "active", qPrintable(text));
                QVERIFY2(h.contains("score") && h.contains("score_parts"), qPrintable(text));
            }
        }
        const auto limited =
            db.run({"outcomes", "--task-type", "sql_query_debug", "--user", "alice", "--json", "--limit", "2"});
        CLI_EXPECT(limited, 0);
        const auto l = parseJson(limited.out);
        QVERIFY(l["successes"].size() <= 2 && l["failures"].size() <= 2);
        const auto text = db.run({"outcomes", "--task-type", "sql_query_debug", "--user", "alice"});
        CLI_EXPECT(text, 0);
        QVERIFY2(text.out.startsWith("Successes (") && text.out.contains("\nFailures ("), qPrintable(text.out));
        CLI_EXPECT(db.run({"outcomes", "--user", "alice"}), 2);
    }

    // ---- failures

    void unknownIds_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addRow("get") << QStringList{"get", "no-such-id"};
        QTest::addRow("update") << QStringList{"update", "no-such-id", "--text", "x"};
        QTest::addRow("history") << QStringList{"history", "no-such-id"};
        QTest::addRow("revert") << QStringList{"revert", "999999"};
    }
    void unknownIds()
    {
        QFETCH(QStringList, args);
        Db db;
        CLI_EXPECT(db.run({"add", "something so the database exists"}), 0);
        const auto r = db.run(args);
        CLI_EXPECT(r, 3);
        QVERIFY2(r.err.contains(args[1].startsWith("no-") ? args[1] : QStringLiteral("999999")),
                 qPrintable(describe(r)));
        QVERIFY(r.out.isEmpty());
    }

    void notADatabase_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("command");
        QTest::addRow("text, stats") << QByteArray("just some notes, not a database\n") << "stats";
        QTest::addRow("text, add") << QByteArray("just some notes, not a database\n") << "add";
        QTest::addRow("binary, search") << QByteArray(8192, '\xAB') << "search";
        QTest::addRow("binary, import") << QByteArray(8192, '\xAB') << "import";
    }
    void notADatabase()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, command);
        Db db;
        QVERIFY(writeFile(db.path(), content));
        QStringList args{command};
        if (command == "add" || command == "search")
            args << "some text";
        else if (command == "import")
            args << fixture("cli_array.json");
        const auto r = db.run(args);
        QVERIFY2(r.exitCode != 0, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(db.path()), qPrintable(describe(r)));
        QVERIFY2(r.err.contains("not a readable Memscope database or is damaged"), qPrintable(describe(r)));
        QVERIFY2(!r.err.contains("unexpected error"), qPrintable(describe(r)));
        QCOMPARE(readFile(db.path()), content); // untouched
    }

    void readOnlyDatabase()
    {
        Db db;
        CLI_EXPECT(db.run({"import", fixture("cli_records.jsonl"), "--quiet"}), 0);
        const QByteArray path = db.path().toLocal8Bit();
        QVERIFY(::chmod(path.constData(), 0444) == 0);
        const QByteArray before = readFile(db.path());

        const auto stats = db.run({"stats", "--json"});
        CLI_EXPECT(stats, 0);
        QCOMPARE(jsonText(parseJson(stats.out)["total"]), QStringLiteral("12"));
        CLI_EXPECT(db.run({"get", "r01"}), 0);
        const auto search = db.run({"search", "slow join", "--json"});
        CLI_EXPECT(search, 0);
        QVERIFY(!idsOf(parseJson(search.out)).isEmpty());
        const auto status = db.run({"status", "--json"});
        CLI_EXPECT(status, 0);
        QCOMPARE(jsonText(parseJson(status.out)["read_only"]), QStringLiteral("true"));

        for (const QStringList& args :
             {QStringList{"add", "refused"}, QStringList{"archive", "r01"},
              QStringList{"import", fixture("cli_array.json")}, QStringList{"update", "r01", "--text", "x"}}) {
            const auto r = db.run(args);
            QVERIFY2(r.exitCode == 1, qPrintable(args.first() + ": " + describe(r)));
            QVERIFY2(r.err.contains("read-only"), qPrintable(describe(r)));
            QVERIFY2(r.err.contains(db.path()), qPrintable(describe(r)));
        }
        // --dry-run only reads, so it works.
        CLI_EXPECT(db.run({"archive", "r01", "--dry-run"}), 0);
        QCOMPARE(readFile(db.path()), before);
        ::chmod(path.constData(), 0644);
        CLI_EXPECT(db.run({"add", "writable again"}), 0);
        QCOMPARE(totalOf(db), 13);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
