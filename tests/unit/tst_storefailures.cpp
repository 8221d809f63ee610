// The failure paths of opening and writing a database: each must give a clear error naming the file and
// leave the file as it was.
#include "TestStore.h"

#include <storage/Connection.h>
#include <storage/RecordTable.h>
#include <storage/Schema.h>
#include <util/Error.h>
#include <util/Ids.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <atomic>
#include <thread>

using namespace memscope;
using namespace memscope::test;
using nlohmann::json;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

void writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
}

Error::Kind openError(const std::string& path, MemoryStore::Options options = {}, QString* message = nullptr)
{
    try {
        MemoryStore::open(path, options);
    } catch (const Error& e) {
        if (message)
            *message = e.what();
        return e.kind();
    }
    return Error::Kind::Internal;
}

} // namespace

class TestStoreFailures : public QObject {
    Q_OBJECT
private slots:
    void notADatabase_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addRow("text") << QByteArray("this is a text file, not a database\n");
        QTest::addRow("binary garbage") << QByteArray(8192, '\xAB');
        QTest::addRow("truncated header") << QByteArray("SQLite format 3\0\x10", 18);
    }
    void notADatabase()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.path() + "/garbage.db";
        writeFile(path, content);
        QString message;
        QCOMPARE(openError(path.toStdString(), {}, &message), Error::Kind::Corrupt);
        QVERIFY2(message.contains(path), qPrintable(message));
        QCOMPARE(readAll(path), content); // untouched
    }

    void damagedPagesReportCorruption()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + "/damaged.db";
        {
            auto store = MemoryStore::open(path.toStdString(), {});
            for (int i = 0; i < 400; ++i)
                store->add(TestStore::outcome("lesson number " + std::to_string(i) + " about indexes and joins",
                                              "success", "sql"));
            store->connection().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 size = f.size();
        QVERIFY(size > 64 * 1024);
        // Overwrite pages in the middle of the file (not the header): the damage shows when they are read.
        f.seek(size / 2);
        f.write(QByteArray(32 * 1024, '\x5A'));
        f.close();
        try {
            auto store = MemoryStore::open(path.toStdString(), {});
            store->count(json::object());
            auto rows = store->list(ListQuery{json::object(), "created_at", true, 1000, 0});
            store->connection().exec("PRAGMA integrity_check");
            auto st = store->connection().prepare("PRAGMA integrity_check");
            st.step();
            QVERIFY2(st.text(0) != "ok", "integrity_check did not notice the damage");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Corrupt);
            QVERIFY(QString(e.what()).contains(path));
        }
    }

    void newerSchemaIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + "/future.db";
        {
            MemoryStore::open(path.toStdString(), {});
        }
        {
            Connection c(path.toStdString(), {});
            c.exec("PRAGMA user_version = 99");
        }
        const QByteArray before = readAll(path);
        QString message;
        QCOMPARE(openError(path.toStdString(), {}, &message), Error::Kind::NewerSchema);
        QVERIFY(message.contains("newer Memscope"));
        QVERIFY(message.contains("99"));
        QCOMPARE(readAll(path), before);
    }

    void otherApplicationsDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + "/other.db";
        {
            Connection c(path.toStdString(), {});
            c.exec("CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL)");
        }
        const QByteArray before = readAll(path);
        QString message;
        QCOMPARE(openError(path.toStdString(), {}, &message), Error::Kind::NotMemscope);
        QVERIFY(message.contains("another application"));
        QCOMPARE(readAll(path), before); // not even switched to WAL
    }

    void olderSchemaIsMigrated()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + "/old.db";
        {
            Connection c(path.toStdString(), {});
            Schema::migrateTo(c, 1);
        }
        auto store = MemoryStore::open(path.toStdString(), {});
        QCOMPARE(Schema::version(store->connection()), Schema::kCurrentVersion);
        store->add(TestStore::outcome("works after migration", "success", "x"));
    }

    // Version 4 rebuilds the hash index on a prefix: a store written by version 3 keeps finding its records
    // by text.
    void hashIndexMigratesWithItsRecords()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + "/v3.db";
        MemoryRecord old = TestStore::outcome("written before the hash prefix index", "failure", "x");
        old.id = "0b6d2b7e-5d6f-4c4a-9b1e-2f3a4b5c6d7e";
        old.hash = md5Hex(old.memory);
        old.createdAt = old.updatedAt = 1767225600000000;
        {
            Connection c(path.toStdString(), {});
            Schema::migrateTo(c, 3);
            RecordTable(c).insert(old);
        }
        auto store = MemoryStore::open(path.toStdString(), {});
        QCOMPARE(Schema::version(store->connection()), 4);
        auto index = store->connection().prepare("SELECT sql FROM sqlite_master WHERE name = 'memories_hash'");
        QVERIFY(index.step());
        QVERIFY2(QString::fromStdString(index.text(0)).contains("substr(hash, 1, 8)"), index.text(0).c_str());
        index.reset();
        MemoryRecord again = old;
        again.id.clear();
        QVERIFY(RecordTable(store->connection()).findSame(again).has_value());
        again.memory += " (changed)";
        again.hash = md5Hex(again.memory);
        QVERIFY(!RecordTable(store->connection()).findSame(again).has_value());
        auto check = store->connection().prepare("PRAGMA integrity_check");
        QVERIFY(check.step());
        QCOMPARE(check.text(0), std::string("ok"));
    }

    void readOnlyFile()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + "/ro.db";
        std::string id;
        {
            auto store = MemoryStore::open(path.toStdString(), {});
            id = store->add(TestStore::outcome("kept", "success", "x")).id;
        }
        QVERIFY(::chmod(path.toLocal8Bit().constData(), 0444) == 0);
        auto store = MemoryStore::open(path.toStdString(), {});
        QVERIFY(store->readOnly());
        QVERIFY(store->get(id));
        try {
            store->add(TestStore::outcome("refused", "success", "x"));
            QFAIL("a read-only store accepted a write");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::ReadOnly);
            QVERIFY(QString(e.what()).contains(path));
        }
        QVERIFY_THROWS_EXCEPTION(Error, store->setState({id}, RecordState::Archived));
        ::chmod(path.toLocal8Bit().constData(), 0644);
    }

    void missingFolderAndFolderPath()
    {
        QTemporaryDir dir;
        QString message;
        QCOMPARE(openError((dir.path() + "/no/such/folder/x.db").toStdString(), {}, &message), Error::Kind::ReadOnly);
        QVERIFY(message.contains("folder"));
        QCOMPARE(openError(dir.path().toStdString(), {}, &message), Error::Kind::Io);
        MemoryStore::Options noCreate;
        noCreate.create = false;
        QCOMPARE(openError((dir.path() + "/absent.db").toStdString(), noCreate), Error::Kind::NotFound);
    }

    void lockedDatabase()
    {
        TestStore t;
        const auto id = t->add(TestStore::outcome("before the lock", "success", "x")).id;
        // Another connection holds the write lock.
        Connection holder(t.path(), {});
        holder.exec("BEGIN IMMEDIATE");
        MemoryStore::Options options;
        options.busyTimeoutMs = 200;
        auto writer = MemoryStore::open(t.path(), options);
        try {
            writer->add(TestStore::outcome("blocked", "success", "x"));
            QFAIL("write went through a held lock");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Locked);
            QVERIFY(QString(e.what()).contains(QString::fromStdString(t.path())));
        }
        // Readers are not blocked by a writer in WAL mode.
        QVERIFY(writer->get(id));
        holder.exec("ROLLBACK");
        writer->add(TestStore::outcome("after the lock", "success", "x"));
        QCOMPARE(writer->count(json::object()), 2);
    }

    void interruptCancelsARunningQuery()
    {
        TestStore t;
        auto& c = t->connection();
        c.exec("CREATE TEMP TABLE n(x)");
        std::atomic_bool started{false};
        std::thread stopper([&] {
            while (!started)
                std::this_thread::yield();
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            t->interrupt();
        });
        try {
            started = true;
            // A query that would run for minutes.
            auto st = c.prepare("WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM r) SELECT count(*) FROM r");
            st.step();
            stopper.join();
            QFAIL("the query was not interrupted");
        } catch (const Error& e) {
            stopper.join();
            QCOMPARE(e.kind(), Error::Kind::Cancelled);
        }
    }
};

QTEST_GUILESS_MAIN(TestStoreFailures)
#include "tst_storefailures.moc"
