#include <demo/DemoCatalog.h>
#include <demo/DemoGenerator.h>
#include <util/Ids.h>
#include <util/Time.h>

#include <QDateTime>
#include <QTest>

#include <chrono>
#include <ctime>
#include <map>
#include <set>
#include <stdexcept>

using namespace memscope;

namespace {

const Micros kEnd = *parseIsoTime("2026-06-30T18:00:00Z");

DemoOptions options(std::int64_t records, std::uint64_t seed = 42, int days = 180, int users = 6)
{
    DemoOptions o;
    o.records = records;
    o.seed = seed;
    o.end = kEnd;
    o.days = days;
    o.users = users;
    return o;
}

std::vector<MemoryRecord> generateAll(const DemoOptions& o)
{
    std::vector<MemoryRecord> out;
    out.reserve(static_cast<std::size_t>(o.records));
    DemoGenerator(o).generate([&](MemoryRecord&& r) {
        out.push_back(std::move(r));
        return true;
    });
    return out;
}

bool contains(const std::string& text, const char* needle) { return text.find(needle) != std::string::npos; }

// Share of `outcome` among the records passing `pick`, and how many passed.
template <typename Pick>
std::pair<double, int> rate(const std::vector<MemoryRecord>& records, Pick pick, const char* outcome)
{
    int n = 0, hits = 0;
    for (const auto& r : records)
        if (pick(r)) {
            ++n;
            hits += r.metaString("outcome_type") == outcome ? 1 : 0;
        }
    return {n ? static_cast<double>(hits) / n : 0.0, n};
}

bool isOutcome(const MemoryRecord& r) { return r.collection == kDefaultCollection; }

} // namespace

class TestDemoGenerator : public QObject {
    Q_OBJECT

    // One 20k history shared by the trend tests: generating it is the slow part.
    std::vector<MemoryRecord> m_records;
    DemoTimeline m_timeline;

private slots:
    void initTestCase()
    {
        DemoGenerator generator(options(20000));
        m_timeline = generator.timeline();
        generator.generate([&](MemoryRecord&& r) {
            m_records.push_back(std::move(r));
            return true;
        });
        QCOMPARE(m_records.size(), std::size_t(20000));
    }

    void catalogCompiles()
    {
        const DemoCatalog& catalog = DemoCatalog::builtin();
        int tasks = 0;
        for (const auto& block : catalog.blocks())
            if (block.type == "task") {
                ++tasks;
                QVERIFY2(block.tools.size() >= 2 && block.tools.size() <= 4, std::string(block.name).c_str());
            }
        QVERIFY(tasks >= 6);
    }

    void malformedCatalog_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addRow("unknown slot") << "[common]\nlesson: check {nothing}.";
        QTest::addRow("unbalanced brace") << "[common]\nlesson: check {table.";
        QTest::addRow("bad range") << "[common]\nlesson: wait {n:9-2}s.";
        QTest::addRow("line outside a block") << "lesson: check twice.\n[common]";
        QTest::addRow("no common block") << "[task x]\nsuccess: fine.";
        QTest::addRow("unknown meta") << "[common]\nmeta colour=red";
        QTest::addRow("duplicate slot") << "[common]\n$a = x | y\n$a = z";
    }
    void malformedCatalog()
    {
        QFETCH(QString, text);
        const std::string utf8 = text.toStdString();
        QVERIFY_THROWS_EXCEPTION(std::logic_error, DemoCatalog({utf8.c_str()}));
    }

    void determinism_data()
    {
        QTest::addColumn<qulonglong>("seed");
        QTest::addRow("seed 1") << 1ULL;
        QTest::addRow("seed 42") << 42ULL;
        QTest::addRow("seed 2^40") << (1ULL << 40);
    }
    void determinism()
    {
        QFETCH(qulonglong, seed);
        const auto a = generateAll(options(3000, seed));
        const auto b = generateAll(options(3000, seed));
        const auto other = generateAll(options(3000, seed + 1));
        QCOMPARE(a.size(), b.size());
        int sameText = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].id, b[i].id);
            QCOMPARE(a[i].memory, b[i].memory);
            QCOMPARE(a[i].createdAt, b[i].createdAt);
            QVERIFY(a[i].metadata == b[i].metadata);
            QVERIFY(a[i].id != other[i].id);
            sameText += a[i].memory == other[i].memory ? 1 : 0;
        }
        QVERIFY2(sameText < 30, qPrintable(QString::number(sameText)));

        // Generating twice from one generator replays the same history.
        DemoGenerator generator(options(500, seed));
        std::vector<std::string> first, second;
        generator.generate([&](MemoryRecord&& r) {
            first.push_back(r.id + r.memory);
            return true;
        });
        generator.generate([&](MemoryRecord&& r) {
            second.push_back(r.id + r.memory);
            return true;
        });
        QVERIFY(first == second);
    }

    void countAndOrder_data()
    {
        QTest::addColumn<qint64>("records");
        QTest::addColumn<int>("days");
        QTest::addColumn<int>("users");
        QTest::addRow("empty") << qint64(0) << 180 << 6;
        QTest::addRow("one") << qint64(1) << 180 << 6;
        QTest::addRow("fewer than days") << qint64(17) << 180 << 6;
        QTest::addRow("one day") << qint64(2000) << 1 << 6;
        QTest::addRow("a week, one user") << qint64(3000) << 7 << 1;
        QTest::addRow("no users") << qint64(3000) << 30 << 0;
        QTest::addRow("many users") << qint64(5000) << 365 << 40;
    }
    void countAndOrder()
    {
        QFETCH(qint64, records);
        QFETCH(int, days);
        QFETCH(int, users);
        DemoGenerator generator(options(records, 7, days, users));
        const DemoTimeline& tl = generator.timeline();
        qint64 n = 0;
        Micros last = tl.start;
        std::set<std::string> ids;
        std::set<std::string> userIds;
        generator.generate([&](MemoryRecord&& r) {
            ++n;
            if (r.createdAt < last || r.createdAt > tl.end)
                return false;
            last = r.createdAt;
            ids.insert(r.id);
            userIds.insert(r.userId);
            return true;
        });
        QCOMPARE(n, records);
        QCOMPARE(qint64(ids.size()), records);
        if (users == 0 && records > 0)
            QCOMPARE(userIds, std::set<std::string>{"global"});
        QVERIFY(qint64(userIds.size()) <= users + 1);
        QCOMPARE(tl.start + Micros(days) * 86'400'000'000LL > tl.end, true);
    }

    void recordsAreValid_data()
    {
        QTest::addColumn<qulonglong>("seed");
        QTest::addRow("seed 42") << 42ULL;
        QTest::addRow("seed 9") << 9ULL;
    }
    void recordsAreValid()
    {
        QFETCH(qulonglong, seed);
        const std::set<std::string> outcomes{"success", "failure", "partial", "unknown"};
        const std::set<std::string> severities{"low", "medium", "high", "critical"};
        const std::set<std::string> versions{"v1.0", "v1.1", "v1.2", "v1.3", "v1.4"};
        std::set<std::string> taskTypes;
        std::map<std::string, std::set<std::string>> toolsByTask;
        for (const auto& r : generateAll(options(5000, seed))) {
            const std::string where = r.id + ": " + r.memory;
            QVERIFY2(looksLikeUuid(r.id), where.c_str());
            // Shaped like the ids Memscope gives new records: version 7, the creation time in milliseconds first.
            QCOMPARE(r.id[14], '7');
            QCOMPARE(std::stoll(r.id.substr(0, 8) + r.id.substr(9, 4), nullptr, 16), r.createdAt / 1000);
            QVERIFY2(!r.memory.empty() && r.memory.size() < 600, where.c_str());
            QCOMPARE(r.hash, md5Hex(r.memory));
            QVERIFY2(outcomes.count(r.metaString("outcome_type")), where.c_str());
            QVERIFY(r.outcome().has_value());
            const auto ts = parseIsoTime(r.metaString("timestamp"));
            QVERIFY2(ts.has_value(), where.c_str());
            QCOMPARE(*ts, r.createdAt);
            QCOMPARE(r.updatedAt, r.createdAt);
            QCOMPARE(r.state, RecordState::Active);
            QVERIFY(r.runId.starts_with("run-"));
            QCOMPARE(r.metaString("run_id"), r.runId);
            QVERIFY(r.agentId.starts_with("agent-"));
            QVERIFY(r.collection == kDefaultCollection || r.collection == DemoGenerator::kProfileCollection);
            const std::string scope = r.metaString("user_scope");
            QCOMPARE(scope, std::string(r.userId == "global" ? "global" : "user_specific"));
            QVERIFY(!r.userId.empty());
            QVERIFY2(versions.count(r.metaString("version")), where.c_str());
            const std::string severity = r.metaString("severity");
            if (r.metaString("outcome_type") == "failure")
                QVERIFY2(severities.count(severity), where.c_str());
            else
                QVERIFY2(severity.empty() || severity == "low", where.c_str());
            const auto& tags = r.metadata.at("tags");
            QVERIFY(tags.is_array() && !tags.empty() && tags.size() <= 3);
            for (const auto& tag : tags)
                QVERIFY(tag.is_string() && !tag.get<std::string>().empty());
            QVERIFY(!r.metaString("tool_name").empty());
            taskTypes.insert(r.metaString("task_type"));
            if (isOutcome(r))
                toolsByTask[r.metaString("task_type")].insert(r.metaString("tool_name"));
        }
        QVERIFY(taskTypes.size() >= 6);
        for (const auto& [task, tools] : toolsByTask)
            QVERIFY2(tools.size() >= 2 && tools.size() <= 4, task.c_str());
    }

    void earlyStop_data()
    {
        QTest::addColumn<int>("stopAfter");
        QTest::addRow("first") << 1;
        QTest::addRow("middle") << 777;
    }
    void earlyStop()
    {
        QFETCH(int, stopAfter);
        int calls = 0;
        DemoGenerator(options(5000)).generate([&](MemoryRecord&&) { return ++calls < stopAfter; });
        QCOMPARE(calls, stopAfter);
    }

    void failingTool()
    {
        const Micros start = m_timeline.toolFailureStart;
        const auto onTool = [](const MemoryRecord& r) {
            return isOutcome(r) && r.metaString("tool_name") == DemoGenerator::kFailingTool;
        };
        const auto [before, nBefore] = rate(
            m_records, [&](const auto& r) { return onTool(r) && r.createdAt < start; }, "failure");
        const auto [after, nAfter] = rate(
            m_records, [&](const auto& r) { return onTool(r) && r.createdAt >= start; }, "failure");
        qInfo("%s failure rate %.1f%% (n=%d) before, %.1f%% (n=%d) after", DemoGenerator::kFailingTool, before * 100,
              nBefore, after * 100, nAfter);
        QVERIFY(nBefore > 300 && nAfter > 300);
        QVERIFY(after - before > 0.30);
        int ssl = 0;
        for (const auto& r : m_records)
            if (contains(r.memory, "SSL handshake timeout")) {
                ++ssl;
                QVERIFY(onTool(r) && r.createdAt >= start);
            }
        QVERIFY(ssl > 100);
    }

    void improvingVersion()
    {
        const auto on = [](const char* version) {
            return [version](const MemoryRecord& r) {
                return isOutcome(r) && r.metaString("task_type") == DemoGenerator::kImprovingTask &&
                       r.metaString("version") == version;
            };
        };
        const auto [v11, n11] = rate(m_records, on("v1.1"), "success");
        const auto [v13, n13] = rate(m_records, on("v1.3"), "success");
        qInfo("%s success %.1f%% on v1.1 (n=%d), %.1f%% on v1.3 (n=%d)", DemoGenerator::kImprovingTask, v11 * 100, n11,
              v13 * 100, n13);
        QVERIFY(n11 > 200 && n13 > 200);
        QVERIFY(v13 - v11 > 0.15);
    }

    void versionsRollOut()
    {
        // Later versions dominate later: the most common version of each release window is that release.
        const auto& releases = m_timeline.releases;
        for (std::size_t v = 0; v + 1 < releases.size(); ++v) {
            std::map<std::string, int> counts;
            for (const auto& r : m_records)
                if (r.createdAt >= releases[v] + 12 * 86'400'000'000LL && r.createdAt < releases[v + 1])
                    ++counts[r.metaString("version")];
            const auto top = std::max_element(counts.begin(), counts.end(),
                                              [](const auto& a, const auto& b) { return a.second < b.second; });
            QCOMPARE(top->first, m_timeline.versions[v]);
        }
    }

    void staleLessons()
    {
        int stale = 0, gone = 0;
        for (const auto& r : m_records) {
            if (contains(r.memory, DemoGenerator::kStaleMarker)) {
                QVERIFY2(r.createdAt < m_timeline.staleApiGraceEnd, r.memory.c_str());
                if (r.metaString("outcome_type") == "success") {
                    ++stale;
                    QVERIFY2(r.createdAt < m_timeline.staleApiRetired, r.memory.c_str());
                } else if (r.createdAt >= m_timeline.staleApiRetired) {
                    ++gone;
                }
            }
            if (contains(r.memory, "send_v2") || contains(r.memory, "messages.send"))
                QVERIFY2(r.createdAt >= m_timeline.staleApiRetired, r.memory.c_str());
        }
        qInfo("%d stale %s lessons, %d failures following them after retirement", stale, DemoGenerator::kStaleMarker,
              gone);
        QVERIFY(stale > 100);
        QVERIFY(gone > 5);
    }

    void conflictingPreferences()
    {
        const std::string user = m_timeline.conflictingUser;
        QCOMPARE(user, std::string("carol"));
        const auto& flips = m_timeline.preferenceFlips;
        int pdf = 0, inlineHtml = 0, formal = 0, casual = 0;
        for (const auto& r : m_records) {
            if (r.collection != DemoGenerator::kProfileCollection)
                continue;
            QCOMPARE(r.metaString("user_scope"), std::string("user_specific"));
            if (r.userId != user)
                continue;
            const std::string task = r.metaString("task_type");
            if (task == "report_generation" && contains(r.memory, "inline")) {
                ++inlineHtml;
                QVERIFY2(r.createdAt >= flips[0] && r.createdAt < flips[2], r.memory.c_str());
            } else if (task == "report_generation" && contains(r.memory, "PDF")) {
                ++pdf;
                QVERIFY2(r.createdAt < flips[0] || r.createdAt >= flips[2], r.memory.c_str());
            } else if (contains(r.memory, "casual")) {
                ++casual;
                QVERIFY2(r.createdAt >= flips[1], r.memory.c_str());
            } else if (contains(r.memory, "formal")) {
                ++formal;
                QVERIFY2(r.createdAt < flips[1], r.memory.c_str());
            }
        }
        qInfo("%s: %d PDF vs %d inline HTML, %d formal vs %d casual", user.c_str(), pdf, inlineHtml, formal, casual);
        QVERIFY(pdf > 20 && inlineHtml > 20 && formal > 10 && casual > 10);
    }

    void seasonalityAndIncidents()
    {
        // Weekday of each record from Qt's calendar, independent of the generator's arithmetic.
        std::map<std::int64_t, int> perDay;
        std::array<std::set<std::int64_t>, 8> daysByWeekday;
        std::array<int, 8> byWeekday{};
        for (const auto& r : m_records) {
            const auto dt = QDateTime::fromMSecsSinceEpoch(r.createdAt / 1000, Qt::UTC);
            ++byWeekday[static_cast<std::size_t>(dt.date().dayOfWeek())];
            daysByWeekday[static_cast<std::size_t>(dt.date().dayOfWeek())].insert(dt.date().toJulianDay());
        }
        const auto perDayOn = [&](int weekday) {
            const auto w = static_cast<std::size_t>(weekday);
            return double(byWeekday[w]) / double(std::max<std::size_t>(daysByWeekday[w].size(), 1));
        };
        const double weekday = (perDayOn(2) + perDayOn(3) + perDayOn(4)) / 3, weekend = (perDayOn(6) + perDayOn(7)) / 2;
        qInfo("records per day: %.0f midweek, %.0f weekend", weekday, weekend);
        QVERIFY(weekend < 0.5 * weekday);

        // The gateway outage hits every task type, the warehouse outage only the three that query it.
        const auto warehouseBound = [](const MemoryRecord& r) {
            const std::string task = r.metaString("task_type");
            return task == "sql_query_debug" || task == "report_generation" || task == "data_cleaning";
        };
        for (std::size_t i = 0; i < m_timeline.incidentDays.size(); ++i) {
            const Micros day = m_timeline.incidentDays[i];
            const auto affected = [&](const MemoryRecord& r) { return isOutcome(r) && (i == 0 || warehouseBound(r)); };
            const double usual = rate(m_records, affected, "failure").first;
            const auto [incident, n] = rate(
                m_records,
                [&](const MemoryRecord& r) {
                    return affected(r) && r.createdAt >= day && r.createdAt < day + 86'400'000'000LL;
                },
                "failure");
            qInfo("incident %s: failure rate %.1f%% (n=%d), %.1f%% over the whole span",
                  formatIsoTime(day).substr(0, 10).c_str(), incident * 100, n, usual * 100);
            QVERIFY(n > 20);
            QVERIFY(incident > 2 * usual);
            const int wd = QDateTime::fromMSecsSinceEpoch(day / 1000, Qt::UTC).date().dayOfWeek();
            QVERIFY(wd <= 5);
        }
    }

    void backgroundShares()
    {
        int partial = 0, unknown = 0, global = 0, profile = 0;
        for (const auto& r : m_records) {
            const std::string o = r.metaString("outcome_type");
            partial += o == "partial" && isOutcome(r);
            unknown += o == "unknown";
            global += r.userId == "global";
            profile += !isOutcome(r);
        }
        const double n = double(m_records.size());
        qInfo("partial %.1f%%, unknown %.1f%%, global %.1f%%, user_profile %.1f%%", partial / n * 100,
              unknown / n * 100, global / n * 100, profile / n * 100);
        QVERIFY(partial / n > 0.03 && partial / n < 0.10);
        QVERIFY(unknown / n > 0.01 && unknown / n < 0.05);
        QVERIFY(global / n > 0.33 && global / n < 0.45);
        QVERIFY(profile / n > 0.02 && profile / n < 0.05);
    }

    void textVariety()
    {
        std::set<std::string> texts;
        std::map<std::string, int> words;
        for (const auto& r : m_records) {
            texts.insert(r.memory);
            std::size_t i = 0;
            while (i < r.memory.size()) {
                const std::size_t end = r.memory.find(' ', i);
                ++words[r.memory.substr(i, end == std::string::npos ? std::string::npos : end - i)];
                i = end == std::string::npos ? r.memory.size() : end + 1;
            }
        }
        const double distinct = double(texts.size()) / double(m_records.size());
        int rare = 0;
        for (const auto& [word, count] : words)
            rare += count <= 3;
        qInfo("%.1f%% distinct texts, %zu distinct words, %d of them used at most 3 times", distinct * 100,
              words.size(), rare);
        QVERIFY(distinct >= 0.80);
        QVERIFY(words.size() > 3000); // a long tail of rare tokens: ids, numbers, names
        QVERIFY(rare > 1000);
    }

    void describesScenarios()
    {
        const DemoGenerator generator(options(10));
        const auto lines = generator.describeScenarios();
        QVERIFY(lines.size() >= 5);
        std::string all;
        for (const auto& line : lines)
            all += line + "\n";
        const auto date = [](Micros t) { return formatIsoTime(t).substr(0, 10); };
        const DemoTimeline& tl = generator.timeline();
        for (const Micros t : {tl.toolFailureStart, tl.staleApiRetired, tl.releases[3], tl.incidentDays[0],
                               tl.incidentDays[1], tl.preferenceFlips[0]})
            QVERIFY2(contains(all, date(t).c_str()), date(t).c_str());
        QVERIFY(contains(all, DemoGenerator::kFailingTool));
        QVERIFY(contains(all, DemoGenerator::kStaleMarker));
        QVERIFY(contains(all, "carol"));
    }

    void generationSpeed()
    {
        // A figure to watch, not an assertion: machines and sanitizer builds differ too much.
        const std::int64_t n = 200000;
        std::size_t bytes = 0;
        const auto start = std::chrono::steady_clock::now();
        const std::clock_t cpuStart = std::clock();
        DemoGenerator(options(n)).generate([&](MemoryRecord&& r) {
            bytes += r.memory.size();
            return true;
        });
        // CPU time as well as wall time: on a busy machine the wall clock mostly measures the neighbours.
        const double cpu = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        qInfo("generated %lld records: %.0f records/s of CPU time, %.0f records/s wall (%.0f chars of text "
              "each)",
              static_cast<long long>(n), double(n) / cpu, double(n) / wall, double(bytes) / double(n));
        QVERIFY(bytes > 0);
    }
};

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"
