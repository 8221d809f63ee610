#pragma once
// Helpers for the tests that run memscope-cli as a process (tst_cli*, tst_multiprocess): a database in a
// temporary folder, failure descriptions with both output streams, and readers of the CLI's JSON output.

#include "TestStore.h"

#include <QFile>
#include <QRegularExpression>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

namespace memscope::test {

using nlohmann::json;

inline QString fixture(const char* name) { return QStringLiteral(MEMSCOPE_FIXTURES_DIR "/") + QString::fromUtf8(name); }

inline QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

inline bool writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

// Everything about a run, for failure messages.
inline QString describe(const CliResult& r)
{
    return QStringLiteral("exit status %1\n--- stdout:\n%2\n--- stderr:\n%3")
        .arg(QString::number(r.exitCode), r.out.left(3000), r.err.left(3000));
}

// A database path in a fresh temporary folder, and the CLI run on it (always with --db).
class CliDb {
public:
    QString path() const { return m_dir.path() + QStringLiteral("/x.db"); }
    QString dir() const { return m_dir.path(); }
    CliResult run(const QStringList& args, const QByteArray& input = {}) const
    {
        return runCli(QStringList{QStringLiteral("--db"), path()} + args, input);
    }

private:
    QTemporaryDir m_dir;
};

inline json parseJson(const QString& text) { return json::parse(text.toStdString(), nullptr, false); }

// `stats --json`, or a discarded value (with a warning saying why) when it fails.
inline json statsOf(const CliDb& db)
{
    const auto r = db.run({"stats", "--json"});
    if (r.exitCode != 0) {
        qWarning("%s", qPrintable(describe(r)));
        return json(json::value_t::discarded);
    }
    return parseJson(r.out);
}

inline std::int64_t totalOf(const CliDb& db)
{
    const auto s = statsOf(db);
    return s.is_object() && s.contains("total") ? s["total"].get<std::int64_t>() : -1;
}

// The ids of `export` (JSONL), in export order; {"<failed>"} when the export fails.
inline QStringList exportedIds(const CliDb& db)
{
    const auto r = db.run({"export"});
    if (r.exitCode != 0)
        return {QStringLiteral("<failed: %1>").arg(describe(r))};
    QStringList ids;
    for (const auto& line : r.out.split('\n', Qt::SkipEmptyParts))
        ids << QString::fromStdString(parseJson(line).value("id", std::string("<no id>")));
    return ids;
}

// The record as `get ID --json` prints it (discarded when that fails).
inline json recordOf(const CliDb& db, const QString& id)
{
    const auto r = db.run({"get", id, "--json"});
    if (r.exitCode != 0) {
        qWarning("%s", qPrintable(describe(r)));
        return json(json::value_t::discarded);
    }
    return parseJson(r.out);
}

inline QString stateOf(const CliDb& db, const QString& id)
{
    const auto j = recordOf(db, id);
    return j.is_object() ? QString::fromStdString(j.value("state", std::string())) : QStringLiteral("<get failed>");
}

// The line numbers of every "line N: reason" report on stderr.
inline QList<int> reportedLines(const QString& err)
{
    QList<int> lines;
    static const QRegularExpression re(QStringLiteral("^line (\\d+): "), QRegularExpression::MultilineOption);
    auto it = re.globalMatch(err);
    while (it.hasNext())
        lines << it.next().captured(1).toInt();
    return lines;
}

inline QString reportFor(const QString& err, int line)
{
    const QString head = QStringLiteral("line %1: ").arg(line);
    for (const auto& l : err.split('\n'))
        if (l.startsWith(head))
            return l;
    return {};
}

inline QStringList idsOf(const json& hits)
{
    QStringList ids;
    if (hits.is_array())
        for (const auto& h : hits)
            ids << QString::fromStdString(h.value("id", std::string("<no id>")));
    return ids;
}

inline QString jsonText(const json& j) { return QString::fromStdString(j.dump()); }

inline const QStringList kCommands = {"import", "export",   "demo",        "search",  "outcomes",  "add",     "get",
                                      "update", "history",  "revert",      "relabel", "archive",   "restore", "delete",
                                      "purge",  "stats",    "reindex",     "status",  "llm-check", "packs",   "run",
                                      "runs",   "run-show", "run-compare", "curve",   "writeback"};

// An old record for `add --record`: created long ago, so --older-than selects it.
inline QString oldRecord(const QString& text, const QString& createdAt)
{
    json j = {{"memory", text.toStdString()},
              {"created_at", createdAt.toStdString()},
              {"metadata", {{"outcome_type", "success"}, {"task_type", "stale_lessons"}}}};
    return QString::fromStdString(j.dump());
}

} // namespace memscope::test

// Runs `result` once (QVERIFY2 evaluates its message even on success) and checks its exit status.
#define CLI_EXPECT(result, code)                                                                                       \
    do {                                                                                                               \
        const CliResult& cliResult_ = (result);                                                                        \
        QVERIFY2(cliResult_.exitCode == (code), qPrintable(describe(cliResult_)));                                     \
    } while (false)
