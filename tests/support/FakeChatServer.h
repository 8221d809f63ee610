#pragma once

#include "LoopbackHttpServer.h"

#include <nlohmann/json.hpp>

#include <QByteArray>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace memscope {

// A tool call in a scripted reply.
struct FakeToolCall {
    std::string id; // empty: "call_<n>"
    std::string name;
    std::string arguments; // JSON text, sent as is (it may be invalid on purpose)
};

// One scripted answer of FakeChatServer. Answers are rendered for the request that gets them: an SSE stream
// ("data: {chunk}" events, then "data: [DONE]") when it asked for "stream": true, else one JSON completion.
// Error replies look the same either way. Build with the static functions, adjust with the with...() ones:
//
//     FakeChatReply::text("Hello world")                       // streamed as "Hello ", "world"
//     FakeChatReply::streamed({"Hel", "lo"}, 50)                // these pieces, 50 ms apart
//     FakeChatReply::callTools({{"call_1", "search", "{\"q\":\"x\"}"}})  // arguments in 3 fragments
//     FakeChatReply::text("late").withDelay(3000)               // slow: nothing for 3 s
//     FakeChatReply::rateLimited(0, 20)                         // 429, retry-after-ms: 20
//     FakeChatReply::serverError(500)
//     FakeChatReply::unauthorized()                             // 401 whose message quotes the key sent
//     FakeChatReply::unknownModel()                             // 404 model_not_found for the model asked for
//     FakeChatReply::streamed({"Hel", "lo"}).truncatedAfter(2)  // role chunk + "Hel", then the connection drops
//     FakeChatReply::text("x").withoutDone()                    // ends cleanly, no finish reason, no [DONE]
//     FakeChatReply::garbage("<html>oops</html>")               // 200 with bytes that are no completion
struct FakeChatReply {
    enum class Kind {
        Answer,             // content and/or tool calls
        Echo,               // "echo: " + the last user message of the request
        HttpError,          // `status` with `body` (JSON)
        Garbage,            // 200 and `body`; streamed as "data: <body>"
        NotHttp,            // `body` instead of an HTTP response
        CloseWithoutAnswer, // read the request, close the connection
    };

    Kind kind = Kind::Answer;
    std::string content;
    std::vector<FakeToolCall> toolCalls;
    std::string finishReason;        // empty: "tool_calls" with tool calls, else "stop"
    std::vector<std::string> pieces; // streamed content pieces; empty: `content` cut after each space
    int argumentFragments = 3;       // streamed tool call arguments come in this many pieces
    std::string model;               // reported model; empty: the one requested
    bool ollamaWording = false;      // unknownModel(): Ollama's message instead of OpenAI's

    int delayMs = 0;              // before anything is sent
    int pieceIntervalMs = 0;      // between stream events
    int truncateAfterEvents = -1; // streams: drop the connection after this many events; unstreamed: cut body
    int splitBytes = 0;           // streams: re-cut the byte stream into pieces this long (lines split midway)
    bool sendFinishReason = true; // streams: the chunk carrying finish_reason
    bool sendDone = true;         // streams: "data: [DONE]"
    bool reportUsage = true;      // "usage" (streams: only when stream_options.include_usage was asked)
    int promptTokens = -1;        // -1: derived from the request and answer sizes
    int completionTokens = -1;

    int status = 200;
    QByteArray body;
    QList<LoopbackHttpServer::Header> headers; // extra response headers

    static FakeChatReply text(std::string content);
    static FakeChatReply streamed(std::vector<std::string> pieces, int pieceIntervalMs = 0);
    static FakeChatReply callTools(std::vector<FakeToolCall> calls, std::string content = {});
    static FakeChatReply echo();
    static FakeChatReply httpError(int status, const nlohmann::json& body);
    // 429 with "Retry-After: <seconds>" (when >= 0) and "retry-after-ms" (when >= 0).
    static FakeChatReply rateLimited(int retryAfterSeconds = -1, int retryAfterMs = -1);
    static FakeChatReply serverError(int status = 500);
    // 401 in OpenAI's words, quoting the Authorization value it got (clients must not repeat it).
    static FakeChatReply unauthorized();
    // 404 model_not_found naming `model` (empty: the requested one); Ollama's wording with `ollamaWording`.
    static FakeChatReply unknownModel(std::string model = {}, bool ollamaWording = false);
    static FakeChatReply garbage(QByteArray bytes);
    static FakeChatReply notHttp(QByteArray bytes);
    static FakeChatReply closeWithoutAnswer();

    [[nodiscard]] FakeChatReply withDelay(int ms) const;
    [[nodiscard]] FakeChatReply withInterval(int ms) const;
    [[nodiscard]] FakeChatReply withUsage(int prompt, int completion) const;
    [[nodiscard]] FakeChatReply withoutUsage() const;
    [[nodiscard]] FakeChatReply withFinishReason(std::string reason) const;
    [[nodiscard]] FakeChatReply withoutDone() const; // no finish reason and no [DONE]: a truncated stream
    [[nodiscard]] FakeChatReply truncatedAfter(int events) const;
    [[nodiscard]] FakeChatReply splitEvery(int bytes) const;
    [[nodiscard]] FakeChatReply withHeader(const QByteArray& name, const QByteArray& value) const;
};

// A chat request as the server received it.
struct FakeChatRequest {
    nlohmann::json body; // the JSON sent (discarded when it was not JSON)
    QByteArray authorization;
    QByteArray accept;

    bool stream() const;
    bool wantsUsage() const; // stream_options.include_usage
    std::string model() const;
    const nlohmann::json& messages() const; // the "messages" array (null when absent)
    std::string lastUserMessage() const;
    std::vector<std::string> toolNames() const;
};

// A scripted OpenAI-compatible server on 127.0.0.1 for tests of chat clients, agent loops and the CLI:
// POST /v1/chat/completions answers with the next scripted FakeChatReply (streamed or not, as asked),
// GET /v1/models and Ollama's GET /api/tags list setModels(). Built on LoopbackHttpServer: runs on its own
// thread, every method is thread-safe, blocking client calls on the test thread are fine, and
// http().enqueue(path, response) still scripts raw HTTP answers, ahead of the chat script.
//
//     FakeChatServer server;
//     server.enqueue(FakeChatReply::callTools({{"call_1", "search_memory", "{\"query\":\"ssl\"}"}}));
//     server.enqueue(FakeChatReply::text("Pin the driver to 3.1."));
//     ProviderProfile profile{.baseUrl = server.baseUrl(), .model = "fake-model"};  // or OPENAI_BASE_URL
//     ... run the agent ...
//     QCOMPARE(server.chatRequestCount(), 2);
//     QCOMPARE(server.lastChatRequest().messages().back()["role"], "tool");
//
// With nothing scripted a request gets the fallback (setFallback), by default a 400 saying so.
class FakeChatServer {
public:
    static constexpr const char* kChatPath = "/v1/chat/completions";

    // Starts listening; serves the model "fake-model".
    FakeChatServer();
    ~FakeChatServer();
    FakeChatServer(const FakeChatServer&) = delete;
    FakeChatServer& operator=(const FakeChatServer&) = delete;

    std::string baseUrl() const;    // "http://127.0.0.1:<port>/v1": OPENAI_BASE_URL
    std::string ollamaHost() const; // "127.0.0.1:<port>": OLLAMA_HOST, to look like a local Ollama
    quint16 port() const;
    LoopbackHttpServer& http() { return m_http; }

    // Answers the next `times` chat requests, after those already scripted.
    void enqueue(const FakeChatReply& reply, int times = 1);
    // The answer once the script is used up.
    void setFallback(const FakeChatReply& reply);
    int pendingReplies() const;

    void setModels(const std::vector<std::string>& models);
    // Non-empty: chat requests without "Authorization: Bearer <key>" get a 401 (the script is not used).
    void setApiKey(const std::string& key);
    // On: a chat request for a model setModels() does not list gets a 404 model_not_found.
    void setRequireKnownModel(bool on);

    // Chat requests received so far, in order.
    std::vector<FakeChatRequest> chatRequests() const;
    int chatRequestCount() const;
    FakeChatRequest lastChatRequest() const; // body discarded when there is none
    bool waitForChatRequests(int count, int timeoutMs = 5000) const;

private:
    struct State;

    std::shared_ptr<State> m_state;
    LoopbackHttpServer m_http;
};

} // namespace memscope
