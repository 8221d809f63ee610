#include "LoopbackHttpServer.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QWaitCondition>

#include <stdexcept>

namespace memscope {

namespace {

// Larger request heads are refused: a client bug, not something to buffer forever.
constexpr qsizetype kMaxHeadBytes = 1024 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 413: return "Payload Too Large";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

} // namespace

// State shared by the test thread (scripting, inspecting) and the server thread (answering).
struct LoopbackHttpServer::Shared {
    mutable QMutex mutex;
    mutable QWaitCondition arrived;
    QHash<QByteArray, QList<Response>> queues;
    QHash<QByteArray, Response> fallbacks;
    QHash<QByteArray, Responder> responders;
    QList<Request> requests;
    int connections = 0;

    int newConnection()
    {
        QMutexLocker lock(&mutex);
        return ++connections;
    }

    // Records the request and picks its answer in one step, so a test never sees one without the other.
    Response answer(const Request& request)
    {
        QMutexLocker lock(&mutex);
        requests.append(request);
        arrived.wakeAll();
        if (auto queue = queues.find(request.path); queue != queues.end() && !queue->isEmpty())
            return queue->takeFirst();
        if (const auto responder = responders.constFind(request.path); responder != responders.cend()) {
            const Responder respond = *responder;
            lock.unlock(); // it may take its time, and inspect the server itself
            return respond(request);
        }
        if (const auto fallback = fallbacks.constFind(request.path); fallback != fallbacks.cend())
            return *fallback;
        return Response::text(404, "LoopbackHttpServer: nothing scripted for " + request.method + " " + request.path);
    }
};

// One TCP connection on the server thread. Kept alive by the lambdas connected to its socket, so it dies
// with the socket; the socket dies when the peer disconnects or the server goes away.
class LoopbackHttpServer::Session : public std::enable_shared_from_this<Session> {
public:
    Session(QTcpSocket* socket, std::shared_ptr<Shared> shared, int id)
        : m_socket(socket)
        , m_shared(std::move(shared))
        , m_id(id)
    {
    }

    void start()
    {
        auto self = shared_from_this();
        QObject::connect(m_socket, &QTcpSocket::readyRead, m_socket, [self] {
            self->m_buffer += self->m_socket->readAll();
            self->processBuffer();
        });
        QObject::connect(m_socket, &QTcpSocket::disconnected, m_socket, &QObject::deleteLater);
    }

private:
    // Parses as many complete requests as the buffer holds, answering one at a time.
    void processBuffer()
    {
        while (!m_busy && m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
            const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                if (m_buffer.size() > kMaxHeadBytes)
                    refuse(431, "request head too large");
                return;
            }
            const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
            const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
            if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) {
                refuse(400, "malformed request line");
                return;
            }
            Request request;
            request.method = requestLine[0];
            request.target = requestLine[1];
            const qsizetype query = request.target.indexOf('?');
            request.path = query < 0 ? request.target : request.target.left(query);
            request.connection = m_id;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines[i].trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon > 0)
                    request.headers.emplaceBack(line.left(colon).trimmed(), line.mid(colon + 1).trimmed());
            }
            if (!request.header("transfer-encoding").isEmpty()) {
                refuse(501, "chunked request bodies are not supported");
                return;
            }
            bool ok = true;
            const QByteArray lengthText = request.header("content-length");
            const qsizetype length = lengthText.isEmpty() ? 0 : lengthText.toLongLong(&ok);
            if (!ok || length < 0) {
                refuse(400, "bad Content-Length");
                return;
            }
            const qsizetype total = headEnd + 4 + length;
            if (m_buffer.size() < total) {
                if (!m_continueSent && request.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0) {
                    m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
                    m_continueSent = true;
                }
                return;
            }
            request.body = m_buffer.mid(headEnd + 4, length);
            m_buffer.remove(0, total);
            m_continueSent = false;

            m_busy = true;
            const Response response = m_shared->answer(request);
            auto self = shared_from_this();
            if (response.delayMs > 0)
                QTimer::singleShot(response.delayMs, m_socket, [self, response] { self->send(response); });
            else
                send(response);
        }
    }

    void refuse(int status, const QByteArray& why)
    {
        Response response = Response::text(status, "LoopbackHttpServer: " + why);
        response.closeConnection = true;
        m_busy = true;
        send(response);
    }

    void send(const Response& response)
    {
        QTcpSocket* const socket = m_socket.data();
        if (!socket)
            return;
        switch (response.kind) {
        case Response::Kind::CloseWithoutAnswer: socket->disconnectFromHost(); return;
        case Response::Kind::Raw:
            socket->write(response.body);
            socket->disconnectFromHost();
            return;
        case Response::Kind::Normal:
        case Response::Kind::Truncated: break;
        }

        const bool truncated = response.kind == Response::Kind::Truncated;
        const bool close = response.closeConnection || truncated;
        QByteArray head =
            "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
        for (const auto& [name, value] : response.headers)
            head += name + ": " + value + "\r\n";
        if (response.pieces.isEmpty()) {
            const qsizetype announced = truncated ? response.body.size() * 2 + 16 : response.body.size();
            head += "Content-Length: " + QByteArray::number(announced) + "\r\n";
        } else {
            head += "Transfer-Encoding: chunked\r\n";
        }
        if (close)
            head += "Connection: close\r\n";
        head += "\r\n";

        if (!response.pieces.isEmpty()) {
            socket->write(head);
            sendPiece(response, 0);
            return;
        }
        socket->write(head + response.body);
        finish(response);
    }

    void sendPiece(const Response& response, qsizetype index)
    {
        QTcpSocket* const socket = m_socket.data();
        if (!socket)
            return;
        if (index == response.pieces.size()) {
            if (response.kind != Response::Kind::Truncated)
                socket->write("0\r\n\r\n");
            finish(response);
            return;
        }
        const QByteArray& piece = response.pieces[index];
        if (!piece.isEmpty()) // an empty chunk would end the body early
            socket->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
        socket->flush();
        auto self = shared_from_this();
        QTimer::singleShot(response.pieceIntervalMs, socket,
                           [self, response, index] { self->sendPiece(response, index + 1); });
    }

    void finish(const Response& response)
    {
        QTcpSocket* const socket = m_socket.data();
        if (!socket)
            return;
        if (response.closeConnection || response.kind == Response::Kind::Truncated) {
            socket->disconnectFromHost(); // after what is buffered has been written
            return;
        }
        socket->flush();
        m_busy = false;
        processBuffer(); // a pipelined request may be waiting
    }

    QPointer<QTcpSocket> m_socket;
    std::shared_ptr<Shared> m_shared;
    int m_id;
    QByteArray m_buffer;
    bool m_busy = false;
    bool m_continueSent = false;
};

LoopbackHttpServer::Response LoopbackHttpServer::Response::json(int status, const QByteArray& body)
{
    return text(status, body, "application/json");
}

LoopbackHttpServer::Response LoopbackHttpServer::Response::text(int status, const QByteArray& body,
                                                                const QByteArray& contentType)
{
    Response response;
    response.status = status;
    response.body = body;
    response.headers.emplaceBack("Content-Type", contentType);
    return response;
}

LoopbackHttpServer::Response LoopbackHttpServer::Response::eventStream(const QList<QByteArray>& pieces,
                                                                       int pieceIntervalMs)
{
    Response response;
    response.headers.emplaceBack("Content-Type", "text/event-stream");
    response.headers.emplaceBack("Cache-Control", "no-cache");
    response.pieces = pieces;
    response.pieceIntervalMs = pieceIntervalMs;
    return response;
}

LoopbackHttpServer::Response LoopbackHttpServer::Response::raw(const QByteArray& bytes)
{
    Response response;
    response.kind = Kind::Raw;
    response.body = bytes;
    return response;
}

LoopbackHttpServer::Response LoopbackHttpServer::Response::closeWithoutAnswer()
{
    Response response;
    response.kind = Kind::CloseWithoutAnswer;
    return response;
}

LoopbackHttpServer::Response LoopbackHttpServer::Response::withHeader(const QByteArray& name,
                                                                      const QByteArray& value) const
{
    Response response = *this;
    response.headers.emplaceBack(name, value);
    return response;
}

LoopbackHttpServer::Response LoopbackHttpServer::Response::withDelay(int ms) const
{
    Response response = *this;
    response.delayMs = ms;
    return response;
}

LoopbackHttpServer::Response LoopbackHttpServer::Response::withStatus(int newStatus) const
{
    Response response = *this;
    response.status = newStatus;
    return response;
}

LoopbackHttpServer::Response LoopbackHttpServer::Response::truncated() const
{
    Response response = *this;
    response.kind = Kind::Truncated;
    return response;
}

QByteArray LoopbackHttpServer::Request::header(QByteArrayView name) const
{
    for (const auto& [key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool LoopbackHttpServer::Request::hasHeader(QByteArrayView name) const
{
    for (const auto& header : headers) {
        if (QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

LoopbackHttpServer::LoopbackHttpServer()
    : m_shared(std::make_shared<Shared>())
    , m_thread(std::make_unique<QThread>())
{
    m_thread->setObjectName("LoopbackHttpServer");
    m_context = new QObject;
    m_context->moveToThread(m_thread.get());
    // The documented way to destroy objects living in a thread: deleteLater once its loop has ended.
    QObject::connect(m_thread.get(), &QThread::finished, m_context, &QObject::deleteLater);
    m_thread->start();

    QString error;
    auto shared = m_shared;
    QMetaObject::invokeMethod(
        m_context,
        [this, shared, &error] {
            auto* server = new QTcpServer(m_context);
            QObject::connect(server, &QTcpServer::newConnection, server, [server, shared] {
                while (QTcpSocket* socket = server->nextPendingConnection())
                    std::make_shared<Session>(socket, shared, shared->newConnection())->start();
            });
            // Loopback only: a test server must never be reachable from the network.
            if (server->listen(QHostAddress(QHostAddress::LocalHost), 0))
                m_port = server->serverPort();
            else
                error = server->errorString();
        },
        Qt::BlockingQueuedConnection);

    if (m_port == 0) {
        m_thread->quit();
        m_thread->wait();
        throw std::runtime_error("LoopbackHttpServer: cannot listen on 127.0.0.1: " + error.toStdString());
    }
}

LoopbackHttpServer::~LoopbackHttpServer()
{
    m_thread->quit();
    m_thread->wait();
}

std::string LoopbackHttpServer::url(const QByteArray& path) const
{
    return "http://127.0.0.1:" + std::to_string(m_port) + path.toStdString();
}

void LoopbackHttpServer::enqueue(const QByteArray& path, const Response& response, int times)
{
    QMutexLocker lock(&m_shared->mutex);
    auto& queue = m_shared->queues[path];
    for (int i = 0; i < times; ++i)
        queue.append(response);
}

void LoopbackHttpServer::setFallback(const QByteArray& path, const Response& response)
{
    QMutexLocker lock(&m_shared->mutex);
    m_shared->fallbacks.insert(path, response);
}

void LoopbackHttpServer::setResponder(const QByteArray& path, Responder responder)
{
    QMutexLocker lock(&m_shared->mutex);
    m_shared->responders.insert(path, std::move(responder));
}

QList<LoopbackHttpServer::Request> LoopbackHttpServer::requests() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->requests;
}

int LoopbackHttpServer::requestCount() const
{
    QMutexLocker lock(&m_shared->mutex);
    return static_cast<int>(m_shared->requests.size());
}

LoopbackHttpServer::Request LoopbackHttpServer::lastRequest() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->requests.isEmpty() ? Request() : m_shared->requests.last();
}

int LoopbackHttpServer::connectionCount() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->connections;
}

bool LoopbackHttpServer::waitForRequests(int count, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    QMutexLocker lock(&m_shared->mutex);
    while (m_shared->requests.size() < count) {
        if (!m_shared->arrived.wait(&m_shared->mutex, deadline))
            break;
    }
    return m_shared->requests.size() >= count;
}

quint16 LoopbackHttpServer::unusedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress(QHostAddress::LocalHost), 0))
        throw std::runtime_error("LoopbackHttpServer: cannot find a free port on 127.0.0.1");
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace memscope
