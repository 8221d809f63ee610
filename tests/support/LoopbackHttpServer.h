#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <functional>
#include <memory>
#include <string>
#include <utility>

class QObject;
class QThread;

namespace memscope {

// A scriptable HTTP/1.1 server for tests of HTTP clients (embedders, LLM clients). It listens on 127.0.0.1
// only, on a port the OS picks, and answers each request with the next response scripted for its path.
//
// Threading: the server runs in its own QThread with its own event loop, so a test may make blocking client
// calls directly on the test thread, or on any other thread. Every public method is thread-safe. Delays and
// pauses are timers on the server thread: tests never need to sleep.
//
//     LoopbackHttpServer server;
//     using Reply = LoopbackHttpServer::Response;
//     server.enqueue("/v1/embeddings", Reply::json(503, "{}"));
//     server.enqueue("/v1/embeddings", Reply::json(200, R"({"data":[{"index":0,"embedding":[0.5]}]})"));
//     OpenAiEmbedder embedder({.baseUrl = server.url("/v1"), .model = "m", .apiKey = "sk-test"});
//     embedder.embed({"text"}); // blocks the test thread; the server answers from its own
//     QCOMPARE(server.requestCount(), 2);
//     QCOMPARE(server.lastRequest().header("authorization"), "Bearer sk-test");
//
// Connections are kept alive between requests unless a response says otherwise; requests pipelined on one
// connection are answered in order. A request for a path with nothing scripted gets a 404 whose body says so.
class LoopbackHttpServer {
public:
    using Header = std::pair<QByteArray, QByteArray>;

    struct Response {
        enum class Kind {
            Normal,             // status line, headers, body
            Truncated,          // announces more body than it sends (Content-Length, or a chunked stream without its
                                // last chunk), then closes
            Raw,                // `body` verbatim instead of an HTTP response (garbage), then closes
            CloseWithoutAnswer, // reads the request, then closes without a byte
        };

        int status = 200;
        QList<Header> headers; // Content-Length / Transfer-Encoding / Connection are added by the server
        QByteArray body;
        // When not empty the body is these pieces, sent with chunked transfer encoding, one chunk each, with
        // pieceIntervalMs between them (the first goes out with the headers): a stream, e.g. SSE.
        QList<QByteArray> pieces;
        int pieceIntervalMs = 0;
        int delayMs = 0; // before anything is sent; a long delay makes a hung server
        Kind kind = Kind::Normal;
        bool closeConnection = false; // "Connection: close" and close after answering

        static Response json(int status, const QByteArray& body);
        static Response text(int status, const QByteArray& body,
                             const QByteArray& contentType = "text/plain; charset=utf-8");
        // A text/event-stream body in pieces, e.g. {"data: {...}\n\n", "data: [DONE]\n\n"}.
        static Response eventStream(const QList<QByteArray>& pieces, int pieceIntervalMs = 0);
        static Response raw(const QByteArray& bytes);
        static Response closeWithoutAnswer();

        [[nodiscard]] Response withHeader(const QByteArray& name, const QByteArray& value) const;
        [[nodiscard]] Response withDelay(int ms) const;
        [[nodiscard]] Response withStatus(int newStatus) const;
        [[nodiscard]] Response truncated() const;
    };

    struct Request {
        QByteArray method;
        QByteArray target;     // as sent: path and query
        QByteArray path;       // target without the query
        QList<Header> headers; // names as the client wrote them
        QByteArray body;
        int connection = 0; // serial number of the TCP connection it came on, from 1

        // The first header of that name, case-insensitively; empty when absent.
        QByteArray header(QByteArrayView name) const;
        bool hasHeader(QByteArrayView name) const;
    };

    // Starts listening; throws std::runtime_error when it cannot.
    LoopbackHttpServer();
    ~LoopbackHttpServer();
    LoopbackHttpServer(const LoopbackHttpServer&) = delete;
    LoopbackHttpServer& operator=(const LoopbackHttpServer&) = delete;

    quint16 port() const { return m_port; }
    // "http://127.0.0.1:<port><path>", ready for the core's std::string APIs.
    std::string url(const QByteArray& path = {}) const;

    // Answers the next `times` requests for `path` (query ignored) with `response`, after whatever is
    // already queued for it.
    void enqueue(const QByteArray& path, const Response& response, int times = 1);
    // The answer for `path` once its queue is empty (instead of the 404).
    void setFallback(const QByteArray& path, const Response& response);

    // Computes the answer for `path` once its queue is empty, from the request (for servers whose answer
    // depends on what was asked, like FakeChatServer). Called on the server thread, after the request was
    // recorded, without any lock held; it must be thread-safe. Takes precedence over setFallback().
    using Responder = std::function<Response(const Request& request)>;
    void setResponder(const QByteArray& path, Responder responder);

    // Requests received so far, in arrival order (recorded as soon as the whole request is read).
    QList<Request> requests() const;
    int requestCount() const;
    Request lastRequest() const; // an empty Request when there is none
    int connectionCount() const; // TCP connections accepted so far
    // Blocks until `count` requests have arrived or `timeoutMs` passed; true when they arrived.
    bool waitForRequests(int count, int timeoutMs = 5000) const;

    // A 127.0.0.1 port nothing listens on (just released by the OS), for "connection refused" tests.
    static quint16 unusedPort();

private:
    struct Shared;
    class Session;

    std::shared_ptr<Shared> m_shared;
    std::unique_ptr<QThread> m_thread;
    QObject* m_context = nullptr; // lives in m_thread, parent of the QTcpServer
    quint16 m_port = 0;
};

} // namespace memscope
