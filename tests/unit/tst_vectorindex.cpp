#include <vector/RowIdSet.h>
#include <vector/VectorIndex.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>
#include <random>
#include <set>

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

// Rowids 1..n that pass a filter keeping about `share` of them. `far`: the filter keeps the vectors least
// aligned with `direction`, so queries near `direction` find their matches only far away in the graph.
std::vector<std::int64_t> filterRowIds(const std::vector<std::vector<float>>& vectors, double share, bool far,
                                       const std::vector<float>& direction, unsigned seed)
{
    std::vector<std::int64_t> out;
    if (far) {
        std::vector<std::pair<double, std::int64_t>> byAlignment;
        for (std::size_t i = 0; i < vectors.size(); ++i)
            byAlignment.emplace_back(cosine(vectors[i], direction), static_cast<std::int64_t>(i) + 1);
        std::sort(byAlignment.begin(), byAlignment.end());
        const auto n = static_cast<std::size_t>(share * static_cast<double>(vectors.size()));
        for (std::size_t i = 0; i < n; ++i)
            out.push_back(byAlignment[i].second);
        std::sort(out.begin(), out.end());
        return out;
    }
    std::mt19937 rng(seed);
    std::bernoulli_distribution keep(share);
    for (std::size_t i = 0; i < vectors.size(); ++i)
        if (keep(rng))
            out.push_back(static_cast<std::int64_t>(i) + 1);
    return out;
}

} // namespace

class TestVectorIndex : public QObject {
    Q_OBJECT
private slots:
    // One 20k index shared by the filtered-search rows: building it is the slow part.
    void initTestCase()
    {
        m_vectors = randomVectors(20000, 32, 11);
        m_index = std::make_unique<VectorIndex>(32);
        m_index->add(items(m_vectors), 2);
    }

    void rowIdSet()
    {
        const RowIdSet dense({5, 1, 64, 5, 200000});
        QCOMPARE(dense.size(), std::size_t(4));
        for (std::int64_t rid : std::vector<std::int64_t>{1, 5, 64, 200000})
            QVERIFY(dense.contains(rid));
        for (std::int64_t rid : std::vector<std::int64_t>{0, 2, 63, 65, 199999, 200001, -1, std::int64_t(1) << 40})
            QVERIFY(!dense.contains(rid));
        // A huge rowid must not make a huge bitmap: the set switches to a sorted list.
        const RowIdSet sparse({std::int64_t(1) << 50, 3, -7, 3});
        QCOMPARE(sparse.size(), std::size_t(3));
        QVERIFY(sparse.contains(std::int64_t(1) << 50) && sparse.contains(3) && sparse.contains(-7));
        QVERIFY(!sparse.contains(4) && !sparse.contains(0));
        QVERIFY(RowIdSet().empty() && !RowIdSet().contains(0));
    }

    void filteredSearchMatchesExact_data()
    {
        QTest::addColumn<double>("share");
        QTest::addColumn<bool>("far");
        QTest::addRow("50%%") << 0.5 << false;
        QTest::addRow("10%%") << 0.1 << false;
        QTest::addRow("2%%") << 0.02 << false;
        QTest::addRow("0.5%%") << 0.005 << false;
        QTest::addRow("10%% far from the queries") << 0.1 << true;
        QTest::addRow("2%% far from the queries") << 0.02 << true;
    }
    void filteredSearchMatchesExact()
    {
        QFETCH(double, share);
        QFETCH(bool, far);
        const auto direction = randomVectors(1, 32, 12)[0];
        const auto allowedList = filterRowIds(m_vectors, share, far, direction, 13);
        const RowIdSet allowed(allowedList);
        // Queries near `direction` (so a far filter really is far), each a little different.
        auto queries = randomVectors(50, 32, 14);
        for (auto& q : queries)
            for (std::size_t i = 0; i < q.size(); ++i)
                q[i] = 0.3f * q[i] + direction[i];
        double recall = 0;
        std::size_t distances = 0;
        for (const auto& q : queries) {
            const auto exact = m_index->scoreExact(q, allowedList, 10);
            const auto filtered = m_index->searchFiltered(q, 10, allowed);
            QVERIFY(filtered.complete);
            QCOMPARE(filtered.hits.size(), std::size_t(10));
            distances += filtered.distances;
            std::set<std::int64_t> expected;
            for (const auto& e : exact)
                expected.insert(e.first);
            for (std::size_t i = 0; i < filtered.hits.size(); ++i) {
                QVERIFY2(allowed.contains(filtered.hits[i].first), "a hit outside the filter");
                QVERIFY(i == 0 || filtered.hits[i - 1].second >= filtered.hits[i].second);
                // Equal similarities may swap places at the cut.
                recall +=
                    expected.count(filtered.hits[i].first) || filtered.hits[i].second >= exact.back().second - 1e-6f;
            }
        }
        recall /= 10.0 * static_cast<double>(queries.size());
        qInfo("recall@10 = %.3f, %zu distances per query, %zu matches", recall, distances / queries.size(),
              allowedList.size());
        QVERIFY(recall >= 0.95);
    }

    void filteredSearchEdgeCases()
    {
        const auto& q = m_vectors[0];
        // No match: nothing, at once.
        auto r = m_index->searchFiltered(q, 10, RowIdSet());
        QVERIFY(r.hits.empty());
        QCOMPARE(r.distances, std::size_t(0));
        // Matches that are not in the index count as none.
        QVERIFY(m_index->searchFiltered(q, 10, RowIdSet({30000, 40000})).hits.empty());
        // k larger than the matches: every match, best first, the same as exact scoring.
        const std::vector<std::int64_t> few = {7, 700, 7000, 17000, 19999};
        r = m_index->searchFiltered(q, 10, RowIdSet(few));
        QCOMPARE(r.hits, m_index->scoreExact(q, few, 10));
        QCOMPARE(r.hits.size(), few.size());
        // A step budget far too small: the walk stops and says so.
        r = m_index->searchFiltered(q, 10, RowIdSet(few), 0, 50);
        QVERIFY(!r.complete);
        QVERIFY(r.distances < 1000);
    }

    void filteredSearchSkipsDeleted()
    {
        const auto vectors = randomVectors(3000, 16, 15);
        VectorIndex index(16);
        index.add(items(vectors));
        std::vector<std::int64_t> allowed;
        for (std::int64_t rid = 1; rid <= 3000; rid += 3)
            allowed.push_back(rid);
        // The nearest allowed records of the query, then removed: the search must walk past them.
        const auto& q = vectors[0];
        const auto before = index.scoreExact(q, allowed, 20);
        for (std::size_t i = 0; i < 10; ++i)
            index.remove(before[i].first);
        const auto after = index.searchFiltered(q, 10, RowIdSet(allowed));
        QCOMPARE(after.hits.size(), std::size_t(10));
        int same = 0;
        for (const auto& [rid, sim] : after.hits) {
            QVERIFY(index.contains(rid));
            QVERIFY(std::find(allowed.begin(), allowed.end(), rid) != allowed.end());
            for (std::size_t i = 10; i < 20; ++i)
                same += before[i].first == rid;
        }
        QVERIFY(same >= 9);
        // Every match removed: nothing.
        std::vector<std::int64_t> gone(before.size());
        for (std::size_t i = 0; i < before.size(); ++i)
            gone[i] = before[i].first;
        for (auto rid : gone)
            index.remove(rid);
        QVERIFY(index.searchFiltered(q, 10, RowIdSet(gone)).hits.empty());
    }
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

private:
    std::vector<std::vector<float>> m_vectors;
    std::unique_ptr<VectorIndex> m_index;
};

QTEST_GUILESS_MAIN(TestVectorIndex)
#include "tst_vectorindex.moc"
