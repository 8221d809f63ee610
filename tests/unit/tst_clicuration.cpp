// End-to-end tests of memscope-cli, part two: single records, curation (relabel, archive, delete, purge,
// revert), stats, demo and outcomes, and the errors a user meets (unknown ids, damaged or read-only files).
#include "CliTestSupport.h"

#include <QSet>

#include <sys/stat.h>

using namespace memscope::test;

class TestCliCuration : public QObject {
    Q_OBJECT
private slots:
    void addGetUpdate()
    {
        CliDb db;
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
        CliDb db;
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
        CliDb db;
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
        CliDb db;
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
        CliDb db;
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
        CliDb db;
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
        CliDb db;
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
        CliDb db;
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
        CliDb db;
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
        CliDb db;
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

QTEST_GUILESS_MAIN(TestCliCuration)
#include "tst_clicuration.moc"
