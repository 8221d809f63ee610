#pragma once
// Records and reference counts for the tests of the roll-up and the trend queries (tst_rollup,
// tst_trendquery): records of every shape the counters must handle, and the roll-up compared with a
// GROUP BY over memories.

#include "TestStore.h"

#include <demo/DemoGenerator.h>
#include <io/RecordImporter.h>
#include <storage/Connection.h>
#include <storage/Statement.h>

#include <QStringList>

#include <random>
#include <string>
#include <vector>

namespace memscope::test {

constexpr Micros kTestDay = 86400000000LL;

// Records with missing fields, numeric versions, no timestamp (event time = created_at), timestamps as
// epoch numbers and before 1970, two collections and several users, around `base`, spread over ~200 days.
inline std::vector<MemoryRecord> varietyRecords(int count, std::uint64_t seed, Micros base)
{
    std::mt19937_64 rng(seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
    auto offset = [&]() { return static_cast<Micros>(rng() % (200 * 24 * 3600)) * 1000000 - 100 * kTestDay; };
    static const char* const outcomes[] = {"success", "failure", "partial", "unknown"};
    static const char* const tasks[] = {"sql_query_debug", "report_generation", "email_drafting"};
    static const char* const tools[] = {"pg_connector", "sql_runner", "mailer", "chart_tool"};
    static const char* const users[] = {"", "alice", "bob", "global"};
    std::vector<MemoryRecord> records;
    for (int i = 0; i < count; ++i) {
        MemoryRecord r;
        r.memory = "variety lesson " + std::to_string(seed) + "-" + std::to_string(i);
        r.userId = users[pick(4)];
        r.collection = pick(5) == 0 ? "user_profile" : "task_outcomes";
        nlohmann::json m = nlohmann::json::object();
        if (pick(8) != 0)
            m["outcome_type"] = outcomes[pick(4)];
        if (pick(6) != 0)
            m["task_type"] = tasks[pick(3)];
        if (pick(5) != 0)
            m["tool_name"] = tools[pick(4)];
        switch (pick(5)) {
        case 0: break;
        case 1: m["version"] = 3; break;
        default: m["version"] = "v1." + std::to_string(pick(3)); break;
        }
        if (pick(3) == 0)
            m["severity"] = "high";
        if (pick(4) == 0)
            m["tags"] = {"retry"};
        r.createdAt = base + offset();
        switch (pick(10)) {
        case 0:
        case 1:
        case 2: break; // no timestamp: the event time is created_at
        case 3: m["timestamp"] = static_cast<double>(base + offset()) / 1e6; break;        // epoch seconds
        case 4: m["timestamp"] = formatIsoTime(-kTestDay / 3 - pick(3) * kTestDay); break; // before 1970
        default: m["timestamp"] = formatIsoTime(base + offset()); break;
        }
        r.metadata = m;
        records.push_back(std::move(r));
    }
    return records;
}

inline ImportReport importRecords(MemoryStore& store, std::vector<MemoryRecord> records)
{
    RecordImporter importer(store);
    return importer.runRecords(
        [&](const RecordImporter::RecordSink& sink) {
            for (auto& r : records)
                if (!sink(std::move(r)))
                    return;
        },
        ImportOptions{});
}

inline ImportReport importDemo(MemoryStore& store, std::int64_t count, Micros end)
{
    DemoOptions options;
    options.records = count;
    options.end = end;
    options.days = 120;
    DemoGenerator generator(options);
    RecordImporter importer(store);
    return importer.runRecords([&](const RecordImporter::RecordSink& sink) { generator.generate(sink); },
                               ImportOptions{});
}

inline QStringList lines(Connection& connection, const std::string& sql)
{
    QStringList out;
    auto st = connection.prepare(sql);
    while (st.step())
        out << QString::fromStdString(st.text(0));
    return out;
}

// The roll-up's rows, one line per (combination, day), values quoted with their type.
inline QStringList rollupRows(Connection& connection)
{
    return lines(connection,
                 "SELECT quote(g.collection) || '|' || quote(g.user_id) || '|' || quote(g.task_type) || '|' || "
                 "quote(g.tool_name) || '|' || quote(g.version) || '|' || quote(g.outcome_type) || '|' || "
                 "quote(g.state) || '|' || d.day || '|' || d.n FROM rollup_groups g JOIN rollup_days d "
                 "ON d.gid = g.gid ORDER BY 1");
}

// The same computed from memories: what the roll-up must always equal.
inline QStringList groupByRows(Connection& connection)
{
    return lines(connection,
                 "SELECT quote(collection) || '|' || quote(coalesce(user_id, x'')) || '|' || "
                 "quote(coalesce(task_type, x'')) || '|' || quote(coalesce(tool_name, x'')) || '|' || "
                 "quote(coalesce(version, x'')) || '|' || quote(coalesce(outcome_type, x'')) || '|' || "
                 "quote(state) || '|' || day || '|' || count(*) FROM (SELECT *, (coalesce(ts, created_at) - "
                 "(coalesce(ts, created_at) % 86400000000 + 86400000000) % 86400000000) / 86400000000 AS day "
                 "FROM memories) GROUP BY collection, "
                 "coalesce(user_id, x''), coalesce(task_type, x''), coalesce(tool_name, x''), "
                 "coalesce(version, x''), coalesce(outcome_type, x''), state, day ORDER BY 1");
}

// Groups whose total differs from the sum of their days, or that hold no records: must be none.
inline QStringList rollupInconsistencies(Connection& connection)
{
    return lines(connection, "SELECT 'group ' || g.gid || ': n ' || g.n || ', days ' || "
                             "coalesce((SELECT sum(n) FROM rollup_days d WHERE d.gid = g.gid), 0) "
                             "FROM rollup_groups g WHERE g.n <= 0 OR g.n IS NOT "
                             "(SELECT sum(n) FROM rollup_days d WHERE d.gid = g.gid) "
                             "UNION ALL SELECT 'day row ' || gid || '/' || day || ': n ' || n FROM rollup_days "
                             "WHERE n <= 0 OR gid NOT IN (SELECT gid FROM rollup_groups)");
}

} // namespace memscope::test
