#include "agent/AgentTool.h"
#include "agent/SqlSandbox.h"
#include "agent/TaskPack.h"
#include "util/Error.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <thread>

using namespace memscope;

namespace {

const char* const kScript =
    "CREATE TABLE city (id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT, people REAL);\n"
    "INSERT INTO city VALUES (1, 'Lyon', 'FR', 0.52), (2, 'Zurich', 'CH', 0.42),\n"
    "    (3, 'Berlin', 'DE', 3.6), (4, 'Atlantis', NULL, NULL);\n"
    "CREATE VIEW big_city AS SELECT name FROM city WHERE people > 1;\n";

const char* const kForever = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n";

SqlSandbox makeSandbox(int timeoutMs = 2000, int maxRows = 200, int maxCellBytes = 2000)
{
    return SqlSandbox(kScript, "test.sql", {timeoutMs, maxRows, maxCellBytes});
}

QStringList cells(const SqlSandbox::Result& result)
{
    QStringList out;
    for (const auto& row : result.rows) {
        QStringList line;
        for (const auto& cell : row)
            line << QString::fromStdString(cell);
        out << line.join('|');
    }
    return out;
}

} // namespace

class TestSqlSandbox : public QObject {
    Q_OBJECT

private slots:
    void queriesReturnRows_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("columns");
        QTest::addColumn<QStringList>("rows");
        QTest::addRow("select") << "SELECT id, name FROM city WHERE id <= 2 ORDER BY id"
                                << "id,name" << QStringList{"1|Lyon", "2|Zurich"};
        QTest::addRow("NULL as text") << "SELECT country, people FROM city WHERE id = 4"
                                      << "country,people" << QStringList{"NULL|NULL"};
        QTest::addRow("real and alias") << "SELECT people * 2 AS twice FROM city WHERE id = 3"
                                        << "twice" << QStringList{"7.2"};
        QTest::addRow("trailing semicolons and comment") << "SELECT count(*) AS n FROM city;;  -- all of them\n"
                                                         << "n" << QStringList{"4"};
        QTest::addRow("view") << "SELECT name FROM big_city"
                              << "name" << QStringList{"Berlin"};
        QTest::addRow("CTE") << "WITH c AS (SELECT name FROM city WHERE country = 'FR') SELECT * FROM c"
                             << "name" << QStringList{"Lyon"};
        QTest::addRow("no rows") << "SELECT name FROM city WHERE id > 10"
                                 << "name" << QStringList{};
        QTest::addRow("schema table") << "SELECT name FROM sqlite_schema WHERE type = 'view'"
                                      << "name" << QStringList{"big_city"};
    }

    void queriesReturnRows()
    {
        QFETCH(QString, sql);
        QFETCH(QString, columns);
        QFETCH(QStringList, rows);
        const auto sandbox = makeSandbox();
        const auto result = sandbox.query(sql.toStdString());
        QVERIFY2(result.ok, result.error.c_str());
        QStringList names;
        for (const auto& name : result.columns)
            names << QString::fromStdString(name);
        QCOMPARE(names.join(','), columns);
        QCOMPARE(cells(result), rows);
        QVERIFY(!result.truncated);
        QVERIFY(result.elapsedMs >= 0);
    }

    void refusesWhatIsNotOneRead_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("message");
        QTest::addRow("two statements") << "SELECT 1; SELECT 2"
                                        << "only one statement";
        QTest::addRow("second after comment") << "SELECT 1; /* x */ DELETE FROM city"
                                              << "only one statement";
        QTest::addRow("insert") << "INSERT INTO city (name) VALUES ('Oslo')"
                                << "not allowed: INSERT into city";
        QTest::addRow("update") << "UPDATE city SET name = 'X'"
                                << "not allowed: UPDATE of city";
        QTest::addRow("delete in CTE") << "WITH c AS (SELECT 1) DELETE FROM city"
                                       << "not allowed: DELETE from city";
        QTest::addRow("drop") << "DROP TABLE city"
                              << "not allowed";
        QTest::addRow("create") << "CREATE TABLE x (a)"
                                << "not allowed";
        QTest::addRow("temp table") << "CREATE TEMP TABLE x AS SELECT 1"
                                    << "not allowed";
        QTest::addRow("attach") << "ATTACH DATABASE 'attached.db' AS other"
                                << "not allowed: ATTACH";
        QTest::addRow("pragma write") << "PRAGMA query_only = 0"
                                      << "not allowed: PRAGMA query_only";
        QTest::addRow("pragma read") << "PRAGMA table_info(city)"
                                     << "not allowed: PRAGMA table_info";
        QTest::addRow("load_extension") << "SELECT load_extension('libevil')"
                                        << "not allowed: the function load_extension()";
        QTest::addRow("transaction") << "BEGIN"
                                     << "not allowed: transaction";
        QTest::addRow("vacuum into") << "VACUUM INTO 'copy.db'"
                                     << "not allowed";
        QTest::addRow("empty") << "  -- nothing\n"
                               << "empty query";
        QTest::addRow("syntax error") << "SELEC name FROM city"
                                      << "syntax error";
        QTest::addRow("no such table") << "SELECT * FROM town"
                                       << "no such table: town";
    }

    void refusesWhatIsNotOneRead()
    {
        QFETCH(QString, sql);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(dir.path())); // any file an escaped statement would write lands here
        const auto sandbox = makeSandbox();
        const auto result = sandbox.query(sql.toStdString());
        QDir::setCurrent(previous);
        QVERIFY(!result.ok);
        QVERIFY2(QString::fromStdString(result.error).contains(message), result.error.c_str());
        QVERIFY(result.rows.empty());
        QVERIFY2(QDir(dir.path()).isEmpty(), "a file was written");
        const auto after = sandbox.query("SELECT count(*), group_concat(name) FROM city");
        QCOMPARE(cells(after), QStringList{"4|Lyon,Zurich,Berlin,Atlantis"});
        QCOMPARE(QString::fromStdString(sandbox.query("SELECT 1").rows.at(0).at(0)), QString("1"));
    }

    void timeLimitStopsARunawayQuery()
    {
        const auto sandbox = makeSandbox(300);
        QElapsedTimer timer;
        timer.start();
        const auto result = sandbox.query(kForever);
        const qint64 elapsed = timer.elapsed();
        QVERIFY(!result.ok);
        QVERIFY2(QString::fromStdString(result.error).contains("over 300 ms"), result.error.c_str());
        QVERIFY2(elapsed >= 290 && elapsed < 3000, qPrintable(QString::number(elapsed)));
        QVERIFY(sandbox.query("SELECT 1").ok); // the next query gets its own time
    }

    void cancelFlagInterrupts()
    {
        const auto sandbox = makeSandbox(60000);
        std::atomic_bool cancel = false;
        std::thread raiser([&cancel] {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            cancel = true;
        });
        QElapsedTimer timer;
        timer.start();
        const auto result = sandbox.query(kForever, &cancel);
        const qint64 elapsed = timer.elapsed();
        raiser.join();
        QVERIFY(!result.ok);
        QCOMPARE(QString::fromStdString(result.error), QString("cancelled"));
        QVERIFY2(elapsed >= 190 && elapsed < 5000, qPrintable(QString::number(elapsed)));

        std::atomic_bool already = true;
        QVERIFY(!sandbox.query(kForever, &already).ok);
        QVERIFY(!sandbox
                     .query("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n LIMIT 100000) "
                            "SELECT count(*) FROM n",
                            &already)
                     .ok);
    }

    void rowLimitTruncates_data()
    {
        QTest::addColumn<int>("produced");
        QTest::addColumn<int>("returned");
        QTest::addColumn<bool>("truncated");
        QTest::addRow("under") << 3 << 3 << false;
        QTest::addRow("exactly") << 5 << 5 << false;
        QTest::addRow("one over") << 6 << 5 << true;
        QTest::addRow("far over") << 100000 << 5 << true;
    }

    void rowLimitTruncates()
    {
        QFETCH(int, produced);
        QFETCH(int, returned);
        QFETCH(bool, truncated);
        const auto sandbox = makeSandbox(2000, 5);
        const std::string sql = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n LIMIT " +
                                std::to_string(produced) + ") SELECT x FROM n";
        const auto result = sandbox.query(sql);
        QVERIFY(result.ok);
        QCOMPARE(static_cast<int>(result.rows.size()), returned);
        QCOMPARE(result.truncated, truncated);
        QCOMPARE(result.toText(10000).find("add a LIMIT") != std::string::npos, truncated);
        QCOMPARE(static_cast<int>(sandbox.queryAll(sql).rows.size()), produced); // no row limit
    }

    void cellsAreCapped()
    {
        const auto sandbox = makeSandbox(2000, 200, 20);
        const auto result = sandbox.query("SELECT printf('%.100c', 'x'), 'é' || printf('%.30c', 'y'), 'short'");
        QVERIFY(result.ok);
        const auto& row = result.rows.at(0);
        QCOMPARE(row.at(0), std::string(20, 'x') + "…");
        QVERIFY(row.at(1).starts_with("é") && row.at(1).ends_with("…") && row.at(1).size() <= 20 + 3);
        QCOMPARE(row.at(2), std::string("short"));
        QCOMPARE(sandbox.queryAll("SELECT printf('%.100c', 'x')").rows.at(0).at(0).size(), std::size_t(100));
    }

    void queryAllThrowsOnFailure()
    {
        const auto sandbox = makeSandbox();
        try {
            sandbox.queryAll("SELECT nope FROM city");
            QFAIL("no exception");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::InvalidArgument);
            QVERIFY2(QString(e.what()).contains("no such column: nope"), e.what());
        }
    }

    void scriptErrorsNameTheOriginAndLine_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("message");
        QTest::addRow("syntax") << "CREATE TABLE a (x);\n-- a comment\nINSRT INTO a VALUES (1);\n"
                                << "shop.sql: line 3: near \"INSRT\": syntax error";
        QTest::addRow("constraint") << "CREATE TABLE a (x NOT NULL);\nINSERT INTO a VALUES (NULL);"
                                    << "shop.sql: line 2: NOT NULL constraint failed: a.x";
        QTest::addRow("attach") << "ATTACH 'x.db' AS x;"
                                << "shop.sql: line 1: not allowed: ATTACH";
        QTest::addRow("vacuum") << "CREATE TABLE a (x);\nVACUUM INTO 'x.db';"
                                << "shop.sql: line 2: VACUUM is not allowed";
    }

    void scriptErrorsNameTheOriginAndLine()
    {
        QFETCH(QString, script);
        QFETCH(QString, message);
        try {
            SqlSandbox sandbox(script.toStdString(), "shop.sql", {});
            QFAIL("no exception");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::InvalidArgument);
            QVERIFY2(QString(e.what()).contains(message), e.what());
        }
    }

    void schemaListsTablesAndViews()
    {
        const auto schema = QString::fromStdString(makeSandbox().schema());
        QVERIFY(schema.startsWith("CREATE TABLE city (id INTEGER PRIMARY KEY"));
        QVERIFY(schema.contains("CREATE VIEW big_city AS SELECT name FROM city WHERE people > 1;"));
    }

    void toTextIsAReadableTable()
    {
        const auto sandbox = makeSandbox();
        const auto result = sandbox.query("SELECT id, name, country FROM city ORDER BY id");
        const std::string expected = "id | name     | country\n"
                                     "---+----------+--------\n"
                                     "1  | Lyon     | FR\n"
                                     "2  | Zurich   | CH\n"
                                     "3  | Berlin   | DE\n"
                                     "4  | Atlantis | NULL\n"
                                     "(4 rows)\n";
        QCOMPARE(result.toText(10000), expected);

        const std::string cut = result.toText(120);
        QVERIFY2(cut.size() <= 120, cut.c_str());
        QVERIFY2(cut.starts_with("id | name     | country\n---+"), cut.c_str());
        QVERIFY2(cut.ends_with("1  | Lyon     | FR\n[output cut at 120 bytes: 1 of 4 rows shown]\n"), cut.c_str());
        QVERIFY(result.toText(10).size() <= 10);

        const auto failed = sandbox.query("SELECT nope FROM city");
        QCOMPARE(failed.toText(1000), std::string("error: no such column: nope\n"));
        QCOMPARE(sandbox.query("SELECT 'a\nb' AS v").toText(1000), std::string("v\n----\na\\nb\n(1 row)\n"));
    }

    void toolsRunWithinTheLimits_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("arguments");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("output");
        QTest::addRow("run_sql") << "run_sql"
                                 << "{\"query\": \"SELECT name FROM city WHERE id = 1\"}" << true << "Lyon";
        QTest::addRow("run_sql error") << "run_sql"
                                       << "{\"query\": \"SELECT nope FROM city\"}" << false
                                       << "error: no such column: nope";
        QTest::addRow("run_sql bad JSON") << "run_sql"
                                          << "{query: SELECT 1}" << false << "not valid JSON; call run_sql with";
        QTest::addRow("run_sql no query") << "run_sql"
                                          << "{\"sql\": \"SELECT 1\"}" << false << "missing \"query\"";
        QTest::addRow("run_sql query not text") << "run_sql"
                                                << "{\"query\": 42}" << false << "must be a string";
        QTest::addRow("run_sql write") << "run_sql"
                                       << "{\"query\": \"DELETE FROM city\"}" << false << "not allowed";
        QTest::addRow("run_sql cut") << "run_sql"
                                     << "{\"query\": \"WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n "
                                        "LIMIT 50) SELECT x, 'some padding text' FROM n\"}"
                                     << true << "[output cut at 300 bytes";
        QTest::addRow("describe_schema") << "describe_schema"
                                         << "{}" << true << "CREATE TABLE city";
        QTest::addRow("describe_schema no arguments") << "describe_schema"
                                                      << "" << true << "CREATE VIEW big_city";
        QTest::addRow("describe_schema bad JSON") << "describe_schema"
                                                  << "{" << false << "must be a JSON object";
    }

    void toolsRunWithinTheLimits()
    {
        QFETCH(QString, tool);
        QFETCH(QString, arguments);
        QFETCH(bool, ok);
        QFETCH(QString, output);
        TaskPack pack;
        pack.source = "pack.json";
        pack.tools = {"describe_schema", "run_sql"};
        pack.limits.maxToolOutputBytes = 300;
        auto sandbox = makeSandbox();
        const auto tools = makePackTools(pack, &sandbox);
        QCOMPARE(tools.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(tools[0]->spec().name), QString("describe_schema"));
        QCOMPARE(QString::fromStdString(tools[1]->spec().name), QString("run_sql"));
        QVERIFY(tools[1]->spec().parameters["required"].dump().find("query") != std::string::npos);
        AgentTool& chosen = tool == "run_sql" ? *tools[1] : *tools[0];
        const ToolResult result = chosen.call(arguments.toStdString(), nullptr);
        QCOMPARE(result.ok, ok);
        QVERIFY2(QString::fromStdString(result.output).contains(output), result.output.c_str());
        QVERIFY2(result.output.size() <= 300, result.output.c_str());
        QCOMPARE(result.error.empty(), ok);
        QVERIFY(!result.log.empty());
        if (!ok)
            QVERIFY(result.output.find(result.error) != std::string::npos);
    }

    void toolsNeedADatabaseAndAKnownName()
    {
        TaskPack pack;
        pack.source = "p.json";
        pack.tools = {"run_sql"};
        QVERIFY_THROWS_EXCEPTION(Error, makePackTools(pack, nullptr));
        auto sandbox = makeSandbox();
        pack.tools = {"run_python"};
        QVERIFY_THROWS_EXCEPTION(Error, makePackTools(pack, &sandbox));
        pack.tools = {};
        QVERIFY(makePackTools(pack, nullptr).empty());
    }

    void cutToolOutputKeepsUtf8()
    {
        const std::string text = "ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé";
        for (std::size_t max : {5u, 20u, 61u, 62u, 100u, 143u}) {
            const std::string cut = cutToolOutput(text, max);
            QVERIFY2(cut.size() <= max, qPrintable(QString::number(max)));
            QVERIFY(QString::fromUtf8(cut.c_str()).toUtf8() == QByteArray(cut.c_str()));
        }
        QCOMPARE(cutToolOutput("short", 100), std::string("short"));
        QVERIFY(cutToolOutput(std::string(500, 'x'), 100).find("[output cut: ") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestSqlSandbox)
#include "tst_sqlsandbox.moc"
