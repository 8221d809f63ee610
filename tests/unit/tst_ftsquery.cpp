#include "TestStore.h"
#include "io/RecordImporter.h"
#include "search/FtsQuery.h"
#include "storage/Connection.h"

#include <QTest>

#include <algorithm>

using namespace memscope;
using memscope::test::TestStore;

namespace {

// `records` records in rowid order; record i holds the word "zephyr" when holds(i).
template <typename Holds> void fill(MemoryStore& store, int records, Holds holds)
{
    RecordImporter(store).runRecords(
        [&](const RecordImporter::RecordSink& sink) {
            for (int i = 0; i < records; ++i) {
                MemoryRecord r = TestStore::outcome("record " + std::to_string(i) +
                                                        (holds(i) ? " mentions zephyr" : " mentions nothing"),
                                                    "success", "x");
                sink(std::move(r));
            }
        },
        {});
}

std::int64_t documentsOf(MemoryStore& store, const std::string& word)
{
    for (const auto& t : FtsQuery::terms(store.connection(), word))
        if (t.surface == word)
            return t.documents;
    return -1;
}

} // namespace

class TestFtsQuery : public QObject {
    Q_OBJECT

private slots:
    // A word's documents are counted exactly up to 2,000; past that, from the span of its newest 2,000, which
    // is what the keyword ranking's walk over a common word's newest postings needs.
    void documentCounts_data()
    {
        QTest::addColumn<int>("records");
        QTest::addColumn<int>("every");      // the word is in every n-th record...
        QTest::addColumn<int>("fromRecord"); // ...from this one on
        QTest::addColumn<int>("expected");
        QTest::addColumn<int>("tolerance");
        QTest::addRow("rare, exact") << 300 << 7 << 0 << 43 << 0;
        QTest::addRow("just under the exact limit") << 3998 << 2 << 0 << 1999 << 0;
        QTest::addRow("common, spread evenly") << 9000 << 3 << 0 << 3000 << 2;
        QTest::addRow("common, only in the newest half") << 8000 << 1 << 4000 << 8000 << 0;
    }
    void documentCounts()
    {
        QFETCH(int, records);
        QFETCH(int, every);
        QFETCH(int, fromRecord);
        QFETCH(int, expected);
        QFETCH(int, tolerance);
        TestStore t;
        fill(t.store(), records, [&](int i) { return i >= fromRecord && i % every == 0; });
        const auto documents = documentsOf(t.store(), "zephyr");
        QVERIFY2(std::abs(documents - expected) <= tolerance,
                 qPrintable(QStringLiteral("%1 documents, expected %2").arg(documents).arg(expected)));
    }

    void absentWordHasNoDocuments()
    {
        TestStore t;
        fill(t.store(), 10, [](int) { return true; });
        QCOMPARE(documentsOf(t.store(), "quixotic"), 0);
    }

    // The word is quoted into a phrase: FTS5 syntax in the query text is never parsed.
    void syntaxInTheWordIsNotParsed()
    {
        TestStore t;
        fill(t.store(), 10, [](int i) { return i < 4; });
        const auto terms = FtsQuery::terms(t->connection(), "zephyr\" OR \"record NEAR(");
        const auto it = std::find_if(terms.begin(), terms.end(), [](const FtsTerm& x) { return x.stem == "zephyr"; });
        QVERIFY(it != terms.end());
        QCOMPARE(it->documents, 4);
    }
};

QTEST_GUILESS_MAIN(TestFtsQuery)
#include "tst_ftsquery.moc"
