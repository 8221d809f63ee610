#pragma once

#include "net/HttpError.h"

#include <nlohmann/json_fwd.hpp>

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace memscope {

// A small synchronous HTTP client on libcurl for talking to model endpoints (embeddings, chat).
//
// One instance is used from one thread at a time; it keeps its connections open between calls so batches
// to the same server skip the TCP/TLS handshake. Failures throw memscope::Error: Kind::Network with a
// message naming the URL (scheme, host, port and path only: no user info, no query string) and saying what
// happened (an HttpError, whose cause() says what in a word), Kind::Cancelled when the caller's flag was raised,
// Kind::InvalidArgument for a request that cannot be sent. Values of credential headers (Authorization, *api-key*,
// *token*) are scrubbed from every message, including text the server echoes back.
class HttpClient {
public:
    enum class Method { Get, Post };

    using Headers = std::vector<std::pair<std::string, std::string>>;

    struct Request {
        Method method = Method::Get;
        std::string url;
        Headers headers;  // "Name", "value"; no CR/LF allowed
        std::string body; // sent with POST

        int connectTimeoutMs = 10000; // 0 = libcurl's default (300 s)
        // The whole attempt, from connecting to the last body byte; 0 = no limit (long streams).
        int timeoutMs = 60000;
        // Fails when no byte arrives for this long; 0 = off. Meant for streams that have no total limit.
        int idleTimeoutMs = 0;

        // Retries on 429, 500, 502, 503, 504 and on failures to connect or dropped connections, waiting
        // initialBackoffMs, then twice that, ... (with jitter, capped at maxBackoffMs), or what Retry-After
        // asks for. A Retry-After longer than maxRetryAfterMs ends the call at once instead of blocking.
        int maxRetries = 3;
        int initialBackoffMs = 500;
        int maxBackoffMs = 8000;
        int maxRetryAfterMs = 60000;

        // Polled every ~50 ms during the transfer and the back-off waits; the call throws Error(Cancelled).
        const std::atomic_bool* cancel = nullptr;

        // When false, a final non-2xx status is returned instead of thrown (retries still happen).
        bool throwOnHttpError = true;
    };

    struct Response {
        long status = 0;
        Headers headers;  // of the final response, names as the server wrote them
        std::string body; // empty for a successful stream(): the bytes went to the callback
        std::string url;  // displayUrl() of the request, for the caller's own error messages
        int attempts = 0;

        // Case-insensitive; the first header of that name.
        std::optional<std::string> header(std::string_view name) const;
        // The body parsed as JSON; Error(Network, "malformed JSON in response from <url> ...") otherwise.
        nlohmann::json json() const;
    };

    // Receives body bytes as they arrive. Exceptions it throws abort the transfer and propagate out of
    // stream() unchanged.
    using BodyCallback = std::function<void(std::string_view chunk)>;

    HttpClient();
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // Sends the request (with retries) and returns the final response, its body collected in memory.
    Response send(const Request& request);

    // Like send(), but the body of a 2xx answer goes to `onBody` piece by piece as it arrives (error
    // answers are still collected in Response::body). Once a byte has reached `onBody` the call is never
    // retried: a later failure throws, and the caller keeps what it already got.
    Response stream(const Request& request, const BodyCallback& onBody);

    // `text` with the values of credential headers among `headers` replaced by "[redacted]": for callers
    // that build their own messages from what the server said.
    static std::string redact(std::string text, const Headers& headers);

    // "https://api.example.com/v1/embeddings" for "https://user:pw@api.example.com/v1/embeddings?key=x".
    static std::string displayUrl(std::string_view url);

private:
    Response run(const Request& request, const BodyCallback* onBody);

    void* m_easy = nullptr;  // CURL*
    void* m_multi = nullptr; // CURLM*, owns the connection cache
};

} // namespace memscope
