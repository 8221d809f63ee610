// The roll-up (schema v2) stays equal to a GROUP BY over memories whatever writes the records: adds,
// imports, relabels, state changes, metadata and time edits, purges, reverts, a second connection, and the
// migration of a version-1 file that already holds records.
#include "StatsTestData.h"

#include <storage/Schema.h>
#include <util/Error.h>

#include <QTest>

using namespace memscope;
using namespace memscope::test;
using nlohmann::json;

namespace {

const Micros kBase = 1767225600000000LL; // 2026-01-01T00:00:00Z

enum class Op {
    Add,
    Import,
    Relabel,
    Archive,
    Restore,
    SoftDelete,
    Purge,
    ChangeMetadata,
    ChangeTimestamp,
    RemoveKeys,
    EditTextOnly,
    RevertRelabel,
    RevertPurge,
    RevertImport,
    SecondConnection,
};

std::vector<std::string> someIds(MemoryStore& store, int step)
{
    std::vector<std::string> ids;
    auto all = store.matchingIds(json{{"state", {{"in", {"active", "archived", "deleted"}}}}});
    for (std::size_t i = 0; i < all.size(); i += static_cast<std::size_t>(step))
        ids.push_back(all[i]);
    return ids;
}

} // namespace

Q_DECLARE_METATYPE(Op)

class TestRollup : public QObject {
    Q_OBJECT
private slots:
    void equalsGroupByAfterWrites_data()
    {
        QTest::addColumn<Op>("op");
        QTest::addRow("add") << Op::Add;
        QTest::addRow("import") << Op::Import;
        QTest::addRow("relabel") << Op::Relabel;
        QTest::addRow("archive") << Op::Archive;
        QTest::addRow("restore") << Op::Restore;
        QTest::addRow("soft delete") << Op::SoftDelete;
        QTest::addRow("purge") << Op::Purge;
        QTest::addRow("metadata change") << Op::ChangeMetadata;
        QTest::addRow("timestamp change") << Op::ChangeTimestamp;
        QTest::addRow("keys removed") << Op::RemoveKeys;
        QTest::addRow("text edit only") << Op::EditTextOnly;
        QTest::addRow("revert relabel") << Op::RevertRelabel;
        QTest::addRow("revert purge") << Op::RevertPurge;
        QTest::addRow("revert import") << Op::RevertImport;
        QTest::addRow("second connection") << Op::SecondConnection;
    }
    void equalsGroupByAfterWrites()
    {
        QFETCH(Op, op);
        TestStore t;
        MemoryStore& store = t.store();
        QCOMPARE(importRecords(store, varietyRecords(300, 7, kBase)).added, 300);
        QCOMPARE(rollupRows(store.connection()), groupByRows(store.connection()));

        ChangeContext context;
        context.actor = "test";
        switch (op) {
        case Op::Add:
            for (auto& r : varietyRecords(20, 8, kBase))
                store.add(r, context);
            break;
        case Op::Import: QCOMPARE(importRecords(store, varietyRecords(150, 9, kBase)).added, 150); break;
        case Op::Relabel: QVERIFY(store.relabel(someIds(store, 3), OutcomeType::Failure, context) > 0); break;
        case Op::Archive: QVERIFY(store.setState(someIds(store, 2), RecordState::Archived, context) > 0); break;
        case Op::Restore:
            store.setState(someIds(store, 2), RecordState::Deleted, context);
            QVERIFY(store.setState(someIds(store, 4), RecordState::Active, context) > 0);
            break;
        case Op::SoftDelete: QVERIFY(store.setState(someIds(store, 3), RecordState::Deleted, context) > 0); break;
        case Op::Purge: QVERIFY(store.purge(someIds(store, 3), context) > 0); break;
        case Op::ChangeMetadata:
            for (const auto& id : someIds(store, 5)) {
                RecordPatch patch;
                patch.metadataMerge = json{{"task_type", "web_research"}, {"version", 7}, {"tool_name", "crawler"}};
                patch.collection = "elsewhere";
                patch.userId = "zoe";
                store.update(id, patch, context);
            }
            break;
        case Op::ChangeTimestamp:
            for (const auto& id : someIds(store, 4)) {
                RecordPatch patch;
                patch.metadataMerge = json{{"timestamp", formatIsoTime(kBase - 400 * kTestDay)}};
                store.update(id, patch, context);
            }
            for (const auto& id : someIds(store, 7)) {
                RecordPatch patch;
                patch.metadataMerge = json{{"timestamp", nullptr}}; // back to created_at
                store.update(id, patch, context);
            }
            break;
        case Op::RemoveKeys:
            for (const auto& id : someIds(store, 3)) {
                RecordPatch patch;
                patch.metadata = json::object();
                store.update(id, patch, context);
            }
            break;
        case Op::EditTextOnly:
            for (const auto& id : someIds(store, 4)) {
                RecordPatch patch;
                patch.memory = "rewritten " + id;
                store.update(id, patch, context);
            }
            break;
        case Op::RevertRelabel: {
            const auto ids = someIds(store, 3);
            store.relabel(ids, OutcomeType::Partial, context);
            for (const auto& id : ids)
                store.revert(store.history(id).back().id, context);
            break;
        }
        case Op::RevertPurge: {
            const auto ids = someIds(store, 4);
            context.batchId = "purge-batch";
            store.purge(ids, context);
            QVERIFY(store.revertBatch("purge-batch", ChangeContext{}) > 0);
            break;
        }
        case Op::RevertImport: {
            const auto report = importRecords(store, varietyRecords(100, 10, kBase));
            QVERIFY(store.revertBatch(report.batchId, context) > 0);
            break;
        }
        case Op::SecondConnection: {
            auto other = store.clone();
            other->relabel(someIds(*other, 2), OutcomeType::Success, context);
            other->purge(someIds(*other, 9), context);
            break;
        }
        }
        QCOMPARE(rollupRows(store.connection()), groupByRows(store.connection()));
        QCOMPARE(rollupInconsistencies(store.connection()), QStringList());
    }

    // A file of version 1 with records in it gets a filled roll-up when it is opened.
    void migrationFillsTheRollup()
    {
        QTemporaryDir dir;
        const std::string path = (dir.path() + "/v1.db").toStdString();
        {
            TestStore source;
            importRecords(source.store(), varietyRecords(400, 11, kBase));
            source->setState(someIds(source.store(), 5), RecordState::Archived);
            Connection c(path, {});
            Schema::migrateTo(c, 1);
            c.exec("ATTACH '" + source.path() + "' AS src");
            c.exec("INSERT INTO memories SELECT * FROM src.memories");
            c.exec("DETACH src");
        }
        auto store = MemoryStore::open(path);
        QCOMPARE(Schema::version(store->connection()), Schema::kCurrentVersion);
        const auto rows = rollupRows(store->connection());
        QVERIFY(!rows.isEmpty());
        QCOMPARE(rows, groupByRows(store->connection()));
        QCOMPARE(rollupInconsistencies(store->connection()), QStringList());
    }

    // Keys the roll-up keeps apart: NULL and "", 3 and "3"; a group emptied by an update disappears.
    void distinctValuesStayApart()
    {
        TestStore t;
        MemoryRecord a;
        a.memory = "version as a number";
        a.createdAt = kBase;
        a.metadata = {{"version", 3}, {"task_type", ""}};
        MemoryRecord b = a;
        b.memory = "version as text";
        b.metadata = {{"version", "3"}};
        const auto ra = t->add(a);
        t->add(b);
        QCOMPARE(rollupRows(t->connection()), groupByRows(t->connection()));
        QCOMPARE(rollupRows(t->connection()).size(), 2);
        t->setState({ra.id}, RecordState::Archived);
        QCOMPARE(rollupRows(t->connection()).size(), 2);
        QCOMPARE(lines(t->connection(), "SELECT count(*) FROM rollup_groups"), QStringList{"2"});
        QCOMPARE(rollupRows(t->connection()), groupByRows(t->connection()));
    }
};

QTEST_GUILESS_MAIN(TestRollup)
#include "tst_rollup.moc"
