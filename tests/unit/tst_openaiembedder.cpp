#include "LoopbackHttpServer.h"
#include "embed/OpenAiEmbedder.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <QElapsedTimer>
#include <QTest>

#include <chrono>
#include <future>
#include <optional>

using namespace memscope;
using Reply = LoopbackHttpServer::Response;
using Vectors = std::vector<std::vector<float>>;

namespace {

const std::string kApiKey = "sk-proj-test-5e4d3c2b1a09";
const QByteArray kPath = "/v1/embeddings";

template <typename F> std::optional<Error> errorFrom(F&& call)
{
    try {
        call();
    } catch (const Error& e) {
        return e;
    }
    return std::nullopt;
}

// An OpenAI-style answer: one {"index": i, "embedding": v} per pair, in the order given.
QByteArray answer(const std::vector<std::pair<int, std::vector<float>>>& items)
{
    nlohmann::json data = nlohmann::json::array();
    for (const auto& [index, vector] : items)
        data.push_back({{"object", "embedding"}, {"index", index}, {"embedding", vector}});
    const nlohmann::json body = {{"object", "list"}, {"data", data}, {"model", "test-embed"}};
    return QByteArray::fromStdString(body.dump());
}

// n inputs, each answered with a 3-dimensional vector {i, i, i}.
QByteArray answerFor(int n, int dimension = 3)
{
    std::vector<std::pair<int, std::vector<float>>> items;
    for (int i = 0; i < n; ++i)
        items.emplace_back(i, std::vector<float>(static_cast<std::size_t>(dimension), static_cast<float>(i)));
    return answer(items);
}

OpenAiEmbedder::Config configFor(const std::string& baseUrl)
{
    OpenAiEmbedder::Config config;
    config.baseUrl = baseUrl;
    config.model = "test-embed";
    config.apiKey = kApiKey;
    config.timeoutMs = 3000;
    config.connectTimeoutMs = 2000;
    config.maxRetries = 0;
    config.retryBackoffMs = 1;
    return config;
}

OpenAiEmbedder::Config configFor(const LoopbackHttpServer& server) { return configFor(server.url("/v1")); }

} // namespace

class TestOpenAiEmbedder : public QObject {
    Q_OBJECT

private:
    QByteArray m_savedBaseUrl;
    QByteArray m_savedKey;
    bool m_hadBaseUrl = false;
    bool m_hadKey = false;

private slots:
    void initTestCase()
    {
        for (const char* name : {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
            qunsetenv(name);
        m_hadBaseUrl = qEnvironmentVariableIsSet("OPENAI_BASE_URL");
        m_hadKey = qEnvironmentVariableIsSet("OPENAI_API_KEY");
        m_savedBaseUrl = qgetenv("OPENAI_BASE_URL");
        m_savedKey = qgetenv("OPENAI_API_KEY");
    }

    void cleanupTestCase()
    {
        if (m_hadBaseUrl)
            qputenv("OPENAI_BASE_URL", m_savedBaseUrl);
        else
            qunsetenv("OPENAI_BASE_URL");
        if (m_hadKey)
            qputenv("OPENAI_API_KEY", m_savedKey);
        else
            qunsetenv("OPENAI_API_KEY");
    }

    void embedsAndSortsByIndex()
    {
        LoopbackHttpServer server;
        // Out of order on purpose: "index" decides which input a vector belongs to.
        server.enqueue(kPath, Reply::json(200, answer({{2, {0.5f, 2.0f}}, {0, {1.0f, -1.0f}}, {1, {-2.25f, 0.0f}}})));
        auto config = configFor(server);
        config.baseUrl += "/"; // a trailing slash must not double up in the path
        OpenAiEmbedder embedder(config);
        const Vectors vectors = embedder.embed({"alpha", "beta", "gamma"});
        QCOMPARE(vectors, Vectors({{1.0f, -1.0f}, {-2.25f, 0.0f}, {0.5f, 2.0f}}));
        QCOMPARE(embedder.dimension(), 2);
        QCOMPARE(server.requestCount(), 1); // the dimension was learnt, not probed

        const auto request = server.lastRequest();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, kPath);
        QCOMPARE(request.header("authorization"), QByteArray::fromStdString("Bearer " + kApiKey));
        QCOMPARE(request.header("content-type"), QByteArray("application/json"));
        const auto body = nlohmann::json::parse(request.body.toStdString());
        QCOMPARE(body["model"].get<std::string>(), std::string("test-embed"));
        QCOMPARE(body["input"].dump(), std::string(R"(["alpha","beta","gamma"])"));
    }

    void sendsNoAuthorizationWithoutKey()
    {
        LoopbackHttpServer server;
        server.enqueue(kPath, Reply::json(200, answerFor(1)));
        auto config = configFor(server);
        config.apiKey.clear();
        OpenAiEmbedder embedder(config);
        QCOMPARE(embedder.embed({"x"}).size(), std::size_t(1));
        QVERIFY(!server.lastRequest().hasHeader("authorization"));
    }

    void replacesInvalidUtf8()
    {
        LoopbackHttpServer server;
        server.enqueue(kPath, Reply::json(200, answerFor(2)));
        OpenAiEmbedder embedder(configFor(server));
        QCOMPARE(embedder.embed({"fine", "broken \xff byte"}).size(), std::size_t(2));
        const auto body = nlohmann::json::parse(server.lastRequest().body.toStdString());
        QCOMPARE(body["input"][1].get<std::string>(), std::string("broken \xEF\xBF\xBD byte"));
    }

    void id_data()
    {
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("id");
        QTest::addRow("openai") << "https://api.openai.com/v1"
                                << "text-embedding-3-small"
                                << "openai:text-embedding-3-small@https://api.openai.com/v1";
        QTest::addRow("trailing slashes") << "http://localhost:11434/v1//"
                                          << "nomic-embed-text"
                                          << "openai:nomic-embed-text@http://localhost:11434/v1";
        QTest::addRow("credentials in url") << "https://user:pw@proxy.example/v1"
                                            << "m"
                                            << "openai:m@https://proxy.example/v1";
    }

    void id()
    {
        QFETCH(QString, baseUrl);
        QFETCH(QString, model);
        QFETCH(QString, id);
        OpenAiEmbedder::Config config;
        config.baseUrl = baseUrl.toStdString();
        config.model = model.toStdString();
        QCOMPARE(QString::fromStdString(OpenAiEmbedder(config).id()), id);
        QCOMPARE(OpenAiEmbedder(config).preferredBatchSize(), 64);
    }

    void refusesMalformedAnswers_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("expectedDimension");
        QTest::addColumn<QString>("expected"); // after "<url>" or as a whole when it has no %1
        QTest::addRow("too few") << answerFor(2) << 0 << "expected 3 embeddings from %1, got 2";
        QTest::addRow("too many") << answerFor(4) << 0 << "expected 3 embeddings from %1, got 4";
        QTest::addRow("ragged") << answer({{0, {1, 2, 3}}, {1, {1, 2, 3}}, {2, {1, 2}}}) << 0
                                << "embeddings of different lengths from %1: input 0 got 3 numbers, input 2 got 2";
        QTest::addRow("wrong dimension") << answerFor(3, 4) << 3
                                         << "model test-embed at %1 returned 4-dimensional vectors, expected 3";
        QTest::addRow("duplicate index") << answer({{0, {1}}, {0, {2}}, {2, {3}}}) << 0
                                         << "malformed embeddings answer from %1: index 0 appears twice";
        QTest::addRow("index out of range")
            << answer({{0, {1}}, {1, {2}}, {3, {3}}}) << 0
            << "malformed embeddings answer from %1: item 2 has index 3, expected 0 to 2";
        QTest::addRow("no data") << QByteArray(R"({"object":"list"})") << 0
                                 << "malformed embeddings answer from %1: no \"data\" array";
        QTest::addRow("not an object") << QByteArray("[1,2,3]") << 0
                                       << "malformed embeddings answer from %1: not a JSON object";
        QTest::addRow("string in vector")
            << QByteArray(R"({"data":[{"index":0,"embedding":[1,"x"]},)"
                          R"({"index":1,"embedding":[1,2]},{"index":2,"embedding":[1,2]}]})")
            << 0
            << "malformed embeddings answer from %1: item 0 holds a value that is not a "
               "finite number: \"x\"";
        QTest::addRow("base64") << QByteArray(R"({"data":[{"index":0,"embedding":"AACAPw=="},)"
                                              R"({"index":1,"embedding":[1]},{"index":2,"embedding":[1]}]})")
                                << 0 << "malformed embeddings answer from %1: item 0 is base64-encoded";
        QTest::addRow("empty vector") << answer({{0, {}}, {1, {}}, {2, {}}}) << 0
                                      << "malformed embeddings answer from %1: item 0 has no list of numbers";
        QTest::addRow("garbage") << QByteArray("<html>Bad gateway</html>") << 0
                                 << "malformed JSON in response from %1 (invalid at byte 1";
    }

    void refusesMalformedAnswers()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, expectedDimension);
        QFETCH(QString, expected);
        LoopbackHttpServer server;
        server.enqueue(kPath, Reply::json(200, body));
        auto config = configFor(server);
        config.dimension = expectedDimension;
        OpenAiEmbedder embedder(config);
        const auto error = errorFrom([&] { embedder.embed({"a", "b", "c"}); });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::Network);
        const QString message = QString::fromUtf8(error->what());
        QVERIFY2(message.startsWith(expected.arg(QString::fromStdString(server.url(kPath)))), qPrintable(message));
    }

    void reportsHttpErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::addRow("401 echoing the key")
            << 401
            << QByteArray::fromStdString(
                   nlohmann::json({{"error", {{"message", "Incorrect API key provided: " + kApiKey}}}}).dump())
            << "invalid API key (server said: Incorrect API key provided: [redacted])";
        QTest::addRow("404 unknown model") << 404
                                           << QByteArray(R"({"error":{"message":"The model does not exist",)"
                                                         R"("code":"model_not_found"}})")
                                           << "unknown model or endpoint (server said: The model does not exist)";
    }

    void reportsHttpErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        LoopbackHttpServer server;
        server.setFallback(kPath, Reply::json(status, body));
        auto config = configFor(server);
        config.maxRetries = 3; // client errors are never retried
        OpenAiEmbedder embedder(config);
        const auto error = errorFrom([&] { embedder.embed({"a"}); });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::Network);
        QCOMPARE(QString::fromUtf8(error->what()),
                 QStringLiteral("HTTP %1 from %2: ").arg(status).arg(QString::fromStdString(server.url(kPath))) +
                     expected);
        QVERIFY(std::string(error->what()).find(kApiKey) == std::string::npos);
        QCOMPARE(server.requestCount(), 1);
    }

    void retriesThenSucceeds()
    {
        LoopbackHttpServer server;
        server.enqueue(kPath, Reply::json(503, R"({"error":"loading model"})"));
        server.enqueue(kPath, Reply::json(429, "{}"));
        server.enqueue(kPath, Reply::json(200, answerFor(2)));
        auto config = configFor(server);
        config.maxRetries = 2;
        OpenAiEmbedder embedder(config);
        QCOMPARE(embedder.embed({"a", "b"}), Vectors({{0, 0, 0}, {1, 1, 1}}));
        QCOMPARE(server.requestCount(), 3);
    }

    void reportsRefusedConnection()
    {
        const std::string base = "http://127.0.0.1:" + std::to_string(LoopbackHttpServer::unusedPort()) + "/v1";
        OpenAiEmbedder embedder(configFor(base));
        const auto error = errorFrom([&] { embedder.embed({"a"}); });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::Network);
        QCOMPARE(QString::fromUtf8(error->what()),
                 QString::fromStdString("connection refused to " + base + "/embeddings"));
    }

    void timesOut()
    {
        LoopbackHttpServer server;
        server.enqueue(kPath, Reply::json(200, answerFor(1)).withDelay(30000));
        auto config = configFor(server);
        config.timeoutMs = 250;
        OpenAiEmbedder embedder(config);
        const auto error = errorFrom([&] { embedder.embed({"a"}); });
        QVERIFY(error);
        QVERIFY2(QByteArray(error->what()).contains("timed out after 250 ms"), error->what());
    }

    void probesDimensionOnce()
    {
        LoopbackHttpServer server;
        server.enqueue(kPath, Reply::json(200, answerFor(1, 5)));
        OpenAiEmbedder embedder(configFor(server));
        QCOMPARE(embedder.dimension(), 5);
        QCOMPARE(embedder.dimension(), 5);
        QCOMPARE(server.requestCount(), 1);
        const auto body = nlohmann::json::parse(server.lastRequest().body.toStdString());
        QCOMPARE(body["input"].size(), std::size_t(1));
    }

    void configuredDimensionNeedsNoProbe()
    {
        LoopbackHttpServer server;
        auto config = configFor(server);
        config.dimension = 768;
        OpenAiEmbedder embedder(config);
        QCOMPARE(embedder.dimension(), 768);
        QCOMPARE(server.requestCount(), 0);
    }

    void learntDimensionIsEnforced()
    {
        LoopbackHttpServer server;
        server.enqueue(kPath, Reply::json(200, answerFor(1, 3)));
        server.enqueue(kPath, Reply::json(200, answerFor(1, 4)));
        OpenAiEmbedder embedder(configFor(server));
        QCOMPARE(embedder.embed({"a"}).front().size(), std::size_t(3));
        const auto error = errorFrom([&] { embedder.embed({"b"}); });
        QVERIFY(error);
        QVERIFY2(QByteArray(error->what()).contains("returned 4-dimensional vectors, expected 3"), error->what());
    }

    void splitsLargeInputsIntoBatches()
    {
        LoopbackHttpServer server;
        server.enqueue(kPath, Reply::json(200, answer({{1, {2}}, {0, {1}}})));
        server.enqueue(kPath, Reply::json(200, answer({{0, {3}}, {1, {4}}})));
        server.enqueue(kPath, Reply::json(200, answer({{0, {5}}})));
        auto config = configFor(server);
        config.batchSize = 2;
        OpenAiEmbedder embedder(config);
        QCOMPARE(embedder.preferredBatchSize(), 2);
        QCOMPARE(embedder.embed({"t1", "t2", "t3", "t4", "t5"}), Vectors({{1}, {2}, {3}, {4}, {5}}));
        const auto requests = server.requests();
        QCOMPARE(requests.size(), 3);
        QCOMPARE(nlohmann::json::parse(requests[2].body.toStdString())["input"].dump(), std::string(R"(["t5"])"));
    }

    void emptyInputMakesNoRequest()
    {
        LoopbackHttpServer server;
        OpenAiEmbedder embedder(configFor(server));
        QVERIFY(embedder.embed({}).empty());
        QCOMPARE(server.requestCount(), 0);
    }

    void cancelStopsEmbedding()
    {
        LoopbackHttpServer server;
        server.enqueue(kPath, Reply::json(200, answerFor(1)).withDelay(30000));
        auto config = configFor(server);
        config.timeoutMs = 20000;
        std::atomic_bool cancel{false};
        auto outcome = std::async(std::launch::async, [config, &cancel] {
            OpenAiEmbedder embedder(config);
            return errorFrom([&] { embedder.embed({"a"}, &cancel); });
        });
        QVERIFY(server.waitForRequests(1));
        QElapsedTimer timer;
        timer.start();
        cancel = true;
        QCOMPARE(outcome.wait_for(std::chrono::seconds(5)), std::future_status::ready);
        QVERIFY2(timer.elapsed() < 300, qPrintable(QString::number(timer.elapsed())));
        const auto error = outcome.get();
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::Cancelled);
    }

    void rejectsBadConfig_data()
    {
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("apiKey");
        QTest::addColumn<int>("batchSize");
        QTest::addRow("no model") << "http://localhost:11434/v1"
                                  << ""
                                  << "" << 64;
        QTest::addRow("not http") << "ftp://localhost/v1"
                                  << "m"
                                  << "" << 64;
        QTest::addRow("no url") << ""
                                << "m"
                                << "" << 64;
        QTest::addRow("query in url") << "http://h/v1?x=1"
                                      << "m"
                                      << "" << 64;
        QTest::addRow("key with newline") << "http://h/v1"
                                          << "m"
                                          << "sk-a\nX-Evil: 1" << 64;
        QTest::addRow("zero batch") << "http://h/v1"
                                    << "m"
                                    << "" << 0;
    }

    void rejectsBadConfig()
    {
        QFETCH(QString, baseUrl);
        QFETCH(QString, model);
        QFETCH(QString, apiKey);
        QFETCH(int, batchSize);
        OpenAiEmbedder::Config config;
        config.baseUrl = baseUrl.toStdString();
        config.model = model.toStdString();
        config.apiKey = apiKey.toStdString();
        config.batchSize = batchSize;
        const auto error = errorFrom([&] { OpenAiEmbedder{config}; });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::InvalidArgument);
        QVERIFY(std::string(error->what()).find("sk-a") == std::string::npos);
    }

    void fromEnvironment_data()
    {
        QTest::addColumn<QString>("flagUrl");
        QTest::addColumn<QString>("envUrl"); // null QString: variable unset
        QTest::addColumn<QString>("flagKey");
        QTest::addColumn<QString>("envKey");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("key");
        const QString unset;
        QTest::addRow("flags win") << "http://flag/v1"
                                   << "http://env/v1"
                                   << "sk-flag"
                                   << "sk-env"
                                   << "http://flag/v1"
                                   << "sk-flag";
        QTest::addRow("environment fills gaps") << ""
                                                << "http://env/v1"
                                                << ""
                                                << "sk-env"
                                                << "http://env/v1"
                                                << "sk-env";
        QTest::addRow("mixed") << "http://flag/v1"
                               << "http://env/v1"
                               << ""
                               << "sk-env"
                               << "http://flag/v1"
                               << "sk-env";
        QTest::addRow("nothing set") << "" << unset << "" << unset << OpenAiEmbedder::kDefaultBaseUrl << "";
        QTest::addRow("empty variables count as unset") << ""
                                                        << ""
                                                        << ""
                                                        << "" << OpenAiEmbedder::kDefaultBaseUrl << "";
        QTest::addRow("values trimmed") << "  "
                                        << " http://env/v1 "
                                        << ""
                                        << "sk-env\n"
                                        << "http://env/v1"
                                        << "sk-env";
    }

    void fromEnvironment()
    {
        QFETCH(QString, flagUrl);
        QFETCH(QString, envUrl);
        QFETCH(QString, flagKey);
        QFETCH(QString, envKey);
        QFETCH(QString, url);
        QFETCH(QString, key);
        const auto set = [](const char* name, const QString& value) {
            if (value.isNull())
                qunsetenv(name);
            else
                qputenv(name, value.toUtf8());
        };
        set("OPENAI_BASE_URL", envUrl);
        set("OPENAI_API_KEY", envKey);
        const auto config = OpenAiEmbedder::Config::fromEnvironment(flagUrl.toStdString(), "text-embedding-3-small",
                                                                    flagKey.toStdString());
        QCOMPARE(QString::fromStdString(config.baseUrl), url);
        QCOMPARE(QString::fromStdString(config.apiKey), key);
        QCOMPARE(config.model, std::string("text-embedding-3-small"));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiEmbedder)
#include "tst_openaiembedder.moc"
