// Several memscope-cli processes on one database at once: concurrent writers, a writer killed in the middle
// of an import, readers next to a writer, and a write lock held by another connection. SQLite in WAL mode
// is what should make each of these safe; these tests check that the store and the CLI use it so.
#include "CliTestSupport.h"

#include <storage/Connection.h>
#include <storage/MemoryStore.h>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace memscope;
using namespace memscope::test;
using nlohmann::json;

namespace {

constexpr int kBatchSize = 20000; // ImportOptions::batchSize: the CLI commits (and reports) every 20,000 records

// `count` JSONL records with ids "<prefix>-<n>", a little varied so the indexes have work to do.
bool writeJsonl(const QString& path, const QString& prefix, int count)
{
    static const char* const tasks[] = {"sql_query_debug", "report_generation", "data_cleaning", "file_upload"};
    static const char* const outcomes[] = {"success", "failure", "partial", "unknown"};
    static const char* const users[] = {"global", "alice", "bob", "carol", "dave"};
    static const char* const words[] = {"index", "join", "timeout", "retry", "schema", "cache", "upload", "chart"};
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QByteArray p = prefix.toUtf8();
    QByteArray chunk;
    for (int i = 0; i < count; ++i) {
        const QByteArray n = QByteArray::number(i);
        chunk += "{\"id\": \"" + p + "-" + n + "\", \"memory\": \"" + p + " record " + n + ": the " + words[i % 8] +
                 " step " + words[(i / 8) % 8] + "ed after " + QByteArray::number(i % 97) +
                 " tries\", \"user_id\": \"" + users[i % 5] + "\", \"metadata\": {\"outcome_type\": \"" +
                 outcomes[i % 4] + "\", \"task_type\": \"" + tasks[(i / 4) % 4] + "\"}}\n";
        if (chunk.size() > (1 << 20)) {
            if (f.write(chunk) != chunk.size())
                return false;
            chunk.clear();
        }
    }
    return f.write(chunk) == chunk.size();
}

QString integrityOf(const QString& path)
{
    Connection c(path.toStdString(), {});
    auto st = c.prepare("PRAGMA integrity_check");
    QStringList rows;
    while (st.step())
        rows << QString::fromStdString(st.text(0));
    return rows.join('\n');
}

std::int64_t countOf(const QString& path)
{
    MemoryStore::Options options;
    options.loadVectorIndex = false;
    return MemoryStore::open(path.toStdString(), options)->count(json::object());
}

QString describe(QProcess& p, const QByteArray& err = {})
{
    return QStringLiteral("exit status %1 (%2)\n--- stdout:\n%3\n--- stderr:\n%4")
        .arg(p.exitCode())
        .arg(p.exitStatus() == QProcess::NormalExit ? "normal" : "crashed")
        .arg(QString::fromUtf8(p.readAllStandardOutput()).left(3000),
             QString::fromUtf8(err + p.readAllStandardError()).left(3000));
}

// An import running in its own process, with the "progress: N added, ..." lines it has printed so far.
class ImportProcess {
public:
    ImportProcess(const QString& db, const QString& file, const QStringList& extra = {})
    {
        QObject::connect(&process, &QProcess::readyReadStandardError, [this] { readErr(); });
        process.setProgram(QStringLiteral(MEMSCOPE_CLI_PATH));
        process.setArguments(QStringList{"--db", db, "import", file} + extra);
    }
    ~ImportProcess()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(10000);
        }
    }

    void start() { process.start(); }
    void finishReading() { readErr(); }
    qint64 lastReported() const { return reported.isEmpty() ? -1 : reported.last(); }

    QProcess process;
    QByteArray err;
    QList<qint64> reported; // "N added" of each progress line, in order

private:
    void readErr()
    {
        static const QRegularExpression re(QStringLiteral("^progress: (\\d+) added, "));
        m_pending += process.readAllStandardError();
        int nl;
        while ((nl = m_pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(m_pending.left(nl));
            m_pending.remove(0, nl + 1);
            err += line.toUtf8() + '\n';
            const auto m = re.match(line);
            if (m.hasMatch())
                reported << m.captured(1).toLongLong();
        }
    }
    QByteArray m_pending;
};

} // namespace

class TestMultiprocess : public QObject {
    Q_OBJECT
private slots:
    void twoWritersAtOnce_data()
    {
        QTest::addColumn<bool>("existing");
        QTest::addRow("existing database") << true;
        QTest::addRow("new database, created by both") << false;
    }
    void twoWritersAtOnce()
    {
        QFETCH(bool, existing);
        QTemporaryDir dir;
        const QString db = dir.path() + "/x.db";
        if (existing)
            MemoryStore::open(db.toStdString(), {});
        const QString a = dir.path() + "/a.jsonl", b = dir.path() + "/b.jsonl";
        QVERIFY(writeJsonl(a, "a", 3000));
        QVERIFY(writeJsonl(b, "b", 3000));

        // Both with embedding, so each also writes vectors (possibly for the other's records) after its import.
        ImportProcess first(db, a, {"--quiet"});
        ImportProcess second(db, b, {"--quiet"});
        first.start();
        second.start();
        for (ImportProcess* p : {&first, &second}) {
            QVERIFY(p->process.waitForFinished(60000));
            p->finishReading();
            QVERIFY2(p->process.exitStatus() == QProcess::NormalExit && p->process.exitCode() == 0,
                     qPrintable(describe(p->process, p->err)));
            QVERIFY2(p->err.isEmpty(), p->err.constData());
        }
        QCOMPARE(countOf(db), 6000);
        QCOMPARE(integrityOf(db), QStringLiteral("ok"));
        // Every record got its vector from one writer or the other.
        const auto status = runCli({"--db", db, "status", "--json"});
        CLI_EXPECT(status, 0);
        const auto s = json::parse(status.out.toStdString(), nullptr, false);
        QVERIFY2(s.is_object(), qPrintable(status.out));
        QCOMPARE(s.value("records", -1), 6000);
        QCOMPARE(s.value("embedded", -1), 6000);
    }

    void writerKilledMidImport()
    {
        constexpr int kRecords = 200000;
        QTemporaryDir dir;
        const QString db = dir.path() + "/x.db";
        const QString file = dir.path() + "/big.jsonl";
        QVERIFY(writeJsonl(file, "k", kRecords));

        ImportProcess writer(db, file, {"--no-embed"});
        writer.start();
        QVERIFY(writer.process.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(writer.reported.size() >= 2 || writer.process.state() == QProcess::NotRunning, 60000);
        QVERIFY2(writer.process.state() == QProcess::Running,
                 qPrintable("the import ended before it could be killed: " + describe(writer.process, writer.err)));
        writer.process.kill(); // SIGKILL: no destructor, no rollback, no checkpoint
        QVERIFY(writer.process.waitForFinished(10000));
        writer.finishReading();
        QCOMPARE(writer.process.exitStatus(), QProcess::CrashExit);
        const qint64 reported = writer.lastReported();
        QVERIFY2(reported >= 2 * kBatchSize, writer.err.constData());

        // The database opens, is intact, and holds every batch that was reported (and only whole batches).
        std::int64_t count = -1;
        {
            MemoryStore::Options options;
            options.loadVectorIndex = false;
            auto store = MemoryStore::open(db.toStdString(), options);
            count = store->count(json::object());
            auto st = store->connection().prepare("PRAGMA integrity_check");
            QVERIFY(st.step());
            QCOMPARE(QString::fromStdString(st.text(0)), QStringLiteral("ok"));
            // Each stored record has its ADD history row: batches are all or nothing.
            auto h = store->connection().prepare("SELECT count(*) FROM history");
            QVERIFY(h.step());
            QCOMPARE(h.int64(0), count);
        }
        qInfo("killed after %lld records were reported; %lld are stored", static_cast<long long>(reported),
              static_cast<long long>(count));
        QVERIFY2(count >= reported, qPrintable(QStringLiteral("%1 records, %2 reported").arg(count).arg(reported)));
        QVERIFY2(count < kRecords, qPrintable(QString::number(count)));
        QCOMPARE(count % kBatchSize, 0);

        // Importing the same file again completes it: what is there is skipped by id.
        const auto again = runCli({"--db", db, "import", file, "--no-embed", "--quiet"}, {}, 120000);
        CLI_EXPECT(again, 0);
        QVERIFY2(again.out.contains(QStringLiteral("Imported %1 records (%2 duplicates skipped, 0 refused)")
                                        .arg(kRecords - count)
                                        .arg(count)),
                 qPrintable(again.out));
        QCOMPARE(countOf(db), kRecords);
        QCOMPARE(integrityOf(db), QStringLiteral("ok"));
    }

    void readersWhileAWriterWrites()
    {
        QTemporaryDir dir;
        const QString db = dir.path() + "/x.db";
        CLI_EXPECT(
            runCli({"--db", db, "import", QStringLiteral(MEMSCOPE_FIXTURES_DIR "/cli_records.jsonl"), "--quiet"}), 0);
        const QString file = dir.path() + "/big.jsonl";
        QVERIFY(writeJsonl(file, "w", 200000));

        ImportProcess writer(db, file, {"--no-embed"});
        writer.start();
        QTRY_VERIFY_WITH_TIMEOUT(!writer.reported.isEmpty() || writer.process.state() == QProcess::NotRunning, 60000);
        QVERIFY2(writer.process.state() == QProcess::Running, qPrintable(describe(writer.process, writer.err)));
        const qint64 committed = writer.lastReported();

        const auto stats = runCli({"--db", db, "--busy-timeout", "1000", "stats", "--json"});
        CLI_EXPECT(stats, 0);
        const auto s = json::parse(stats.out.toStdString(), nullptr, false);
        QVERIFY2(s.is_object(), qPrintable(stats.out));
        // It sees every committed batch (and nothing half-written).
        const auto total = s.value("total", std::int64_t(-1));
        QVERIFY2(total >= 12 + committed && (total - 12) % kBatchSize == 0,
                 qPrintable(QStringLiteral("total %1, %2 reported").arg(total).arg(committed)));

        const auto search = runCli({"--db", db, "--busy-timeout", "1000", "search", "slow join on orders index",
                                    "--user", "alice", "--limit", "50", "--json"});
        CLI_EXPECT(search, 0);
        const auto hits = json::parse(search.out.toStdString(), nullptr, false);
        QVERIFY2(hits.is_array() && !hits.empty(), qPrintable(search.out));
        bool foundR03 = false;
        for (const auto& h : hits) {
            foundR03 = foundR03 || h.value("id", std::string()) == "r03";
            QVERIFY2(h["user_id"] == "alice", qPrintable(QString::fromStdString(h.dump())));
        }
        QVERIFY2(foundR03, qPrintable(search.out));
        const auto get = runCli({"--db", db, "--busy-timeout", "1000", "get", "r01"});
        CLI_EXPECT(get, 0);

        // The readers really ran next to the writer.
        QVERIFY2(writer.process.state() == QProcess::Running, "the writer finished before the readers: no overlap");
        writer.process.kill();
        QVERIFY(writer.process.waitForFinished(10000));
        QCOMPARE(integrityOf(db), QStringLiteral("ok"));
    }

    void lockedDatabase()
    {
        QTemporaryDir dir;
        const QString db = dir.path() + "/x.db";
        CLI_EXPECT(runCli({"--db", db, "add", "before the lock"}), 0);

        Connection holder(db.toStdString(), {});
        holder.exec("BEGIN IMMEDIATE");
        QElapsedTimer timer;
        timer.start();
        const auto blocked = runCli({"--db", db, "--busy-timeout", "300", "add", "x"});
        const qint64 waited = timer.elapsed();
        CLI_EXPECT(blocked, 4);
        QVERIFY2(blocked.err.contains("locked"), qPrintable(describe(blocked)));
        QVERIFY2(blocked.err.contains(db), qPrintable(describe(blocked)));
        QVERIFY2(blocked.out.isEmpty(), qPrintable(describe(blocked)));
        QVERIFY2(waited >= 300, qPrintable(QString::number(waited))); // it waited for the lock ...
        QVERIFY2(waited < 4500, qPrintable(QString::number(waited))); // ... as long as asked, not the 5 s default
        // Readers are not blocked by the lock.
        const auto stats = runCli({"--db", db, "--busy-timeout", "300", "stats", "--json"});
        CLI_EXPECT(stats, 0);

        holder.exec("ROLLBACK");
        const auto ok = runCli({"--db", db, "--busy-timeout", "300", "add", "x"});
        CLI_EXPECT(ok, 0);
        QCOMPARE(countOf(db), 2);
    }
};

QTEST_GUILESS_MAIN(TestMultiprocess)
#include "tst_multiprocess.moc"
