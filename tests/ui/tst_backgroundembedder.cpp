// Records without vectors (imported without embedding, or after an embedder switch) are embedded in the
// background when the store opens, with progress; Cancel stops it and a later check finishes the rest.
#include "UiTestSupport.h"

#include <storage/MemoryStore.h>
#include <store/BackgroundEmbedder.h>

using namespace memscope;
using namespace memscope::ui;
using namespace memscope::test;

class TestBackgroundEmbedder : public QObject {
    Q_OBJECT

private slots:
    void embedsWhatIsMissing();
    void cancelStopsAndCheckResumes();

private:
    static QString importWithoutVectors(const QTemporaryDir& dir, int n)
    {
        const QString path = dir.filePath(QStringLiteral("novectors.db"));
        auto store = MemoryStore::open(path.toStdString());
        DemoOptions options;
        options.records = n;
        options.end = 1767225600000000;
        DemoGenerator generator(options);
        RecordImporter(*store).runRecords([&](const RecordImporter::RecordSink& sink) { generator.generate(sink); },
                                          ImportOptions{});
        return path;
    }
};

void TestBackgroundEmbedder::embedsWhatIsMissing()
{
    QTemporaryDir dir;
    const QString path = importWithoutVectors(dir, 3000);
    StoreSession session;
    BackgroundEmbedder embedder(&session);
    QSignalSpy finished(&embedder, &BackgroundEmbedder::finished);
    QSignalSpy progress(&embedder, &BackgroundEmbedder::progress);
    QVERIFY(openSession(session, path));
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toLongLong(), 3000LL);
    QVERIFY(progress.count() >= 1);
    const auto status = session.uiStore().indexStatus();
    QCOMPARE(status.embedded, status.records);
    // Nothing left: the next check does no work.
    embedder.check();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.last().first().toLongLong(), 0LL);
}

void TestBackgroundEmbedder::cancelStopsAndCheckResumes()
{
    QTemporaryDir dir;
    const QString path = importWithoutVectors(dir, 5000);
    StoreSession session;
    QVERIFY(openSession(session, path));
    BackgroundEmbedder embedder(&session); // made after opening: starts only when asked
    QSignalSpy finished(&embedder, &BackgroundEmbedder::finished);
    embedder.check();
    QVERIFY(embedder.isRunning());
    embedder.cancel(); // before the first batch: nothing is embedded
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(1).toBool(), true);
    const auto partial = session.uiStore().indexStatus();
    QVERIFY(partial.embedded < partial.records);
    embedder.check();
    QTRY_VERIFY_WITH_TIMEOUT(!embedder.isRunning(), 60000);
    const auto status = session.uiStore().indexStatus();
    QCOMPARE(status.embedded, status.records);
}

QTEST_MAIN(TestBackgroundEmbedder)
#include "tst_backgroundembedder.moc"
