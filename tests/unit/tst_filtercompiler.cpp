#include <filter/FilterCompiler.h>
#include <storage/Connection.h>
#include <storage/Schema.h>
#include <util/Error.h>
#include <util/Time.h>

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>
#include <optional>

using namespace memscope;
using nlohmann::json;

namespace {

// Hand-made records, written straight into `memories` so the filter is checked against exactly this data.
// (JSON with ' or \" is written as plain literals: Qt 6.4's moc misreads such raw strings and skips the class.)
struct Row {
    const char* id;
    const char* memory;
    const char* user;
    const char* agent;
    const char* run;
    const char* collection;
    const char* state;
    int day;                // created on 2024-07-<day> 00:00Z, updated 12 hours later
    const char* expiration; // ISO-8601 or null
    const char* metadata;
};

const Row kRows[] = {
    {"r01", "Fixed the SQL query by adding an index", "alice", "coder", "run-1", "task_outcomes", "active", 1, nullptr,
     R"({"outcome_type":"success","task_type":"sql_query_debug","tool_name":"sql_runner","severity":2,
         "user_scope":"global","version":3,"timestamp":"2024-07-01T08:00:00Z","tags":["sql","perf"],
         "attempts":3,"score":0.9,"flaky":false,"label":"alpha"})"},
    {"r02", "Query timed out; retried with LIMIT 100", "alice", "coder", "run-1", "task_outcomes", "active", 2, nullptr,
     R"({"outcome_type":"failure","task_type":"sql_query_debug","tool_name":"sql_runner","severity":4,
         "version":"3","timestamp":1719900000,"tags":["sql","timeout"],"attempts":5,"score":0.25,"flaky":true,
         "label":"Beta"})"},
    {"r03", "Deployed the web service with Docker", "bob", "deployer", "run-2", "task_outcomes", "active", 3,
     "2024-08-01T00:00:00Z",
     R"({"outcome_type":"success","task_type":"deploy","tool_name":"docker","severity":"high","version":2,
         "timestamp":"2024-07-03T10:00:00+02:00","tags":["deploy"],"attempts":"7","label":"gamma ray"})"},
    {"r04", "Partial migration: 3 of 5 tables moved", "bob", nullptr, nullptr, "task_outcomes", "active", 4,
     "2024-07-05T00:00:00Z",
     R"({"outcome_type":"partial","task_type":"migration","tool_name":"psql","severity":3,
         "user_scope":"user_specific","tags":[],"deadline":"2024-07-10T00:00:00Z"})"},
    {"r05", "Unknown result from the API call", nullptr, "coder", nullptr, "task_outcomes", "archived", 5, nullptr,
     R"({"outcome_type":"unknown","task_type":"api_call","tool_name":"curl",
         "deadline":"2024-07-20T12:00:00-05:00"})"},
    {"r06", "User prefers dark mode", "carol", nullptr, nullptr, "preferences", "active", 6, nullptr,
     R"({"theme":"dark","nested":{"level":2,"name":"x"},"langs":["cpp","sql",3]})"},
    {"r07", "Obsolete: 100% wrong_name", "alice", nullptr, nullptr, "task_outcomes", "deleted", 7, nullptr,
     "{\"outcome_type\":\"failure\",\"task_type\":\"sql_query_debug\",\"tags\":[\"sql\"],\"say \\\"hi\\\"\":1,"
     "\"back\\\\slash\":2,\"it's\":\"yes\",\"a.b\":\"dotted\"}"},
    {"r08", "Injected text x' OR 1=1 --", "x' OR 1=1 --", nullptr, nullptr, "task_outcomes", "active", 8, nullptr,
     "{\"outcome_type\":\"success\",\"task_type\":\"deploy\",\"note\":\"x' OR 1=1 --\"}"},
    {"r09", "Rolled back the production deploy", "bob", "deployer", "run-2", "task_outcomes", "active", 9, nullptr,
     R"({"outcome_type":"failure","task_type":"deploy","tool_name":"docker","timestamp":1720000000000,
         "when":1720000000,"tags":["Deploy","Prod"],"severity":5})"},
    {"r10", "Feature flag toggled", "carol", "coder", nullptr, "task_outcomes", "active", 10, nullptr,
     R"({"outcome_type":"success","task_type":"sql_query_debug","version":true,"enabled":true})"},
    {"r11", "Plain record with no metadata", "alice", nullptr, nullptr, "task_outcomes", "active", 11, nullptr, "{}"},
    {"r12", "Retried the API call twice", "dave", nullptr, "run-3", "task_outcomes", "active", 12, nullptr,
     R"({"outcome_type":"partial","task_type":"api_call","tags":"solo","score":1,"attempts":10,"flaky":1,
         "label":"ALPHA","ключ":"значение","version":"10"})"},
};

constexpr std::int64_t kJuly1 = 1719792000; // 2024-07-01T00:00:00Z

QStringList ids(const char* list) { return QString(list).split(' ', Qt::SkipEmptyParts); }

QStringList allBut(const char* list)
{
    QStringList out;
    const QStringList excluded = ids(list);
    for (const auto& row : kRows)
        if (!excluded.contains(row.id))
            out << row.id;
    return out;
}

// What RecordTable writes into the typed columns: strings and numbers keep their type, anything else is NULL.
SqlValue indexed(const json& metadata, const char* key)
{
    const auto it = metadata.find(key);
    if (it == metadata.end())
        return nullptr;
    if (it->is_string())
        return it->get<std::string>();
    if (it->is_number_integer())
        return it->get<std::int64_t>();
    if (it->is_number())
        return it->get<double>();
    return nullptr;
}

SqlValue timestampColumn(const json& metadata)
{
    const auto it = metadata.find("timestamp");
    if (it != metadata.end() && it->is_number())
        return microsFromEpochNumber(it->get<double>());
    if (it != metadata.end() && it->is_string())
        if (const auto t = parseIsoTime(it->get<std::string>()))
            return *t;
    return nullptr;
}

SqlValue textOrNull(const char* text) { return text ? SqlValue(std::string(text)) : SqlValue(nullptr); }

} // namespace

class TestFilterCompiler : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Connection> m_db;

    QStringList select(const json& filter)
    {
        const CompiledFilter compiled = FilterCompiler::compile(filter);
        const auto placeholders = std::count(compiled.sql.begin(), compiled.sql.end(), '?');
        if (static_cast<std::size_t>(placeholders) != compiled.params.size())
            throw std::logic_error("placeholders and parameters differ in number: " + compiled.sql);
        auto st = m_db->prepare("SELECT id FROM memories m WHERE " + compiled.sql + " ORDER BY id");
        st.bindAll(compiled.params);
        QStringList out;
        while (st.step())
            out << QString::fromStdString(st.text(0));
        return out;
    }

    std::int64_t rowCount()
    {
        auto st = m_db->prepare("SELECT count(*) FROM memories");
        st.step();
        return st.int64(0);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<Connection>(m_dir.filePath("filter.db").toStdString(), Connection::Options{});
        Schema::prepare(*m_db);
        auto st = m_db->prepare(
            "INSERT INTO memories (rid, id, memory, hash, user_id, agent_id, run_id, collection, metadata, state, "
            "created_at, updated_at, expiration_date, outcome_type, task_type, tool_name, severity, user_scope, "
            "version, ts) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20)");
        std::int64_t rid = 0;
        for (const auto& row : kRows) {
            const json metadata = json::parse(row.metadata);
            const std::int64_t created = (kJuly1 + (row.day - 1) * 86400) * 1000000;
            st.bind(1, ++rid).bind(2, row.id).bind(3, row.memory).bind(4, std::string("h") + row.id);
            st.bind(5, textOrNull(row.user)).bind(6, textOrNull(row.agent)).bind(7, textOrNull(row.run));
            st.bind(8, row.collection).bind(9, metadata.dump()).bind(10, row.state);
            st.bind(11, created).bind(12, created + std::int64_t(12) * 3600 * 1000000);
            st.bind(13, row.expiration ? SqlValue(*parseIsoTime(row.expiration)) : SqlValue(nullptr));
            int column = 14;
            for (const char* key : {"outcome_type", "task_type", "tool_name", "severity", "user_scope", "version"})
                st.bind(column++, indexed(metadata, key));
            st.bind(20, timestampColumn(metadata));
            st.run();
            st.reset();
        }
        QCOMPARE(rowCount(), std::int64_t(std::size(kRows)));
    }

    void cleanupTestCase() { m_db.reset(); }

    void matches_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QStringList>("expected");

        // Empty filters.
        QTest::addRow("empty object") << "{}" << allBut("");
        QTest::addRow("null") << "null" << allBut("");
        QTest::addRow("AND of an empty object") << R"({"AND":[{},{"user_id":"dave"}]})" << ids("r12");

        // Core text fields, every operator.
        QTest::addRow("user bare eq") << R"({"user_id":"alice"})" << ids("r01 r02 r07 r11");
        QTest::addRow("user eq") << R"({"user_id":{"eq":"bob"}})" << ids("r03 r04 r09");
        QTest::addRow("user ne counts missing") << R"({"user_id":{"ne":"alice"}})" << allBut("r01 r02 r07 r11");
        QTest::addRow("user in") << R"({"user_id":{"in":["bob","carol"]}})" << ids("r03 r04 r06 r09 r10");
        QTest::addRow("user bare list") << R"({"user_id":["dave","carol"]})" << ids("r06 r10 r12");
        QTest::addRow("user nin counts missing")
            << R"({"user_id":{"nin":["alice","bob"]}})" << ids("r05 r06 r08 r10 r12");
        QTest::addRow("user bare null") << R"({"user_id":null})" << ids("r05");
        QTest::addRow("user ne null") << R"({"user_id":{"ne":null}})" << allBut("r05");
        QTest::addRow("user present") << R"({"user_id":"*"})" << allBut("r05");
        QTest::addRow("agent eq null") << R"({"agent_id":{"eq":null}})" << ids("r04 r06 r07 r08 r11 r12");
        QTest::addRow("run in with null")
            << R"({"run_id":{"in":["run-3",null]}})" << ids("r04 r05 r06 r07 r08 r10 r11 r12");
        QTest::addRow("run nin with null") << R"({"run_id":{"nin":["run-1",null]}})" << ids("r03 r09 r12");
        QTest::addRow("collection") << R"({"collection":"preferences"})" << ids("r06");
        QTest::addRow("state") << R"({"state":"archived"})" << ids("r05");
        QTest::addRow("state in") << R"({"state":{"in":["archived","deleted"]}})" << ids("r05 r07");
        QTest::addRow("state ne") << R"({"state":{"ne":"active"}})" << ids("r05 r07");
        QTest::addRow("state nin") << R"({"state":{"nin":["active","archived"]}})" << ids("r07");
        QTest::addRow("id gt") << R"({"id":{"gt":"r09"}})" << ids("r10 r11 r12");
        QTest::addRow("id gte lte") << R"({"id":{"gte":"r10","lte":"r11"}})" << ids("r10 r11");
        QTest::addRow("id lt") << R"({"id":{"lt":"r02"}})" << ids("r01");
        QTest::addRow("hash") << R"({"hash":"hr03"})" << ids("r03");
        QTest::addRow("memory eq") << R"({"memory":"Feature flag toggled"})" << ids("r10");
        QTest::addRow("memory contains") << R"({"memory":{"contains":"API"}})" << ids("r05 r12");
        QTest::addRow("memory contains is case-sensitive") << R"({"memory":{"contains":"api"}})" << ids("");
        QTest::addRow("memory icontains") << R"({"memory":{"icontains":"api"}})" << ids("r05 r12");
        QTest::addRow("memory icontains upper") << R"({"memory":{"icontains":"DOCKER"}})" << ids("r03");
        QTest::addRow("contains: percent sign is literal") << R"({"memory":{"contains":"100%"}})" << ids("r07");
        QTest::addRow("contains: underscore is literal") << R"({"memory":{"contains":"g_n"}})" << ids("r07");

        // Times on the core columns: ISO-8601 in any zone, epoch s / ms / us.
        QTest::addRow("created gte date") << R"({"created_at":{"gte":"2024-07-10"}})" << ids("r10 r11 r12");
        QTest::addRow("created gt with offset")
            << R"({"created_at":{"gt":"2024-07-10T01:00:00+02:00"}})" << ids("r10 r11 r12");
        QTest::addRow("created gt no zone is utc")
            << R"({"created_at":{"gt":"2024-07-10T01:00:00"}})" << ids("r11 r12");
        QTest::addRow("created lt epoch s") << R"({"created_at":{"lt":1719964800}})" << ids("r01 r02");
        QTest::addRow("created lte epoch ms") << R"({"created_at":{"lte":1719964800000}})" << ids("r01 r02 r03");
        QTest::addRow("created eq epoch us") << R"({"created_at":{"eq":1719964800000000}})" << ids("r03");
        QTest::addRow("created bare epoch s") << R"({"created_at":1719964800})" << ids("r03");
        QTest::addRow("created fractional s") << R"({"created_at":{"lt":1719792000.5}})" << ids("r01");
        QTest::addRow("created range") << R"({"created_at":{"gte":"2024-07-04","lt":"2024-07-06T00:00:00Z"}})"
                                       << ids("r04 r05");
        QTest::addRow("created in mixed forms")
            << R"({"created_at":{"in":["2024-07-01","2024-07-02T02:00:00+02:00",1720569600]}})" << ids("r01 r02 r10");
        QTest::addRow("created ne") << R"({"created_at":{"ne":"2024-07-01T00:00:00Z"}})" << allBut("r01");
        QTest::addRow("updated gt") << R"({"updated_at":{"gt":"2024-07-11T13:00:00Z"}})" << ids("r12");
        QTest::addRow("expiration present") << R"({"expiration_date":"*"})" << ids("r03 r04");
        QTest::addRow("expiration null") << R"({"expiration_date":null})" << allBut("r03 r04");
        QTest::addRow("expiration lt") << R"({"expiration_date":{"lt":"2024-07-06"}})" << ids("r04");
        QTest::addRow("expiration ne counts missing")
            << R"({"expiration_date":{"ne":"2024-08-01T00:00:00Z"}})" << allBut("r03");
        QTest::addRow("expiration nin counts missing")
            << R"({"expiration_date":{"nin":[1722470400]}})" << allBut("r03");

        // Indexed metadata keys, flat, under "metadata" and dotted.
        QTest::addRow("outcome") << R"({"outcome_type":"failure"})" << ids("r02 r07 r09");
        QTest::addRow("outcome nested in")
            << R"({"metadata":{"outcome_type":{"in":["partial","unknown"]}}})" << ids("r04 r05 r12");
        QTest::addRow("outcome ne counts missing")
            << R"({"outcome_type":{"ne":"success"}})" << allBut("r01 r03 r08 r10");
        QTest::addRow("outcome present") << R"({"outcome_type":"*"})" << allBut("r06 r11");
        QTest::addRow("task flat") << R"({"task_type":"sql_query_debug"})" << ids("r01 r02 r07 r10");
        QTest::addRow("task nested") << R"({"metadata":{"task_type":"sql_query_debug"}})" << ids("r01 r02 r07 r10");
        QTest::addRow("task dotted") << R"({"metadata.task_type":"deploy"})" << ids("r03 r08 r09");
        QTest::addRow("task nin counts missing")
            << R"({"task_type":{"nin":["deploy","sql_query_debug"]}})" << ids("r04 r05 r06 r11 r12");
        QTest::addRow("severity gte number skips text") << R"({"severity":{"gte":3}})" << ids("r02 r04 r09");
        QTest::addRow("severity lt number") << R"({"severity":{"lt":3}})" << ids("r01");
        QTest::addRow("severity text") << R"({"severity":"high"})" << ids("r03");
        QTest::addRow("severity number") << R"({"severity":2})" << ids("r01");
        QTest::addRow("severity \"2\" is not 2") << R"({"severity":"2"})" << ids("");
        QTest::addRow("version number") << R"({"version":3})" << ids("r01");
        QTest::addRow("version string") << R"({"version":"3"})" << ids("r02");
        QTest::addRow("version gt number") << R"({"version":{"gt":2}})" << ids("r01");
        QTest::addRow("version gt string") << R"({"version":{"gt":"2"}})" << ids("r02");
        QTest::addRow("version boolean") << R"({"version":true})" << ids("r10");
        QTest::addRow("version ne boolean") << R"({"version":{"ne":true}})" << allBut("r10");
        QTest::addRow("version in mixed") << R"({"version":{"in":[2,"10",true]}})" << ids("r03 r10 r12");
        QTest::addRow("version present") << R"({"version":"*"})" << ids("r01 r02 r03 r10 r12");
        QTest::addRow("version null") << R"({"version":null})" << allBut("r01 r02 r03 r10 r12");
        QTest::addRow("tool icontains") << R"({"tool_name":{"icontains":"SQL"}})" << ids("r01 r02 r04");
        QTest::addRow("tool contains") << R"({"tool_name":{"contains":"dock"}})" << ids("r03 r09");
        QTest::addRow("scope ne counts missing") << R"({"user_scope":{"ne":"global"}})" << allBut("r01");
        QTest::addRow("timestamp gte with offset")
            << R"({"timestamp":{"gte":"2024-07-02T08:00:00+02:00"}})" << ids("r02 r03 r09");
        QTest::addRow("timestamp nested lt epoch")
            << R"({"metadata":{"timestamp":{"lt":1719964800}}})" << ids("r01 r02");
        QTest::addRow("timestamp present") << R"({"timestamp":"*"})" << ids("r01 r02 r03 r09");

        // Any other metadata key: numbers as numbers, strings as strings, booleans as booleans.
        QTest::addRow("meta gt number skips strings") << R"({"attempts":{"gt":4}})" << ids("r02 r12");
        QTest::addRow("meta lte number") << R"({"attempts":{"lte":5}})" << ids("r01 r02");
        QTest::addRow("meta two ops") << R"({"attempts":{"gte":3,"lt":10}})" << ids("r01 r02");
        QTest::addRow("meta string \"7\"") << R"({"attempts":"7"})" << ids("r03");
        QTest::addRow("meta number 7 is not \"7\"") << R"({"attempts":7})" << ids("");
        QTest::addRow("meta double lt") << R"({"score":{"lt":0.5}})" << ids("r02");
        QTest::addRow("meta double gte") << R"({"score":{"gte":0.9}})" << ids("r01 r12");
        QTest::addRow("meta 1.0 equals 1") << R"({"score":1.0})" << ids("r12");
        QTest::addRow("meta true") << R"({"flaky":true})" << ids("r02");
        QTest::addRow("meta false") << R"({"flaky":false})" << ids("r01");
        QTest::addRow("meta 1 is not true") << R"({"flaky":1})" << ids("r12");
        QTest::addRow("meta ne 1") << R"({"flaky":{"ne":1}})" << allBut("r12");
        QTest::addRow("meta ne false") << R"({"flaky":{"ne":false}})" << allBut("r01");
        QTest::addRow("meta in true or 1") << R"({"flaky":{"in":[true,1]}})" << ids("r02 r12");
        QTest::addRow("meta nin true") << R"({"flaky":{"nin":[true]}})" << allBut("r02");
        QTest::addRow("meta gt 0 skips booleans") << R"({"flaky":{"gt":0}})" << ids("r12");
        QTest::addRow("meta enabled") << R"({"enabled":true})" << ids("r10");
        QTest::addRow("meta icontains") << R"({"label":{"icontains":"ALPHA"}})" << ids("r01 r12");
        QTest::addRow("meta contains") << R"({"label":{"contains":"alpha"}})" << ids("r01");
        QTest::addRow("meta contains middle") << R"({"label":{"contains":"ma r"}})" << ids("r03");
        QTest::addRow("meta gt string skips numbers") << R"({"label":{"gt":"a"}})" << ids("r01 r03");
        QTest::addRow("meta ne counts missing") << R"({"label":{"ne":"alpha"}})" << allBut("r01");
        QTest::addRow("meta nin counts missing") << R"({"label":{"nin":["alpha","Beta"]}})" << allBut("r01 r02");
        QTest::addRow("meta in") << R"({"label":["alpha","ALPHA"]})" << ids("r01 r12");
        QTest::addRow("meta null") << R"({"theme":null})" << allBut("r06");
        QTest::addRow("meta present") << R"({"theme":"*"})" << ids("r06");
        QTest::addRow("meta ne counts missing 2") << R"({"theme":{"ne":"light"}})" << allBut("");
        QTest::addRow("meta nested form") << R"({"metadata":{"theme":"dark"}})" << ids("r06");
        QTest::addRow("meta dotted path") << R"({"metadata.nested.level":{"gte":2}})" << ids("r06");
        QTest::addRow("meta dotted path text") << R"({"metadata.nested.name":"x"})" << ids("r06");
        QTest::addRow("flat dotted key is one key") << R"({"nested.level":2})" << ids("");
        QTest::addRow("meta key with dot, nested") << R"({"metadata":{"a.b":"dotted"}})" << ids("r07");
        QTest::addRow("meta key with quote") << "{\"say \\\"hi\\\"\":1}" << ids("r07");
        QTest::addRow("meta key with backslash") << R"({"back\\slash":2})" << ids("r07");
        QTest::addRow("meta key with apostrophe") << "{\"it's\":\"yes\"}" << ids("r07");
        QTest::addRow("meta key in Cyrillic") << R"({"ключ":"значение"})" << ids("r12");
        QTest::addRow("meta list contains string") << R"({"langs":{"contains":"sql"}})" << ids("r06");
        QTest::addRow("meta list contains number") << R"({"langs":{"contains":3}})" << ids("r06");
        QTest::addRow("meta list contains is membership") << R"({"langs":{"contains":"cp"}})" << ids("");
        QTest::addRow("meta list icontains") << R"({"langs":{"icontains":"CP"}})" << ids("r06");
        QTest::addRow("meta contains number needs a list") << R"({"attempts":{"contains":3}})" << ids("");

        // Times in metadata keys without a column: compared as times whatever their form and zone.
        QTest::addRow("meta time gte across zones")
            << R"({"deadline":{"gte":"2024-07-10T01:00:00+02:00"}})" << ids("r04 r05");
        QTest::addRow("meta time lt across zones") << R"({"deadline":{"lt":"2024-07-20T16:00:00Z"}})" << ids("r04");
        QTest::addRow("meta time gt date") << R"({"deadline":{"gt":"2024-07-15"}})" << ids("r05");
        QTest::addRow("meta epoch vs ISO") << R"({"when":{"gt":"2024-07-03T09:00:00Z"}})" << ids("r09");
        QTest::addRow("meta epoch vs number") << R"({"when":{"gt":1719999999}})" << ids("r09");

        // tags: list membership.
        QTest::addRow("tags eq") << R"({"tags":"sql"})" << ids("r01 r02 r07");
        QTest::addRow("tags contains") << R"({"tags":{"contains":"perf"}})" << ids("r01");
        QTest::addRow("tags nested contains") << R"({"metadata":{"tags":{"contains":"sql"}}})" << ids("r01 r02 r07");
        QTest::addRow("tags in") << R"({"tags":{"in":["timeout","deploy"]}})" << ids("r02 r03");
        QTest::addRow("tags bare list") << R"({"tags":["perf","Prod"]})" << ids("r01 r09");
        QTest::addRow("tags nin") << R"({"tags":{"nin":["sql"]}})" << allBut("r01 r02 r07");
        QTest::addRow("tags ne") << R"({"tags":{"ne":"sql"}})" << allBut("r01 r02 r07");
        QTest::addRow("tags case-sensitive") << R"({"tags":"Deploy"})" << ids("r09");
        QTest::addRow("tags icontains") << R"({"tags":{"icontains":"DEPLOY"}})" << ids("r03 r09");
        QTest::addRow("tags single string") << R"({"tags":"solo"})" << ids("r12");
        QTest::addRow("tags present") << R"({"tags":"*"})" << ids("r01 r02 r03 r04 r07 r09 r12");
        QTest::addRow("tags null") << R"({"tags":null})" << ids("r05 r06 r08 r10 r11");

        // AND / OR / NOT.
        QTest::addRow("OR") << R"({"OR":[{"user_id":"bob"},{"outcome_type":"unknown"}]})" << ids("r03 r04 r05 r09");
        QTest::addRow("AND with sibling")
            << R"({"AND":[{"task_type":"sql_query_debug"},{"outcome_type":"failure"}],"state":"active"})" << ids("r02");
        QTest::addRow("siblings are ANDed") << R"({"user_id":"alice","tags":"sql","state":"active"})" << ids("r01 r02");
        QTest::addRow("NOT list is none of")
            << R"({"NOT":[{"user_id":"alice"},{"user_id":"bob"}]})" << ids("r05 r06 r08 r10 r12");
        QTest::addRow("NOT object counts missing") << R"({"NOT":{"task_type":"deploy"}})" << allBut("r03 r08 r09");
        QTest::addRow("NOT comparison counts missing") << R"({"NOT":{"severity":{"gt":3}}})" << allBut("r02 r09");
        QTest::addRow("NOT NOT") << R"({"NOT":{"NOT":{"user_id":"dave"}}})" << ids("r12");
        QTest::addRow("nested") << R"({"OR":[{"AND":[{"user_id":"alice"},{"NOT":{"tags":"perf"}}]},
                         {"AND":[{"severity":{"gte":5}},{"created_at":{"gte":"2024-07-09"}}]}]})"
                                << ids("r02 r07 r09 r11");
        QTest::addRow("OR inside metadata")
            << R"({"metadata":{"OR":[{"task_type":"migration"},{"theme":"dark"}]}})" << ids("r04 r06");
        QTest::addRow("OR of ANDs with times")
            << R"({"OR":[{"created_at":{"lt":"2024-07-02"}},{"AND":[{"state":"active"},{"timestamp":{"gt":1720000000}}]}]})"
            << ids("r01");
    }

    void matches()
    {
        QFETCH(QString, filter);
        QFETCH(QStringList, expected);
        const json parsed = json::parse(filter.toStdString());
        QCOMPARE(select(parsed), expected);
        QCOMPARE(QString::fromStdString(FilterCompiler::validate(parsed)), QString());
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QStringList>("mentions"); // all of these appear in the message

        QTest::addRow("list at top") << R"([{"user_id":"a"}])" << QStringList{"expected a JSON object"};
        QTest::addRow("string at top") << R"("user_id")" << QStringList{"expected a JSON object"};
        QTest::addRow("unknown operator")
            << R"({"task_type":{"equals":"x"}})"
            << QStringList{"key 'task_type'", "unknown operator 'equals'", "eq, ne, in, nin"};
        QTest::addRow("unknown beside a known one")
            << R"({"user_id":{"eq":"a","bogus":1}})" << QStringList{"key 'user_id'", "unknown operator 'bogus'"};
        QTest::addRow("no operator") << R"({"user_id":{}})" << QStringList{"key 'user_id'", "at least one operator"};
        QTest::addRow("gt bool time") << R"({"created_at":{"gt":true}})"
                                      << QStringList{"key 'created_at'", "operator 'gt'", "ISO-8601"};
        QTest::addRow("gte words time") << R"({"timestamp":{"gte":"soon"}})"
                                        << QStringList{"key 'timestamp'", "operator 'gte'", "\"soon\""};
        QTest::addRow("bare bool time") << R"({"created_at":true})" << QStringList{"key 'created_at'", "operator 'eq'"};
        QTest::addRow("time out of range")
            << R"({"created_at":{"lt":1e300}})" << QStringList{"key 'created_at'", "operator 'lt'", "range"};
        QTest::addRow("in empty") << R"({"user_id":{"in":[]}})"
                                  << QStringList{"key 'user_id'", "operator 'in'", "non-empty list"};
        QTest::addRow("bare empty list") << R"({"user_id":[]})"
                                         << QStringList{"key 'user_id'", "operator 'in'", "non-empty list"};
        QTest::addRow("nin scalar") << R"({"user_id":{"nin":"alice"}})"
                                    << QStringList{"key 'user_id'", "operator 'nin'", "non-empty list"};
        QTest::addRow("tags in scalar") << R"({"tags":{"in":"sql"}})" << QStringList{"key 'tags'", "operator 'in'"};
        QTest::addRow("tags contains bool")
            << R"({"tags":{"contains":true}})" << QStringList{"key 'tags'", "operator 'contains'"};
        QTest::addRow("tags gt") << R"({"tags":{"gt":1}})" << QStringList{"key 'tags'", "operator 'gt'"};
        QTest::addRow("contains number on text")
            << R"({"memory":{"contains":5}})" << QStringList{"key 'memory'", "operator 'contains'", "string"};
        QTest::addRow("icontains list") << R"({"label":{"icontains":["a"]}})"
                                        << QStringList{"key 'label'", "operator 'icontains'"};
        QTest::addRow("contains on time")
            << R"({"created_at":{"contains":"2024"}})" << QStringList{"key 'created_at'", "operator 'contains'"};
        QTest::addRow("gt null") << R"({"severity":{"gt":null}})" << QStringList{"key 'severity'", "operator 'gt'"};
        QTest::addRow("gt list") << R"({"severity":{"gt":[1]}})" << QStringList{"key 'severity'", "operator 'gt'"};
        QTest::addRow("lt object") << R"({"label":{"lt":{"a":1}}})" << QStringList{"key 'label'", "operator 'lt'"};
        QTest::addRow("eq object") << R"({"flaky":{"eq":{"a":1}}})" << QStringList{"key 'flaky'", "operator 'eq'"};
        QTest::addRow("number for text field")
            << R"({"user_id":42})" << QStringList{"key 'user_id'", "operator 'eq'", "string"};
        QTest::addRow("AND empty") << R"({"AND":[]})" << QStringList{"'AND'", "non-empty list"};
        QTest::addRow("OR object") << R"({"OR":{"user_id":"a"}})" << QStringList{"'OR'", "non-empty list"};
        QTest::addRow("AND item not object") << R"({"AND":[{"user_id":"a"},3]})" << QStringList{"'AND'", "got 3"};
        QTest::addRow("NOT empty") << R"({"NOT":[]})" << QStringList{"'NOT'"};
        QTest::addRow("NOT string") << R"({"NOT":"x"})" << QStringList{"'NOT'"};
        QTest::addRow("state unknown") << R"({"state":"gone"})"
                                       << QStringList{"key 'state'", "operator 'eq'", "active, archived or deleted"};
        QTest::addRow("state in unknown")
            << R"({"state":{"in":["active","removed"]}})" << QStringList{"key 'state'", "operator 'in'", "\"removed\""};
        QTest::addRow("state gt") << R"({"state":{"gt":"active"}})" << QStringList{"key 'state'", "operator 'gt'"};
        QTest::addRow("outcome invalid") << R"({"outcome_type":"win"})"
                                         << QStringList{"key 'outcome_type'", "operator 'eq'",
                                                        "success, failure, partial or unknown"};
        QTest::addRow("outcome nested invalid")
            << R"({"metadata":{"outcome_type":{"ne":"WIN"}}})" << QStringList{"key 'outcome_type'", "operator 'ne'"};
        QTest::addRow("empty key") << R"({"":"x"})" << QStringList{"key ''", "empty"};
        QTest::addRow("empty nested key") << R"({"metadata":{"":1}})" << QStringList{"key ''", "empty"};
        QTest::addRow("empty path step") << R"({"metadata..x":1})" << QStringList{"key 'metadata..x'", "empty"};
        QTest::addRow("control character") << R"({"bad\u0001key":1})" << QStringList{"control characters"};
        QTest::addRow("quote and dot") << "{\"a\\\"b.c\":1}" << QStringList{"key 'a\"b.c'"};
        QTest::addRow("metadata not object") << R"({"metadata":"x"})" << QStringList{"key 'metadata'", "object"};
    }

    void rejects()
    {
        QFETCH(QString, filter);
        QFETCH(QStringList, mentions);
        const json parsed = json::parse(filter.toStdString());
        QString message;
        try {
            FilterCompiler::compile(parsed);
            QFAIL("compile accepted an invalid filter");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::InvalidArgument);
            message = QString::fromUtf8(e.what());
        }
        QVERIFY2(message.startsWith("filter: "), qPrintable(message));
        for (const auto& part : mentions)
            QVERIFY2(message.contains(part), qPrintable(message + "  (should mention " + part + ")"));
        QCOMPARE(QString::fromStdString(FilterCompiler::validate(parsed)), message);
    }

    void messagesReadAsDocumented()
    {
        const auto message = [](const char* filter) {
            return QString::fromStdString(FilterCompiler::validate(json::parse(filter)));
        };
        QCOMPARE(message(R"({"created_at":{"gt":true}})"),
                 QString("filter: key 'created_at': operator 'gt' needs an ISO-8601 time or a number, got true"));
        QCOMPARE(message(R"({"task_type":{"equals":"x"}})"),
                 QString("filter: key 'task_type': unknown operator 'equals' (use eq, ne, in, nin, gt, gte, lt, lte, "
                         "contains, icontains or \"*\")"));
    }

    void emptyFilterIsOne()
    {
        for (const json& filter : {json(), json::object()}) {
            const auto compiled = FilterCompiler::compile(filter);
            QCOMPARE(compiled.sql, std::string("1"));
            QVERIFY(compiled.params.empty());
            QVERIFY(compiled.empty());
        }
        QVERIFY(!FilterCompiler::compile(json{{"user_id", "alice"}}).empty());
    }

    // Values and metadata key names reach SQLite as parameters: nothing a user writes is SQL text.
    void sqlInValuesIsPlainText()
    {
        const std::string hostile = "x' OR 1=1 --";
        QCOMPARE(select(json{{"user_id", hostile}}), ids("r08"));
        QCOMPARE(select(json{{"note", hostile}}), ids("r08"));
        QCOMPARE(select(json{{"memory", {{"contains", "' OR '1'='1"}}}}), ids(""));
        QCOMPARE(select(json{{"user_id", {{"in", json::array({"' OR 1=1); DROP TABLE memories; --", "dave"})}}}}),
                 ids("r12"));
        QCOMPARE(select(json{{"x') OR 1=1 --", "y"}}), ids(""));
        QCOMPARE(select(json{{"metadata", {{"'); DROP TABLE memories; --", {{"ne", 1}}}}}}), allBut(""));
        QCOMPARE(rowCount(), std::int64_t(std::size(kRows)));

        const auto compiled = FilterCompiler::compile(
            json{{"user_id", hostile}, {"x') OR 1=1 --", {{"gt", "' --"}}}, {"tags", {{"nin", json::array({"'"})}}}});
        QVERIFY2(compiled.sql.find("1=1") == std::string::npos, compiled.sql.c_str());
        QVERIFY2(compiled.sql.find("--") == std::string::npos, compiled.sql.c_str());
        QVERIFY(std::find(compiled.params.begin(), compiled.params.end(), SqlValue(hostile)) != compiled.params.end());
    }

    // Numbers are bound as numbers and times as int64 microseconds, never as text.
    void parameterTypes()
    {
        // The value's parameter (the others are JSON paths).
        const auto one = [](const json& filter) {
            for (const auto& p : FilterCompiler::compile(filter).params)
                if (!std::holds_alternative<std::string>(p) || std::get<std::string>(p).rfind("$.", 0) != 0)
                    return p;
            return SqlValue(nullptr);
        };
        QCOMPARE(one(json{{"attempts", 5}}), SqlValue(std::int64_t(5)));
        QCOMPARE(one(json{{"score", 0.5}}), SqlValue(0.5));
        QCOMPARE(one(json{{"attempts", "5"}}), SqlValue(std::string("5")));
        QCOMPARE(one(json{{"created_at", {{"gt", "2024-07-01T02:00:00+02:00"}}}}),
                 SqlValue(std::int64_t(kJuly1) * 1000000));
        QCOMPARE(one(json{{"updated_at", {{"gt", kJuly1}}}}), SqlValue(std::int64_t(kJuly1) * 1000000));
        QCOMPARE(one(json{{"created_at", 1719792000123456LL}}), SqlValue(std::int64_t(1719792000123456LL)));
        QCOMPARE(one(json{{"deadline", {{"lt", "2024-07-01"}}}}), SqlValue(std::int64_t(kJuly1) * 1000000));
    }

    void nestingDepthIsCapped()
    {
        const auto nested = [](int levels) {
            json filter = {{"user_id", "dave"}};
            for (int i = 0; i < levels; ++i)
                filter = json{{i % 2 ? "AND" : "OR", json::array({filter})}};
            return filter;
        };
        QCOMPARE(select(nested(32)), ids("r12"));
        const std::string message = FilterCompiler::validate(nested(33));
        QVERIFY2(message.find("deeper than 32") != std::string::npos, message.c_str());
        QVERIFY_THROWS_EXCEPTION(Error, FilterCompiler::compile(nested(500)));
    }

    // The same condition written flat, under "metadata" and dotted compiles to the same SQL.
    void metadataFormsAgree()
    {
        const auto flat = FilterCompiler::compile(json::parse(R"({"task_type":{"in":["a","b"]},"foo":{"gt":1}})"));
        const auto nested =
            FilterCompiler::compile(json::parse(R"({"metadata":{"task_type":{"in":["a","b"]},"foo":{"gt":1}}})"));
        const auto dotted =
            FilterCompiler::compile(json::parse(R"({"metadata.task_type":{"in":["a","b"]},"metadata.foo":{"gt":1}})"));
        QCOMPARE(nested.sql, flat.sql);
        QCOMPARE(dotted.sql, flat.sql);
        QVERIFY(nested.params == flat.params);
        QVERIFY(dotted.params == flat.params);
    }
};

QTEST_GUILESS_MAIN(TestFilterCompiler)
#include "tst_filtercompiler.moc"
