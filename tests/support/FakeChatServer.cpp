#include "FakeChatServer.h"

#include <QDeadlineTimer>
#include <QMutex>
#include <QMutexLocker>

#include <algorithm>
#include <deque>

namespace memscope {

using nlohmann::json;
using Response = LoopbackHttpServer::Response;

namespace {

constexpr long long kCreated = 1767225600; // a fixed "created" keeps answers reproducible

QByteArray dumped(const json& value)
{
    return QByteArray::fromStdString(value.dump(-1, ' ', false, json::error_handler_t::replace));
}

// "Hello big world" -> "Hello ", "big ", "world": how servers stream, roughly a token at a time.
std::vector<std::string> splitAfterSpaces(const std::string& text)
{
    std::vector<std::string> pieces;
    std::string piece;
    for (const char c : text) {
        piece += c;
        if (c == ' ') {
            pieces.push_back(std::move(piece));
            piece.clear();
        }
    }
    if (!piece.empty())
        pieces.push_back(std::move(piece));
    return pieces;
}

// `text` in `parts` pieces of about equal size, never cutting a UTF-8 sequence.
std::vector<std::string> fragments(const std::string& text, int parts)
{
    std::vector<std::string> out;
    parts = std::max(1, parts);
    const std::size_t size = (text.size() + static_cast<std::size_t>(parts) - 1) / static_cast<std::size_t>(parts);
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = std::min(text.size(), at + std::max<std::size_t>(size, 1));
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
            ++end;
        out.push_back(text.substr(at, end - at));
        at = end;
    }
    if (out.empty())
        out.emplace_back();
    return out;
}

json errorBody(const std::string& message, const char* type, const json& code)
{
    return {{"error", {{"message", message}, {"type", type}, {"param", nullptr}, {"code", code}}}};
}

} // namespace

// ---- FakeChatReply ----

FakeChatReply FakeChatReply::text(std::string content)
{
    FakeChatReply reply;
    reply.content = std::move(content);
    return reply;
}

FakeChatReply FakeChatReply::streamed(std::vector<std::string> pieces, int pieceIntervalMs)
{
    FakeChatReply reply;
    for (const auto& piece : pieces)
        reply.content += piece;
    reply.pieces = std::move(pieces);
    reply.pieceIntervalMs = pieceIntervalMs;
    return reply;
}

FakeChatReply FakeChatReply::callTools(std::vector<FakeToolCall> calls, std::string content)
{
    FakeChatReply reply;
    reply.toolCalls = std::move(calls);
    reply.content = std::move(content);
    return reply;
}

FakeChatReply FakeChatReply::echo()
{
    FakeChatReply reply;
    reply.kind = Kind::Echo;
    return reply;
}

FakeChatReply FakeChatReply::httpError(int status, const json& body)
{
    FakeChatReply reply;
    reply.kind = Kind::HttpError;
    reply.status = status;
    reply.body = dumped(body);
    return reply;
}

FakeChatReply FakeChatReply::rateLimited(int retryAfterSeconds, int retryAfterMs)
{
    FakeChatReply reply = httpError(
        429, errorBody("Rate limit reached for requests. Please try again later.", "requests", "rate_limit_exceeded"));
    if (retryAfterSeconds >= 0)
        reply.headers.emplaceBack("Retry-After", QByteArray::number(retryAfterSeconds));
    if (retryAfterMs >= 0)
        reply.headers.emplaceBack("retry-after-ms", QByteArray::number(retryAfterMs));
    return reply;
}

FakeChatReply FakeChatReply::serverError(int status)
{
    return httpError(status,
                     errorBody("The server had an error while processing your request.", "server_error", nullptr));
}

FakeChatReply FakeChatReply::unauthorized()
{
    FakeChatReply reply = httpError(401, json::object());
    reply.body.clear(); // rendered per request: it quotes the key the request carried
    return reply;
}

FakeChatReply FakeChatReply::unknownModel(std::string model, bool ollamaWording)
{
    FakeChatReply reply = httpError(404, json::object());
    reply.body.clear(); // rendered per request when `model` is empty
    reply.model = std::move(model);
    reply.ollamaWording = ollamaWording;
    return reply;
}

FakeChatReply FakeChatReply::garbage(QByteArray bytes)
{
    FakeChatReply reply;
    reply.kind = Kind::Garbage;
    reply.body = std::move(bytes);
    return reply;
}

FakeChatReply FakeChatReply::notHttp(QByteArray bytes)
{
    FakeChatReply reply;
    reply.kind = Kind::NotHttp;
    reply.body = std::move(bytes);
    return reply;
}

FakeChatReply FakeChatReply::closeWithoutAnswer()
{
    FakeChatReply reply;
    reply.kind = Kind::CloseWithoutAnswer;
    return reply;
}

FakeChatReply FakeChatReply::withDelay(int ms) const
{
    FakeChatReply reply = *this;
    reply.delayMs = ms;
    return reply;
}

FakeChatReply FakeChatReply::withInterval(int ms) const
{
    FakeChatReply reply = *this;
    reply.pieceIntervalMs = ms;
    return reply;
}

FakeChatReply FakeChatReply::withUsage(int prompt, int completion) const
{
    FakeChatReply reply = *this;
    reply.reportUsage = true;
    reply.promptTokens = prompt;
    reply.completionTokens = completion;
    return reply;
}

FakeChatReply FakeChatReply::withoutUsage() const
{
    FakeChatReply reply = *this;
    reply.reportUsage = false;
    return reply;
}

FakeChatReply FakeChatReply::withFinishReason(std::string reason) const
{
    FakeChatReply reply = *this;
    reply.finishReason = std::move(reason);
    return reply;
}

FakeChatReply FakeChatReply::withoutDone() const
{
    FakeChatReply reply = *this;
    reply.sendDone = false;
    reply.sendFinishReason = false;
    return reply;
}

FakeChatReply FakeChatReply::truncatedAfter(int events) const
{
    FakeChatReply reply = *this;
    reply.truncateAfterEvents = events;
    return reply;
}

FakeChatReply FakeChatReply::splitEvery(int bytes) const
{
    FakeChatReply reply = *this;
    reply.splitBytes = bytes;
    return reply;
}

FakeChatReply FakeChatReply::withHeader(const QByteArray& name, const QByteArray& value) const
{
    FakeChatReply reply = *this;
    reply.headers.emplaceBack(name, value);
    return reply;
}

// ---- FakeChatRequest ----

bool FakeChatRequest::stream() const
{
    return body.is_object() && body.contains("stream") && body["stream"].is_boolean() && body["stream"].get<bool>();
}

bool FakeChatRequest::wantsUsage() const
{
    if (!body.is_object() || !body.contains("stream_options") || !body["stream_options"].is_object())
        return false;
    const json& options = body["stream_options"];
    return options.contains("include_usage") && options["include_usage"].is_boolean() &&
           options["include_usage"].get<bool>();
}

std::string FakeChatRequest::model() const
{
    return body.is_object() && body.contains("model") && body["model"].is_string() ? body["model"].get<std::string>()
                                                                                   : std::string();
}

const json& FakeChatRequest::messages() const
{
    static const json none;
    return body.is_object() && body.contains("messages") ? body["messages"] : none;
}

std::string FakeChatRequest::lastUserMessage() const
{
    const json& all = messages();
    if (!all.is_array())
        return {};
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
        if (it->is_object() && it->value("role", std::string()) == "user" && (*it)["content"].is_string())
            return (*it)["content"].get<std::string>();
    }
    return {};
}

std::vector<std::string> FakeChatRequest::toolNames() const
{
    std::vector<std::string> names;
    if (body.is_object() && body.contains("tools") && body["tools"].is_array()) {
        for (const auto& tool : body["tools"]) {
            if (tool.is_object() && tool.contains("function") && tool["function"].is_object())
                names.push_back(tool["function"].value("name", std::string()));
        }
    }
    return names;
}

// ---- FakeChatServer ----

struct FakeChatServer::State {
    mutable QMutex mutex;
    std::deque<FakeChatReply> script;
    std::optional<FakeChatReply> fallback;
    std::vector<std::string> models{"fake-model"};
    std::string apiKey;
    bool requireKnownModel = false;
    int answered = 0; // for ids

    Response respond(const LoopbackHttpServer::Request& http)
    {
        FakeChatRequest request = parse(http);
        FakeChatReply reply;
        int serial = 0;
        {
            QMutexLocker lock(&mutex);
            serial = ++answered;
            const bool knownModel = std::find(models.begin(), models.end(), request.model()) != models.end();
            if (!apiKey.empty() && request.authorization != QByteArray::fromStdString("Bearer " + apiKey)) {
                reply = FakeChatReply::unauthorized();
            } else if (requireKnownModel && !knownModel) {
                reply = FakeChatReply::unknownModel();
            } else if (!script.empty()) {
                reply = std::move(script.front());
                script.pop_front();
            } else if (fallback) {
                reply = *fallback;
            } else {
                reply = FakeChatReply::httpError(400, errorBody("FakeChatServer: no reply scripted for this request",
                                                                "invalid_request_error", nullptr));
            }
        }
        return render(reply, request, serial);
    }

    static FakeChatRequest parse(const LoopbackHttpServer::Request& http)
    {
        FakeChatRequest request;
        request.body = json::parse(http.body.toStdString(), nullptr, false);
        request.authorization = http.header("authorization");
        request.accept = http.header("accept");
        return request;
    }

    static Response withExtras(Response response, const FakeChatReply& reply)
    {
        for (const auto& header : reply.headers)
            response.headers.append(header);
        response.delayMs = reply.delayMs;
        return response;
    }

    static Response render(FakeChatReply reply, const FakeChatRequest& request, int serial)
    {
        const std::string model = reply.model.empty() ? request.model() : reply.model;
        switch (reply.kind) {
        case FakeChatReply::Kind::HttpError:
            if (reply.status == 401 && reply.body.isEmpty())
                reply.body = dumped(errorBody("Incorrect API key provided: " + request.authorization.toStdString() +
                                                  ". You can find your API key at https://platform.openai.com.",
                                              "invalid_request_error", "invalid_api_key"));
            if (reply.status == 404 && reply.body.isEmpty())
                reply.body = dumped(
                    reply.ollamaWording
                        ? errorBody("model \"" + model + "\" not found, try pulling it first", "api_error", nullptr)
                        : errorBody("The model `" + model + "` does not exist or you do not have access to it.",
                                    "invalid_request_error", "model_not_found"));
            return withExtras(Response::json(reply.status, reply.body), reply);
        case FakeChatReply::Kind::NotHttp: return withExtras(Response::raw(reply.body), reply);
        case FakeChatReply::Kind::CloseWithoutAnswer: return withExtras(Response::closeWithoutAnswer(), reply);
        case FakeChatReply::Kind::Garbage:
            if (request.stream())
                return withExtras(Response::eventStream({"data: " + reply.body + "\n\n"}), reply);
            return withExtras(Response::json(200, reply.body), reply);
        case FakeChatReply::Kind::Echo: reply.content = "echo: " + request.lastUserMessage(); break;
        case FakeChatReply::Kind::Answer: break;
        }

        std::string finish = reply.finishReason;
        if (finish.empty())
            finish = reply.toolCalls.empty() ? "stop" : "tool_calls";
        for (std::size_t i = 0; i < reply.toolCalls.size(); ++i) {
            if (reply.toolCalls[i].id.empty())
                reply.toolCalls[i].id = "call_" + std::to_string(serial) + "_" + std::to_string(i);
        }
        std::size_t answerSize = reply.content.size();
        for (const auto& call : reply.toolCalls)
            answerSize += call.name.size() + call.arguments.size();
        const json usage = {{"prompt_tokens", reply.promptTokens >= 0
                                                  ? reply.promptTokens
                                                  : static_cast<int>(request.body.dump().size() / 4)},
                            {"completion_tokens", reply.completionTokens >= 0 ? reply.completionTokens
                                                                              : static_cast<int>(answerSize / 4 + 1)}};
        const std::string id = "chatcmpl-fake-" + std::to_string(serial);

        if (!request.stream()) {
            json message = {
                {"role", "assistant"},
                {"content", reply.content.empty() && !reply.toolCalls.empty() ? json(nullptr) : json(reply.content)}};
            if (!reply.toolCalls.empty()) {
                json calls = json::array();
                for (const auto& call : reply.toolCalls)
                    calls.push_back({{"id", call.id},
                                     {"type", "function"},
                                     {"function", {{"name", call.name}, {"arguments", call.arguments}}}});
                message["tool_calls"] = std::move(calls);
            }
            json body = {{"id", id},
                         {"object", "chat.completion"},
                         {"created", kCreated},
                         {"model", model},
                         {"choices", json::array({{{"index", 0}, {"message", message}, {"finish_reason", finish}}})}};
            if (reply.reportUsage)
                body["usage"] = usage;
            Response response = Response::json(200, dumped(body));
            if (reply.truncateAfterEvents >= 0) {
                response.body.truncate(response.body.size() / 2);
                response = response.truncated();
            }
            return withExtras(response, reply);
        }

        // The stream: one "data:" event per chunk, as OpenAI sends them.
        std::vector<json> chunks;
        const auto chunk = [&](json delta, const json& finishReason) {
            chunks.push_back(
                {{"id", id},
                 {"object", "chat.completion.chunk"},
                 {"created", kCreated},
                 {"model", model},
                 {"choices",
                  json::array({{{"index", 0}, {"delta", std::move(delta)}, {"finish_reason", finishReason}}})}});
        };
        chunk({{"role", "assistant"}, {"content", ""}}, nullptr);
        for (const auto& piece : reply.pieces.empty() ? splitAfterSpaces(reply.content) : reply.pieces)
            chunk({{"content", piece}}, nullptr);
        for (std::size_t i = 0; i < reply.toolCalls.size(); ++i) {
            const auto& call = reply.toolCalls[i];
            chunk({{"tool_calls", json::array({{{"index", i},
                                                {"id", call.id},
                                                {"type", "function"},
                                                {"function", {{"name", call.name}, {"arguments", ""}}}}})}},
                  nullptr);
            for (const auto& part : fragments(call.arguments, reply.argumentFragments))
                chunk({{"tool_calls", json::array({{{"index", i}, {"function", {{"arguments", part}}}}})}}, nullptr);
        }
        if (reply.sendFinishReason)
            chunk(json::object(), finish);
        std::vector<std::string> events;
        for (const auto& c : chunks)
            events.push_back(c.dump(-1, ' ', false, json::error_handler_t::replace));
        if (reply.sendFinishReason && reply.reportUsage && request.wantsUsage())
            events.push_back(json({{"id", id},
                                   {"object", "chat.completion.chunk"},
                                   {"created", kCreated},
                                   {"model", model},
                                   {"choices", json::array()},
                                   {"usage", usage}})
                                 .dump());
        if (reply.sendDone)
            events.emplace_back("[DONE]");

        const bool truncate = reply.truncateAfterEvents >= 0;
        if (truncate && static_cast<std::size_t>(reply.truncateAfterEvents) < events.size())
            events.resize(static_cast<std::size_t>(reply.truncateAfterEvents));
        QList<QByteArray> pieces;
        for (const auto& event : events)
            pieces.append("data: " + QByteArray::fromStdString(event) + "\n\n");
        if (reply.splitBytes > 0) {
            const QByteArray all = pieces.join();
            pieces.clear();
            for (qsizetype at = 0; at < all.size(); at += reply.splitBytes)
                pieces.append(all.mid(at, reply.splitBytes));
        }
        Response response = Response::eventStream(pieces, reply.pieceIntervalMs);
        if (truncate)
            response = response.truncated();
        return withExtras(response, reply);
    }

    Response modelList(bool ollamaTags) const
    {
        QMutexLocker lock(&mutex);
        json list = json::array();
        for (const auto& model : models) {
            if (ollamaTags)
                list.push_back({{"name", model}, {"model", model}, {"size", 1}});
            else
                list.push_back({{"id", model}, {"object", "model"}, {"created", kCreated}, {"owned_by", "fake"}});
        }
        return Response::json(200,
                              dumped(ollamaTags ? json{{"models", list}} : json{{"object", "list"}, {"data", list}}));
    }
};

FakeChatServer::FakeChatServer()
    : m_state(std::make_shared<State>())
{
    auto state = m_state;
    m_http.setResponder(kChatPath,
                        [state](const LoopbackHttpServer::Request& request) { return state->respond(request); });
    m_http.setResponder("/v1/models", [state](const LoopbackHttpServer::Request&) { return state->modelList(false); });
    m_http.setResponder("/api/tags", [state](const LoopbackHttpServer::Request&) { return state->modelList(true); });
    m_http.setFallback("/", Response::text(200, "Ollama is running"));
}

FakeChatServer::~FakeChatServer() = default;

std::string FakeChatServer::baseUrl() const { return m_http.url("/v1"); }

std::string FakeChatServer::ollamaHost() const { return "127.0.0.1:" + std::to_string(m_http.port()); }

quint16 FakeChatServer::port() const { return m_http.port(); }

void FakeChatServer::enqueue(const FakeChatReply& reply, int times)
{
    QMutexLocker lock(&m_state->mutex);
    for (int i = 0; i < times; ++i)
        m_state->script.push_back(reply);
}

void FakeChatServer::setFallback(const FakeChatReply& reply)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->fallback = reply;
}

int FakeChatServer::pendingReplies() const
{
    QMutexLocker lock(&m_state->mutex);
    return static_cast<int>(m_state->script.size());
}

void FakeChatServer::setModels(const std::vector<std::string>& models)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->models = models;
}

void FakeChatServer::setApiKey(const std::string& key)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->apiKey = key;
}

void FakeChatServer::setRequireKnownModel(bool on)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->requireKnownModel = on;
}

std::vector<FakeChatRequest> FakeChatServer::chatRequests() const
{
    std::vector<FakeChatRequest> out;
    for (const auto& request : m_http.requests()) {
        if (request.path == kChatPath)
            out.push_back(State::parse(request));
    }
    return out;
}

int FakeChatServer::chatRequestCount() const
{
    int count = 0;
    for (const auto& request : m_http.requests())
        count += request.path == kChatPath ? 1 : 0;
    return count;
}

FakeChatRequest FakeChatServer::lastChatRequest() const
{
    const auto all = chatRequests();
    if (all.empty()) {
        FakeChatRequest none;
        none.body = json(json::value_t::discarded);
        return none;
    }
    return all.back();
}

bool FakeChatServer::waitForChatRequests(int count, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    while (chatRequestCount() < count) {
        const int total = m_http.requestCount();
        const auto remaining = deadline.remainingTime();
        if (remaining <= 0 || !m_http.waitForRequests(total + 1, static_cast<int>(remaining)))
            return chatRequestCount() >= count;
    }
    return true;
}

} // namespace memscope
