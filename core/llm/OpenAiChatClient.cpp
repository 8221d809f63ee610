#include "llm/OpenAiChatClient.h"

#include "llm/ChatError.h"
#include "llm/ChatStreamAssembler.h"
#include "llm/OpenAiChatFormat.h"
#include "llm/TokenCounter.h"
#include "util/Strings.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <climits>
#include <utility>

namespace memscope {

using nlohmann::json;
using Reason = ChatError::Reason;
using Clock = std::chrono::steady_clock;

namespace {

std::string lower(std::string text)
{
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

int clampMs(long ms) { return static_cast<int>(std::clamp<long>(ms, 0, INT_MAX)); }

double msSince(Clock::time_point start, Clock::time_point end)
{
    return std::chrono::duration<double, std::milli>(end - start).count();
}

// What an error body says: OpenAI's {"error": {"message", "code", "type"}}, Ollama's {"error": "..."},
// FastAPI's {"detail": ...}, or the text itself.
struct ServerSaid {
    std::string message;
    std::string code; // error.code or error.type, lower case
};

ServerSaid serverSaid(const std::string& body)
{
    ServerSaid said;
    const json parsed = json::parse(body, nullptr, false);
    if (parsed.is_object()) {
        const auto text = [](const json& value) {
            return value.is_string() ? value.get<std::string>()
                                     : value.dump(-1, ' ', false, json::error_handler_t::replace);
        };
        if (const auto error = parsed.find("error"); error != parsed.end()) {
            if (error->is_object()) {
                said.message = error->contains("message") ? text((*error)["message"]) : text(*error);
                for (const char* key : {"code", "type"}) {
                    if (said.code.empty() && error->contains(key) && (*error)[key].is_string())
                        said.code = lower((*error)[key].get<std::string>());
                }
            } else {
                said.message = text(*error);
            }
        } else if (parsed.contains("detail")) {
            said.message = text(parsed["detail"]);
        } else if (parsed.contains("message")) {
            said.message = text(parsed["message"]);
        }
    }
    if (said.message.empty())
        said.message = body;
    said.message = OpenAiChatFormat::quote(trim(said.message), 300);
    return said;
}

bool mentionsUnknownModel(const ServerSaid& said, const std::string& model, long status)
{
    if (said.code == "model_not_found")
        return true;
    const std::string text = lower(said.message);
    const bool namesModel = text.find(lower(model)) != std::string::npos || text.find("model") != std::string::npos;
    const bool missing =
        text.find("not found") != std::string::npos || text.find("does not exist") != std::string::npos ||
        text.find("not exist") != std::string::npos || text.find("no such") != std::string::npos ||
        text.find("unknown model") != std::string::npos || text.find("not available") != std::string::npos ||
        text.find("try pulling") != std::string::npos;
    return namesModel && (missing || (status == 404 && text.find(lower(model)) != std::string::npos));
}

} // namespace

OpenAiChatClient::OpenAiChatClient(ProviderProfile profile)
    : m_profile(std::move(profile))
{
    m_profile.baseUrl = trim(m_profile.baseUrl);
    while (!m_profile.baseUrl.empty() && m_profile.baseUrl.back() == '/')
        m_profile.baseUrl.pop_back();
    m_profile.model = trim(m_profile.model);
    m_profile.apiKey = trim(m_profile.apiKey);
    if (m_profile.name.empty() && !m_profile.baseUrl.empty())
        m_profile.name = ProviderProfile::guessName(m_profile.baseUrl);
    m_base = m_profile.displayBaseUrl();

    if (m_profile.baseUrl.empty())
        throw ChatError(Reason::InvalidRequest,
                        "no LLM endpoint configured: set OPENAI_BASE_URL (e.g. http://localhost:11434/v1 for Ollama) "
                        "and MEMSCOPE_MODEL, or choose one in Preferences");
    const std::string base = lower(m_profile.baseUrl.substr(0, 8));
    if (base.rfind("http://", 0) != 0 && base.rfind("https://", 0) != 0)
        throw ChatError(Reason::InvalidRequest,
                        "the LLM base URL must start with http:// or https://, got \"" + m_base + "\"");
    if (m_profile.baseUrl.find_first_of("?#") != std::string::npos)
        throw ChatError(Reason::InvalidRequest, "the LLM base URL must not have a query string: \"" + m_base +
                                                    "\" (\"/chat/completions\" is appended to it)");
    for (const char c : m_profile.apiKey) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            throw ChatError(Reason::InvalidRequest, "the API key contains line breaks or control characters");
    }
    if (m_profile.timeoutMs < 0 || m_profile.connectTimeoutMs < 0 || m_profile.stallTimeoutMs < 0 ||
        m_profile.maxRetries < 0 || m_profile.retryBackoffMs < 0 || m_profile.maxRetryAfterMs < 0)
        throw ChatError(Reason::InvalidRequest, "negative timeout or retry setting for " + m_base);
    m_endpoint = m_profile.baseUrl + "/chat/completions";
}

ChatResponse OpenAiChatClient::complete(const ChatRequest& request, const DeltaCallback& onDelta,
                                        const std::atomic_bool* cancel)
{
    const std::string model = request.model.empty() ? m_profile.model : trim(request.model);
    if (model.empty())
        throw ChatError(Reason::InvalidRequest, "no model given for " + m_base +
                                                    ": pass --model or set MEMSCOPE_MODEL (memscope-cli llm-check "
                                                    "lists the models the endpoint offers)");
    if (request.messages.empty())
        throw ChatError(Reason::InvalidRequest, "no messages to send to " + m_base);
    if (cancel && cancel->load())
        throw ChatError(Reason::Cancelled, "chat request to " + m_base + " cancelled");

    try {
        return attempt(request, model, m_askForUsage, onDelta, cancel);
    } catch (const ChatError& e) {
        // Older vLLM and some proxies refuse the option with a 400 naming it: ask again without it.
        const bool refusedOption = e.reason() == Reason::BadRequest && request.stream && m_askForUsage &&
                                   std::string_view(e.what()).find("stream_options") != std::string_view::npos;
        if (!refusedOption)
            throw;
        m_askForUsage = false;
    }
    return attempt(request, model, false, onDelta, cancel);
}

ChatResponse OpenAiChatClient::attempt(const ChatRequest& request, const std::string& model, bool includeUsage,
                                       const DeltaCallback& onDelta, const std::atomic_bool* cancel)
{
    HttpClient::Request http;
    http.method = HttpClient::Method::Post;
    http.url = m_endpoint;
    http.headers = {{"Content-Type", "application/json"},
                    {"Accept", request.stream ? "text/event-stream" : "application/json"}};
    if (!m_profile.apiKey.empty())
        http.headers.emplace_back("Authorization", "Bearer " + m_profile.apiKey);
    http.body = OpenAiChatFormat::requestBody(request, model, includeUsage)
                    .dump(-1, ' ', false, json::error_handler_t::replace);
    http.connectTimeoutMs = clampMs(m_profile.connectTimeoutMs);
    http.timeoutMs = clampMs(m_profile.timeoutMs);
    http.idleTimeoutMs = request.stream ? clampMs(m_profile.stallTimeoutMs) : 0;
    http.maxRetries = m_profile.maxRetries;
    http.initialBackoffMs = m_profile.retryBackoffMs;
    http.maxRetryAfterMs = m_profile.maxRetryAfterMs;
    http.cancel = cancel;
    http.throwOnHttpError = false; // statuses are worded here, with the model and the base URL

    ChatStreamAssembler assembler(m_base, request.stream ? &onDelta : nullptr);
    const auto start = Clock::now();
    HttpClient::Response response;
    try {
        if (request.stream)
            response = m_http.stream(http, [&](std::string_view chunk) { assembler.feed(chunk); });
        else
            response = m_http.send(http);
    } catch (const HttpError& e) {
        throw transportError(e, assembler.receivedBytes(), assembler.deliveredChars());
    } catch (const ChatError& e) {
        throw ChatError(e.reason(), HttpClient::redact(e.what(), http.headers), e.status(), e.deliveredChars());
    } catch (const Error& e) {
        if (e.kind() != Error::Kind::Cancelled)
            throw;
        std::string message = "chat request to " + m_base + " cancelled";
        if (assembler.deliveredChars() > 0)
            message += " after " + std::to_string(assembler.deliveredChars()) + " characters of the answer";
        throw ChatError(Reason::Cancelled, message, 0, assembler.deliveredChars());
    }
    if (response.status < 200 || response.status >= 300)
        throw statusError(response, http.headers, model);

    if (!request.stream)
        assembler.feed(response.body);
    ChatResponse answer;
    try {
        answer = assembler.finish();
    } catch (const ChatError& e) {
        throw ChatError(e.reason(), HttpClient::redact(e.what(), http.headers), response.status,
                        assembler.deliveredChars());
    }
    const auto end = Clock::now();
    answer.latencyMs = msSince(start, end);
    answer.firstTokenMs = request.stream ? msSince(start, assembler.firstTokenAt().value_or(end)) : answer.latencyMs;
    answer.attempts = response.attempts;
    if (answer.model.empty())
        answer.model = model;
    if (answer.message.role.empty())
        answer.message.role = "assistant";
    if (answer.usage.promptTokens == 0 && answer.usage.completionTokens == 0) {
        ChatRequest sent = request;
        sent.model = model;
        answer.usage.promptTokens = TokenCounter::estimate(sent);
        answer.usage.completionTokens = TokenCounter::estimate(answer.message.content);
        for (const auto& call : answer.message.toolCalls)
            answer.usage.completionTokens +=
                3 + TokenCounter::estimate(call.name) + TokenCounter::estimate(call.arguments);
        answer.usage.estimated = true;
    }
    return answer;
}

ChatError OpenAiChatClient::statusError(const HttpClient::Response& response, const HttpClient::Headers& sent,
                                        const std::string& model) const
{
    const long status = response.status;
    const ServerSaid said = serverSaid(response.body);
    const std::string saidNote = said.message.empty() ? std::string() : " (server said: " + said.message + ")";
    const std::string attempts =
        response.attempts > 1 ? ", gave up after " + std::to_string(response.attempts) + " attempts" : std::string();
    const std::string httpNote = "HTTP " + std::to_string(status);

    Reason reason = Reason::BadRequest;
    std::string message;
    if (status == 401 || status == 403) {
        reason = Reason::Auth;
        message = m_profile.apiKey.empty()
                      ? "the endpoint " + m_base + " wants an API key and none is set (" + httpNote +
                            "): set OPENAI_API_KEY or store a key in Preferences" + saidNote
                      : "the endpoint refused the API key (" + httpNote + " from " + m_base + ")" + saidNote;
    } else if (status >= 400 && status < 500 && status != 429 && mentionsUnknownModel(said, model, status)) {
        reason = Reason::UnknownModel;
        message = "unknown model '" + model + "' at " + m_base + saidNote +
                  "; memscope-cli llm-check lists the models it offers";
    } else if (status == 404) {
        message = HttpClient::displayUrl(m_endpoint) +
                  " not found (HTTP 404): is the base URL right? OpenAI-compatible servers usually want it to end "
                  "in /v1" +
                  saidNote;
    } else if (status == 429) {
        reason = Reason::RateLimited;
        message = "rate limited by " + m_base + " (" + httpNote + attempts + ")" + saidNote;
        if (const auto after = response.header("retry-after"))
            message += "; the server asks to wait " + trim(*after) + " s";
    } else if (status >= 500) {
        reason = Reason::ServerError;
        message = "server error at " + m_base + " (" + httpNote + attempts + ")" + saidNote;
    } else {
        message = "the server at " + m_base + " rejected the request (" + httpNote + ")" + saidNote;
    }
    return ChatError(reason, HttpClient::redact(message, sent), status);
}

ChatError OpenAiChatClient::transportError(const HttpError& error, std::size_t receivedBytes,
                                           std::size_t deliveredChars) const
{
    using Cause = HttpError::Cause;
    const std::string attempts =
        error.attempts() > 1 ? " (gave up after " + std::to_string(error.attempts()) + " attempts)" : std::string();
    Reason reason = Reason::Other;
    std::string message;
    switch (error.cause()) {
    case Cause::ConnectionRefused:
        reason = Reason::Unreachable;
        message = "could not connect to " + m_base + " (is the server running?)" + attempts;
        break;
    case Cause::CouldNotConnect:
    case Cause::ConnectTimeout:
    case Cause::Tls:
        reason = Reason::Unreachable;
        message = "could not connect to " + m_base + " (is the server running and reachable?): " + error.what();
        break;
    case Cause::UnknownHost:
        reason = Reason::Unreachable;
        message = "cannot resolve the host of " + m_base + " (is the base URL right?)";
        break;
    case Cause::Timeout:
        reason = Reason::Timeout;
        message = "no complete answer from " + m_base + " within " + std::to_string(m_profile.timeoutMs) +
                  " ms (the request timeout)";
        break;
    case Cause::Stalled:
        reason = Reason::Stalled;
        message = (receivedBytes > 0 ? "the stream from " + m_base + " stalled: no data for "
                                     : "no answer from " + m_base + " for ") +
                  std::to_string(m_profile.stallTimeoutMs) + " ms";
        break;
    case Cause::Truncated:
    case Cause::ConnectionDropped:
        if (receivedBytes > 0) { // streamed: the body went to the assembler
            reason = Reason::Truncated;
            message = "the stream from " + m_base + " was cut off before [DONE] after " +
                      std::to_string(receivedBytes) + " bytes; the answer is truncated";
        } else {
            reason = error.cause() == Cause::Truncated ? Reason::Truncated : Reason::ServerError;
            message =
                std::string(error.cause() == Cause::Truncated ? "the answer from " + m_base + " was cut off: " : "") +
                error.what();
        }
        break;
    case Cause::NotHttp:
        reason = Reason::Malformed;
        message = std::string(error.what());
        break;
    case Cause::HttpStatus:
    case Cause::Other: message = std::string(error.what()); break;
    }
    if (deliveredChars > 0)
        message += "; not retried because " + std::to_string(deliveredChars) +
                   " characters of the answer had already been streamed";
    return ChatError(reason, message, error.status(), deliveredChars);
}

} // namespace memscope
