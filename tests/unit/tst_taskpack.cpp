#include "agent/PackLibrary.h"
#include "agent/SqlSandbox.h"
#include "agent/TaskPack.h"
#include "util/Error.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace memscope;
using nlohmann::json;

namespace {

std::filesystem::path shippedPacks()
{
    return QDir::cleanPath(QStringLiteral(MEMSCOPE_FIXTURES_DIR "/../../resources/packs")).toStdString();
}

void writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    file.write(content);
}

// A small valid pack with a database; the invalid cases patch it (JSON merge patch: null removes a key).
json basePack()
{
    return {{"name", "mini"},
            {"title", "Mini pack"},
            {"tool_name", "sqlite"},
            {"prompt_template", "{{input}}\n\n{{schema}}"},
            {"tools", {"run_sql", "describe_schema"}},
            {"evaluator", {{"kind", "sql_result"}}},
            {"database", "db.sql"},
            {"tasks",
             {{{"id", "q1"}, {"input", "Count the rows of t."}, {"expected", {{"sql", "SELECT count(*) FROM t"}}}},
              {{"id", "q2"}, {"input", "Sum a."}, {"expected", {{"sql", "SELECT sum(a) FROM t"}}}}}}};
}

const char* const kDatabase = "CREATE TABLE t (a INTEGER);\nINSERT INTO t VALUES (1), (2), (3);\n";

std::string errorOf(const std::function<void()>& action)
{
    try {
        action();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

class TestTaskPack : public QObject {
    Q_OBJECT

private slots:
    void shippedPacksLoad_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("minTasks");
        QTest::addColumn<QString>("evaluator");
        QTest::addColumn<bool>("hasDatabase");
        QTest::addRow("sql_query_debug") << "sql_query_debug" << 24 << "sql_result" << true;
        QTest::addRow("support_replies") << "support_replies" << 8 << "llm_judge" << false;
    }

    void shippedPacksLoad()
    {
        QFETCH(QString, name);
        QFETCH(int, minTasks);
        QFETCH(QString, evaluator);
        QFETCH(bool, hasDatabase);
        const TaskPack pack = TaskPack::load(shippedPacks() / name.toStdString() / "pack.json");
        QCOMPARE(QString::fromStdString(pack.name), name);
        QVERIFY(!pack.title.empty() && !pack.description.empty() && !pack.systemPrompt.empty());
        QVERIFY(static_cast<int>(pack.tasks.size()) >= minTasks);
        QCOMPARE(QString::fromStdString(pack.evaluator.kind), evaluator);
        QCOMPARE(!pack.databaseSql.empty(), hasDatabase);
        QCOMPARE(!pack.tools.empty(), hasDatabase);
        std::set<std::string> ids;
        std::optional<SqlSandbox> sandbox;
        if (hasDatabase)
            sandbox.emplace(pack.databaseSql, "shop.sql", SqlSandbox::Limits{});
        for (const auto& task : pack.tasks) {
            QVERIFY2(ids.insert(task.id).second, task.id.c_str());
            QVERIFY2(!task.title.empty() && task.title != task.id, task.id.c_str());
            QVERIFY(task.severity == "low" || task.severity == "medium" || task.severity == "high");
            QCOMPARE(task.toolName, pack.toolName);
            const auto spec = pack.evaluatorFor(task);
            const std::string prompt = pack.renderPrompt(task, sandbox ? sandbox->schema() : std::string());
            QVERIFY(prompt.find(task.input) != std::string::npos);
            QVERIFY2(prompt.find("{{") == std::string::npos, prompt.c_str());
            if (evaluator == "sql_result") {
                // The task shows the broken query it asks to fix, and the expected query returns rows.
                const std::string broken = spec.config.at("broken_sql").get<std::string>();
                QVERIFY2(task.input.find("```sql\n" + broken + "\n```") != std::string::npos, task.id.c_str());
                QVERIFY(prompt.find("CREATE TABLE orders") != std::string::npos);
                QVERIFY2(!sandbox->queryAll(spec.config.at("sql").get<std::string>()).rows.empty(), task.id.c_str());
            } else {
                QVERIFY2(spec.config.at("rubric").get<std::string>().size() > 100, task.id.c_str());
            }
        }
    }

    void invalidPacksAreRefused_data()
    {
        QTest::addColumn<QString>("patch"); // merge patch over basePack(), or the whole text when it starts with '!'
        QTest::addColumn<QString>("database");
        QTest::addColumn<QStringList>("fragments");
        const QString db = kDatabase;
        QTest::addRow("bad JSON") << "!{\"name\": \"mini\",\n\"title\": }" << db
                                  << QStringList{"pack.json: ", "not valid JSON", "line 2"};
        QTest::addRow("not an object") << "![1, 2]" << db << QStringList{"pack.json: ", "must be a JSON object"};
        QTest::addRow("unknown key") << "{\"titel\": \"x\"}" << db
                                     << QStringList{"pack.json: ", "\"titel\": unknown key", "prompt_template"};
        QTest::addRow("missing title") << "{\"title\": null}" << db << QStringList{"pack.json: ", "\"title\": missing"};
        QTest::addRow("missing template")
            << "{\"prompt_template\": null}" << db << QStringList{"pack.json: ", "\"prompt_template\": missing"};
        QTest::addRow("title not text") << "{\"title\": 3}" << db << QStringList{"\"title\": must be a string"};
        QTest::addRow("no tasks") << "{\"tasks\": []}" << db << QStringList{"pack.json: ", "\"tasks\": must be"};
        QTest::addRow("duplicate id")
            << "{\"tasks\": [{\"id\": \"a\", \"input\": \"x\", \"expected\": {\"sql\": \"SELECT 1\"}},"
               " {\"id\": \"a\", \"input\": \"y\", \"expected\": {\"sql\": \"SELECT 2\"}}]}"
            << db << QStringList{"pack.json: ", "task \"a\": ", "duplicate task id"};
        QTest::addRow("task without input") << "{\"tasks\": [{\"id\": \"a\", \"expected\": {\"sql\": \"SELECT 1\"}}]}"
                                            << db << QStringList{"task \"a\": \"input\": missing"};
        QTest::addRow("task without id") << "{\"tasks\": [{\"input\": \"x\"}]}" << db
                                         << QStringList{"task #1: \"id\": missing"};
        QTest::addRow("unknown task key")
            << "{\"tasks\": [{\"id\": \"a\", \"input\": \"x\", \"expcted\": {\"sql\": \"SELECT 1\"}}]}" << db
            << QStringList{"task \"a\": \"expcted\": unknown key"};
        QTest::addRow("bad severity")
            << "{\"tasks\": [{\"id\": \"a\", \"input\": \"x\", \"severity\": \"urgent\", \"expected\": {\"sql\": "
               "\"SELECT 1\"}}]}"
            << db << QStringList{"task \"a\": \"severity\": must be low, medium or high"};
        QTest::addRow("unknown tool") << "{\"tools\": [\"run_sql\", \"run_python\"]}" << db
                                      << QStringList{"pack.json: ", "\"tools\": unknown tool \"run_python\""};
        QTest::addRow("tool twice") << "{\"tools\": [\"run_sql\", \"run_sql\"]}" << db
                                    << QStringList{"\"tools\": lists \"run_sql\" twice"};
        QTest::addRow("unknown evaluator kind")
            << "{\"evaluator\": {\"kind\": \"fuzzy\"}}" << db
            << QStringList{"pack.json: ", "\"evaluator.kind\": unknown kind \"fuzzy\""};
        QTest::addRow("unknown evaluator key") << "{\"evaluator\": {\"order_maters\": true}}" << db
                                               << QStringList{"\"evaluator.order_maters\": unknown key"};
        QTest::addRow("unknown expected key")
            << "{\"tasks\": [{\"id\": \"a\", \"input\": \"x\", \"expected\": {\"sql\": \"SELECT 1\", \"rubric\": "
               "\"r\"}}]}"
            << db << QStringList{"task \"a\": \"expected.rubric\": unknown key"};
        QTest::addRow("missing expected sql") << "{\"tasks\": [{\"id\": \"a\", \"input\": \"x\"}]}" << db
                                              << QStringList{"task \"a\": \"expected.sql\": missing"};
        QTest::addRow("expected sql fails")
            << "{\"tasks\": [{\"id\": \"q07\", \"input\": \"x\", \"expected\": {\"sql\": \"SELECT foo FROM t\"}}]}"
            << db << QStringList{"pack.json: task \"q07\": \"expected.sql\": fails: no such column: foo"};
        QTest::addRow("expected sql writes")
            << "{\"tasks\": [{\"id\": \"w\", \"input\": \"x\", \"expected\": {\"sql\": \"DELETE FROM t\"}}]}" << db
            << QStringList{"task \"w\": \"expected.sql\": fails: not allowed"};
        QTest::addRow("expected sql too many rows")
            << "{\"limits\": {\"max_rows\": 2}, \"tasks\": [{\"id\": \"big\", \"input\": \"x\", \"expected\": "
               "{\"sql\": "
               "\"SELECT a FROM t\"}}]}"
            << db << QStringList{"task \"big\": \"expected.sql\": returns 3 rows, more than limits.max_rows (2)"};
        QTest::addRow("order_matters not bool")
            << "{\"evaluator\": {\"order_matters\": \"yes\"}}" << db
            << QStringList{"task \"q1\": \"evaluator.order_matters\": must be true or false"};
        QTest::addRow("missing database file")
            << "{\"database\": \"nope.sql\"}" << db << QStringList{"pack.json: \"database\": ", "nope.sql"};
        QTest::addRow("broken database script")
            << "{}"
            << "CREATE TABLE t (a INTEGER);\nINSERT INTO t VALUES (1,;\n"
            << QStringList{"pack.json: \"database\": ", "db.sql: line 2: ", "syntax error"};
        QTest::addRow("empty database script") << "{}"
                                               << " \n"
                                               << QStringList{"pack.json: \"database\": ", "is empty"};
        QTest::addRow("SQL tools without database") << "{\"database\": null, \"evaluator\": {\"kind\": \"rule\"}}" << db
                                                    << QStringList{"pack.json: \"database\": missing", "run_sql"};
        QTest::addRow("sql_result without database")
            << "{\"database\": null, \"tools\": [], \"prompt_template\": \"{{input}}\"}" << db
            << QStringList{"\"database\": missing: the sql_result evaluator"};
        QTest::addRow("unknown placeholder") << "{\"prompt_template\": \"{{inputs}}\"}" << db
                                             << QStringList{"\"prompt_template\": unknown placeholder {{inputs}}"};
        QTest::addRow("template without input") << "{\"prompt_template\": \"{{schema}}\"}" << db
                                                << QStringList{"\"prompt_template\": must contain {{input}}"};
        QTest::addRow("schema without database")
            << "{\"database\": null, \"tools\": [], \"evaluator\": {\"kind\": \"rule\"}}" << db
            << QStringList{"\"prompt_template\": uses {{schema}}"};
        QTest::addRow("limit out of range")
            << "{\"limits\": {\"max_turns\": 0}}" << db << QStringList{"\"limits.max_turns\": must be a whole number"};
        QTest::addRow("unknown limit") << "{\"limits\": {\"max_rowz\": 5}}" << db
                                       << QStringList{"\"limits.max_rowz\": unknown key"};
        QTest::addRow("rule without checks")
            << "{\"database\": null, \"tools\": [], \"prompt_template\": \"{{input}}\", \"evaluator\": {\"kind\": "
               "\"rule\"}, \"tasks\": [{\"id\": \"r\", \"input\": \"x\"}]}"
            << db << QStringList{"task \"r\": \"expected\": needs at least one of"};
        QTest::addRow("rule bad regex")
            << "{\"database\": null, \"tools\": [], \"prompt_template\": \"{{input}}\", \"evaluator\": {\"kind\": "
               "\"rule\"}, \"tasks\": [{\"id\": \"r\", \"input\": \"x\", \"expected\": {\"regex\": \"(\"}}]}"
            << db << QStringList{"task \"r\": \"expected.regex\": is not a valid regular expression"};
        QTest::addRow("judge without rubric")
            << "{\"database\": null, \"tools\": [], \"prompt_template\": \"{{input}}\", \"evaluator\": {\"kind\": "
               "\"llm_judge\"}, \"tasks\": [{\"id\": \"j\", \"input\": \"x\"}]}"
            << db << QStringList{"task \"j\": \"expected.rubric\": missing"};
        QTest::addRow("bad name") << "{\"name\": \"my pack\"}" << db << QStringList{"\"name\": may only hold"};
    }

    void invalidPacksAreRefused()
    {
        QFETCH(QString, patch);
        QFETCH(QString, database);
        QFETCH(QStringList, fragments);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray text;
        if (patch.startsWith('!')) {
            text = patch.mid(1).toUtf8();
        } else {
            json pack = basePack();
            pack.merge_patch(json::parse(patch.toStdString()));
            text = QByteArray::fromStdString(pack.dump(2));
        }
        const QString file = dir.filePath("mini/pack.json");
        writeFile(file, text);
        writeFile(dir.filePath("mini/db.sql"), database.toUtf8());
        QByteArray before = "(no error)";
        try {
            TaskPack::load(file.toStdString());
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::InvalidArgument);
            before = e.what();
        }
        QVERIFY2(before.startsWith(file.toUtf8() + ": "), before.constData());
        for (const auto& fragment : fragments)
            QVERIFY2(before.contains(fragment.toUtf8()), qPrintable(fragment + " not in: " + before));
    }

    void theBasePackIsValid()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath("pack.json"), QByteArray::fromStdString(basePack().dump()));
        writeFile(dir.filePath("db.sql"), kDatabase);
        const TaskPack pack = TaskPack::load(dir.filePath("pack.json").toStdString());
        QCOMPARE(pack.tasks.size(), std::size_t(2));
        QCOMPARE(pack.taskType, std::string("mini")); // defaults to the name
        QCOMPARE(pack.tasks[0].severity, std::string("medium"));
        QCOMPARE(pack.tasks[0].title, std::string("q1"));
        QCOMPARE(pack.tasks[1].toolName, std::string("sqlite"));
        QCOMPARE(pack.databaseSql, std::string(kDatabase));
        QVERIFY(pack.task("q2") && !pack.task("q3"));
        QCOMPARE(errorOf([] { TaskPack::load("/nonexistent/pack.json"); }).find("/nonexistent/pack.json"),
                 std::size_t(0));
    }

    void renderPromptFillsPlaceholders_data()
    {
        QTest::addColumn<QString>("promptTemplate");
        QTest::addColumn<QString>("expected");
        QTest::addRow("input only") << "{{input}}"
                                    << "Count the rows of t.";
        QTest::addRow("all") << "Task {{id}} ({{title}}):\n{{input}}\n--\n{{schema}}"
                             << "Task q1 (Counting):\nCount the rows of t.\n--\nCREATE TABLE t (a INTEGER);";
        QTest::addRow("twice") << "{{input}} / {{input}}"
                               << "Count the rows of t. / Count the rows of t.";
        QTest::addRow("braces kept") << "Reply in JSON like {\"a\": {\"b\": 1}}. {{input}}"
                                     << "Reply in JSON like {\"a\": {\"b\": 1}}. Count the rows of t.";
    }

    void renderPromptFillsPlaceholders()
    {
        QFETCH(QString, promptTemplate);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        json base = basePack();
        base["prompt_template"] = promptTemplate.toStdString();
        base["tasks"][0]["title"] = "Counting";
        writeFile(dir.filePath("pack.json"), QByteArray::fromStdString(base.dump()));
        writeFile(dir.filePath("db.sql"), kDatabase);
        const TaskPack pack = TaskPack::load(dir.filePath("pack.json").toStdString());
        const SqlSandbox sandbox(pack.databaseSql, "db.sql", {});
        QCOMPARE(QString::fromStdString(pack.renderPrompt(pack.tasks[0], sandbox.schema())), expected);
    }

    void evaluatorForMergesExpected()
    {
        TaskPack pack;
        pack.evaluator = {"sql_result", {{"order_matters", false}, {"sql", "SELECT 0"}}};
        PackTask task;
        task.expected = {{"sql", "SELECT 1"}, {"order_matters", true}};
        const auto spec = pack.evaluatorFor(task);
        QCOMPARE(spec.kind, std::string("sql_result"));
        QCOMPARE(spec.config.dump(), json({{"order_matters", true}, {"sql", "SELECT 1"}}).dump());
        QCOMPARE(pack.evaluator.config["sql"].get<std::string>(), std::string("SELECT 0")); // the pack is unchanged
    }

    void libraryPrecedenceAndListing()
    {
        QTemporaryDir dir;
        const QString first = dir.filePath("first"), second = dir.filePath("second");
        json mini = basePack();
        mini["title"] = "From first";
        writeFile(first + "/mini.json", QByteArray::fromStdString(mini.dump()));
        writeFile(first + "/db.sql", kDatabase);
        mini["title"] = "From second";
        writeFile(second + "/mini/pack.json", QByteArray::fromStdString(mini.dump()));
        writeFile(second + "/mini/db.sql", kDatabase);
        json other = basePack();
        other["name"] = "other";
        other["task_type"] = "counting";
        writeFile(second + "/other/pack.json", QByteArray::fromStdString(other.dump()));
        writeFile(second + "/other/db.sql", kDatabase);
        writeFile(second + "/broken.json", "{\"name\": ");
        writeFile(first + "/renamed.json", QByteArray::fromStdString(other.dump()));
        writeFile(second + "/notes/readme.txt", "not a pack");

        const PackLibrary library({first.toStdString(), second.toStdString(), dir.filePath("missing").toStdString()});
        const auto entries = library.list();
        QStringList names;
        for (const auto& entry : entries)
            names << QString::fromStdString(entry.name);
        QCOMPARE(names, (QStringList{"broken", "mini", "other", "renamed"}));
        QCOMPARE(QString::fromStdString(entries[1].title), QString("From first"));
        QCOMPARE(entries[1].file, std::filesystem::path((first + "/mini.json").toStdString()));
        QCOMPARE(entries[1].taskCount, 2);
        QVERIFY(entries[1].error.empty());
        QCOMPARE(entries[2].taskType, std::string("counting"));
        QVERIFY(entries[0].title.empty());
        QVERIFY2(QString::fromStdString(entries[0].error).contains(second + "/broken.json: not valid JSON"),
                 entries[0].error.c_str());
        QVERIFY2(entries[3].error.find("\"other\" differs from the pack's file or folder name \"renamed\"") !=
                     std::string::npos,
                 entries[3].error.c_str());

        QCOMPARE(library.load("mini").title, std::string("From first"));
        QCOMPARE(library.load((second + "/mini").toStdString()).title, std::string("From second"));
        QCOMPARE(library.load((second + "/mini/pack.json").toStdString()).title, std::string("From second"));
        try {
            library.load("nope");
            QFAIL("no exception");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::NotFound);
            QVERIFY2(QString(e.what()).contains("\"nope\"") && QString(e.what()).contains(first) &&
                         QString(e.what()).contains(second),
                     e.what());
        }
        QVERIFY_THROWS_EXCEPTION(Error, library.load("broken"));
        QVERIFY_THROWS_EXCEPTION(Error, library.load("./nowhere.json"));
    }

    void defaultFoldersPutTheUserFirst()
    {
        QTemporaryDir dir;
        const QString user = dir.filePath("user"), data = dir.filePath("data");
        json mine = basePack();
        mine["name"] = "sql_query_debug";
        mine["title"] = "My own";
        writeFile(user + "/sql_query_debug.json", QByteArray::fromStdString(mine.dump()));
        writeFile(user + "/db.sql", kDatabase);
        QDir().mkpath(data + "/memscope/packs");
        qputenv("MEMSCOPE_PACKS_PATH", (dir.filePath("absent") + ":" + user).toUtf8());
        qputenv("XDG_DATA_HOME", data.toUtf8());
        const auto folders = PackLibrary::defaultFolders();
        qunsetenv("MEMSCOPE_PACKS_PATH");
        qunsetenv("XDG_DATA_HOME");
        QVERIFY(folders.size() >= 3);
        QCOMPARE(folders[0], std::filesystem::path(user.toStdString()));
        QCOMPARE(folders[1], std::filesystem::path((data + "/memscope/packs").toStdString()));
        QCOMPARE(std::filesystem::weakly_canonical(folders.back()), std::filesystem::weakly_canonical(shippedPacks()));
        const PackLibrary library(folders);
        QCOMPARE(library.load("sql_query_debug").title, std::string("My own"));
        QCOMPARE(library.load("support_replies").taskType, std::string("support_reply"));
    }
};

QTEST_GUILESS_MAIN(TestTaskPack)
#include "tst_taskpack.moc"
