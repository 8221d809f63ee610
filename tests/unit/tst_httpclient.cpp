#include "LoopbackHttpServer.h"
#include "net/HttpClient.h"
#include "net/SseParser.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <QElapsedTimer>
#include <QTest>

#include <chrono>
#include <future>
#include <optional>

using namespace memscope;
using Reply = LoopbackHttpServer::Response;

Q_DECLARE_METATYPE(memscope::LoopbackHttpServer::Response)

namespace {

const std::string kApiKey = "sk-test-9f8e7d6c5b4a3210";

// The memscope::Error `call` throws, or nullopt when it returns normally.
template <typename F> std::optional<Error> errorFrom(F&& call)
{
    try {
        call();
    } catch (const Error& e) {
        return e;
    }
    return std::nullopt;
}

// Short timeouts and near-zero back-off keep every test well under a second.
HttpClient::Request quickRequest(const std::string& url, HttpClient::Method method = HttpClient::Method::Get)
{
    HttpClient::Request request;
    request.method = method;
    request.url = url;
    request.connectTimeoutMs = 2000;
    request.timeoutMs = 3000;
    request.maxRetries = 0;
    request.initialBackoffMs = 1;
    request.maxBackoffMs = 4;
    return request;
}

QString eventText(const SseParser::Event& event)
{
    return QString::fromStdString(event.type + "|" + event.data + "|" + event.id);
}

} // namespace

class TestHttpClient : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // A proxy from the environment would swallow the loopback requests.
        for (const char* name : {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
            qunsetenv(name);
    }

    void getReturnsStatusHeadersAndBody()
    {
        LoopbackHttpServer server;
        server.enqueue("/v1/models", Reply::json(200, R"({"ok":true})").withHeader("X-Request-Id", "req-42"));
        HttpClient client;
        const auto response = client.send(quickRequest(server.url("/v1/models?limit=3")));
        QCOMPARE(response.status, 200L);
        QCOMPARE(response.body, std::string(R"({"ok":true})"));
        QCOMPARE(response.header("x-request-id"), std::optional<std::string>("req-42"));
        QCOMPARE(response.header("missing"), std::optional<std::string>());
        QCOMPARE(response.attempts, 1);
        QCOMPARE(response.url, server.url("/v1/models"));
        QCOMPARE(response.json()["ok"].get<bool>(), true);
        const auto request = server.lastRequest();
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.target, QByteArray("/v1/models?limit=3"));
        QVERIFY(request.header("user-agent").startsWith("Memscope/"));
    }

    void postSendsHeadersAndBody()
    {
        LoopbackHttpServer server;
        server.enqueue("/v1/embeddings", Reply::json(200, "{}"));
        auto request = quickRequest(server.url("/v1/embeddings"), HttpClient::Method::Post);
        request.headers = {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + kApiKey}};
        request.body = std::string(5000, 'x'); // large enough that curl would otherwise send "Expect: 100-continue"
        HttpClient client;
        QCOMPARE(client.send(request).status, 200L);
        const auto got = server.lastRequest();
        QCOMPARE(got.method, QByteArray("POST"));
        QCOMPARE(got.body, QByteArray(5000, 'x'));
        QCOMPARE(got.header("content-type"), QByteArray("application/json"));
        QCOMPARE(got.header("authorization"), QByteArray::fromStdString("Bearer " + kApiKey));
        QVERIFY(!got.hasHeader("expect"));
    }

    void reusesTheConnection()
    {
        LoopbackHttpServer server;
        server.setFallback("/ping", Reply::json(200, "{}"));
        HttpClient client;
        for (int i = 0; i < 3; ++i)
            QCOMPARE(client.send(quickRequest(server.url("/ping"))).status, 200L);
        QCOMPARE(server.requestCount(), 3);
        QCOMPARE(server.connectionCount(), 1);
    }

    void retriesTransientStatuses_data()
    {
        QTest::addColumn<QList<int>>("failures");
        QTest::addRow("429") << QList<int>{429};
        QTest::addRow("500, 503") << QList<int>{500, 503};
        QTest::addRow("502, 504, 429") << QList<int>{502, 504, 429};
    }

    void retriesTransientStatuses()
    {
        QFETCH(QList<int>, failures);
        LoopbackHttpServer server;
        for (int status : failures)
            server.enqueue("/x", Reply::json(status, R"({"error":{"message":"try later"}})"));
        server.enqueue("/x", Reply::json(200, R"({"done":1})"));
        auto request = quickRequest(server.url("/x"));
        request.maxRetries = 3;
        HttpClient client;
        const auto response = client.send(request);
        QCOMPARE(response.status, 200L);
        QCOMPARE(response.body, std::string(R"({"done":1})"));
        QCOMPARE(response.attempts, static_cast<int>(failures.size()) + 1);
        QCOMPARE(server.requestCount(), static_cast<int>(failures.size()) + 1);
    }

    void givesUpAfterMaxRetries_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("maxRetries");
        QTest::addColumn<QString>("meaning");
        QTest::addRow("503, 2 retries") << 503 << 2 << "service unavailable";
        QTest::addRow("429, 1 retry") << 429 << 1 << "rate limited or out of quota";
        QTest::addRow("500, no retries") << 500 << 0 << "internal server error";
    }

    void givesUpAfterMaxRetries()
    {
        QFETCH(int, status);
        QFETCH(int, maxRetries);
        QFETCH(QString, meaning);
        LoopbackHttpServer server;
        server.setFallback("/x", Reply::json(status, R"({"error":{"message":"overloaded"}})"));
        auto request = quickRequest(server.url("/x"));
        request.maxRetries = maxRetries;
        HttpClient client;
        const auto error = errorFrom([&] { client.send(request); });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::Network);
        const QString message = QString::fromUtf8(error->what());
        const QString prefix = QStringLiteral("HTTP %1 from %2: %3 (server said: overloaded)")
                                   .arg(status)
                                   .arg(QString::fromStdString(server.url("/x")), meaning);
        QVERIFY2(message.startsWith(prefix), qPrintable(message));
        if (maxRetries > 0)
            QVERIFY2(message.endsWith(QStringLiteral("(gave up after %1 attempts)").arg(maxRetries + 1)),
                     qPrintable(message));
        QCOMPARE(server.requestCount(), maxRetries + 1);
    }

    void doesNotRetryClientErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::addRow("400") << 400 << QByteArray(R"({"error":{"message":"input must not be empty"}})")
                             << "the server rejected the request (server said: input must not be empty)";
        QTest::addRow("401") << 401 << QByteArray(R"({"error":{"message":"Incorrect API key provided"}})")
                             << "invalid API key (server said: Incorrect API key provided)";
        QTest::addRow("403") << 403 << QByteArray(R"({"error":"forbidden"})")
                             << "access denied, the API key may lack permission for this model or endpoint "
                                "(server said: forbidden)";
        QTest::addRow("404 ollama") << 404 << QByteArray(R"({"error":"model 'nomic' not found"})")
                                    << "unknown model or endpoint (server said: model 'nomic' not found)";
        QTest::addRow("404 plain text") << 404 << QByteArray("404 page not found\n")
                                        << "unknown model or endpoint (server said: 404 page not found)";
    }

    void doesNotRetryClientErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        LoopbackHttpServer server;
        server.setFallback("/v1/embeddings", Reply::json(status, body));
        auto request = quickRequest(server.url("/v1/embeddings"), HttpClient::Method::Post);
        request.headers = {{"Authorization", "Bearer " + kApiKey}};
        request.maxRetries = 3;
        HttpClient client;
        const auto error = errorFrom([&] { client.send(request); });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::Network);
        QCOMPARE(
            QString::fromUtf8(error->what()),
            QStringLiteral("HTTP %1 from %2: ").arg(status).arg(QString::fromStdString(server.url("/v1/embeddings"))) +
                expected);
        QCOMPARE(server.requestCount(), 1);
    }

    void unauthorizedWithoutKeySaysSo()
    {
        LoopbackHttpServer server;
        server.enqueue("/x", Reply::json(401, R"({"error":{"message":"You did not provide an API key."}})"));
        HttpClient client;
        const auto error = errorFrom([&] { client.send(quickRequest(server.url("/x"))); });
        QVERIFY(error);
        QVERIFY2(QByteArray(error->what()).contains("the server wants an API key and none was given"), error->what());
    }

    void returnsErrorStatusWhenAsked()
    {
        LoopbackHttpServer server;
        server.enqueue("/x", Reply::json(404, R"({"error":"nope"})"));
        auto request = quickRequest(server.url("/x"));
        request.throwOnHttpError = false;
        HttpClient client;
        const auto response = client.send(request);
        QCOMPARE(response.status, 404L);
        QCOMPARE(response.body, std::string(R"({"error":"nope"})"));
    }

    void honoursRetryAfter_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("minimumMs");
        QTest::addRow("Retry-After seconds") << QByteArray("Retry-After") << QByteArray("1") << 950;
        QTest::addRow("retry-after-ms") << QByteArray("retry-after-ms") << QByteArray("250") << 240;
    }

    void honoursRetryAfter()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        QFETCH(int, minimumMs);
        LoopbackHttpServer server;
        server.enqueue("/x", Reply::json(429, "{}").withHeader(header, value));
        server.enqueue("/x", Reply::json(200, "{}"));
        auto request = quickRequest(server.url("/x"));
        request.maxRetries = 1;
        HttpClient client;
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(client.send(request).status, 200L);
        QVERIFY2(timer.elapsed() >= minimumMs, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(server.requestCount(), 2);
    }

    void refusesToWaitForLongRetryAfter()
    {
        LoopbackHttpServer server;
        server.setFallback("/x", Reply::json(429, "{}").withHeader("Retry-After", "3600"));
        auto request = quickRequest(server.url("/x"));
        request.maxRetries = 3;
        request.maxRetryAfterMs = 2000;
        HttpClient client;
        QElapsedTimer timer;
        timer.start();
        const auto error = errorFrom([&] { client.send(request); });
        QVERIFY(error);
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY2(QByteArray(error->what()).contains("asks to wait 3600 s before retrying"), error->what());
        QCOMPARE(server.requestCount(), 1);
    }

    void reportsRefusedConnection_data()
    {
        QTest::addColumn<int>("maxRetries");
        QTest::addColumn<QString>("suffix");
        QTest::addRow("no retries") << 0 << QString();
        QTest::addRow("two retries") << 2 << QStringLiteral(" (gave up after 3 attempts)");
    }

    void reportsRefusedConnection()
    {
        QFETCH(int, maxRetries);
        QFETCH(QString, suffix);
        const std::string url =
            "http://127.0.0.1:" + std::to_string(LoopbackHttpServer::unusedPort()) + "/v1/embeddings";
        auto request = quickRequest(url, HttpClient::Method::Post);
        request.maxRetries = maxRetries;
        HttpClient client;
        const auto error = errorFrom([&] { client.send(request); });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::Network);
        QCOMPARE(QString::fromUtf8(error->what()), "connection refused to " + QString::fromStdString(url) + suffix);
    }

    void timesOut()
    {
        LoopbackHttpServer server;
        server.enqueue("/slow", Reply::json(200, "{}").withDelay(30000));
        auto request = quickRequest(server.url("/slow"));
        request.timeoutMs = 300;
        request.maxRetries = 2; // a request that timed out is not repeated: it would only time out again
        HttpClient client;
        QElapsedTimer timer;
        timer.start();
        const auto error = errorFrom([&] { client.send(request); });
        QVERIFY(error);
        QVERIFY2(timer.elapsed() >= 250 && timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(error->kind(), Error::Kind::Network);
        QCOMPARE(QString::fromUtf8(error->what()), "request to " + QString::fromStdString(server.url("/slow")) +
                                                       " timed out after 300 ms (waiting for an answer)");
        QCOMPARE(server.requestCount(), 1);
    }

    void cancelStopsHungRequestQuickly()
    {
        LoopbackHttpServer server;
        server.enqueue("/slow", Reply::json(200, "{}").withDelay(30000));
        std::atomic_bool cancel{false};
        auto request = quickRequest(server.url("/slow"));
        request.timeoutMs = 20000;
        request.cancel = &cancel;
        auto outcome = std::async(std::launch::async, [request] {
            HttpClient client;
            return errorFrom([&] { client.send(request); });
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
        QCOMPARE(QString::fromUtf8(error->what()),
                 "request to " + QString::fromStdString(server.url("/slow")) + " cancelled");
    }

    void cancelInterruptsBackoff()
    {
        LoopbackHttpServer server;
        server.setFallback("/busy", Reply::json(503, "{}").withHeader("Retry-After", "30"));
        std::atomic_bool cancel{false};
        auto request = quickRequest(server.url("/busy"));
        request.maxRetries = 3;
        request.cancel = &cancel;
        auto outcome = std::async(std::launch::async, [request] {
            HttpClient client;
            return errorFrom([&] { client.send(request); });
        });
        QVERIFY(server.waitForRequests(1));
        cancel = true;
        QCOMPARE(outcome.wait_for(std::chrono::seconds(5)), std::future_status::ready);
        const auto error = outcome.get();
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::Cancelled);
        QCOMPARE(server.requestCount(), 1);
    }

    void cancelledBeforeStartSendsNothing()
    {
        LoopbackHttpServer server;
        std::atomic_bool cancel{true};
        auto request = quickRequest(server.url("/x"));
        request.cancel = &cancel;
        HttpClient client;
        const auto error = errorFrom([&] { client.send(request); });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::Cancelled);
        QCOMPARE(server.requestCount(), 0);
    }

    void reportsBrokenResponses_data()
    {
        QTest::addColumn<Reply>("reply");
        QTest::addColumn<QString>("expected");
        QTest::addRow("truncated body") << Reply::json(200, R"({"data":[1,2,3]})").truncated()
                                        << "response truncated: %1 closed the connection after 16 bytes of the body "
                                           "(announced 48)";
        QTest::addRow("truncated stream")
            << Reply::eventStream({"data: a\n\n"}).truncated() << "response truncated: %1 closed the connection";
        QTest::addRow("not http") << Reply::raw("SSH-2.0-OpenSSH_9.2\r\n") << "%1 did not answer with valid HTTP";
        QTest::addRow("bad status line") << Reply::raw("HTTP/1.1 abc\r\n\r\n") << "%1 did not answer with valid HTTP";
        QTest::addRow("closed without answer")
            << Reply::closeWithoutAnswer() << "%1 closed the connection without answering";
    }

    void reportsBrokenResponses()
    {
        QFETCH(Reply, reply);
        QFETCH(QString, expected);
        LoopbackHttpServer server;
        server.enqueue("/x", reply);
        HttpClient client;
        const auto error = errorFrom([&] { client.send(quickRequest(server.url("/x"))); });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::Network);
        const QString message = QString::fromUtf8(error->what());
        QVERIFY2(message.startsWith(expected.arg(QString::fromStdString(server.url("/x")))), qPrintable(message));
    }

    void retriesDroppedConnections_data()
    {
        QTest::addColumn<Reply>("failure");
        QTest::addRow("closed without answer") << Reply::closeWithoutAnswer();
        QTest::addRow("truncated") << Reply::json(200, R"({"partial":)").truncated();
    }

    void retriesDroppedConnections()
    {
        QFETCH(Reply, failure);
        LoopbackHttpServer server;
        server.enqueue("/x", failure);
        server.enqueue("/x", Reply::json(200, R"({"whole":true})"));
        auto request = quickRequest(server.url("/x"));
        request.maxRetries = 1;
        HttpClient client;
        const auto response = client.send(request);
        QCOMPARE(response.body, std::string(R"({"whole":true})"));
        QCOMPARE(response.attempts, 2);
    }

    void reportsMalformedJson()
    {
        LoopbackHttpServer server;
        server.enqueue("/x", Reply::text(200, "<html>proxy login</html>", "text/html"));
        HttpClient client;
        const auto response = client.send(quickRequest(server.url("/x")));
        const auto error = errorFrom([&] { static_cast<void>(response.json()); });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::Network);
        QCOMPARE(QString::fromUtf8(error->what()), "malformed JSON in response from " +
                                                       QString::fromStdString(server.url("/x")) +
                                                       " (invalid at byte 1 of 24, Content-Type text/html)");
    }

    void keepsTheKeyOutOfMessages_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        const QByteArray key = QByteArray::fromStdString(kApiKey);
        QTest::addRow("401 echoing the bearer key") << 401 << QByteArray("Authorization") << "Bearer " + key;
        QTest::addRow("500 echoing an api-key header") << 500 << QByteArray("api-key") << key;
        QTest::addRow("403 echoing x-goog-api-key") << 403 << QByteArray("x-goog-api-key") << key;
    }

    void keepsTheKeyOutOfMessages()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        LoopbackHttpServer server;
        server.setFallback("/x", Reply::json(status, R"({"error":{"message":"Incorrect API key provided: )" +
                                                         QByteArray::fromStdString(kApiKey) + R"("}})"));
        auto request = quickRequest(server.url("/x"), HttpClient::Method::Post);
        request.headers = {{header.toStdString(), value.toStdString()}};
        request.maxRetries = 1;
        HttpClient client;
        const auto error = errorFrom([&] { client.send(request); });
        QVERIFY(error);
        QCOMPARE(server.lastRequest().header(header), value);
        const std::string message = error->what();
        QVERIFY2(message.find(kApiKey) == std::string::npos, message.c_str());
        QVERIFY2(message.find("Incorrect API key provided: [redacted]") != std::string::npos, message.c_str());
    }

    void keepsUrlCredentialsOutOfMessages()
    {
        const std::string url = "http://user:" + kApiKey +
                                "@127.0.0.1:" + std::to_string(LoopbackHttpServer::unusedPort()) +
                                "/v1/x?api_key=" + kApiKey;
        HttpClient client;
        const auto error = errorFrom([&] { client.send(quickRequest(url)); });
        QVERIFY(error);
        const std::string message = error->what();
        QVERIFY2(message.find(kApiKey) == std::string::npos, message.c_str());
        QVERIFY2(message.find("connection refused to http://127.0.0.1:") == 0, message.c_str());
    }

    void displayUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("shown");
        QTest::addRow("plain") << "https://api.openai.com/v1/embeddings"
                               << "https://api.openai.com/v1/embeddings";
        QTest::addRow("user info") << "https://u:secret@host:8443/v1"
                                   << "https://host:8443/v1";
        QTest::addRow("query and fragment") << "http://h/p?key=secret#frag"
                                            << "http://h/p";
        QTest::addRow("query without path") << "http://h?key=secret"
                                            << "http://h";
        QTest::addRow("at sign in query") << "http://h/p?mail=a@b"
                                          << "http://h/p";
    }

    void displayUrl()
    {
        QFETCH(QString, url);
        QFETCH(QString, shown);
        QCOMPARE(QString::fromStdString(HttpClient::displayUrl(url.toStdString())), shown);
    }

    void rejectsInvalidRequests_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("headerValue");
        QTest::addRow("ftp url") << "ftp://127.0.0.1/x"
                                 << "ok";
        QTest::addRow("no scheme") << "127.0.0.1/x"
                                   << "ok";
        QTest::addRow("header injection") << "http://127.0.0.1:1/x"
                                          << "a\r\nX-Injected: 1";
    }

    void rejectsInvalidRequests()
    {
        QFETCH(QString, url);
        QFETCH(QString, headerValue);
        auto request = quickRequest(url.toStdString());
        request.headers = {{"X-Test", headerValue.toStdString()}};
        HttpClient client;
        const auto error = errorFrom([&] { client.send(request); });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::InvalidArgument);
    }

    void streamsBodyAsItArrives()
    {
        LoopbackHttpServer server;
        server.enqueue(
            "/v1/chat/completions",
            Reply::eventStream({"data: one\n\n", "data: two\n", "\ndata: three\n\n", "data: [DONE]\n\n"}, 40));
        auto request = quickRequest(server.url("/v1/chat/completions"), HttpClient::Method::Post);
        int chunks = 0;
        SseParser parser;
        QStringList events;
        HttpClient client;
        const auto response = client.stream(request, [&](std::string_view chunk) {
            ++chunks;
            for (const auto& event : parser.feed(chunk))
                events << QString::fromStdString(event.data);
        });
        QCOMPARE(response.status, 200L);
        QVERIFY(response.body.empty());
        QCOMPARE(events, QStringList({"one", "two", "three", "[DONE]"}));
        QVERIFY2(chunks >= 2, "the pieces should arrive separately, not all at the end");
    }

    void streamRetriesBeforeTheFirstByte()
    {
        LoopbackHttpServer server;
        server.enqueue("/s", Reply::json(503, R"({"error":"warming up"})"));
        server.enqueue("/s", Reply::eventStream({"data: hello\n\n"}));
        auto request = quickRequest(server.url("/s"));
        request.maxRetries = 1;
        std::string received;
        HttpClient client;
        const auto response = client.stream(request, [&](std::string_view chunk) { received += chunk; });
        QCOMPARE(received, std::string("data: hello\n\n")); // the 503 body never reached the callback
        QCOMPARE(response.attempts, 2);
    }

    void streamStallHitsIdleTimeout()
    {
        LoopbackHttpServer server;
        server.enqueue("/s", Reply::eventStream({"data: first\n\n", "data: late\n\n"}, 30000));
        auto request = quickRequest(server.url("/s"));
        request.timeoutMs = 0;
        request.idleTimeoutMs = 200;
        request.maxRetries = 2;
        std::string received;
        HttpClient client;
        QElapsedTimer timer;
        timer.start();
        const auto error =
            errorFrom([&] { client.stream(request, [&](std::string_view chunk) { received += chunk; }); });
        QVERIFY(error);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(QString::fromUtf8(error->what()),
                 "no data from " + QString::fromStdString(server.url("/s")) + " for 200 ms; the stream stalled");
        QCOMPARE(received, std::string("data: first\n\n"));
        QCOMPARE(server.requestCount(), 1); // bytes were delivered: never retried
    }

    void streamCallbackExceptionPropagates()
    {
        LoopbackHttpServer server;
        server.enqueue("/s", Reply::eventStream({"data: x\n\n"}));
        HttpClient client;
        try {
            client.stream(quickRequest(server.url("/s")),
                          [](std::string_view) { throw std::logic_error("consumer gave up"); });
            QFAIL("no exception");
        } catch (const std::logic_error& e) {
            QCOMPARE(QByteArray(e.what()), QByteArray("consumer gave up"));
        }
        // The client stays usable after an aborted transfer.
        server.enqueue("/after", Reply::json(200, "{}"));
        QCOMPARE(client.send(quickRequest(server.url("/after"))).status, 200L);
    }

    void sseParser_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QStringList>("events"); // "type|data|id"
        QTest::addRow("lf") << QByteArray("data: hello\n\n") << QStringList{"message|hello|"};
        QTest::addRow("crlf, multi-line data")
            << QByteArray("data: a\r\ndata: b\r\n\r\ndata: c\r\n\r\n") << QStringList{"message|a\nb|", "message|c|"};
        QTest::addRow("cr only") << QByteArray("data: x\r\rdata: y\r\r") << QStringList{"message|x|", "message|y|"};
        QTest::addRow("comments and event names")
            << QByteArray(": keep-alive\n\nevent: delta\ndata: {\"t\":1}\n\n") << QStringList{"delta|{\"t\":1}|"};
        QTest::addRow("colon spacing") << QByteArray("data:tight\n\ndata:  two\n\n")
                                       << QStringList{"message|tight|", "message| two|"};
        QTest::addRow("field without colon") << QByteArray("data\n\n") << QStringList{"message||"};
        QTest::addRow("byte order mark") << QByteArray("\xEF\xBB\xBF"
                                                       "data: bom\n\n")
                                         << QStringList{"message|bom|"};
        QTest::addRow("event without data is dropped")
            << QByteArray("event: ping\n\ndata: after\n\n") << QStringList{"message|after|"};
        QTest::addRow("id carries over") << QByteArray("id: 7\ndata: a\n\ndata: b\n\n")
                                         << QStringList{"message|a|7", "message|b|7"};
        QTest::addRow("unknown fields and retry ignored")
            << QByteArray("retry: 3000\nfoo: bar\ndata: z\n\n") << QStringList{"message|z|"};
        QTest::addRow("unterminated last event")
            << QByteArray("data: one\n\ndata: tail") << QStringList{"message|one|", "message|tail|"};
        QTest::addRow("openai chat") << QByteArray("data: {\"choices\":[]}\n\ndata: [DONE]\n\n")
                                     << QStringList{"message|{\"choices\":[]}|", "message|[DONE]|"};
    }

    void sseParser()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QStringList, events);
        const std::string text = stream.toStdString();
        const auto run = [&](const std::vector<std::string_view>& chunks) {
            SseParser parser;
            QStringList got;
            for (const auto chunk : chunks) {
                for (const auto& event : parser.feed(chunk))
                    got << eventText(event);
            }
            for (const auto& event : parser.finish())
                got << eventText(event);
            return got;
        };
        const std::string_view all(text);
        QCOMPARE(run({all}), events);
        // Every split point, including inside a CRLF and inside the BOM.
        for (std::size_t split = 0; split <= all.size(); ++split)
            QCOMPARE(run({all.substr(0, split), all.substr(split)}), events);
        std::vector<std::string_view> bytes;
        for (std::size_t i = 0; i < all.size(); ++i)
            bytes.push_back(all.substr(i, 1));
        QCOMPARE(run(bytes), events);
    }

    void sseParserLimitsEventSize()
    {
        SseParser parser(64);
        const auto error = errorFrom([&] { parser.feed("data: " + std::string(100, 'x')); });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::Network);
    }

    void sseParserRemembersRetry()
    {
        SseParser parser;
        QCOMPARE(parser.retryMs(), -1LL);
        parser.feed("retry: 1500\n\n");
        QCOMPARE(parser.retryMs(), 1500LL);
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
