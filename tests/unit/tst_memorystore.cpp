#include "TestStore.h"

#include <util/Error.h>

#include <QTest>

using namespace memscope;
using namespace memscope::test;
using nlohmann::json;

class TestMemoryStore : public QObject {
    Q_OBJECT
private slots:
    void addFillsInIdHashAndTimes()
    {
        TestStore t;
        const auto r = t->add(TestStore::outcome("Use an index on orders(customer_id)", "success", "sql_query_debug"));
        QVERIFY(!r.id.empty());
        QCOMPARE(r.hash.size(), std::size_t(32));
        QVERIFY(r.createdAt > 0);
        QCOMPARE(r.updatedAt, r.createdAt);
        const auto back = t->get(r.id);
        QVERIFY(back);
        QCOMPARE(back->memory, r.memory);
        JSON_COMPARE(back->metadata, r.metadata);
        QCOMPARE(back->collection, std::string("task_outcomes"));
        QCOMPARE(back->state, RecordState::Active);
        const auto h = t->history(r.id);
        QCOMPARE(h.size(), std::size_t(1));
        QCOMPARE(h[0].event, HistoryEvent::Add);
    }

    void addRefusesBadInput_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("metadata");
        QTest::addColumn<QString>("field");
        QTest::addRow("empty text") << "  "
                                    << "{}"
                                    << "memory";
        QTest::addRow("bad outcome") << "x"
                                     << R"({"outcome_type": "won"})"
                                     << "metadata.outcome_type";
        QTest::addRow("tags not a list") << "x"
                                         << R"({"tags": "a"})"
                                         << "metadata.tags";
        QTest::addRow("bad scope") << "x"
                                   << R"({"user_scope": "team"})"
                                   << "metadata.user_scope";
        QTest::addRow("bad timestamp") << "x"
                                       << R"({"timestamp": "soon"})"
                                       << "metadata.timestamp";
    }
    void addRefusesBadInput()
    {
        QFETCH(QString, text);
        QFETCH(QString, metadata);
        QFETCH(QString, field);
        TestStore t;
        MemoryRecord r;
        r.memory = text.toStdString();
        r.metadata = json::parse(metadata.toStdString());
        try {
            t->add(r);
            QFAIL("add accepted a bad record");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::InvalidArgument);
            QVERIFY2(QString(e.what()).contains(field), e.what());
        }
        QCOMPARE(t->count(json::object()), 0);
    }

    void duplicateIdRefused()
    {
        TestStore t;
        auto r = TestStore::outcome("a", "success", "x");
        r.id = "fixed-id";
        t->add(r);
        QVERIFY_THROWS_EXCEPTION(Error, t->add(r));
        QCOMPARE(t->count(json::object()), 1);
    }

    void updateWritesHistoryAndRevertRestores()
    {
        TestStore t;
        const auto r = t->add(TestStore::outcome("first text", "failure", "email_drafting"));
        RecordPatch patch;
        patch.memory = "second text";
        patch.metadataMerge = json{{"tool_name", "smtp"}, {"severity", "high"}};
        ChangeContext ctx{"human:alice", "clarified", ""};
        const auto u = t->update(r.id, patch, ctx);
        QCOMPARE(u.memory, std::string("second text"));
        JSON_COMPARE(u.metadata["severity"], json("high"));
        QVERIFY(u.updatedAt > r.updatedAt);
        QVERIFY(u.hash != r.hash);
        auto h = t->history(r.id);
        QCOMPARE(h.size(), std::size_t(2));
        QCOMPARE(h[1].event, HistoryEvent::Update);
        QCOMPARE(h[1].actor, std::string("human:alice"));
        QCOMPARE(h[1].reason, std::string("clarified"));
        JSON_COMPARE(h[1].oldValue["memory"], json("first text"));
        JSON_COMPARE(h[1].newValue["memory"], json("second text"));

        t->revert(h[1].id, {"human:bob", "", ""});
        const auto back = t->require(r.id);
        QCOMPARE(back.memory, std::string("first text"));
        JSON_COMPARE(back.metadata, r.metadata);
        h = t->history(r.id);
        QCOMPARE(h.size(), std::size_t(3));
        QCOMPARE(h[2].actor, std::string("human:bob"));
        QVERIFY(QString::fromStdString(h[2].reason).contains("revert"));
    }

    void relabelIsItsOwnEvent()
    {
        TestStore t;
        const auto a = t->add(TestStore::outcome("a", "failure", "x"));
        const auto b = t->add(TestStore::outcome("b", "success", "x"));
        QCOMPARE(t->relabel({a.id, b.id}, OutcomeType::Success, {"human:op", "judge was wrong", "batch-1"}), 1);
        QCOMPARE(t->require(a.id).metaString("outcome_type"), std::string("success"));
        const auto h = t->history(a.id);
        QCOMPARE(h.back().event, HistoryEvent::Relabel);
        JSON_COMPARE(h.back().oldValue, (json{{"outcome_type", "failure"}}));
        QCOMPARE(h.back().batchId, std::string("batch-1"));
        // A metadata update that only changes the outcome is a relabel too.
        RecordPatch patch;
        patch.metadataMerge = json{{"outcome_type", "partial"}};
        t->update(b.id, patch);
        QCOMPARE(t->history(b.id).back().event, HistoryEvent::Relabel);
        t->revert(h.back().id);
        QCOMPARE(t->require(a.id).metaString("outcome_type"), std::string("failure"));
    }

    void stateChangesAndBatchRevert()
    {
        TestStore t;
        std::vector<std::string> ids;
        for (int i = 0; i < 5; ++i)
            ids.push_back(t->add(TestStore::outcome("lesson " + std::to_string(i), "success", "x")).id);
        QCOMPARE(t->setState(ids, RecordState::Archived, {"cli", "stale", "arch-1"}), 5);
        QCOMPARE(t->count(json{{"state", "archived"}}), 5);
        QCOMPARE(t->setState(ids, RecordState::Archived, {"cli", "", "arch-2"}), 0); // already archived
        QCOMPARE(t->history(ids[0]).back().event, HistoryEvent::Archive);
        QCOMPARE(t->revertBatch("arch-1"), 5);
        QCOMPARE(t->count(json{{"state", "active"}}), 5);
        QCOMPARE(t->history(ids[0]).back().event, HistoryEvent::Restore);
        QCOMPARE(t->setState({ids[1]}, RecordState::Deleted), 1);
        QCOMPARE(t->require(ids[1]).state, RecordState::Deleted);
        QVERIFY_THROWS_EXCEPTION(Error, t->revertBatch("no-such-batch"));
    }

    void revertOfAddDeletesAndPurgeCanBeUndone()
    {
        TestStore t;
        const auto r = t->add(TestStore::outcome("to be removed", "failure", "x"));
        const auto addRow = t->history(r.id).front().id;
        t->revert(addRow);
        QCOMPARE(t->require(r.id).state, RecordState::Deleted);
        QCOMPARE(t->purge({r.id}), 1);
        QVERIFY(!t->get(r.id));
        const auto h = t->history(r.id);
        QCOMPARE(h.back().event, HistoryEvent::Purge);
        t->revert(h.back().id);
        const auto back = t->get(r.id);
        QVERIFY(back);
        QCOMPARE(back->memory, r.memory);
        QCOMPARE(back->createdAt, r.createdAt);
        QCOMPARE(back->state, RecordState::Deleted);
    }

    void notFoundErrorsNameTheId()
    {
        TestStore t;
        try {
            t->require("missing-id");
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::NotFound);
            QVERIFY(QString(e.what()).contains("missing-id"));
        }
        QVERIFY_THROWS_EXCEPTION(Error, t->revert(12345));
        QVERIFY_THROWS_EXCEPTION(Error, t->relabel({"missing-id"}, OutcomeType::Failure));
    }

    void listOrdersAndPages()
    {
        TestStore t;
        for (int i = 0; i < 30; ++i) {
            auto r = TestStore::outcome("record " + std::to_string(i), i % 3 ? "success" : "failure",
                                        i % 2 ? "task_a" : "task_b");
            r.createdAt = 1700000000000000LL + i * 1000000LL;
            t->add(r);
        }
        ListQuery q;
        q.limit = 10;
        auto page1 = t->list(q);
        QCOMPARE(page1.size(), std::size_t(10));
        QCOMPARE(page1.front().memory, std::string("record 29"));
        q.offset = 25;
        auto page3 = t->list(q);
        QCOMPARE(page3.size(), std::size_t(5));
        QCOMPARE(page3.back().memory, std::string("record 0"));
        q = ListQuery{};
        q.filter = json{{"outcome_type", "failure"}};
        q.descending = false;
        auto failures = t->list(q);
        QCOMPARE(failures.size(), std::size_t(10));
        QCOMPARE(failures.front().memory, std::string("record 0"));
        q.orderBy = "no_such_column";
        QVERIFY_THROWS_EXCEPTION(Error, t->list(q));
        QCOMPARE(t->countUpTo(json::object(), 7), 7);
        QCOMPARE(t->count(json{{"task_type", "task_a"}}), 15);
    }

    void cloneSeesSameData()
    {
        TestStore t;
        auto other = t->clone();
        const auto r = t->add(TestStore::outcome("shared", "success", "x"));
        QVERIFY(other->get(r.id));
        other->setState({r.id}, RecordState::Archived);
        QCOMPARE(t->require(r.id).state, RecordState::Archived);
    }

    void reopenKeepsEverything()
    {
        TestStore t;
        const auto r = t->add(TestStore::outcome("persisted", "partial", "x"));
        t.reopen();
        const auto back = t->get(r.id);
        QVERIFY(back);
        QCOMPARE(back->metaString("outcome_type"), std::string("partial"));
        QCOMPARE(t->history(r.id).size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestMemoryStore)
#include "tst_memorystore.moc"
