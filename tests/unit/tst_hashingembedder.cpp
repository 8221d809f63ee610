#include <embed/HashingEmbedder.h>
#include <embed/PorterStemmer.h>
#include <embed/TextTokenizer.h>
#include <storage/Connection.h>
#include <util/Error.h>

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <string>
#include <thread>
#include <vector>

using namespace memscope;

namespace {

double dot(const std::vector<float>& a, const std::vector<float>& b)
{
    double sum = 0;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
        sum += static_cast<double>(a[i]) * b[i];
    return sum;
}

std::vector<float> embedOne(HashingEmbedder& embedder, const std::string& text) { return embedder.embed({text}).at(0); }

} // namespace

class TestHashingEmbedder : public QObject {
    Q_OBJECT
private slots:
    // Store connections on several threads share one embedder (the workbench's writer, reader and
    // background embedder): concurrent calls must give exactly the single-threaded vectors. The n-gram
    // configuration exercises every scratch buffer.
    void concurrentCallsMatchSequential_data()
    {
        QTest::addColumn<float>("charWeight");
        QTest::addRow("words and concepts") << 0.0f;
        QTest::addRow("with character n-grams") << 0.3f;
    }
    void concurrentCallsMatchSequential()
    {
        QFETCH(float, charWeight);
        HashingEmbedder::Config config;
        config.charWeight = charWeight;
        HashingEmbedder shared(config);
        std::vector<std::string> texts;
        for (int i = 0; i < 400; ++i)
            texts.push_back("lesson " + std::to_string(i) + std::string(static_cast<std::size_t>(i % 37), 'x') +
                            (i % 2 ? " postgres connection timed out after retries" : " the children went home"));
        const auto expected = shared.embed(texts);
        std::atomic_int mismatches{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                for (int round = 0; round < 5; ++round)
                    for (std::size_t i = static_cast<std::size_t>(t); i < texts.size(); i += 3)
                        if (shared.embed({texts[i]}).at(0) != expected[i])
                            ++mismatches;
            });
        for (auto& thread : threads)
            thread.join();
        QCOMPARE(mismatches.load(), 0);
    }

    void shapeAndNorm_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("dimension");
        QTest::addRow("sentence") << QByteArray("Fixed the slow report query by adding an index") << 256;
        QTest::addRow("empty") << QByteArray("") << 256;
        QTest::addRow("whitespace") << QByteArray(" \t\r\n  ") << 256;
        QTest::addRow("punctuation only") << QByteArray("?!... -- (); \"\"") << 256;
        QTest::addRow("stop words only") << QByteArray("what did they do to it") << 256;
        QTest::addRow("digits") << QByteArray("404 500 2024-05-01 3.14") << 256;
        QTest::addRow("accents") << QByteArray("Café crème brûlée à Zürich, Łódź, Ærø") << 256;
        QTest::addRow("cjk") << QByteArray("数据库连接超时 データベース") << 256;
        QTest::addRow("cyrillic greek") << QByteArray("Привет мир Ελληνικά") << 256;
        QTest::addRow("emoji") << QByteArray("🎉🎉 deploy done ✅") << 256;
        QTest::addRow("invalid utf8") << QByteArray("bad \xff\xfe\xc3 bytes \xe2\x82") << 256;
        QTest::addRow("nul bytes") << QByteArray("a\0b\0c timeout", 14) << 256;
        QTest::addRow("one long word") << QByteArray(200000, 'x') << 256;
        QByteArray many;
        for (int i = 0; i < 20000; ++i)
            many += "timeout connecting to postgres again ";
        QTest::addRow("very long text") << many << 256;
        QTest::addRow("dimension 8") << QByteArray("postgres timeout") << 8;
        QTest::addRow("dimension 384") << QByteArray("postgres timeout") << 384;
        QTest::addRow("dimension 4096") << QByteArray("postgres timeout") << 4096;
    }
    void shapeAndNorm()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, dimension);
        HashingEmbedder::Config config;
        config.dimension = dimension;
        HashingEmbedder embedder(config);
        QCOMPARE(embedder.dimension(), dimension);
        QCOMPARE(QString::fromStdString(embedder.id()), QStringLiteral("builtin:hash-ngram-v1:%1").arg(dimension));
        const auto vector = embedOne(embedder, text.toStdString());
        QCOMPARE(static_cast<int>(vector.size()), dimension);
        for (const float v : vector)
            QVERIFY(std::isfinite(v));
        QVERIFY2(std::abs(dot(vector, vector) - 1.0) < 1e-5, "not unit norm");
    }

    void determinism_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addRow("plain") << QByteArray("Timeout connecting to Postgres after the deploy");
        QTest::addRow("empty") << QByteArray("");
        QTest::addRow("unicode") << QByteArray("Café déjà vu — naïve façade");
        QTest::addRow("repeats") << QByteArray("slow slow slow slow query query index");
    }
    void determinism()
    {
        QFETCH(QByteArray, text);
        HashingEmbedder first;
        HashingEmbedder second;
        const auto a = embedOne(first, text.toStdString());
        // The same instance after other texts (scratch buffers reused) and a fresh instance agree bit for bit.
        embedOne(first, "something else entirely, with other words and 日本語");
        const auto b = embedOne(first, text.toStdString());
        const auto c = embedOne(second, text.toStdString());
        QVERIFY(a == b);
        QVERIFY(a == c);
        // Batches give the same vectors as single calls.
        const auto batch = first.embed({"x", text.toStdString(), "y"});
        QVERIFY(batch.at(1) == a);
    }

    // Pins the recipe: these coordinates change only when the features or the hash change, and then the
    // id's version must be bumped (vectors stored under the old id would no longer match new queries).
    void goldenVector()
    {
        HashingEmbedder embedder;
        const auto v = embedOne(embedder, "Fixed the slow report query by adding an index on orders(customer_id)");
        int nonZero = 0;
        for (const float x : v)
            nonZero += x != 0.0f ? 1 : 0;
        QCOMPARE(nonZero, 16);
        QVERIFY(std::abs(v[7] - 0.454027265f) < 1e-6f); // two features of one sign share this bucket
        QVERIFY(std::abs(v[82] - 0.268155813f) < 1e-6f);
        QVERIFY(std::abs(v[164] - -0.268155813f) < 1e-6f);
        QVERIFY(std::abs(v[132] - -0.268155813f) < 1e-6f);
        QVERIFY(std::abs(v[235] - -0.268155813f) < 1e-6f);
    }

    void caseAndAccentsFold()
    {
        HashingEmbedder embedder;
        QVERIFY(embedOne(embedder, "CAFÉ Opening Hours") == embedOne(embedder, "cafe opening hours"));
        QVERIFY(embedOne(embedder, "connecting") == embedOne(embedder, "connected"));
        QVERIFY(embedOne(embedder, "the children went") == embedOne(embedder, "the child go"));
    }

    void relatedBeatsUnrelated_data()
    {
        QTest::addColumn<QByteArray>("anchor");
        QTest::addColumn<QByteArray>("related");
        QTest::addColumn<QByteArray>("unrelated");
        QTest::addRow("postgres timeout")
            << QByteArray("timeout connecting to postgres") << QByteArray("postgres connection timed out")
            << QByteArray("the quarterly sales report is ready");
        QTest::addRow("slow query index")
            << QByteArray("Fixed the slow report query by adding an index on orders(customer_id)")
            << QByteArray("report queries were slow until customer_id got an index")
            << QByteArray("the deploy failed because the docker image was missing");
        QTest::addRow("database synonym")
            << QByteArray("the postgres server ran out of disk") << QByteArray("database storage is full")
            << QByteArray("user prefers dark mode in the editor");
        QTest::addRow("crash") << QByteArray("the parser crashed with a segfault")
                               << QByteArray("exception thrown while parsing, process died")
                               << QByteArray("we bought a new espresso machine for the office");
        QTest::addRow("irregular verbs") << QByteArray("she bought a guitar last week")
                                         << QByteArray("buying an instrument")
                                         << QByteArray("the migration script dropped a column");
        QTest::addRow("family") << QByteArray("my kids love the beach")
                                << QByteArray("the children went swimming in the ocean")
                                << QByteArray("retry the flaky integration test in CI");
        QTest::addRow("pets") << QByteArray("what pets does she have") << QByteArray("we adopted a kitten")
                              << QByteArray("the build broke on windows");
        QTest::addRow("morphology") << QByteArray("deployment rollback procedure")
                                    << QByteArray("we rolled back the deploy") << QByteArray("lunch menu for friday");
    }
    void relatedBeatsUnrelated()
    {
        QFETCH(QByteArray, anchor);
        QFETCH(QByteArray, related);
        QFETCH(QByteArray, unrelated);
        HashingEmbedder embedder;
        const auto a = embedOne(embedder, anchor.toStdString());
        const double near = dot(a, embedOne(embedder, related.toStdString()));
        const double far = dot(a, embedOne(embedder, unrelated.toStdString()));
        QVERIFY2(near > far, qPrintable(QStringLiteral("related %1 <= unrelated %2").arg(near).arg(far)));
        QVERIFY2(near > 0.15, qPrintable(QStringLiteral("related only %1").arg(near)));
    }

    void customWeightsChangeId()
    {
        HashingEmbedder::Config config;
        config.charWeight = 0.3f;
        HashingEmbedder withNgrams(config);
        QCOMPARE(QString::fromStdString(withNgrams.id()),
                 QStringLiteral("builtin:hash-ngram-v1:256:w1:c1:s0.1:n0.3/3-5"));
        // Character n-grams make typos similar.
        const auto a = embedOne(withNgrams, "postgres timeout");
        QVERIFY(dot(a, embedOne(withNgrams, "postgress timout")) > dot(a, embedOne(withNgrams, "lunch menu")));
        QVERIFY(std::abs(dot(a, a) - 1.0) < 1e-5);
    }

    void invalidConfig_data()
    {
        QTest::addColumn<int>("dimension");
        QTest::addColumn<float>("weight");
        QTest::addColumn<int>("charMax");
        QTest::addRow("dimension 0") << 0 << 1.0f << 5;
        QTest::addRow("dimension 7") << 7 << 1.0f << 5;
        QTest::addRow("dimension 5000") << 5000 << 1.0f << 5;
        QTest::addRow("negative weight") << 256 << -1.0f << 5;
        QTest::addRow("nan weight") << 256 << std::nanf("") << 5;
        QTest::addRow("n-gram bounds") << 256 << 1.0f << 2;
    }
    void invalidConfig()
    {
        QFETCH(int, dimension);
        QFETCH(float, weight);
        QFETCH(int, charMax);
        HashingEmbedder::Config config;
        config.dimension = dimension;
        config.charWeight = weight;
        config.charMax = charMax;
        try {
            HashingEmbedder embedder(config);
            QFAIL("accepted a bad config");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), Error::Kind::InvalidArgument);
        }
    }

    void cancel()
    {
        HashingEmbedder embedder;
        std::atomic_bool cancelled{true};
        try {
            embedder.embed({"a", "b"}, &cancelled);
            QFAIL("not cancelled");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), Error::Kind::Cancelled);
        }
        std::atomic_bool running{false};
        QCOMPARE(embedder.embed({"a", "b"}, &running).size(), std::size_t(2));
    }

    void porterStemmer_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<QString>("stem");
        // From Porter's published vocabulary/output lists.
        QTest::addRow("caresses") << "caresses"
                                  << "caress";
        QTest::addRow("ponies") << "ponies"
                                << "poni";
        QTest::addRow("connecting") << "connecting"
                                    << "connect";
        QTest::addRow("connection") << "connection"
                                    << "connect";
        QTest::addRow("relational") << "relational"
                                    << "relat";
        QTest::addRow("generalizations") << "generalizations"
                                         << "gener";
        QTest::addRow("hopping") << "hopping"
                                 << "hop";
        QTest::addRow("filing") << "filing"
                                << "file";
        QTest::addRow("happy") << "happy"
                               << "happi";
        QTest::addRow("agreed") << "agreed"
                                << "agre";
        QTest::addRow("short") << "is"
                               << "is";
        QTest::addRow("non-ascii") << "café"
                                   << "café";
    }
    void porterStemmer()
    {
        QFETCH(QString, word);
        QFETCH(QString, stem);
        QCOMPARE(QString::fromStdString(PorterStemmer::stem(word.toStdString())), stem);
    }

    void tokenizer_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("words");
        QTest::addRow("basic") << QByteArray("Hello, World!") << QStringList{"hello", "world"};
        QTest::addRow("apostrophe") << QByteArray("Caroline's") << QStringList{"caroline", "s"};
        QTest::addRow("curly apostrophe") << QByteArray("I\xe2\x80\x99m") << QStringList{"i", "m"};
        QTest::addRow("accents") << QByteArray("Crème Brûlée") << QStringList{"creme", "brulee"};
        QTest::addRow("identifier") << QByteArray("orders(customer_id)") << QStringList{"orders", "customer", "id"};
        QTest::addRow("empty") << QByteArray("") << QStringList{};
    }
    void tokenizer()
    {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, words);
        QStringList got;
        for (const auto& w : TextTokenizer::words(text.toStdString()))
            got << QString::fromStdString(w);
        QCOMPARE(got, words);
    }

    void ftsQuery_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("query");
        QTest::addRow("drops stop words")
            << QByteArray("What pets does Melanie have?") << QByteArray("\"pets\" OR \"melanie\"");
        QTest::addRow("irregular forms")
            << QByteArray("When did Caroline go biking?")
            << QByteArray("\"caroline\" OR \"go\" OR \"went\" OR \"gone\" OR \"goes\" OR \"biking\" "
                          "OR \"caroline go\" OR \"go biking\"");
        QTest::addRow("only stop words") << QByteArray("what is it") << QByteArray("\"what\" OR \"is\" OR \"it\"");
        QTest::addRow("no words") << QByteArray(" ?! ") << QByteArray("");
        QTest::addRow("fts syntax neutralised")
            << QByteArray("title:foo* AND \"bar\" NEAR(baz) ^qux")
            << QByteArray("\"title\" OR \"foo\" OR \"bar\" OR \"near\" OR \"baz\" OR \"qux\" OR \"title foo\" OR "
                          "\"bar near\" OR \"near baz\" OR \"baz qux\"");
    }
    void ftsQuery()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, query);
        QCOMPARE(QByteArray::fromStdString(TextTokenizer::ftsOrQuery(text.toStdString())), query);
    }

    // Whatever the user types, the expression is valid FTS5 and finds the record by its words.
    void ftsQueryRunsInSqlite()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Connection db((dir.path() + "/fts.db").toStdString(), Connection::Options{});
        db.exec("CREATE VIRTUAL TABLE t USING fts5(memory, tokenize='porter unicode61 remove_diacritics 2')");
        db.exec("INSERT INTO t(rowid, memory) VALUES (1, 'Caroline: I went to a LGBTQ support group yesterday'),"
                "(2, 'Café crème at the station'), (3, 'unrelated words here')");
        const std::vector<std::pair<std::string, std::int64_t>> cases = {
            {"When did Caroline go to the LGBTQ support group?", 1},
            {"cafe CREME", 2},
            {"\"support\" AND (group OR NOT x) NEAR/3 * ^ : -- ' ", 1},
            {"what is it", 0},
        };
        for (const auto& [text, expected] : cases) {
            const std::string query = TextTokenizer::ftsOrQuery(text);
            auto st = db.prepare("SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rank LIMIT 1");
            st.bind(1, query);
            const std::int64_t top = st.step() ? st.int64(0) : 0;
            QVERIFY2(top == expected, query.c_str());
        }
    }

    void speed()
    {
        // ~30-word outcome lessons, the product's typical record. Printed, not asserted.
        const std::vector<std::string> words = {
            "fixed",   "slow",     "report",      "query",     "adding", "index",   "orders",  "customer",
            "timeout", "postgres", "connection",  "pool",      "retry",  "deploy",  "failed",  "docker",
            "image",   "cache",    "invalidated", "migration", "column", "dropped", "latency", "spike",
            "after",   "release",  "the",         "by",        "on",     "to"};
        std::vector<std::string> texts;
        unsigned state = 12345;
        for (int i = 0; i < 20000; ++i) {
            std::string text;
            for (int w = 0; w < 30; ++w) {
                state = state * 1103515245u + 12345u;
                text += words[(state >> 16) % words.size()];
                text += w % 9 == 8 ? ". " : " ";
            }
            texts.push_back(std::move(text));
        }
        HashingEmbedder embedder;
        std::vector<float> out;
        QElapsedTimer timer;
        timer.start();
        for (const auto& text : texts)
            embedder.embedOne(text, out);
        const double seconds = std::max<qint64>(timer.nsecsElapsed(), 1) / 1e9;
        qInfo("HashingEmbedder: %.0f texts/s (30-word texts, one core, dimension %d)", texts.size() / seconds,
              embedder.dimension());
    }
};

QTEST_GUILESS_MAIN(TestHashingEmbedder)
#include "tst_hashingembedder.moc"
