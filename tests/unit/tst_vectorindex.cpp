#include <vector/VectorIndex.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace memscope;

namespace {

std::vector<std::vector<float>> randomVectors(int n, int dim, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal;
    std::vector<std::vector<float>> out(static_cast<std::size_t>(n), std::vector<float>(static_cast<std::size_t>(dim)));
    for (auto& v : out)
        for (auto& x : v)
            x = normal(rng);
    return out;
}

std::vector<std::pair<std::int64_t, std::vector<float>>> items(const std::vector<std::vector<float>>& vectors,
                                                               std::int64_t firstRowId = 1)
{
    std::vector<std::pair<std::int64_t, std::vector<float>>> out;
    for (std::size_t i = 0; i < vectors.size(); ++i)
        out.emplace_back(firstRowId + static_cast<std::int64_t>(i), vectors[i]);
    return out;
}

double cosine(const std::vector<float>& a, const std::vector<float>& b)
{
    double dot = 0, na = 0, nb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        dot += double(a[i]) * b[i];
        na += double(a[i]) * a[i];
        nb += double(b[i]) * b[i];
    }
    return dot / std::sqrt(na * nb);
}

} // namespace

class TestVectorIndex : public QObject {
    Q_OBJECT
private slots:
    void searchFindsTheVectorItself()
    {
        const auto vectors = randomVectors(2000, 64, 1);
        VectorIndex index(64);
        index.add(items(vectors), 2);
        QCOMPARE(index.size(), std::size_t(2000));
        int found = 0;
        for (int i = 0; i < 100; ++i) {
            const auto hits = index.search(vectors[static_cast<std::size_t>(i)], 10);
            QVERIFY(!hits.empty());
            found += hits[0].first == i + 1;
            QVERIFY(hits[0].second > 0.98f); // quantisation costs little
        }
        QVERIFY(found >= 98);
    }

    void similaritiesAreCloseToExactCosine()
    {
        const auto vectors = randomVectors(300, 48, 2);
        VectorIndex index(48);
        index.add(items(vectors));
        const auto query = randomVectors(1, 48, 3)[0];
        std::vector<std::int64_t> rids;
        for (int i = 1; i <= 300; ++i)
            rids.push_back(i);
        const auto hits = index.scoreExact(query, rids, 300);
        QCOMPARE(hits.size(), std::size_t(300));
        for (const auto& [rid, sim] : hits)
            QVERIFY(std::abs(sim - cosine(query, vectors[static_cast<std::size_t>(rid - 1)])) < 0.02);
        for (std::size_t i = 1; i < hits.size(); ++i)
            QVERIFY(hits[i - 1].second >= hits[i].second);
    }

    void annRecallAgainstBruteForce()
    {
        const auto vectors = randomVectors(5000, 32, 4);
        VectorIndex index(32);
        index.add(items(vectors), 2);
        double recall = 0;
        const auto queries = randomVectors(50, 32, 5);
        for (const auto& q : queries) {
            const auto exact = index.bruteForce(q, 10);
            const auto ann = index.search(q, 100);
            int hit = 0;
            for (const auto& e : exact)
                for (std::size_t j = 0; j < std::min<std::size_t>(10, ann.size()); ++j)
                    hit += ann[j].first == e.first;
            recall += hit / 10.0;
        }
        recall /= double(queries.size());
        qInfo("recall@10 = %.3f", recall);
        QVERIFY(recall >= 0.95);
    }

    void replaceAndRemove()
    {
        const auto vectors = randomVectors(100, 16, 6);
        VectorIndex index(16);
        index.add(items(vectors));
        index.remove(5);
        QVERIFY(!index.contains(5));
        QCOMPARE(index.size(), std::size_t(99));
        for (const auto& [rid, sim] : index.search(vectors[4], 20))
            QVERIFY(rid != 5);
        // Adding the rowid again brings it back with the new vector.
        index.add({{5, vectors[10]}});
        QVERIFY(index.contains(5));
        const auto hits = index.scoreExact(vectors[10], {5}, 1);
        QCOMPARE(hits.size(), std::size_t(1));
        QVERIFY(hits[0].second > 0.98f);
        QVERIFY_THROWS_EXCEPTION(std::exception, index.add({{200, std::vector<float>(7, 1.f)}}));
    }

    void saveAndLoad()
    {
        QTemporaryDir dir;
        const std::string path = (dir.path() + "/index.vectors").toStdString();
        const auto vectors = randomVectors(3000, 24, 7);
        VectorIndex index(24);
        index.add(items(vectors), 2);
        index.remove(17);
        index.save(path, "tag-a", 4242);
        auto loaded = VectorIndex::load(path, "tag-a", 24);
        QVERIFY(loaded);
        QCOMPARE(loaded->sequence, 4242);
        QCOMPARE(loaded->index->size(), index.size());
        QVERIFY(!loaded->index->contains(17));
        for (int i = 0; i < 20; ++i) {
            const auto& q = vectors[static_cast<std::size_t>(i * 7)];
            QCOMPARE(loaded->index->search(q, 5), index.search(q, 5));
        }
        loaded->index->add({{99999, vectors[0]}}); // the loaded index keeps growing
        QVERIFY(loaded->index->contains(99999));
        // Another database or embedder, or another dimension: not this cache.
        QVERIFY(!VectorIndex::load(path, "tag-b", 24));
        QVERIFY(!VectorIndex::load(path, "tag-a", 32));
        QVERIFY(!VectorIndex::load(path + ".missing", "tag-a", 24));
    }

    void damagedCacheIsRejected_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addRow("truncated") << 0;
        QTest::addRow("garbage links") << 1;
        QTest::addRow("empty file") << 2;
    }
    void damagedCacheIsRejected()
    {
        QFETCH(int, mode);
        QTemporaryDir dir;
        const QString path = dir.path() + "/index.vectors";
        const auto vectors = randomVectors(500, 16, 8);
        VectorIndex index(16);
        index.add(items(vectors));
        index.save(path.toStdString(), "tag", 1);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 size = f.size();
        if (mode == 0)
            f.resize(size / 2);
        else if (mode == 1) {
            f.seek(200);
            f.write(QByteArray(4096, '\xFF'));
        } else
            f.resize(0);
        f.close();
        QVERIFY(!VectorIndex::load(path.toStdString(), "tag", 16));
    }
};

QTEST_GUILESS_MAIN(TestVectorIndex)
#include "tst_vectorindex.moc"
