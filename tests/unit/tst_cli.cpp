// End-to-end tests of memscope-cli, part one: help and usage, import, export and search. Every command runs
// as its own process on a database in a temporary folder, and the test checks what a script or an agent
// sees: the exit status, stdout and stderr.
#include "CliTestSupport.h"

#include <QSet>

#include <sys/stat.h>

using namespace memscope::test;

class TestCli : public QObject {
    Q_OBJECT
private slots:
    // ---- help, version, usage errors

    void mainHelpListsEveryCommand()
    {
        CliDb db;
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
        CliDb db;
        for (const QStringList& args :
             {QStringList{command, "--help"}, QStringList{"--help", command}, QStringList{command, "-h"}}) {
            const auto r = db.run(args);
            CLI_EXPECT(r, 0);
            QVERIFY2(r.out.startsWith("Usage: memscope-cli [--db PATH] " + command + ' '), qPrintable(r.out));
            QVERIFY2(!r.out.contains(command + ' ' + command + ' '), qPrintable(r.out)); // the name once
            QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        }
        QVERIFY(!QFile::exists(db.path()));
    }

    void version()
    {
        CliDb db;
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
        CliDb db;
        const auto r = db.run(args);
        CLI_EXPECT(r, 2);
        QVERIFY2(r.err.contains(message), qPrintable(describe(r)));
        QVERIFY2(r.out.isEmpty(), qPrintable(describe(r)));
    }

    // ---- import

    void importKeepsGoodLinesAndReportsBadOnes()
    {
        CliDb db;
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
        CliDb db;
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
        CliDb db;
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

    // One "progress: N added, D duplicates, R refused" line per committed batch of 20,000 (scripts and the
    // multi-process tests rely on it), none with --quiet.
    void importProgressLines()
    {
        CliDb db;
        QByteArray lines;
        for (int i = 0; i < 42000; ++i)
            lines += "{\"id\": \"p-" + QByteArray::number(i) + "\", \"memory\": \"progress record " +
                     QByteArray::number(i) + "\"}\n";
        lines += "{\"memory\": 5}\n";
        const auto r = db.run({"import", "-", "--no-embed"}, lines);
        CLI_EXPECT(r, 1);
        QStringList progress;
        for (const auto& line : r.err.split('\n'))
            if (line.startsWith("progress: "))
                progress << line;
        QCOMPARE(progress, (QStringList{"progress: 20000 added, 0 duplicates, 0 refused",
                                        "progress: 40000 added, 0 duplicates, 0 refused",
                                        "progress: 42000 added, 0 duplicates, 1 refused"}));
        QCOMPARE(reportedLines(r.err), QList<int>{42001});
        QVERIFY2(!r.err.contains("embedding"), qPrintable(r.err)); // --no-embed

        const auto quiet = db.run({"import", "-", "--no-embed", "--quiet"}, lines);
        CLI_EXPECT(quiet, 1);
        QVERIFY2(!quiet.err.contains("progress:"), qPrintable(quiet.err));
        QCOMPARE(reportedLines(quiet.err), QList<int>{42001});
        QVERIFY2(quiet.out.contains("Imported 0 records (42000 duplicates skipped, 1 refused)"), qPrintable(quiet.out));
    }

    void importMissingFile()
    {
        CliDb db;
        const QString missing = db.dir() + "/no-such-file.jsonl";
        const auto r = db.run({"import", missing});
        QVERIFY2(r.exitCode != 0 && r.exitCode != 2, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(missing), qPrintable(describe(r)));
    }

    // ---- export

    void exportImportRoundTripIsByteIdentical()
    {
        CliDb source;
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

        CliDb target;
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
        CliDb db;
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
        CliDb db;
        CLI_EXPECT(db.run({"add", "something to export"}), 0);
        const QString target = db.dir() + "/no/such/folder/out.jsonl";
        const auto r = db.run({"export", "--output", target});
        CLI_EXPECT(r, 1);
        QVERIFY2(r.err.contains(target), qPrintable(describe(r)));
    }

    void csvExport()
    {
        CliDb db;
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
        CliDb db;
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
        CliDb db;
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
        CliDb db;
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
        CliDb db;
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
        CliDb many;
        QByteArray lines;
        for (int i = 0; i < 30; ++i)
            lines += "{\"memory\": \"deploy lesson number " + QByteArray::number(i) + " about rollbacks\"}\n";
        CLI_EXPECT(many.run({"import", "-", "--quiet"}, lines), 0);
        const auto r = many.run({"search", "deploy rollbacks", "--json"});
        CLI_EXPECT(r, 0);
        QCOMPARE(parseJson(r.out).size(), std::size_t(10));
    }

    // ---- single records and history
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
