#include "net/HttpClient.h"

#include "net/HttpError.h"
#include "util/Error.h"

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <ctime>
#include <exception>
#include <memory>
#include <mutex>
#include <random>
#include <thread>

#ifndef MEMSCOPE_VERSION
#define MEMSCOPE_VERSION "dev"
#endif

namespace memscope {

namespace {

using Clock = std::chrono::steady_clock;
using Kind = Error::Kind;

// How often the transfer loop wakes up to look at the cancel flag when the socket is quiet.
constexpr int kPollIntervalMs = 50;
// Server error text quoted in our messages is cut here: enough to explain, not a page of HTML.
constexpr std::size_t kMaxQuotedChars = 300;

void ensureCurlInitialized()
{
    // curl_global_init is not thread-safe on every build; once per process, never cleaned up (other
    // libraries in the process may still use curl at exit).
    static std::once_flag once;
    std::call_once(once, [] {
        const CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);
        if (rc != CURLE_OK)
            throw Error(Kind::Internal, std::string("cannot initialise libcurl: ") + curl_easy_strerror(rc));
    });
}

std::string toLower(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view text)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

bool startsWithNoCase(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size() && toLower(text.substr(0, prefix.size())) == prefix;
}

bool isCredentialHeader(std::string_view name)
{
    const std::string lower = toLower(name);
    return lower == "authorization" || lower == "proxy-authorization" || lower.find("api-key") != std::string::npos ||
           lower.find("apikey") != std::string::npos || lower.find("token") != std::string::npos ||
           lower.find("secret") != std::string::npos;
}

// The values a message must never show: whole credential header values and, for "Bearer <token>", the token.
std::vector<std::string> secretsOf(const HttpClient::Headers& headers)
{
    std::vector<std::string> secrets;
    const auto add = [&](std::string_view value) {
        // Shorter values are no real secret, and scrubbing them would mangle ordinary words.
        if (value.size() >= 4)
            secrets.emplace_back(value);
    };
    for (const auto& [name, value] : headers) {
        if (!isCredentialHeader(name))
            continue;
        const std::string_view v = trim(value);
        add(v);
        if (const auto space = v.find(' '); space != std::string_view::npos)
            add(trim(v.substr(space + 1)));
    }
    std::sort(secrets.begin(), secrets.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    return secrets;
}

std::string scrub(std::string text, const std::vector<std::string>& secrets)
{
    static const std::string replacement = "[redacted]";
    for (const auto& secret : secrets) {
        for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + replacement.size()))
            text.replace(at, secret.size(), replacement);
    }
    return text;
}

// The human part of an error body: OpenAI's {"error":{"message":...}}, Ollama's {"error":"..."}, FastAPI's
// {"detail":"..."}, or the text itself, on one line and cut short.
std::string serverSaid(const std::string& body)
{
    std::string said;
    const auto parsed = nlohmann::json::parse(body, nullptr, false);
    if (parsed.is_object()) {
        const auto pick = [&](const nlohmann::json& object, const char* key) {
            const auto it = object.find(key);
            if (it != object.end() && it->is_string() && said.empty())
                said = it->get<std::string>();
        };
        if (const auto error = parsed.find("error"); error != parsed.end() && error->is_object())
            pick(*error, "message");
        pick(parsed, "error");
        pick(parsed, "message");
        pick(parsed, "detail");
    }
    if (said.empty())
        said = body;

    std::string oneLine;
    bool space = false;
    for (char c : said) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !oneLine.empty();
            continue;
        }
        if (space)
            oneLine += ' ';
        space = false;
        oneLine += std::isprint(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80 ? c : '?';
    }
    if (oneLine.size() > kMaxQuotedChars)
        oneLine = oneLine.substr(0, kMaxQuotedChars) + "...";
    return oneLine;
}

const char* statusMeaning(long status, bool sentCredentials)
{
    switch (status) {
    case 400: return "the server rejected the request";
    case 401: return sentCredentials ? "invalid API key" : "the server wants an API key and none was given";
    case 402: return "payment required (out of credit?)";
    case 403: return "access denied, the API key may lack permission for this model or endpoint";
    case 404: return "unknown model or endpoint";
    case 405: return "method not allowed (is the base URL right?)";
    case 408: return "the server timed out waiting for the request";
    case 413: return "request too large (try smaller batches)";
    case 422: return "the server could not process the request";
    case 429: return "rate limited or out of quota";
    case 500: return "internal server error";
    case 502: return "bad gateway";
    case 503: return "service unavailable";
    case 504: return "gateway timeout";
    default: break;
    }
    if (status >= 300 && status < 400)
        return "unexpected redirect (is the base URL right?)";
    if (status >= 500)
        return "server error";
    return "unexpected status";
}

bool isRetryableStatus(long status)
{
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

std::string attemptsNote(int attempts)
{
    return attempts > 1 ? " (gave up after " + std::to_string(attempts) + " attempts)" : std::string();
}

std::string httpErrorMessage(const HttpClient::Response& response, bool sentCredentials)
{
    std::string message = "HTTP " + std::to_string(response.status) + " from " + response.url + ": " +
                          statusMeaning(response.status, sentCredentials);
    if (const std::string said = serverSaid(response.body); !said.empty())
        message += " (server said: " + said + ")";
    return message + attemptsNote(response.attempts);
}

// Retry-After as delay-seconds or an HTTP date, or the retry-after-ms OpenAI and Azure add.
std::optional<long long> retryAfterMs(const HttpClient::Response& response)
{
    const auto allDigits = [](std::string_view s) {
        return !s.empty() && s.size() < 12 &&
               std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    };
    if (const auto ms = response.header("retry-after-ms"); ms && allDigits(trim(*ms)))
        return std::stoll(std::string(trim(*ms)));
    const auto value = response.header("retry-after");
    if (!value)
        return std::nullopt;
    const std::string v(trim(*value));
    if (allDigits(v))
        return std::stoll(v) * 1000;
    const time_t when = curl_getdate(v.c_str(), nullptr);
    if (when < 0)
        return std::nullopt;
    return std::max<long long>(0, static_cast<long long>(when - std::time(nullptr)) * 1000);
}

int backoffMs(const HttpClient::Request& request, int retryIndex)
{
    const double exponential = request.initialBackoffMs * std::pow(2.0, std::min(retryIndex, 30));
    const double capped = std::min<double>(exponential, std::max(request.maxBackoffMs, 0));
    // "Equal jitter": half fixed, half random, so clients that failed together do not retry together.
    thread_local std::minstd_rand random{std::random_device{}()};
    std::uniform_real_distribution<double> half(0.0, capped / 2);
    return static_cast<int>(capped / 2 + half(random));
}

bool isCancelled(const std::atomic_bool* cancel) { return cancel && cancel->load(std::memory_order_relaxed); }

[[noreturn]] void throwCancelled(const std::string& url)
{
    throw Error(Kind::Cancelled, "request to " + url + " cancelled");
}

void waitOrCancel(int ms, const std::atomic_bool* cancel, const std::string& url)
{
    const auto deadline = Clock::now() + std::chrono::milliseconds(ms);
    for (auto now = Clock::now(); now < deadline; now = Clock::now()) {
        if (isCancelled(cancel))
            throwCancelled(url);
        std::this_thread::sleep_for(std::min<Clock::duration>(deadline - now, std::chrono::milliseconds(20)));
    }
    if (isCancelled(cancel))
        throwCancelled(url);
}

void validate(const HttpClient::Request& request)
{
    if (!startsWithNoCase(request.url, "http://") && !startsWithNoCase(request.url, "https://"))
        throw Error(Kind::InvalidArgument,
                    "not an http:// or https:// URL: \"" + HttpClient::displayUrl(request.url) + "\"");
    if (request.connectTimeoutMs < 0 || request.timeoutMs < 0 || request.idleTimeoutMs < 0 || request.maxRetries < 0 ||
        request.initialBackoffMs < 0 || request.maxBackoffMs < 0 || request.maxRetryAfterMs < 0)
        throw Error(Kind::InvalidArgument,
                    "negative timeout or retry setting for " + HttpClient::displayUrl(request.url));
    for (const auto& [name, value] : request.headers) {
        const bool badName = name.empty() || name.find_first_of(":\r\n \t") != std::string::npos;
        if (badName || value.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos)
            throw Error(Kind::InvalidArgument,
                        "invalid HTTP header \"" + name + "\" for " + HttpClient::displayUrl(request.url));
    }
}

struct SlistDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

Slist buildHeaderList(const HttpClient::Headers& headers)
{
    // "Expect:" stops curl from waiting for "100 Continue" before sending larger POST bodies.
    std::vector<std::string> lines{"Expect:"};
    for (const auto& [name, value] : headers)
        lines.push_back(value.empty() ? name + ";" : name + ": " + value); // "Name;" is how curl sends an empty value
    Slist list;
    for (const auto& line : lines) {
        curl_slist* extended = curl_slist_append(list.get(), line.c_str());
        if (!extended)
            throw Error(Kind::Internal, "out of memory building HTTP headers");
        static_cast<void>(list.release());
        list.reset(extended);
    }
    return list;
}

// Everything one attempt's callbacks share.
struct Transfer {
    enum class Abort { None, Cancelled, Idle };

    CURL* easy = nullptr;
    const HttpClient::BodyCallback* onBody = nullptr;
    const std::atomic_bool* cancel = nullptr;
    int idleTimeoutMs = 0;

    std::string body;
    HttpClient::Headers headers;
    bool modeDecided = false;
    bool streaming = false;
    std::size_t received = 0;
    std::size_t delivered = 0; // bytes handed to onBody: after the first, no retry
    std::exception_ptr callbackError;
    Abort abort = Abort::None;
    Clock::time_point lastActivity = Clock::now();
    curl_off_t lastDown = 0;
    curl_off_t lastUp = 0;
    char errorBuffer[CURL_ERROR_SIZE] = {};

    bool idleExpired() const
    {
        return idleTimeoutMs > 0 && Clock::now() - lastActivity > std::chrono::milliseconds(idleTimeoutMs);
    }
};

std::size_t onBodyBytes(char* data, std::size_t size, std::size_t count, void* user)
{
    auto& t = *static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    t.lastActivity = Clock::now();
    t.received += n;
    if (isCancelled(t.cancel)) {
        t.abort = Transfer::Abort::Cancelled;
        return 0; // != n: curl stops with CURLE_WRITE_ERROR
    }
    if (!t.modeDecided) {
        // Only a successful answer is streamed; an error body is collected for the message.
        long status = 0;
        curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
        t.streaming = t.onBody && status >= 200 && status < 300;
        t.modeDecided = true;
    }
    if (!t.streaming) {
        t.body.append(data, n);
        return n;
    }
    t.delivered += n;
    try {
        (*t.onBody)(std::string_view(data, n));
    } catch (...) {
        // Exceptions must not unwind through C code: park it and rethrow once curl has returned.
        t.callbackError = std::current_exception();
        return 0;
    }
    return n;
}

std::size_t onHeaderLine(char* data, std::size_t size, std::size_t count, void* user)
{
    auto& t = *static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    t.lastActivity = Clock::now();
    const std::string_view line = trim(std::string_view(data, n));
    if (line.substr(0, 5) == "HTTP/") {
        // A new status line ("100 Continue" first, then the real one): keep only the last block.
        t.headers.clear();
        t.modeDecided = false;
    } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
        t.headers.emplace_back(std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
    }
    return n;
}

int onProgress(void* user, curl_off_t, curl_off_t downloaded, curl_off_t, curl_off_t uploaded)
{
    auto& t = *static_cast<Transfer*>(user);
    if (downloaded != t.lastDown || uploaded != t.lastUp) {
        t.lastDown = downloaded;
        t.lastUp = uploaded;
        t.lastActivity = Clock::now();
    }
    if (isCancelled(t.cancel)) {
        t.abort = Transfer::Abort::Cancelled;
        return 1;
    }
    if (t.idleExpired()) {
        t.abort = Transfer::Abort::Idle;
        return 1;
    }
    return 0;
}

template <typename T> void setOption(CURL* easy, CURLoption option, T value)
{
    const CURLcode rc = curl_easy_setopt(easy, option, value);
    if (rc != CURLE_OK)
        throw Error(Kind::Internal, std::string("libcurl refused an option: ") + curl_easy_strerror(rc));
}

void configure(CURL* easy, const HttpClient::Request& request, curl_slist* headers, Transfer& t)
{
    curl_easy_reset(easy);
    setOption(easy, CURLOPT_URL, request.url.c_str());
    setOption(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    setOption(easy, CURLOPT_NOSIGNAL, 1L); // no SIGALRM tricks: we run on worker threads
    setOption(easy, CURLOPT_FOLLOWLOCATION, 0L);
    setOption(easy, CURLOPT_ACCEPT_ENCODING, ""); // whatever compression curl was built with
    setOption(easy, CURLOPT_USERAGENT, "Memscope/" MEMSCOPE_VERSION);
    setOption(easy, CURLOPT_HTTPHEADER, headers);
    setOption(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connectTimeoutMs));
    setOption(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeoutMs));
    setOption(easy, CURLOPT_ERRORBUFFER, t.errorBuffer);
    setOption(easy, CURLOPT_WRITEFUNCTION, &onBodyBytes);
    setOption(easy, CURLOPT_WRITEDATA, static_cast<void*>(&t));
    setOption(easy, CURLOPT_HEADERFUNCTION, &onHeaderLine);
    setOption(easy, CURLOPT_HEADERDATA, static_cast<void*>(&t));
    setOption(easy, CURLOPT_NOPROGRESS, 0L);
    setOption(easy, CURLOPT_XFERINFOFUNCTION, &onProgress);
    setOption(easy, CURLOPT_XFERINFODATA, static_cast<void*>(&t));
    if (request.method == HttpClient::Method::Post) {
        setOption(easy, CURLOPT_POST, 1L);
        setOption(easy, CURLOPT_POSTFIELDS, request.body.data());
        setOption(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    } else {
        setOption(easy, CURLOPT_HTTPGET, 1L);
    }
}

// Runs one transfer on the multi handle, waking every kPollIntervalMs so a raised cancel flag or a stalled
// stream ends it promptly even when no byte moves (curl_easy_perform may sleep up to a second).
CURLcode performOnce(CURL* easy, CURLM* multi, Transfer& t)
{
    if (const CURLMcode mc = curl_multi_add_handle(multi, easy); mc != CURLM_OK)
        throw Error(Kind::Internal, std::string("libcurl: ") + curl_multi_strerror(mc));
    CURLcode result = CURLE_OK;
    for (;;) {
        int running = 0;
        CURLMcode mc = curl_multi_perform(multi, &running);
        if (mc == CURLM_OK && running == 0)
            break;
        if (mc == CURLM_OK && isCancelled(t.cancel))
            t.abort = Transfer::Abort::Cancelled;
        else if (mc == CURLM_OK && t.idleExpired())
            t.abort = Transfer::Abort::Idle;
        if (mc == CURLM_OK && t.abort == Transfer::Abort::None)
            mc = curl_multi_poll(multi, nullptr, 0, kPollIntervalMs, nullptr);
        if (mc != CURLM_OK) {
            curl_multi_remove_handle(multi, easy);
            throw Error(Kind::Internal, std::string("libcurl: ") + curl_multi_strerror(mc));
        }
        if (t.abort != Transfer::Abort::None) {
            curl_multi_remove_handle(multi, easy);
            return CURLE_ABORTED_BY_CALLBACK;
        }
    }
    int queued = 0;
    while (CURLMsg* message = curl_multi_info_read(multi, &queued)) {
        if (message->msg == CURLMSG_DONE && message->easy_handle == easy)
            result = message->data.result;
    }
    curl_multi_remove_handle(multi, easy);
    return result;
}

struct Failure {
    std::string message;
    bool retryable = false;
    HttpError::Cause cause = HttpError::Cause::Other;
};

// A transport failure in plain words. `url` is the display form; no header value is ever used here.
Failure describeFailure(CURLcode rc, CURL* easy, const HttpClient::Request& request, const Transfer& t,
                        const std::string& url)
{
    const std::string detail = t.errorBuffer[0] ? std::string(t.errorBuffer) : curl_easy_strerror(rc);
    long osErrno = 0;
    curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &osErrno);
    curl_off_t connectUs = 0;
    curl_easy_getinfo(easy, CURLINFO_CONNECT_TIME_T, &connectUs);
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);

    switch (rc) {
    case CURLE_COULDNT_CONNECT:
        if (osErrno == ECONNREFUSED)
            return {"connection refused to " + url, true, HttpError::Cause::ConnectionRefused};
        return {"could not connect to " + url + " (" + (osErrno ? std::strerror(static_cast<int>(osErrno)) : detail) +
                    ")",
                true, HttpError::Cause::CouldNotConnect};
    case CURLE_COULDNT_RESOLVE_HOST:
        // Not retried: a misspelt host name should fail at once, not after the back-off.
        return {"cannot resolve the host name in " + url, false, HttpError::Cause::UnknownHost};
    case CURLE_COULDNT_RESOLVE_PROXY:
        return {"cannot resolve the proxy host name for " + url + " (" + detail + ")", false,
                HttpError::Cause::UnknownHost};
    case CURLE_OPERATION_TIMEDOUT: {
        const bool connectPhase = connectUs == 0 && status == 0;
        if (connectPhase && (request.timeoutMs == 0 || request.connectTimeoutMs <= request.timeoutMs))
            return {"could not connect to " + url + " within " + std::to_string(request.connectTimeoutMs) + " ms", true,
                    HttpError::Cause::ConnectTimeout};
        const char* where = status == 0 ? "waiting for an answer" : "receiving the answer";
        return {"request to " + url + " timed out after " + std::to_string(request.timeoutMs) + " ms (" + where + ")",
                false, HttpError::Cause::Timeout};
    }
    case CURLE_GOT_NOTHING:
        return {url + " closed the connection without answering", true, HttpError::Cause::ConnectionDropped};
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
        return {"connection to " + url + " broke (" + detail + ")", true, HttpError::Cause::ConnectionDropped};
    case CURLE_PARTIAL_FILE: {
        curl_off_t expected = -1;
        curl_easy_getinfo(easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &expected);
        std::string message = "response truncated: " + url + " closed the connection after " +
                              std::to_string(t.received) + " bytes of the body";
        if (expected > 0)
            message += " (announced " + std::to_string(expected) + ")";
        return {message, true, HttpError::Cause::Truncated};
    }
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_UNSUPPORTED_PROTOCOL: // HTTP/0.9-style garbage: the scheme was checked before sending
        return {url + " did not answer with valid HTTP (" + detail + "); is that the right host and port?", false,
                HttpError::Cause::NotHttp};
    case CURLE_BAD_CONTENT_ENCODING: return {"cannot decode the compressed response from " + url, false};
    case CURLE_URL_MALFORMAT: return {"malformed URL " + url, false};
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
        return {"TLS connection to " + url + " failed (" + detail + ")", false, HttpError::Cause::Tls};
    case CURLE_ABORTED_BY_CALLBACK:
        if (t.abort == Transfer::Abort::Idle)
            return {"no data from " + url + " for " + std::to_string(t.idleTimeoutMs) + " ms; the stream stalled",
                    false, HttpError::Cause::Stalled};
        break;
    default: break;
    }
    return {"request to " + url + " failed: " + detail, false};
}

} // namespace

std::optional<std::string> HttpClient::Response::header(std::string_view name) const
{
    const std::string wanted = toLower(name);
    for (const auto& [key, value] : headers) {
        if (toLower(key) == wanted)
            return value;
    }
    return std::nullopt;
}

nlohmann::json HttpClient::Response::json() const
{
    try {
        return nlohmann::json::parse(body);
    } catch (const nlohmann::json::parse_error& e) {
        std::string what = body.empty()
                               ? "empty body"
                               : "invalid at byte " + std::to_string(e.byte) + " of " + std::to_string(body.size());
        if (const auto type = header("content-type"))
            what += ", Content-Type " + *type;
        throw Error(Kind::Network, "malformed JSON in response from " + url + " (" + what + ")");
    }
}

HttpClient::HttpClient()
{
    ensureCurlInitialized();
    m_easy = curl_easy_init();
    m_multi = curl_multi_init();
    if (!m_easy || !m_multi) {
        curl_easy_cleanup(m_easy);
        curl_multi_cleanup(m_multi);
        throw Error(Kind::Internal, "cannot create a libcurl handle");
    }
}

HttpClient::~HttpClient()
{
    curl_easy_cleanup(m_easy);
    curl_multi_cleanup(m_multi);
}

HttpClient::Response HttpClient::send(const Request& request) { return run(request, nullptr); }

HttpClient::Response HttpClient::stream(const Request& request, const BodyCallback& onBody)
{
    return run(request, &onBody);
}

std::string HttpClient::redact(std::string text, const Headers& headers)
{
    return scrub(std::move(text), secretsOf(headers));
}

std::string HttpClient::displayUrl(std::string_view url)
{
    std::string scheme;
    if (const auto end = url.find("://"); end != std::string_view::npos) {
        scheme = std::string(url.substr(0, end + 3));
        url.remove_prefix(end + 3);
    }
    const auto authorityEnd = url.find_first_of("/?#");
    std::string_view authority = url.substr(0, authorityEnd);
    if (const auto at = authority.rfind('@'); at != std::string_view::npos)
        authority.remove_prefix(at + 1);
    std::string_view path = authorityEnd == std::string_view::npos ? std::string_view() : url.substr(authorityEnd);
    path = path.substr(0, path.find_first_of("?#"));
    return scheme + std::string(authority) + std::string(path);
}

HttpClient::Response HttpClient::run(const Request& request, const BodyCallback* onBody)
{
    validate(request);
    const std::string url = displayUrl(request.url);
    const std::vector<std::string> secrets = secretsOf(request.headers);
    const bool sentCredentials = !secrets.empty();
    const Slist headerList = buildHeaderList(request.headers);

    for (int attempt = 1;; ++attempt) {
        if (isCancelled(request.cancel))
            throwCancelled(url);

        Transfer t;
        t.easy = m_easy;
        t.onBody = onBody;
        t.cancel = request.cancel;
        t.idleTimeoutMs = request.idleTimeoutMs;
        configure(m_easy, request, headerList.get(), t);
        const CURLcode rc = performOnce(m_easy, m_multi, t);

        if (t.callbackError)
            std::rethrow_exception(t.callbackError);
        if (t.abort == Transfer::Abort::Cancelled)
            throwCancelled(url);

        const bool mayRetry = attempt <= request.maxRetries && t.delivered == 0;
        int waitMs = 0;
        if (rc == CURLE_OK) {
            Response response;
            curl_easy_getinfo(m_easy, CURLINFO_RESPONSE_CODE, &response.status);
            response.headers = std::move(t.headers);
            response.body = std::move(t.body);
            response.url = url;
            response.attempts = attempt;
            if (response.status >= 200 && response.status < 300)
                return response;

            if (!isRetryableStatus(response.status) || !mayRetry) {
                if (!request.throwOnHttpError)
                    return response;
                throw HttpError(HttpError::Cause::HttpStatus, response.status, attempt,
                                scrub(httpErrorMessage(response, sentCredentials), secrets));
            }
            const auto retryAfter = retryAfterMs(response);
            if (retryAfter && *retryAfter > request.maxRetryAfterMs) {
                if (!request.throwOnHttpError)
                    return response;
                throw HttpError(HttpError::Cause::HttpStatus, response.status, attempt,
                                scrub(httpErrorMessage(response, sentCredentials) + "; the server asks to wait " +
                                          std::to_string((*retryAfter + 999) / 1000) +
                                          " s before retrying, longer than " +
                                          std::to_string(request.maxRetryAfterMs / 1000) + " s allowed",
                                      secrets));
            }
            waitMs = retryAfter ? static_cast<int>(*retryAfter) : backoffMs(request, attempt - 1);
        } else {
            const Failure failure = describeFailure(rc, m_easy, request, t, url);
            if (!failure.retryable || !mayRetry)
                throw HttpError(failure.cause, 0, attempt, scrub(failure.message + attemptsNote(attempt), secrets));
            waitMs = backoffMs(request, attempt - 1);
        }
        waitOrCancel(waitMs, request.cancel, url);
    }
}

} // namespace memscope
