#include "TestStore.h"

#include <io/RecordExporter.h>
#include <io/RecordImporter.h>
#include <io/RecordJson.h>
#include <search/SearchTypes.h>
#include <storage/Connection.h>
#include <storage/RecordTable.h>
#include <util/Error.h>
#include <util/Ids.h>

#include <QTest>

#include <fstream>
#include <sstream>

using namespace memscope;
using namespace memscope::test;
using nlohmann::json;

namespace {

ImportReport importText(MemoryStore& store, const std::string& text, ImportOptions options = {})
{
    std::istringstream in(text);
    return RecordImporter(store).run(in, options);
}

std::string readFixture(const char* name)
{
    std::ifstream in(std::string(MEMSCOPE_FIXTURES_DIR) + "/" + name, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Every record indexed once (one length row per document), and the index itself sound.
void checkFullText(Connection& c)
{
    auto st = c.prepare("SELECT (SELECT count(*) FROM memories), (SELECT count(*) FROM memories_fts_docsize), "
                        "(SELECT count(*) FROM memories m JOIN memories_fts_docsize d ON d.id = m.rid)");
    QVERIFY(st.step());
    QCOMPARE(st.int64(1), st.int64(0));
    QCOMPARE(st.int64(2), st.int64(0));
    c.exec("INSERT INTO memories_fts(memories_fts) VALUES ('integrity-check')");
}

std::string exportText(MemoryStore& store, RecordExporter::Format format = RecordExporter::Format::JsonLines)
{
    std::ostringstream out;
    RecordExporter(store).run(out, json::object(), format);
    return out.str();
}

} // namespace

class TestImporter : public QObject {
    Q_OBJECT
private slots:
    void formats_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("added");
        QTest::addRow("jsonl")
            << "{\"memory\": \"a\"}\n{\"memory\": \"b\", \"user_id\": \"u1\"}\n\n{\"content\": \"c\"}\n"
            << 3;
        QTest::addRow("jsonl with BOM and CRLF") << "\xEF\xBB\xBF{\"memory\": \"a\"}\r\n{\"memory\": \"b\"}\r\n" << 2;
        QTest::addRow("array one line") << R"([{"memory": "a"}, {"memory": "b"}])" << 2;
        QTest::addRow("array pretty") << "[\n  {\n    \"memory\": \"a\",\n    \"metadata\": {\"tags\": [\"x\"]}\n  },\n"
                                         "  {\"memory\": \"b\"}\n]\n"
                                      << 2;
        QTest::addRow("mem0 results pretty")
            << "{\n  \"results\": [\n    {\"id\": \"7f5c2a9e-1111-4a4a-8b8b-000000000001\", \"memory\": \"a\",\n"
               "     \"user_id\": \"alice\", \"categories\": [\"work\"], \"score\": 0.8},\n"
               "    {\"id\": \"7f5c2a9e-1111-4a4a-8b8b-000000000002\", \"memory\": \"b\"}\n  ],\n"
               "  \"relations\": []\n}\n"
            << 2;
        QTest::addRow("mem0 results one line")
            << R"({"results": [{"memory": "a"}, {"memory": "b"}, {"memory": "c"}]})" << 3;
        QTest::addRow("single object pretty") << "{\n  \"memory\": \"only one\"\n}\n" << 1;
        QTest::addRow("empty input") << "" << 0;
    }
    void formats()
    {
        QFETCH(QString, text);
        QFETCH(int, added);
        TestStore t;
        const auto report = importText(t.store(), text.toStdString());
        QCOMPARE(report.refused, 0);
        QCOMPARE(report.added, added);
        QCOMPARE(t->count(json::object()), added);
    }

    void mem0ExtraFieldsAreKept()
    {
        TestStore t;
        importText(t.store(),
                   R"({"results": [{"id": "m-1", "memory": "likes tea", "categories": ["food"], "score": 0.9}]})");
        const auto r = t->require("m-1");
        JSON_COMPARE(r.extra["categories"], json::array({"food"}));
        QVERIFY(!r.extra.contains("score"));
        JSON_COMPARE(RecordJson::toJson(r)["categories"], json::array({"food"}));
    }

    void badLinesAreReportedAndGoodOnesKept_data()
    {
        QTest::addColumn<QString>("badLine");
        QTest::addColumn<QString>("reason");
        QTest::addRow("not json") << "this is not json"
                                  << "invalid JSON";
        QTest::addRow("truncated json") << "{\"memory\": \"cut"
                                        << "invalid JSON";
        QTest::addRow("not an object") << R"(["memory", "x"])"
                                       << "JSON object";
        QTest::addRow("no text") << R"({"user_id": "u"})"
                                 << "memory";
        QTest::addRow("empty text") << R"({"memory": "   "})"
                                    << "empty";
        QTest::addRow("text not a string") << R"({"memory": 42})"
                                           << "memory";
        QTest::addRow("user id not a string") << R"({"memory": "x", "user_id": 7})"
                                              << "user_id";
        QTest::addRow("metadata not an object") << R"({"memory": "x", "metadata": [1]})"
                                                << "metadata";
        QTest::addRow("bad outcome") << R"({"memory": "x", "metadata": {"outcome_type": "meh"}})"
                                     << "metadata.outcome_type";
        QTest::addRow("bad time") << R"({"memory": "x", "created_at": "last tuesday"})"
                                  << "created_at";
        QTest::addRow("bad state") << R"({"memory": "x", "state": "gone"})"
                                   << "state";
    }
    void badLinesAreReportedAndGoodOnesKept()
    {
        QFETCH(QString, badLine);
        QFETCH(QString, reason);
        TestStore t;
        const std::string text =
            "{\"memory\": \"good one\"}\n" + badLine.toStdString() + "\n{\"memory\": \"good two\"}\n";
        const auto report = importText(t.store(), text);
        QCOMPARE(report.added, 2);
        QCOMPARE(report.refused, 1);
        QCOMPARE(report.issues.size(), std::size_t(1));
        QCOMPARE(report.issues[0].line, 2);
        QVERIFY2(QString::fromStdString(report.issues[0].message).contains(reason), report.issues[0].message.c_str());
        QCOMPARE(t->count(json::object()), 2);
    }

    void strictRefusesTheWholeFile()
    {
        TestStore t;
        ImportOptions options;
        options.strict = true;
        const auto report =
            importText(t.store(), "{\"memory\": \"a\"}\n{\"memory\": 1}\n{\"memory\": \"c\"}\n", options);
        QVERIFY(report.rolledBack);
        QCOMPARE(report.added, 0);
        QCOMPARE(report.refused, 1);
        QCOMPARE(t->count(json::object()), 0);
        const auto ok = importText(t.store(), "{\"memory\": \"a\"}\n{\"memory\": \"c\"}\n", options);
        QCOMPARE(ok.added, 2);
    }

    void arraySyntaxErrorKeepsWhatCameBefore()
    {
        TestStore t;
        const auto report =
            importText(t.store(), "[\n{\"memory\": \"a\"},\n{\"memory\": \"b\"},\n{\"memory\": oops}\n]");
        QCOMPARE(report.added, 2);
        QCOMPARE(report.refused, 1);
        QCOMPARE(report.issues[0].line, 4);
    }

    void importingTwiceAddsNothing()
    {
        TestStore t;
        const std::string text = "{\"id\": \"r1\", \"memory\": \"with id\"}\n"
                                 "{\"memory\": \"no id\", \"user_id\": \"u\"}\n"
                                 "{\"memory\": \"no id\", \"user_id\": \"other user\"}\n";
        QCOMPARE(importText(t.store(), text).added, 3);
        const auto again = importText(t.store(), text);
        QCOMPARE(again.added, 0);
        QCOMPARE(again.duplicates, 3);
        QCOMPARE(t->count(json::object()), 3);
    }

    void batchesCommitAndProgressReports()
    {
        TestStore t;
        std::string text;
        for (int i = 0; i < 250; ++i)
            text += "{\"memory\": \"record " + std::to_string(i) + "\"}\n";
        ImportOptions options;
        options.batchSize = 100;
        std::vector<std::int64_t> seen;
        std::istringstream in(text);
        const auto report =
            RecordImporter(t.store()).run(in, options, [&](const ImportReport& r) { seen.push_back(r.added); });
        QCOMPARE(report.added, 250);
        QCOMPARE(seen, (std::vector<std::int64_t>{100, 200, 250}));
        // The import is one history batch: reverting it soft-deletes every record.
        QCOMPARE(t->revertBatch(report.batchId), 250);
        QCOMPARE(t->count(json{{"state", "deleted"}}), 250);
    }

    // Records made in memory are produced on a thread of their own while this one writes: refused records
    // keep their position, a cancel or a producer's failure stops both sides, committed batches stay.
    void recordsFromAProducer_data()
    {
        QTest::addColumn<int>("records");
        QTest::addColumn<int>("badEvery"); // every n-th record has an invalid outcome_type (0: none)
        QTest::addColumn<int>("cancelAt"); // the cancel flag is set once this many were produced (0: never)
        QTest::addColumn<int>("throwAt");  // the producer throws at this record (0: never)
        QTest::addRow("all good") << 1000 << 0 << 0 << 0;
        QTest::addRow("some refused") << 1000 << 100 << 0 << 0;
        QTest::addRow("cancelled") << 100000 << 0 << 600 << 0;
        QTest::addRow("producer fails") << 1000 << 0 << 0 << 700;
    }
    void recordsFromAProducer()
    {
        QFETCH(int, records);
        QFETCH(int, badEvery);
        QFETCH(int, cancelAt);
        QFETCH(int, throwAt);
        TestStore t;
        ImportOptions options;
        options.batchSize = 250;
        std::atomic_bool cancel = false;
        int produced = 0;
        auto produce = [&](const RecordImporter::RecordSink& sink) {
            for (int i = 1; i <= records; ++i) {
                if (i == throwAt)
                    throw Error(Error::Kind::Internal, "the producer failed at " + std::to_string(i));
                auto r = TestStore::outcome("made record " + std::to_string(i), "success", "x");
                if (badEvery && i % badEvery == 0)
                    r.metadata["outcome_type"] = "splendid";
                ++produced;
                if (i == cancelAt)
                    cancel = true;
                if (!sink(std::move(r)))
                    return; // the writer stopped
            }
        };
        if (throwAt) {
            try {
                RecordImporter(t.store()).runRecords(produce, options, {}, &cancel);
                QFAIL("the producer's failure was not rethrown");
            } catch (const Error& e) {
                QVERIFY2(QString::fromStdString(e.what()).contains("the producer failed at 700"), e.what());
            }
            // The batches committed before the failure are kept.
            const auto kept = t->count(json::object());
            QVERIFY2(kept >= 250 && kept < throwAt, qPrintable(QString::number(kept)));
            return;
        }
        const auto report = RecordImporter(t.store()).runRecords(produce, options, {}, &cancel);
        if (cancelAt) {
            QVERIFY(report.cancelled);
            // The producer stopped soon after the writer did, far short of all records; what was added stays.
            QVERIFY2(produced < records / 2, qPrintable(QString::number(produced)));
            QCOMPARE(t->count(json::object()), report.added);
            QVERIFY(report.added <= produced);
            return;
        }
        const int bad = badEvery ? records / badEvery : 0;
        QCOMPARE(report.added, records - bad);
        QCOMPARE(report.refused, bad);
        QCOMPARE(static_cast<int>(report.issues.size()), bad);
        for (int i = 0; i < bad; ++i) {
            QCOMPARE(report.issues[std::size_t(i)].line, std::int64_t(badEvery) * (i + 1));
            QVERIFY(report.issues[std::size_t(i)].message.find("outcome_type") != std::string::npos);
        }
        QCOMPARE(t->count(json::object()), records - bad);
    }

    // Batches set the per-row full-text and roll-up triggers aside and index their rows at the commit: the
    // full-text index must match the table afterwards, the triggers must be back for later writes, also
    // after a strict import that rolled back.
    void bulkBatchesKeepFullTextAndTriggers_data()
    {
        QTest::addColumn<bool>("strict");
        QTest::addColumn<bool>("refuseOne");
        QTest::addRow("batches") << false << false;
        QTest::addRow("strict, committed") << true << false;
        QTest::addRow("strict, rolled back") << true << true;
    }
    void bulkBatchesKeepFullTextAndTriggers()
    {
        QFETCH(bool, strict);
        QFETCH(bool, refuseOne);
        TestStore t;
        t->add(TestStore::outcome("an older lesson about pagination", "success", "web_research"), {});
        std::string text;
        for (int i = 0; i < 250; ++i)
            text += "{\"memory\": \"record " + std::to_string(i) + " about quokka" + std::to_string(i) + "\"}\n";
        if (refuseOne)
            text += "{\"memory\": 5}\n";
        ImportOptions options;
        options.batchSize = 100;
        options.strict = strict;
        const auto report = importText(t.store(), text, options);
        QCOMPARE(report.added, refuseOne ? 0 : 250);
        auto& c = t->connection();
        checkFullText(c);
        auto triggers = c.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN "
                                  "('memories_fts_insert', 'memories_rollup_insert')");
        QVERIFY(triggers.step());
        QCOMPARE(triggers.int64(0), 2);
        SearchRequest request;
        request.query = "quokka137";
        request.options.mode = SearchOptions::Mode::Keyword;
        QCOMPARE(t->search(request).hits.size(), refuseOne ? 0u : 1u);
        // A record added afterwards goes through the triggers again.
        t->add(TestStore::outcome("a wombat lesson", "failure", "web_research"), {});
        request.query = "wombat";
        QCOMPARE(t->search(request).hits.size(), 1u);
        checkFullText(c);
    }

    // De-duplication of records without an id looks them up by hash prefix, whatever the other columns hold.
    void sameTextLookupUsesTheHashIndex()
    {
        TestStore t;
        auto st = t->connection().prepare(std::string("EXPLAIN QUERY PLAN ") + RecordTable::kFindSameSql);
        QString plan;
        while (st.step())
            plan += QString::fromStdString(st.text(3)) + "\n";
        QVERIFY2(plan.contains(QLatin1String("USING INDEX memories_hash (<expr>=?)")), qPrintable(plan));
    }

    void exportImportRoundTrip()
    {
        TestStore source;
        const std::string text = readFixture("roundtrip.jsonl");
        QCOMPARE(importText(source.store(), text).added, 2);
        source->setState({"a1"}, RecordState::Archived);
        const std::string exported = exportText(source.store());

        TestStore target;
        const auto report = importText(target.store(), exported);
        QCOMPARE(report.added, 2);
        QCOMPARE(exportText(target.store()), exported);
        const auto r = target->require("a1");
        QCOMPARE(r.state, RecordState::Archived);
        QCOMPARE(r.createdAt, *parseIsoTime("2024-01-02T03:04:05.123456Z"));
        JSON_COMPARE(r.extra["categories"], json::array({"c1"}));
        QCOMPARE(r.hash, md5Hex(r.memory));
    }

    void csvExportQuotesFields()
    {
        TestStore t;
        importText(t.store(), "{\"memory\": \"a, \\\"quoted\\\"\\nline\", \"metadata\": {\"tags\": [\"p\", \"q\"], "
                              "\"outcome_type\": \"success\"}}");
        const auto csv = exportText(t.store(), RecordExporter::Format::Csv);
        QVERIFY(csv.rfind("id,memory,hash,", 0) == 0);
        QVERIFY(csv.find("\"a, \"\"quoted\"\"\nline\"") != std::string::npos);
        QVERIFY(csv.find(",p;q,") != std::string::npos);
    }

    void importFromMissingFile()
    {
        TestStore t;
        try {
            RecordImporter(t.store()).runFile("/no/such/file.jsonl", {});
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Io);
            QVERIFY(QString(e.what()).contains("/no/such/file.jsonl"));
        }
    }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
