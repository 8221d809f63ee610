// Trends and breakdowns against an independent count over the records themselves (bucketed with QDate),
// the roll-up path against the GROUP BY over memories, drill-down filters against their cells, ISO-week
// and month boundaries, the success-rate definition and the refused requests.
#include "StatsTestData.h"

#include <filter/FilterScope.h>
#include <stats/FacetCounter.h>
#include <stats/TrendQuery.h>
#include <util/Error.h>

#include <QDateTime>
#include <QTest>

#include <functional>
#include <map>

using namespace memscope;
using namespace memscope::test;
using nlohmann::json;

namespace {

const Micros kBase = 1767225600000000LL; // 2026-01-01T00:00:00Z (a Thursday)

json meta(const MemoryRecord& r, const char* key)
{
    const auto it = r.metadata.find(key);
    return it == r.metadata.end() ? json(nullptr) : *it;
}

Micros eventTime(const MemoryRecord& r)
{
    const json t = meta(r, "timestamp");
    if (t.is_number())
        return microsFromEpochNumber(t.get<double>());
    if (t.is_string())
        return *parseIsoTime(t.get<std::string>());
    return r.createdAt;
}

// The bucket's first day by the calendar, not by the arithmetic under test.
Micros bucketStart(Micros t, TrendBucket bucket)
{
    const qint64 ms = t >= 0 ? t / 1000 : -((-t + 999) / 1000);
    QDate d = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date();
    if (bucket == TrendBucket::Week)
        d = d.addDays(1 - d.dayOfWeek());
    else if (bucket == TrendBucket::Month)
        d = QDate(d.year(), d.month(), 1);
    return QDateTime(d, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() * 1000;
}

QString label(const json& v)
{
    if (v.is_null())
        return QStringLiteral("(none)");
    return QString::fromStdString(v.is_string() ? v.get<std::string>() : v.dump());
}

OutcomeClass outcomeOf(const MemoryRecord& r)
{
    const json o = meta(r, "outcome_type");
    if (o == "success")
        return OutcomeClass::Success;
    if (o == "partial")
        return OutcomeClass::Partial;
    if (o == "failure")
        return OutcomeClass::Failure;
    return OutcomeClass::Unknown;
}

const char* dimensionKey(TrendDimension d) { return d == TrendDimension::None ? nullptr : dimensionName(d); }

QString countsText(const OutcomeCounts& c)
{
    return QStringLiteral("%1/%2/%3/%4").arg(c.success).arg(c.partial).arg(c.failure).arg(c.unknown);
}

bool active(const MemoryRecord& r) { return r.state == RecordState::Active; }

struct FilterCase {
    const char* name;
    json filter;
    std::function<bool(const MemoryRecord&)> match; // what the filter (with its state default) selects
    bool rollup;
};

const std::vector<FilterCase>& filterCases()
{
    static const std::vector<FilterCase> cases = {
        {"everything", json::object(), active, true},
        {"task type",
         {{"task_type", "sql_query_debug"}},
         [](const MemoryRecord& r) { return active(r) && meta(r, "task_type") == "sql_query_debug"; },
         true},
        {"outcomes and user",
         {{"outcome_type", {{"in", {"failure", "partial"}}}}, {"user_id", "alice"}},
         [](const MemoryRecord& r) {
             const json o = meta(r, "outcome_type");
             return active(r) && (o == "failure" || o == "partial") && r.userId == "alice";
         },
         true},
        {"archived",
         {{"state", "archived"}},
         [](const MemoryRecord& r) { return r.state == RecordState::Archived; },
         true},
        {"tool or numeric version",
         {{"OR", {{{"tool_name", "pg_connector"}}, {{"version", 3}}}}},
         [](const MemoryRecord& r) {
             return active(r) && (meta(r, "tool_name") == "pg_connector" || meta(r, "version") == 3);
         },
         true},
        {"no task type",
         {{"task_type", nullptr}},
         [](const MemoryRecord& r) { return active(r) && meta(r, "task_type").is_null(); },
         true},
        {"not a profile",
         {{"NOT", {{"collection", "user_profile"}}}},
         [](const MemoryRecord& r) { return active(r) && r.collection != "user_profile"; },
         true},
        {"severity",
         {{"severity", "high"}},
         [](const MemoryRecord& r) { return active(r) && meta(r, "severity") == "high"; },
         false},
        {"tag",
         {{"tags", {{"contains", "retry"}}}},
         [](const MemoryRecord& r) {
             const json tags = meta(r, "tags");
             return active(r) && tags.is_array() && std::find(tags.begin(), tags.end(), "retry") != tags.end();
         },
         false},
        {"event time and metadata",
         {{"event_time", {{"gte", formatIsoTime(kBase - 20 * kTestDay + 3 * 3600000000LL)}}},
          {"metadata", {{"tool_name", {{"ne", "mailer"}}}}}},
         [](const MemoryRecord& r) {
             return active(r) && eventTime(r) >= kBase - 20 * kTestDay + 3 * 3600000000LL &&
                    meta(r, "tool_name") != "mailer";
         },
         true},
    };
    return cases;
}

// Aligned to days, and not: the roll-up then counts the partial days from memories.
EventTimeRange rangeCase(int i)
{
    switch (i % 3) {
    case 1: return {kBase - 30 * kTestDay, kBase + 30 * kTestDay};
    case 2: return {kBase - 45 * kTestDay + 5 * 3600000000LL + 17, kBase + 10 * kTestDay + 7 * 3600000000LL};
    default: return {};
    }
}

bool inRange(Micros t, const EventTimeRange& range)
{
    return (!range.from || t >= *range.from) && (!range.to || t < *range.to);
}

QStringList trendLines(const TrendResult& r)
{
    QStringList out;
    for (const auto& line : r.lines)
        for (std::size_t b = 0; b < r.buckets.size(); ++b)
            if (line.points[b].total() > 0)
                out << QString::fromStdString(formatIsoTime(r.buckets[b].start)) + " " +
                           QString::fromStdString(line.label) + " " + countsText(line.points[b]);
    out.sort();
    return out;
}

QStringList breakdownLines(const BreakdownResult& r)
{
    QStringList out;
    for (const auto& c : r.cells)
        out << label(r.rowValues[c.row]) + " x " + label(r.columnValues[c.column]) + " " + countsText(c.counts);
    out.sort();
    return out;
}

} // namespace

Q_DECLARE_METATYPE(TrendBucket)
Q_DECLARE_METATYPE(TrendDimension)

class TestTrendQuery : public QObject {
    Q_OBJECT

    std::unique_ptr<TestStore> m_store;
    std::vector<MemoryRecord> m_records; // every record, as stored

    void addRows()
    {
        const auto& cases = filterCases();
        const TrendBucket buckets[] = {TrendBucket::Day, TrendBucket::Week, TrendBucket::Month};
        const TrendDimension series[] = {TrendDimension::None, TrendDimension::TaskType, TrendDimension::ToolName,
                                         TrendDimension::Version};
        for (int c = 0; c < static_cast<int>(cases.size()); ++c)
            for (int b = 0; b < 3; ++b) {
                const TrendDimension s = series[(c + b) % 4];
                QTest::addRow("%s, %s by %s, range %d", cases[static_cast<std::size_t>(c)].name, bucketName(buckets[b]),
                              dimensionName(s), (c + b) % 3)
                    << c << buckets[b] << s << (c + b) % 3;
            }
    }

private slots:
    void initTestCase()
    {
        m_store = std::make_unique<TestStore>();
        MemoryStore& store = m_store->store();
        QVERIFY(importDemo(store, 2500, kBase + 60 * kTestDay).added > 2000);
        QCOMPARE(importRecords(store, varietyRecords(700, 3, kBase)).added, 700);
        auto ids = store.matchingIds(json::object());
        std::vector<std::string> archive, remove;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (i % 7 == 0)
                archive.push_back(ids[i]);
            else if (i % 11 == 0)
                remove.push_back(ids[i]);
        }
        store.setState(archive, RecordState::Archived);
        store.setState(remove, RecordState::Deleted);
        ListQuery all;
        all.filter = {{"state", {{"in", {"active", "archived", "deleted"}}}}};
        all.limit = -1;
        m_records = store.list(all);
        QCOMPARE(static_cast<std::int64_t>(m_records.size()), store.count(json::object()));
    }

    void trendMatchesIndependentCount_data()
    {
        QTest::addColumn<int>("filterCase");
        QTest::addColumn<TrendBucket>("bucket");
        QTest::addColumn<TrendDimension>("series");
        QTest::addColumn<int>("range");
        addRows();
    }
    void trendMatchesIndependentCount()
    {
        QFETCH(int, filterCase);
        QFETCH(TrendBucket, bucket);
        QFETCH(TrendDimension, series);
        QFETCH(int, range);
        const FilterCase& fc = filterCases()[static_cast<std::size_t>(filterCase)];
        const EventTimeRange r = rangeCase(range);

        std::map<QString, OutcomeCounts> expected;
        OutcomeCounts expectedTotal;
        for (const auto& rec : m_records) {
            const Micros t = eventTime(rec);
            if (!fc.match(rec) || !inRange(t, r))
                continue;
            Micros start = bucketStart(t, bucket);
            if (r.from)
                start = std::max(start, *r.from);
            const QString line = dimensionKey(series) ? label(meta(rec, dimensionKey(series))) : QStringLiteral("all");
            expected[QString::fromStdString(formatIsoTime(start)) + " " + line][outcomeOf(rec)] += 1;
            expectedTotal[outcomeOf(rec)] += 1;
        }
        QStringList expectedLines;
        for (const auto& [key, counts] : expected)
            expectedLines << key + " " + countsText(counts);
        expectedLines.sort();

        TrendQuery query(m_store->store().connection());
        const auto result = query.trend({fc.filter, r, bucket, series});
        QCOMPARE(result.fromRollup, fc.rollup);
        QCOMPARE(trendLines(result), expectedLines);
        QCOMPARE(countsText(result.total), countsText(expectedTotal));
        // Buckets are contiguous, in order, and clipped to the range.
        for (std::size_t b = 1; b < result.buckets.size(); ++b)
            QCOMPARE(result.buckets[b].start, result.buckets[b - 1].end);
        if (r.from && !result.buckets.empty())
            QCOMPARE(result.buckets.front().start, *r.from);
        if (r.to && !result.buckets.empty())
            QCOMPARE(result.buckets.back().end, *r.to);
    }

    void breakdownMatchesIndependentCount_data()
    {
        QTest::addColumn<int>("filterCase");
        QTest::addColumn<TrendDimension>("columns");
        QTest::addColumn<int>("range");
        for (int c = 0; c < static_cast<int>(filterCases().size()); ++c) {
            const auto columns = c % 2 ? TrendDimension::Version : TrendDimension::ToolName;
            QTest::addRow("%s by %s, range %d", filterCases()[static_cast<std::size_t>(c)].name, dimensionName(columns),
                          c % 3)
                << c << columns << c % 3;
        }
    }
    void breakdownMatchesIndependentCount()
    {
        QFETCH(int, filterCase);
        QFETCH(TrendDimension, columns);
        QFETCH(int, range);
        const FilterCase& fc = filterCases()[static_cast<std::size_t>(filterCase)];
        const EventTimeRange r = rangeCase(range);
        std::map<QString, OutcomeCounts> expected;
        for (const auto& rec : m_records)
            if (fc.match(rec) && inRange(eventTime(rec), r))
                expected[label(meta(rec, "task_type")) + " x " + label(meta(rec, dimensionName(columns)))]
                        [outcomeOf(rec)] += 1;
        QStringList expectedLines;
        for (const auto& [key, counts] : expected)
            expectedLines << key + " " + countsText(counts);
        expectedLines.sort();

        TrendQuery query(m_store->store().connection());
        const auto result = query.breakdown({fc.filter, r, TrendDimension::TaskType, columns});
        QCOMPARE(result.fromRollup, fc.rollup);
        QCOMPARE(breakdownLines(result), expectedLines);
    }

    // The roll-up and the GROUP BY over memories give the same answers, facets included.
    void rollupEqualsMemories_data()
    {
        QTest::addColumn<int>("filterCase");
        QTest::addColumn<int>("range");
        for (int c = 0; c < static_cast<int>(filterCases().size()); ++c)
            for (int r = 0; r < 3; ++r)
                QTest::addRow("%s, range %d", filterCases()[static_cast<std::size_t>(c)].name, r) << c << r;
    }
    void rollupEqualsMemories()
    {
        QFETCH(int, filterCase);
        QFETCH(int, range);
        const FilterCase& fc = filterCases()[static_cast<std::size_t>(filterCase)];
        const EventTimeRange r = rangeCase(range);
        Connection& c = m_store->store().connection();
        TrendQuery fast(c), slow(c, StatsSource::Memories);
        const TrendRequest request{fc.filter, r, TrendBucket::Week, TrendDimension::ToolName};
        const auto a = fast.trend(request);
        const auto b = slow.trend(request);
        QVERIFY(!b.fromRollup);
        QCOMPARE(trendLines(a), trendLines(b));
        QCOMPARE(a.buckets.size(), b.buckets.size());
        const BreakdownRequest breakdown{fc.filter, r, TrendDimension::TaskType, TrendDimension::Version};
        QCOMPARE(breakdownLines(fast.breakdown(breakdown)), breakdownLines(slow.breakdown(breakdown)));

        // Facets take the filter as given: add the range as event_time, as a caller would.
        json filter = FilterScope::activeByDefault(fc.filter);
        json time = json::object();
        if (r.from)
            time["gte"] = formatIsoTime(*r.from);
        if (r.to)
            time["lt"] = formatIsoTime(*r.to);
        if (!time.empty())
            filter = FilterScope::allOf({filter, {{"event_time", time}}});
        FacetCounter fastFacets(c), slowFacets(c, StatsSource::Memories);
        QCOMPARE(fastFacets.total(filter), slowFacets.total(filter));
        QCOMPARE(fastFacets.lastUsedRollup(), fc.rollup);
        for (const auto& field : FacetCounter::standardFacets()) {
            const auto x = fastFacets.count(field, filter);
            QCOMPARE(fastFacets.lastUsedRollup(), fc.rollup);
            const auto y = slowFacets.count(field, filter);
            QCOMPARE(x.values, y.values);
        }
    }

    // Every cell's drill-down filter selects exactly its records, outcome by outcome too.
    void drillDownSelectsTheCell_data()
    {
        QTest::addColumn<int>("filterCase");
        QTest::addColumn<TrendDimension>("series");
        QTest::addColumn<int>("range");
        QTest::addRow("everything by tool") << 0 << TrendDimension::ToolName << 2;
        QTest::addRow("no task type by version") << 5 << TrendDimension::Version << 1;
        QTest::addRow("outcomes and user by task") << 2 << TrendDimension::TaskType << 0;
        QTest::addRow("severity by task") << 7 << TrendDimension::TaskType << 2;
        QTest::addRow("event time by version") << 9 << TrendDimension::Version << 0;
    }
    void drillDownSelectsTheCell()
    {
        QFETCH(int, filterCase);
        QFETCH(TrendDimension, series);
        QFETCH(int, range);
        const FilterCase& fc = filterCases()[static_cast<std::size_t>(filterCase)];
        MemoryStore& store = m_store->store();
        FacetCounter facets(store.connection());
        TrendQuery query(store.connection());
        const auto result = query.trend({fc.filter, rangeCase(range), TrendBucket::Week, series});
        int checked = 0;
        for (std::size_t l = 0; l < result.lines.size(); ++l)
            for (std::size_t b = 0; b < result.buckets.size(); ++b) {
                const OutcomeCounts& counts = result.lines[l].points[b];
                const json cell = result.drillDown(l, b);
                QCOMPARE(store.count(cell), counts.total());
                QCOMPARE(facets.total(cell), counts.total());
                QCOMPARE(facets.lastUsedRollup(), fc.rollup);
                for (const auto o :
                     {OutcomeClass::Success, OutcomeClass::Partial, OutcomeClass::Failure, OutcomeClass::Unknown})
                    if (counts[o] > 0 || b % 5 == 0)
                        QCOMPARE(store.count(result.drillDown(l, b, o)), counts[o]);
                checked += counts.total() > 0;
            }
        QVERIFY(checked > 0);

        const auto table = query.breakdown({fc.filter, rangeCase(range), TrendDimension::TaskType,
                                            series == TrendDimension::TaskType ? TrendDimension::ToolName : series});
        for (const auto& c : table.cells) {
            QCOMPARE(store.count(table.drillDown(c)), c.counts.total());
            QCOMPARE(store.count(table.drillDown(c, OutcomeClass::Failure)), c.counts.failure);
        }
    }

    void bucketBoundaries_data()
    {
        QTest::addColumn<QString>("time");
        QTest::addColumn<TrendBucket>("bucket");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("end");
        QTest::addRow("Sunday night, week")
            << "2024-12-29T23:59:59.999999Z" << TrendBucket::Week << "2024-12-23T00:00:00Z"
            << "2024-12-30T00:00:00Z";
        QTest::addRow("Monday, ISO week 1 of 2025")
            << "2024-12-30T00:00:00Z" << TrendBucket::Week << "2024-12-30T00:00:00Z"
            << "2025-01-06T00:00:00Z";
        QTest::addRow("New Year, week") << "2025-01-01T08:00:00+02:00" << TrendBucket::Week << "2024-12-30T00:00:00Z"
                                        << "2025-01-06T00:00:00Z";
        QTest::addRow("New Year, month") << "2025-01-01T00:00:00Z" << TrendBucket::Month << "2025-01-01T00:00:00Z"
                                         << "2025-02-01T00:00:00Z";
        QTest::addRow("New Year's Eve, month") << "2024-12-31T23:59:59Z" << TrendBucket::Month << "2024-12-01T00:00:00Z"
                                               << "2025-01-01T00:00:00Z";
        QTest::addRow("zone moves the day")
            << "2025-03-01T01:00:00+03:00" << TrendBucket::Month << "2025-02-01T00:00:00Z"
            << "2025-03-01T00:00:00Z";
        QTest::addRow("leap day, month") << "2024-02-29T12:00:00Z" << TrendBucket::Month << "2024-02-01T00:00:00Z"
                                         << "2024-03-01T00:00:00Z";
        QTest::addRow("leap day, week") << "2024-02-29T12:00:00Z" << TrendBucket::Week << "2024-02-26T00:00:00Z"
                                        << "2024-03-04T00:00:00Z";
        QTest::addRow("day") << "2024-03-01T00:00:00Z" << TrendBucket::Day << "2024-03-01T00:00:00Z"
                             << "2024-03-02T00:00:00Z";
        QTest::addRow("before 1970, day") << "1969-12-31T23:00:00Z" << TrendBucket::Day << "1969-12-31T00:00:00Z"
                                          << "1970-01-01T00:00:00Z";
        QTest::addRow("before 1970, week") << "1969-12-31T23:00:00Z" << TrendBucket::Week << "1969-12-29T00:00:00Z"
                                           << "1970-01-05T00:00:00Z";
        QTest::addRow("before 1970, month") << "1969-12-31T23:00:00Z" << TrendBucket::Month << "1969-12-01T00:00:00Z"
                                            << "1970-01-01T00:00:00Z";
        QTest::addRow("epoch, week") << "1970-01-01T00:00:00Z" << TrendBucket::Week << "1969-12-29T00:00:00Z"
                                     << "1970-01-05T00:00:00Z";
    }
    void bucketBoundaries()
    {
        QFETCH(QString, time);
        QFETCH(TrendBucket, bucket);
        QFETCH(QString, start);
        QFETCH(QString, end);
        TestStore t;
        MemoryRecord r = TestStore::outcome("boundary", "success", "x");
        r.createdAt = kBase;
        r.metadata["timestamp"] = time.toStdString();
        t->add(r);
        for (const auto source : {StatsSource::Auto, StatsSource::Memories}) {
            TrendQuery query(t->connection(), source);
            const auto result = query.trend({json::object(), {}, bucket, TrendDimension::None});
            QCOMPARE(result.buckets.size(), std::size_t(1));
            QCOMPARE(QString::fromStdString(formatIsoTime(result.buckets[0].start)), start);
            QCOMPARE(QString::fromStdString(formatIsoTime(result.buckets[0].end)), end);
            QCOMPARE(result.lines.at(0).points.at(0).success, 1);
            QCOMPARE(t->count(result.drillDown(0, 0)), 1);
        }
    }

    // success / (success + partial + failure); unknown and unlabelled records count but not in the rate.
    void successRate()
    {
        TestStore t;
        int i = 0;
        auto add = [&](const char* outcome, const char* task) {
            MemoryRecord r = TestStore::outcome("rate " + std::to_string(i++), outcome ? outcome : "", task);
            if (!outcome)
                r.metadata.erase("outcome_type");
            r.createdAt = kBase;
            t->add(r);
        };
        for (const char* o : {"success", "success", "partial", "failure", "unknown", "unknown", "unknown"})
            add(o, "judged");
        add(nullptr, "judged");
        add("unknown", "unjudged");
        TrendQuery query(t->connection());
        const auto result = query.trend({json::object(), {}, TrendBucket::Month, TrendDimension::TaskType});
        QCOMPARE(result.lines.size(), std::size_t(2));
        const OutcomeCounts& judged = result.lines[0].total;
        QCOMPARE(result.lines[0].label, std::string("judged"));
        QCOMPARE(countsText(judged), QStringLiteral("2/1/1/4"));
        QCOMPARE(judged.total(), 8);
        QCOMPARE(*judged.successRate(), 0.5);
        QVERIFY(!result.lines[1].total.successRate());
        JSON_COMPARE(result.lines[1].total.toJson()["rate"], nullptr);
        QCOMPARE(t->count(result.drillDown(0, 0, OutcomeClass::Unknown)), 4);
    }

    void refusedRequests_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("message");
        QTest::addRow("bad filter") << "filter"
                                    << "operator 'gt'";
        QTest::addRow("empty range") << "range"
                                     << "must be before";
        QTest::addRow("same dimensions") << "same"
                                         << "two different dimensions";
        QTest::addRow("none in a breakdown") << "none"
                                             << "two different dimensions";
        QTest::addRow("too many buckets") << "buckets"
                                          << "too many";
    }
    void refusedRequests()
    {
        QFETCH(QString, what);
        QFETCH(QString, message);
        TrendQuery query(m_store->store().connection());
        try {
            if (what == "filter") {
                TrendRequest request;
                request.filter = json{{"outcome_type", json{{"gt", "success"}}}};
                query.trend(request);
            } else if (what == "range")
                query.trend({json::object(), {kBase, kBase}, TrendBucket::Day, TrendDimension::None});
            else if (what == "same")
                query.breakdown({json::object(), {}, TrendDimension::Version, TrendDimension::Version});
            else if (what == "none")
                query.breakdown({json::object(), {}, TrendDimension::TaskType, TrendDimension::None});
            else
                query.trend({json::object(), {0, kBase * 40}, TrendBucket::Day, TrendDimension::None});
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::InvalidArgument);
            QVERIFY2(QString(e.what()).contains(message), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestTrendQuery)
#include "tst_trendquery.moc"
