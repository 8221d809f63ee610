#include "TestStore.h"

#include <demo/DemoGenerator.h>
#include <search/OutcomeRetriever.h>
#include <search/SearchTypes.h>
#include <storage/Connection.h>
#include <util/Error.h>

#include <QFileInfo>
#include <QTest>

#include <cmath>
#include <map>

using namespace memscope;
using namespace memscope::test;
using nlohmann::json;

namespace {

const char* const kLessons[][4] = {
    // text, outcome, task_type, tool
    {"Postgres connection timed out after the driver upgrade; pinning the driver version fixed it", "failure",
     "sql_query_debug", "pg_connector"},
    {"Adding an index on orders(customer_id) removed the full table scan and the report query ran in 40 ms", "success",
     "sql_query_debug", "sql_runner"},
    {"Rewrote the correlated subquery as a join; EXPLAIN showed a hash join and the query finished", "success",
     "sql_query_debug", "sql_runner"},
    {"The email draft was too long; customers prefer three short paragraphs with a clear call to action", "partial",
     "email_drafting", "email_toolkit"},
    {"Sending with attachments over 10 MB failed with a 413 from the mail API", "failure", "email_drafting",
     "email_toolkit"},
    {"Triage: tickets mentioning refund go to billing, not to technical support", "success", "support_triage",
     "ticket_router"},
    {"Weekly revenue report: aggregate by ISO week, not by calendar month, or the chart misleads", "success",
     "report_generation", "chart_builder"},
    {"The CSV export had duplicated header rows after a retry; deduplicate before loading", "failure", "data_cleaning",
     "csv_loader"},
};

void addLessons(MemoryStore& store, const std::string& user = "global")
{
    for (const auto& l : kLessons)
        store.add(TestStore::outcome(l[0], l[1], l[2], l[3], user));
}

SearchResponse run(MemoryStore& store, const std::string& query, json filter = json::object(), int limit = 5,
                   SearchOptions options = {})
{
    SearchRequest request;
    request.query = query;
    request.filter = std::move(filter);
    request.limit = limit;
    request.options = options;
    return store.search(request);
}

} // namespace

class TestSearch : public QObject {
    Q_OBJECT
private slots:
    void hybridRanksTheRelevantLessonFirst_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expectedStart");
        QTest::addRow("exact words") << "index on orders customer_id"
                                     << "Adding an index";
        QTest::addRow("other wording") << "postgres connections timing out"
                                       << "Postgres connection";
        QTest::addRow("email attachments") << "attachment too large for mail"
                                           << "Sending with attachments";
        QTest::addRow("refund routing") << "where do refund tickets go"
                                        << "Triage: tickets";
    }
    void hybridRanksTheRelevantLessonFirst()
    {
        QFETCH(QString, query);
        QFETCH(QString, expectedStart);
        TestStore t;
        addLessons(t.store());
        const auto r = run(t.store(), query.toStdString());
        QVERIFY(!r.hits.empty());
        QVERIFY2(QString::fromStdString(r.hits[0].record.memory).startsWith(expectedStart),
                 r.hits[0].record.memory.c_str());
        QVERIFY(r.hits[0].score > 0 && r.hits[0].score <= 1.0);
        QVERIFY(r.hits[0].parts.semantic > 0);
        for (std::size_t i = 1; i < r.hits.size(); ++i)
            QVERIFY(r.hits[i - 1].score >= r.hits[i].score);
    }

    void modesUseTheirSideOnly()
    {
        TestStore t;
        addLessons(t.store());
        SearchOptions keyword;
        keyword.mode = SearchOptions::Mode::Keyword;
        const auto k = run(t.store(), "subquery", json::object(), 5, keyword);
        QCOMPARE(k.hits.size(), std::size_t(1));
        QCOMPARE(k.hits[0].parts.semanticRank, 0);
        QCOMPARE(k.hits[0].parts.keyword, 1.0);
        SearchOptions semantic;
        semantic.mode = SearchOptions::Mode::Semantic;
        const auto s = run(t.store(), "subquery", json::object(), 5, semantic);
        QCOMPARE(s.hits.size(), std::size_t(5));
        QCOMPARE(s.hits[0].parts.keywordRank, 0);
    }

    void filtersAndScopes()
    {
        TestStore t;
        addLessons(t.store(), "global");
        addLessons(t.store(), "alice");
        addLessons(t.store(), "bob");
        SearchRequest request;
        request.query = "query";
        request.filter = json{{"task_type", "sql_query_debug"}, {"outcome_type", "success"}};
        request.userIds = {"global", "alice"};
        request.limit = 50;
        const auto r = t->search(request);
        QCOMPARE(r.hits.size(), std::size_t(4)); // two successes, two scopes
        for (const auto& h : r.hits) {
            QCOMPARE(h.record.metaString("task_type"), std::string("sql_query_debug"));
            QCOMPARE(h.record.metaString("outcome_type"), std::string("success"));
            QVERIFY(h.record.userId == "global" || h.record.userId == "alice");
        }
        QCOMPARE(r.plan, std::string("exact"));
        QCOMPARE(r.filteredCount, 4);
    }

    void archivedRecordsAreNotRetrievedByDefault()
    {
        TestStore t;
        addLessons(t.store());
        const auto first = run(t.store(), "driver upgrade postgres").hits.at(0).record;
        t->setState({first.id}, RecordState::Archived);
        for (const auto& h : run(t.store(), "driver upgrade postgres", json::object(), 10).hits)
            QVERIFY(h.record.id != first.id);
        const auto archived = run(t.store(), "driver upgrade postgres", json{{"state", "archived"}});
        QCOMPARE(archived.hits.size(), std::size_t(1));
        QCOMPARE(archived.hits[0].record.id, first.id);
    }

    void invalidFilterIsRefused()
    {
        TestStore t;
        addLessons(t.store());
        try {
            run(t.store(), "x", json{{"task_type", {{"equals", "a"}}}});
            QFAIL("accepted a bad operator");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::InvalidArgument);
            QVERIFY(QString(e.what()).contains("equals"));
        }
    }

    void emptyQueryListsRecentFirst()
    {
        TestStore t;
        for (int i = 0; i < 5; ++i) {
            auto r = TestStore::outcome("lesson " + std::to_string(i), "success", "x");
            r.createdAt = 1700000000000000LL + i * 1000000LL;
            t->add(r);
        }
        const auto r = run(t.store(), "  ", json::object(), 3);
        QCOMPARE(r.plan, std::string("recent"));
        QCOMPARE(r.hits.size(), std::size_t(3));
        QCOMPARE(r.hits[0].record.memory, std::string("lesson 4"));
    }

    void recencyDecayPrefersNewerLessons()
    {
        TestStore t;
        auto old = TestStore::outcome("retry the flaky upload twice before failing", "success", "x");
        old.createdAt = nowMicros() - 200LL * 86400 * 1000000;
        auto recent = TestStore::outcome("retry the flaky upload twice before failing!", "success", "x");
        recent.createdAt = nowMicros() - 86400LL * 1000000;
        const auto oldId = t->add(old).id;
        const auto newId = t->add(recent).id;
        SearchOptions options;
        options.recencyHalfLifeDays = 30;
        options.recencyWeight = 0.5;
        const auto r = run(t.store(), "retry flaky upload", json::object(), 2, options);
        QCOMPARE(r.hits.size(), std::size_t(2));
        QCOMPARE(r.hits[0].record.id, newId);
        QVERIFY(r.hits[0].parts.recency > 0.9);
        QVERIFY(r.hits[1].parts.recency < 0.02);
        Q_UNUSED(oldId);
    }

    void minScoreDropsWeakHits()
    {
        TestStore t;
        addLessons(t.store());
        SearchOptions options;
        options.minScore = 0.99;
        const auto r = run(t.store(), "weekly revenue report ISO week", json::object(), 10, options);
        for (const auto& h : r.hits)
            QVERIFY(h.score >= 0.99);
        QVERIFY(r.hits.size() < 8);
    }

    // The planner's approximate plans against exact scoring of every match, on a realistic history: the
    // filtered graph walk (a bitmap of the matches) and HNSW over-fetch with a post-filter.
    void plannerAgreesWithExact_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<qint64>("listLimit");
        QTest::addColumn<QString>("plan");
        QTest::addColumn<int>("mode");
        const qint64 all = 1000000;
        const int semantic = int(SearchOptions::Mode::Semantic), hybrid = int(SearchOptions::Mode::Hybrid);
        const QString oneTask = QString::fromStdString(json{{"task_type", "sql_query_debug"}}.dump());
        const QString narrow =
            QString::fromStdString(json{{"task_type", "email_drafting"}, {"outcome_type", "failure"}}.dump());
        const QString broad = QString::fromStdString(json{{"outcome_type", {{"ne", "partial"}}}}.dump());
        QTest::addRow("walk, one task type, semantic") << oneTask << all << "filtered" << semantic;
        QTest::addRow("walk, one task type, hybrid") << oneTask << all << "filtered" << hybrid;
        QTest::addRow("walk, task and outcome, semantic") << narrow << all << "filtered" << semantic;
        QTest::addRow("walk, broad, hybrid") << broad << all << "filtered" << hybrid;
        QTest::addRow("over-fetch, one task type, semantic") << oneTask << qint64(20) << "ann" << semantic;
        QTest::addRow("over-fetch, broad, hybrid") << broad << qint64(20) << "ann" << hybrid;
    }
    void plannerAgreesWithExact()
    {
        QFETCH(QString, filter);
        QFETCH(qint64, listLimit);
        QFETCH(QString, plan);
        QFETCH(int, mode);
        if (!m_history) {
            m_history = std::make_unique<TestStore>();
            DemoOptions demo;
            demo.records = 3000;
            DemoGenerator generator(demo);
            generator.generate([&](MemoryRecord&& r) {
                m_history->store().add(std::move(r));
                return true;
            });
        }
        const json f = json::parse(filter.toStdString());
        double overlap = 0;
        const char* queries[] = {"slow query full table scan", "connection timeout after driver upgrade",
                                 "missing index on join column", "deadlock while updating rows",
                                 "email bounced attachment too large"};
        for (const char* q : queries) {
            SearchOptions exact;
            exact.mode = SearchOptions::Mode(mode);
            SearchOptions planned = exact;
            planned.exactLimit = 10; // forces the approximate plans
            planned.listLimit = listLimit;
            const auto e = run(m_history->store(), q, f, 10, exact);
            const auto a = run(m_history->store(), q, f, 10, planned);
            QCOMPARE(e.plan, std::string("exact"));
            QCOMPARE(QString::fromStdString(a.plan), plan);
            QCOMPARE(a.hits.size(), e.hits.size());
            QCOMPARE(a.hits.size(), std::size_t(10));
            for (const auto& h : a.hits)
                QVERIFY2(m_history->store().count(json{{"AND", {f, json{{"id", h.record.id}}}}}) == 1,
                         "a hit outside the filter");
            // Equal scores may order either way: a hit counts when the plan found it or one scoring the same.
            const double tenth = e.hits.back().score;
            int same = 0;
            for (const auto& y : a.hits)
                same += y.score >= tenth - 1e-6;
            overlap += same / 10.0;
        }
        overlap /= double(std::size(queries));
        qInfo("recall@10 against exact: %.2f", overlap);
        QVERIFY(overlap >= 0.95);
    }

    void filteredPlanWithNoMatchOrFewMatches()
    {
        TestStore t;
        addLessons(t.store(), "global");
        addLessons(t.store(), "alice");
        SearchOptions options;
        options.exactLimit = 1; // even two matches go through the graph walk
        // Nothing matches: the exact plan answers at once, with nothing.
        auto r = run(t.store(), "postgres driver", json{{"task_type", "no_such_task"}}, 5, options);
        QCOMPARE(r.plan, std::string("exact"));
        QCOMPARE(r.filteredCount, 0);
        QVERIFY(r.hits.empty());
        // Fewer matches than asked for: all of them, through the walk.
        r = run(t.store(), "postgres driver", json{{"task_type", "email_drafting"}}, 10, options);
        QCOMPARE(r.plan, std::string("filtered"));
        QCOMPARE(r.filteredCount, 4);
        QCOMPARE(r.hits.size(), std::size_t(4));
        for (const auto& h : r.hits)
            QCOMPARE(h.record.metaString("task_type"), std::string("email_drafting"));
        // An archived match is not active, so not in the bitmap, and the walk does not return it.
        const auto archivedId = r.hits[0].record.id;
        t->setState({archivedId}, RecordState::Archived);
        r = run(t.store(), "postgres driver", json{{"task_type", "email_drafting"}}, 10, options);
        QCOMPARE(r.hits.size(), std::size_t(3));
        for (const auto& h : r.hits)
            QVERIFY(h.record.id != archivedId);
    }

    // Ranking the postings of a filtered search drops the filter's non-matches inside SQLite, before bm25 is
    // computed: the hits are exactly the unfiltered keyword hits that pass the filter, with the same scores.
    void filteredKeywordWalkKeepsOnlyMatches_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("filter");
        QTest::addRow("one term, one task type") << "query"
                                                 << R"({"task_type": "sql_query_debug"})";
        QTest::addRow("two terms, one outcome") << "query email"
                                                << R"({"outcome_type": "success"})";
        QTest::addRow("two terms, one user") << "attachments driver"
                                             << R"({"user_id": "alice"})";
    }
    void filteredKeywordWalkKeepsOnlyMatches()
    {
        QFETCH(QString, query);
        QFETCH(QString, filter);
        TestStore t;
        addLessons(t.store(), "global");
        addLessons(t.store(), "alice");
        addLessons(t.store(), "bob");
        SearchOptions options;
        options.mode = SearchOptions::Mode::Keyword;
        options.exactLimit = 1; // the filtered plan: the posting walk, not scoring from the texts
        const json f = json::parse(filter.toStdString());
        const auto filtered = run(t.store(), query.toStdString(), f, 50, options);
        const auto all = run(t.store(), query.toStdString(), json::object(), 50, options);
        QCOMPARE(filtered.plan, std::string("filtered"));
        std::map<std::string, double> expected;
        for (const auto& h : all.hits)
            if (t->count(json{{"AND", {f, json{{"id", h.record.id}}}}}) == 1)
                expected[h.record.id] = h.parts.bm25;
        QVERIFY(!expected.empty());
        std::map<std::string, double> got;
        for (const auto& h : filtered.hits)
            got[h.record.id] = h.parts.bm25;
        QCOMPARE(got.size(), expected.size());
        for (const auto& [id, bm25] : expected) {
            QVERIFY2(got.count(id), id.c_str());
            QVERIFY(std::fabs(got[id] - bm25) < 1e-9);
        }
    }

    // memscope_bm25 with FTS5's own idf is FTS5's bm25 (negated), also for the second and later rows of a
    // query, which reuse the document totals read for the first.
    void ownBm25MatchesFts5_data()
    {
        QTest::addColumn<QStringList>("terms");
        QTest::addColumn<bool>("joinDocsize"); // the row's length from a joined docsize blob, or from FTS5
        for (const bool join : {true, false}) {
            const char* how = join ? "joined docsize" : "FTS5 docsize";
            QTest::addRow("one term, %s", how) << QStringList{"query"} << join;
            QTest::addRow("two terms, %s", how) << QStringList{"driver", "email"} << join;
            QTest::addRow("three terms, %s", how) << QStringList{"index", "join", "report"} << join;
        }
    }
    void ownBm25MatchesFts5()
    {
        QFETCH(QStringList, terms);
        QFETCH(bool, joinDocsize);
        TestStore t;
        addLessons(t.store(), "global");
        addLessons(t.store(), "alice");
        // Lengths of 128 tokens and more take two varint bytes in the docsize blob.
        std::string longText = "query driver email index join report";
        for (int i = 0; i < 300; ++i)
            longText += " filler" + std::to_string(i % 7);
        t->add(TestStore::outcome(longText, "partial", "sql_query_debug"));
        auto& c = t->connection();
        auto rows = c.prepare("SELECT count(*) FROM memories");
        QVERIFY(rows.step());
        const double n = static_cast<double>(rows.int64(0));
        std::string match, idfArgs;
        std::vector<double> idf;
        for (const auto& term : terms) {
            auto df = c.prepare("SELECT count(*) FROM memories_fts WHERE memories_fts MATCH ?1");
            df.bind(1, term.toStdString());
            QVERIFY(df.step());
            const double d = static_cast<double>(df.int64(0));
            idf.push_back(std::max(1e-6, std::log((n - d + 0.5) / (d + 0.5))));
            match += (match.empty() ? "" : " OR ") + term.toStdString();
            idfArgs += ", ?" + std::to_string(idf.size() + 1);
        }
        auto st = c.prepare("SELECT memories_fts.rowid, memscope_bm25(memories_fts, " +
                            std::string(joinDocsize ? "d.sz" : "NULL") + idfArgs +
                            "), bm25(memories_fts) FROM memories_fts LEFT JOIN memories_fts_docsize d"
                            " ON d.id = memories_fts.rowid WHERE memories_fts MATCH ?1");
        st.bind(1, match);
        for (std::size_t i = 0; i < idf.size(); ++i)
            st.bind(static_cast<int>(i) + 2, idf[i]);
        int matched = 0;
        while (st.step()) {
            ++matched;
            QVERIFY2(
                std::fabs(st.real(1) + st.real(2)) < 1e-9,
                qPrintable(QStringLiteral("rowid %1: %2 vs %3").arg(st.int64(0)).arg(st.real(1)).arg(-st.real(2))));
        }
        QVERIFY(matched >= 2);
    }

    void commonTermsAreCapped()
    {
        TestStore t;
        for (int i = 0; i < 300; ++i)
            t->add(TestStore::outcome("common words everywhere record " + std::to_string(i), "success", "x"));
        t->add(TestStore::outcome("common words and a rare zeppelin", "success", "x"));
        SearchOptions options;
        options.mode = SearchOptions::Mode::Keyword;
        options.keywordPostingBudget = 50;
        const auto r = run(t.store(), "common zeppelin", json::object(), 5, options);
        QVERIFY(r.keywordCapped);
        QVERIFY(!r.hits.empty());
        QVERIFY(QString::fromStdString(r.hits[0].record.memory).contains("zeppelin"));
        // A query of nothing but common words still answers, from the newest documents.
        const auto common = run(t.store(), "common words", json::object(), 5, options);
        QVERIFY(common.keywordCapped);
        QCOMPARE(common.hits.size(), std::size_t(5));
    }

    void outcomesForATaskType()
    {
        TestStore t;
        addLessons(t.store(), "global");
        addLessons(t.store(), "alice");
        addLessons(t.store(), "bob");
        OutcomeQuery q;
        q.taskType = "sql_query_debug";
        q.userId = "alice";
        q.maxItems = 10;
        const auto result = OutcomeRetriever(t.store()).fetch(q);
        QCOMPARE(result.successes.size(), std::size_t(4));
        QCOMPARE(result.failures.size(), std::size_t(2));
        for (const auto& h : result.failures) {
            QCOMPARE(h.record.metaString("outcome_type"), std::string("failure"));
            QVERIFY(h.record.userId != "bob");
        }
        q.toolName = "pg_connector";
        QCOMPARE(OutcomeRetriever(t.store()).fetch(q).successes.size(), std::size_t(0));
        q.toolName.clear();
        q.since = nowMicros() + 1000000;
        QCOMPARE(OutcomeRetriever(t.store()).fetch(q).failures.size(), std::size_t(0));
    }

    void anotherConnectionsVectorsAreCaughtUp()
    {
        TestStore t;
        // A second, independent open of the same file: what another process sees.
        auto other = MemoryStore::open(t.path(), {});
        other->semantic().waitLoaded(10000);
        addLessons(t.store());
        SearchOptions semantic;
        semantic.mode = SearchOptions::Mode::Semantic;
        const auto r = run(*other, "postgres driver connection timeout", json::object(), 3, semantic);
        QCOMPARE(r.hits.size(), std::size_t(3));
        QVERIFY(QString::fromStdString(r.hits[0].record.memory).startsWith("Postgres"));
    }

    void indexCacheIsWrittenAndReused()
    {
        TestStore t;
        addLessons(t.store());
        const QString cache = QString::fromStdString(t->semantic().cachePath());
        t.close();
        QVERIFY(QFileInfo::exists(cache));
        t.reopen();
        QVERIFY(t->semantic().waitLoaded(10000));
        const auto status = t->indexStatus();
        QCOMPARE(status.indexed, 8);
        QCOMPARE(status.embedded, 8);
        // A cache from another database is not used for this one.
        TestStore other;
        addLessons(other.store());
        other.close();
        QFile::remove(QString::fromStdString(other.path()) + ".vectors");
        QVERIFY(QFile::copy(cache, QString::fromStdString(other.path()) + ".vectors"));
        other.reopen();
        QVERIFY(other->semantic().waitLoaded(10000));
        const auto r = run(other.store(), "postgres driver", json::object(), 1);
        QVERIFY(QString::fromStdString(r.hits.at(0).record.memory).startsWith("Postgres"));
        QCOMPARE(other->indexStatus().indexed, 8);
    }

    void embedMissingFillsVectorsLater()
    {
        TestStore t;
        addLessons(t.store());
        // Vectors written by an embedder are kept apart: a store opened with another one starts without any.
        t->connection().exec("DELETE FROM vectors");
        t.reopen();
        QVERIFY(t->semantic().waitLoaded(10000));
        QCOMPARE(t->indexStatus().embedded, 0);
        std::int64_t lastDone = 0;
        QCOMPARE(t->embedMissing([&](std::int64_t done, std::int64_t) { lastDone = done; }), 8);
        QCOMPARE(lastDone, 8);
        QCOMPARE(t->indexStatus().embedded, 8);
        QCOMPARE(t->embedMissing(), 0);
    }

private:
    std::unique_ptr<TestStore> m_history; // the generated history the planner rows share
};

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
