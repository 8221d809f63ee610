// The OpenAI-compatible chat client against the loopback server: streaming and tool calls, usage, retries
// with back-off, every failure with its own message, timeouts, cancellation, and the request/stream format.
#include "FakeChatServer.h"
#include "TestStore.h"
#include "llm/ChatError.h"
#include "llm/ChatStreamAssembler.h"
#include "llm/OpenAiChatClient.h"
#include "llm/OpenAiChatFormat.h"
#include "llm/ProviderProfile.h"

#include <nlohmann/json.hpp>

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <future>
#include <optional>

using namespace memscope;
using nlohmann::json;
using Reply = FakeChatReply;
using Reason = ChatError::Reason;
using Http = LoopbackHttpServer::Response;

Q_DECLARE_METATYPE(memscope::FakeChatReply)
Q_DECLARE_METATYPE(memscope::ChatError::Reason)

namespace {

const std::string kApiKey = "sk-proj-chat-test-7f6e5d4c3b2a";

ProviderProfile profileFor(const std::string& baseUrl)
{
    ProviderProfile profile;
    profile.baseUrl = baseUrl;
    profile.model = "fake-model";
    profile.apiKey = kApiKey;
    profile.timeoutMs = 5000;
    profile.connectTimeoutMs = 2000;
    profile.stallTimeoutMs = 5000;
    profile.maxRetries = 3;
    profile.retryBackoffMs = 1;
    return profile;
}

ProviderProfile profileFor(const FakeChatServer& server) { return profileFor(server.baseUrl()); }

ChatRequest ask(const std::string& question, bool stream = true)
{
    ChatRequest request;
    request.messages = {ChatMessage::system("You answer briefly."), ChatMessage::user(question)};
    request.stream = stream;
    return request;
}

std::optional<ChatError> chatErrorFrom(const std::function<void()>& call)
{
    try {
        call();
    } catch (const ChatError& e) {
        return e;
    }
    return std::nullopt;
}

QString qs(const std::string& s) { return QString::fromStdString(s); }

// A compact SSE chunk for the assembler tests.
std::string sseEvent(const json& chunk) { return "data: " + chunk.dump() + "\n\n"; }

json toolDelta(const json& fragment)
{
    return {{"choices", json::array({{{"index", 0}, {"delta", {{"tool_calls", json::array({fragment})}}}}})}};
}

} // namespace

class TestChatClient : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        for (const char* name : {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
            qunsetenv(name);
    }

    void streamsTextAndReportsUsage()
    {
        FakeChatServer server;
        server.enqueue(Reply::text("Hello big world").withInterval(30).withUsage(21, 3));
        OpenAiChatClient client(profileFor(server));
        QStringList deltas;
        const ChatResponse response =
            client.complete(ask("Say hello"), [&](std::string_view text) { deltas << qs(std::string(text)); });

        QCOMPARE(deltas, QStringList({"Hello ", "big ", "world"}));
        QCOMPARE(qs(response.message.content), QString("Hello big world"));
        QCOMPARE(qs(response.message.role), QString("assistant"));
        QCOMPARE(qs(response.finishReason), QString("stop"));
        QCOMPARE(qs(response.model), QString("fake-model"));
        QCOMPARE(response.usage.promptTokens, 21);
        QCOMPARE(response.usage.completionTokens, 3);
        QVERIFY(!response.usage.estimated);
        QVERIFY(response.firstTokenMs > 0);
        QVERIFY2(response.firstTokenMs < response.latencyMs, "the first piece arrives before the last");
        QVERIFY2(response.latencyMs >= 50, "three pieces 30 ms apart");

        const auto request = server.lastChatRequest();
        QCOMPARE(request.authorization, QByteArray::fromStdString("Bearer " + kApiKey));
        QCOMPARE(request.accept, QByteArray("text/event-stream"));
        const json expected = {{"model", "fake-model"},
                               {"messages", json::array({{{"role", "system"}, {"content", "You answer briefly."}},
                                                         {{"role", "user"}, {"content", "Say hello"}}})},
                               {"temperature", 0.0},
                               {"stream", true},
                               {"stream_options", {{"include_usage", true}}}};
        JSON_COMPARE(request.body, expected);
    }

    void completesWithoutStreaming()
    {
        FakeChatServer server;
        server.enqueue(Reply::text("Plain answer").withUsage(9, 2));
        OpenAiChatClient client(profileFor(server));
        auto request = ask("Hi", false);
        request.maxTokens = 50;
        request.temperature = 0.5;
        int deltas = 0;
        const ChatResponse response = client.complete(request, [&](std::string_view) { ++deltas; });
        QCOMPARE(qs(response.message.content), QString("Plain answer"));
        QCOMPARE(deltas, 0); // nothing streams when no stream was asked for
        QCOMPARE(response.usage.completionTokens, 2);
        QCOMPARE(response.firstTokenMs, response.latencyMs);
        const auto sent = server.lastChatRequest();
        QVERIFY(!sent.stream());
        QVERIFY(!sent.body.contains("stream_options"));
        JSON_COMPARE(sent.body["max_tokens"], 50);
        JSON_COMPARE(sent.body["temperature"], 0.5);
        QCOMPARE(sent.accept, QByteArray("application/json"));
    }

    void estimatesUsageWhenServerReportsNone_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::addRow("streamed") << true;
        QTest::addRow("not streamed") << false;
    }

    void estimatesUsageWhenServerReportsNone()
    {
        QFETCH(bool, stream);
        FakeChatServer server;
        server.enqueue(Reply::text("An answer of about ten tokens, give or take a few.").withoutUsage());
        OpenAiChatClient client(profileFor(server));
        const ChatResponse response = client.complete(ask("How many tokens?", stream));
        QVERIFY(response.usage.estimated);
        QVERIFY2(response.usage.promptTokens >= 10 && response.usage.promptTokens <= 40,
                 qPrintable(QString::number(response.usage.promptTokens)));
        QVERIFY2(response.usage.completionTokens >= 8 && response.usage.completionTokens <= 20,
                 qPrintable(QString::number(response.usage.completionTokens)));
    }

    void toolCallsRoundTrip_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::addRow("streamed in fragments") << true;
        QTest::addRow("not streamed") << false;
    }

    void toolCallsRoundTrip()
    {
        QFETCH(bool, stream);
        FakeChatServer server;
        Reply calls = Reply::callTools({{"call_a", "search_memory", "{\"query\":\"ssl timeout\",\"limit\":5}"},
                                        {"call_b", "get_record", "{\"id\":\"r-\\u00e9-1\"}"}});
        calls.argumentFragments = 4;
        server.enqueue(calls);
        server.enqueue(Reply::text("Pin the driver to 3.1."));
        OpenAiChatClient client(profileFor(server));

        ChatRequest request = ask("Why do SSL handshakes time out?", stream);
        request.tools = {{"search_memory",
                          "Search the lessons.",
                          {{"type", "object"},
                           {"properties", {{"query", {{"type", "string"}}}, {"limit", {{"type", "integer"}}}}},
                           {"required", json::array({"query"})}}},
                         {"get_record", "One record by id.", json()}};
        const ChatResponse first = client.complete(request);
        QCOMPARE(qs(first.finishReason), QString("tool_calls"));
        QCOMPARE(first.message.toolCalls.size(), std::size_t(2));
        QCOMPARE(qs(first.message.toolCalls[0].id), QString("call_a"));
        QCOMPARE(qs(first.message.toolCalls[0].name), QString("search_memory"));
        QCOMPARE(qs(first.message.toolCalls[0].arguments), QString("{\"query\":\"ssl timeout\",\"limit\":5}"));
        QCOMPARE(qs(first.message.toolCalls[1].name), QString("get_record"));
        QCOMPARE(qs(first.message.toolCalls[1].arguments), QString("{\"id\":\"r-\\u00e9-1\"}"));
        QVERIFY(first.message.content.empty());

        const auto sentTools = server.lastChatRequest().body["tools"];
        JSON_COMPARE(sentTools[0]["type"], "function");
        JSON_COMPARE(sentTools[0]["function"]["name"], "search_memory");
        JSON_COMPARE(sentTools[0]["function"]["parameters"]["required"], json::array({"query"}));
        // A tool without a schema still sends a valid empty one.
        JSON_COMPARE(sentTools[1]["function"]["parameters"],
                     json({{"type", "object"}, {"properties", json::object()}}));

        request.messages.push_back(first.message);
        request.messages.push_back(ChatMessage::tool("call_a", "search_memory", "[{\"memory\":\"pin 3.1\"}]"));
        request.messages.push_back(ChatMessage::tool("call_b", "get_record", "{}"));
        const ChatResponse second = client.complete(request);
        QCOMPARE(qs(second.message.content), QString("Pin the driver to 3.1."));

        const json messages = server.lastChatRequest().messages();
        QCOMPARE(messages.size(), std::size_t(5));
        JSON_COMPARE(messages[2]["role"], "assistant");
        JSON_COMPARE(messages[2]["content"], nullptr);
        JSON_COMPARE(messages[2]["tool_calls"][0],
                     json({{"id", "call_a"},
                           {"type", "function"},
                           {"function",
                            {{"name", "search_memory"}, {"arguments", "{\"query\":\"ssl timeout\",\"limit\":5}"}}}}));
        JSON_COMPARE(messages[3], json({{"role", "tool"},
                                        {"content", "[{\"memory\":\"pin 3.1\"}]"},
                                        {"tool_call_id", "call_a"},
                                        {"name", "search_memory"}}));
    }

    void toleratesEventsSplitAnywhere()
    {
        FakeChatServer server;
        server.enqueue(Reply::text("Grüße aus dem Stream, \"quoted\" and all.").splitEvery(7).withInterval(5));
        OpenAiChatClient client(profileFor(server));
        std::string streamed;
        const auto response = client.complete(ask("x"), [&](std::string_view text) { streamed += text; });
        QCOMPARE(qs(response.message.content), QString::fromUtf8("Grüße aus dem Stream, \"quoted\" and all."));
        QCOMPARE(streamed, response.message.content);
        QVERIFY(!response.usage.estimated);
    }

    void retriesTransientFailures_data()
    {
        QTest::addColumn<Reply>("failure");
        QTest::addColumn<bool>("stream");
        QTest::addRow("429 retry-after-ms, streamed") << Reply::rateLimited(-1, 20) << true;
        QTest::addRow("429, not streamed") << Reply::rateLimited() << false;
        QTest::addRow("500 streamed") << Reply::serverError(500) << true;
        QTest::addRow("503 not streamed") << Reply::serverError(503) << false;
        QTest::addRow("closed without answer") << Reply::closeWithoutAnswer() << true;
    }

    void retriesTransientFailures()
    {
        QFETCH(Reply, failure);
        QFETCH(bool, stream);
        FakeChatServer server;
        server.enqueue(failure, 2);
        server.enqueue(Reply::text("finally"));
        OpenAiChatClient client(profileFor(server));
        const auto response = client.complete(ask("x", stream));
        QCOMPARE(qs(response.message.content), QString("finally"));
        QCOMPARE(response.attempts, 3);
        QCOMPARE(server.chatRequestCount(), 3);
    }

    void honoursRetryAfterSeconds()
    {
        FakeChatServer server;
        server.enqueue(Reply::rateLimited(1));
        server.enqueue(Reply::text("ok"));
        OpenAiChatClient client(profileFor(server));
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(qs(client.complete(ask("x")).message.content), QString("ok"));
        QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
    }

    void givesUpAfterRetries_data()
    {
        QTest::addColumn<Reply>("failure");
        QTest::addColumn<Reason>("reason");
        QTest::addColumn<QString>("message");
        QTest::addRow("429") << Reply::rateLimited(-1, 1) << Reason::RateLimited
                             << "rate limited by %1 (HTTP 429, gave up after 3 attempts) (server said: Rate limit "
                                "reached for requests. Please try again later.)";
        QTest::addRow("500") << Reply::serverError(500) << Reason::ServerError
                             << "server error at %1 (HTTP 500, gave up after 3 attempts) (server said: The server "
                                "had an error while processing your request.)";
    }

    void givesUpAfterRetries()
    {
        QFETCH(Reply, failure);
        QFETCH(Reason, reason);
        QFETCH(QString, message);
        FakeChatServer server;
        server.setFallback(failure);
        auto profile = profileFor(server);
        profile.maxRetries = 2;
        OpenAiChatClient client(profile);
        const auto error = chatErrorFrom([&] { client.complete(ask("x")); });
        QVERIFY(error);
        QCOMPARE(error->reason(), reason);
        QCOMPARE(error->kind(), Error::Kind::Network);
        QVERIFY(error->transient());
        QCOMPARE(QString::fromUtf8(error->what()), message.arg(qs(server.baseUrl())));
        QCOMPARE(server.chatRequestCount(), 3);
    }

    void reportsFailuresClearly_data()
    {
        QTest::addColumn<Reply>("reply");
        QTest::addColumn<bool>("stream");
        QTest::addColumn<Reason>("reason");
        QTest::addColumn<QString>("expected"); // a part of the message; %1 = the base URL

        QTest::addRow("401") << Reply::unauthorized() << true << Reason::Auth
                             << "the endpoint refused the API key (HTTP 401 from %1) (server said: Incorrect API key "
                                "provided: [redacted].";
        QTest::addRow("403") << Reply::httpError(403, {{"error", "forbidden"}}) << false << Reason::Auth
                             << "the endpoint refused the API key (HTTP 403 from %1)";
        QTest::addRow("unknown model, OpenAI") << Reply::unknownModel() << true << Reason::UnknownModel
                                               << "unknown model 'fake-model' at %1 (server said: The model "
                                                  "`fake-model` does not exist";
        QTest::addRow("unknown model, Ollama") << Reply::unknownModel({}, true) << false << Reason::UnknownModel
                                               << "unknown model 'fake-model' at %1 (server said: model "
                                                  "'fake-model' not found, try pulling it first)";
        QTest::addRow("404 elsewhere") << Reply::httpError(404, {{"detail", "Not Found"}}) << false
                                       << Reason::BadRequest
                                       << "%1/chat/completions not found (HTTP 404): is the base URL right?";
        QTest::addRow("400") << Reply::httpError(400, {{"error", {{"message", "messages must not be empty"}}}}) << true
                             << Reason::BadRequest
                             << "the server at %1 rejected the request (HTTP 400) (server said: messages must not "
                                "be empty)";
        QTest::addRow("garbage, not streamed")
            << Reply::garbage("<html><body>Bad \x01gateway</body></html>") << false << Reason::Malformed
            << "malformed answer from %1: not JSON (first bytes: '<html><body>Bad ?gateway</body></html>')";
        QTest::addRow("garbage, streamed") << Reply::garbage("{not json") << true << Reason::Malformed
                                           << "malformed event in the stream from %1: not a JSON object (first "
                                              "bytes: '{not json')";
        QTest::addRow("JSON without choices") << Reply::garbage("{\"object\":\"list\"}") << false << Reason::Malformed
                                              << "malformed chat completion from %1: no 'choices'";
        QTest::addRow("truncated JSON") << Reply::text("cut").truncatedAfter(0) << false << Reason::Truncated << "%1";
        QTest::addRow("stream cut off") << Reply::streamed({"Hel", "lo"}).truncatedAfter(2) << true << Reason::Truncated
                                        << "the stream from %1 was cut off before [DONE]";
        QTest::addRow("stream without [DONE]") << Reply::text("Hello").withoutDone() << true << Reason::Truncated
                                               << "the stream from %1 ended without [DONE] or a finish reason after "
                                                  "5 characters; the answer is truncated";
        QTest::addRow("not HTTP") << Reply::notHttp("SSH-2.0-OpenSSH_9.2\r\n") << true << Reason::Malformed
                                  << "%1/chat/completions did not answer with valid HTTP";
    }

    void reportsFailuresClearly()
    {
        QFETCH(Reply, reply);
        QFETCH(bool, stream);
        QFETCH(Reason, reason);
        QFETCH(QString, expected);
        FakeChatServer server;
        server.setFallback(reply);
        auto profile = profileFor(server);
        profile.maxRetries = 0;
        OpenAiChatClient client(profile);
        const auto error = chatErrorFrom([&] { client.complete(ask("x", stream)); });
        QVERIFY(error);
        const QString message = QString::fromUtf8(error->what()).replace('"', '\'');
        QVERIFY2(message.contains(expected.arg(qs(server.baseUrl()))), qPrintable(message));
        QCOMPARE(chatErrorReasonName(error->reason()), chatErrorReasonName(reason));
        QVERIFY2(!message.contains(qs(kApiKey)), "the key must never appear in a message");
    }

    void wantsKeyWhenNoneIsSet()
    {
        FakeChatServer server;
        server.setApiKey(kApiKey);
        auto profile = profileFor(server);
        profile.apiKey.clear();
        OpenAiChatClient client(profile);
        const auto error = chatErrorFrom([&] { client.complete(ask("x")); });
        QVERIFY(error);
        QCOMPARE(error->reason(), Reason::Auth);
        QVERIFY2(QString::fromUtf8(error->what()).contains("wants an API key and none is set"), error->what());
        QVERIFY(!server.lastChatRequest().body.is_discarded());
        QVERIFY(server.lastChatRequest().authorization.isEmpty());
    }

    void reportsRefusedConnection()
    {
        const std::string base = "http://127.0.0.1:" + std::to_string(LoopbackHttpServer::unusedPort()) + "/v1";
        auto profile = profileFor(base);
        profile.maxRetries = 1;
        OpenAiChatClient client(profile);
        const auto error = chatErrorFrom([&] { client.complete(ask("x")); });
        QVERIFY(error);
        QCOMPARE(error->reason(), Reason::Unreachable);
        QCOMPARE(QString::fromUtf8(error->what()),
                 qs("could not connect to " + base + " (is the server running?) (gave up after 2 attempts)"));
    }

    void neverRetriesOnceTextWasStreamed()
    {
        FakeChatServer server;
        server.enqueue(Reply::streamed({"Hel", "lo"}).truncatedAfter(3)); // role chunk, "Hel", "lo", then cut
        server.enqueue(Reply::text("second try"));
        OpenAiChatClient client(profileFor(server)); // 3 retries allowed
        std::string streamed;
        const auto error =
            chatErrorFrom([&] { client.complete(ask("x"), [&](std::string_view t) { streamed += t; }); });
        QVERIFY(error);
        QCOMPARE(error->reason(), Reason::Truncated);
        QCOMPARE(error->deliveredChars(), std::size_t(5));
        QCOMPARE(streamed, std::string("Hello"));
        QVERIFY2(QString::fromUtf8(error->what())
                     .endsWith("; not retried because 5 characters of the answer had already been streamed"),
                 error->what());
        QCOMPARE(server.chatRequestCount(), 1);
    }

    void stallTimeoutEndsSilentStream()
    {
        FakeChatServer server;
        server.enqueue(Reply::streamed({"first ", "never"}, 10000));
        auto profile = profileFor(server);
        profile.stallTimeoutMs = 300;
        OpenAiChatClient client(profile);
        QElapsedTimer timer;
        timer.start();
        const auto error = chatErrorFrom([&] { client.complete(ask("x")); });
        QVERIFY(error);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(error->reason(), Reason::Stalled);
        QVERIFY2(QString::fromUtf8(error->what())
                     .startsWith(qs("the stream from " + server.baseUrl() + " stalled: no data for 300 ms")),
                 error->what());
    }

    void totalTimeout()
    {
        FakeChatServer server;
        server.enqueue(Reply::text("too late").withDelay(10000));
        auto profile = profileFor(server);
        profile.timeoutMs = 300;
        profile.maxRetries = 0;
        OpenAiChatClient client(profile);
        QElapsedTimer timer;
        timer.start();
        const auto error = chatErrorFrom([&] { client.complete(ask("x", false)); });
        QVERIFY(error);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(error->reason(), Reason::Timeout);
        QCOMPARE(QString::fromUtf8(error->what()),
                 qs("no complete answer from " + server.baseUrl() + " within 300 ms (the request timeout)"));
    }

    void cancelStopsStreamPromptly()
    {
        FakeChatServer server;
        server.enqueue(Reply::streamed(std::vector<std::string>(100, "word "), 100));
        OpenAiChatClient client(profileFor(server));
        std::atomic_bool cancel{false};
        std::atomic_int deltas{0};
        auto result = std::async(std::launch::async, [&] {
            return chatErrorFrom([&] {
                client.complete(
                    ask("x"), [&](std::string_view) { ++deltas; }, &cancel);
            });
        });
        QTRY_VERIFY(deltas.load() > 0);
        QElapsedTimer timer;
        timer.start();
        cancel = true;
        QCOMPARE(result.wait_for(std::chrono::seconds(2)), std::future_status::ready);
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        const auto error = result.get();
        QVERIFY(error);
        QCOMPARE(error->reason(), Reason::Cancelled);
        QCOMPARE(error->kind(), Error::Kind::Cancelled);
        QVERIFY2(QString::fromUtf8(error->what()).startsWith(qs("chat request to " + server.baseUrl() + " cancelled")),
                 error->what());
        QVERIFY(deltas.load() < 100);
    }

    void cancelStopsWaitingForSlowServer()
    {
        FakeChatServer server;
        server.enqueue(Reply::text("slow").withDelay(20000));
        OpenAiChatClient client(profileFor(server));
        std::atomic_bool cancel{false};
        auto result = std::async(std::launch::async,
                                 [&] { return chatErrorFrom([&] { client.complete(ask("x"), {}, &cancel); }); });
        QVERIFY(server.waitForChatRequests(1));
        cancel = true;
        QCOMPARE(result.wait_for(std::chrono::seconds(2)), std::future_status::ready);
        const auto error = result.get();
        QVERIFY(error);
        QCOMPARE(error->reason(), Reason::Cancelled);
    }

    void asksAgainWithoutStreamOptionsWhenRefused()
    {
        FakeChatServer server;
        server.http().enqueue(
            FakeChatServer::kChatPath,
            Http::json(400, "{\"error\":{\"message\":\"Unrecognized request argument supplied: stream_options\"}}"));
        server.enqueue(Reply::text("fine"), 2);
        OpenAiChatClient client(profileFor(server));
        const auto first = client.complete(ask("x"));
        QCOMPARE(qs(first.message.content), QString("fine"));
        QVERIFY(first.usage.estimated); // the server was not asked for usage
        client.complete(ask("y"));
        const auto requests = server.chatRequests();
        QCOMPARE(requests.size(), std::size_t(3));
        QVERIFY(requests[0].wantsUsage());
        QVERIFY(!requests[1].body.contains("stream_options"));
        QVERIFY(!requests[2].body.contains("stream_options")); // remembered
    }

    void understandsJsonAnswerToStreamRequest()
    {
        FakeChatServer server;
        const json body = {{"choices", json::array({{{"message", {{"role", "assistant"}, {"content", "whole"}}},
                                                     {"finish_reason", "stop"}}})},
                           {"usage", {{"prompt_tokens", 4}, {"completion_tokens", 1}}}};
        server.http().enqueue(FakeChatServer::kChatPath, Http::json(200, QByteArray::fromStdString(body.dump())));
        OpenAiChatClient client(profileFor(server));
        const auto response = client.complete(ask("x"));
        QCOMPARE(qs(response.message.content), QString("whole"));
        QCOMPARE(response.usage.promptTokens, 4);
    }

    void reportsErrorEventMidStream()
    {
        FakeChatServer server;
        server.http().enqueue(
            FakeChatServer::kChatPath,
            Http::eventStream({"data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n",
                               "data: {\"error\":{\"message\":\"model overloaded\"}}\n\n"}));
        OpenAiChatClient client(profileFor(server));
        const auto error = chatErrorFrom([&] { client.complete(ask("x")); });
        QVERIFY(error);
        QCOMPARE(error->reason(), Reason::ServerError);
        QCOMPARE(QString::fromUtf8(error->what()),
                 qs("the server at " + server.baseUrl() +
                    " reported an error in the middle of the stream: model overloaded"));
    }

    void deltaCallbackExceptionPropagates()
    {
        FakeChatServer server;
        server.enqueue(Reply::text("a b c"));
        OpenAiChatClient client(profileFor(server));
        try {
            client.complete(ask("x"), [](std::string_view) { throw std::logic_error("consumer stopped"); });
            QFAIL("no exception");
        } catch (const std::logic_error& e) {
            QCOMPARE(QByteArray(e.what()), QByteArray("consumer stopped"));
        }
        server.enqueue(Reply::text("still usable"));
        QCOMPARE(qs(client.complete(ask("x")).message.content), QString("still usable"));
    }

    void refusesInvalidRequests()
    {
        const auto constructError = [](ProviderProfile profile) {
            return chatErrorFrom([&] { OpenAiChatClient client(std::move(profile)); });
        };
        auto noUrl = profileFor("");
        QCOMPARE(constructError(noUrl)->reason(), Reason::InvalidRequest);
        QVERIFY(QString::fromUtf8(constructError(noUrl)->what()).contains("OPENAI_BASE_URL"));
        QCOMPARE(constructError(profileFor("ftp://x/v1"))->kind(), Error::Kind::InvalidArgument);
        auto badKey = profileFor("http://127.0.0.1:1/v1");
        badKey.apiKey = "sk-abc\ndef";
        QVERIFY(constructError(badKey));

        auto noModel = profileFor("http://127.0.0.1:1/v1");
        noModel.model.clear();
        OpenAiChatClient client(noModel);
        const auto error = chatErrorFrom([&] { client.complete(ask("x")); });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::InvalidArgument);
        QVERIFY(QString::fromUtf8(error->what()).contains("--model or set MEMSCOPE_MODEL"));
        QVERIFY(chatErrorFrom([&] { client.complete(ChatRequest{"m", {}, {}, 0, 0, true}); }));
    }

    void requestModelOverridesProfile()
    {
        FakeChatServer server;
        server.setModels({"fake-model", "other"});
        server.setRequireKnownModel(true);
        server.setFallback(Reply::echo());
        OpenAiChatClient client(profileFor(server));
        auto request = ask("which?");
        request.model = "other";
        const auto response = client.complete(request);
        QCOMPARE(qs(response.message.content), QString("echo: which?"));
        QCOMPARE(qs(response.model), QString("other"));
        request.model = "missing";
        const auto error = chatErrorFrom([&] { client.complete(request); });
        QVERIFY(error);
        QCOMPARE(error->reason(), Reason::UnknownModel);
    }

    // The stream assembler on its own: fragment shapes that real servers send.
    void assemblerMergesToolCallFragments_data()
    {
        QTest::addColumn<QStringList>("events");
        QTest::addColumn<QString>("expected"); // JSON of [[id, name, arguments], ...]

        const auto e = [](const json& chunk) { return qs(sseEvent(chunk)); };
        QTest::addRow("OpenAI: by index")
            << QStringList{e(toolDelta({{"index", 0}, {"id", "c1"}, {"function", {{"name", "f"}, {"arguments", ""}}}})),
                           e(toolDelta(
                               {{"index", 1}, {"id", "c2"}, {"function", {{"name", "g"}, {"arguments", "{"}}}})),
                           e(toolDelta({{"index", 0}, {"function", {{"arguments", "{\"a\":"}}}})),
                           e(toolDelta({{"index", 1}, {"function", {{"arguments", "}"}}}})),
                           e(toolDelta({{"index", 0}, {"function", {{"arguments", "1}"}}}})),
                           "data: [DONE]\n\n"}
            << "[[\"c1\",\"f\",\"{\\\"a\\\":1}\"],[\"c2\",\"g\",\"{}\"]]";
        QTest::addRow("no index, new ids")
            << QStringList{e(toolDelta({{"id", "x"}, {"function", {{"name", "f"}, {"arguments", "{}"}}}})),
                           e(toolDelta({{"id", "y"}, {"function", {{"name", "g"}, {"arguments", "{\"b\""}}}})),
                           e(toolDelta({{"function", {{"arguments", ":2}"}}}})), "data: [DONE]\n\n"}
            << "[[\"x\",\"f\",\"{}\"],[\"y\",\"g\",\"{\\\"b\\\":2}\"]]";
        QTest::addRow("index 0 reused with a new id, object arguments, no id")
            << QStringList{e(toolDelta(
                               {{"index", 0}, {"id", "a"}, {"function", {{"name", "f"}, {"arguments", {{"k", 1}}}}}})),
                           e(toolDelta(
                               {{"index", 0}, {"id", "b"}, {"function", {{"name", "g"}, {"arguments", "[]"}}}})),
                           e(toolDelta({{"index", 1}, {"function", {{"name", "h"}, {"arguments", ""}}}})),
                           "data: [DONE]\n\n"}
            << "[[\"a\",\"f\",\"{\\\"k\\\":1}\"],[\"b\",\"g\",\"[]\"],[\"call_2\",\"h\",\"\"]]";
    }

    void assemblerMergesToolCallFragments()
    {
        QFETCH(QStringList, events);
        QFETCH(QString, expected);
        ChatStreamAssembler assembler("http://x/v1", nullptr);
        for (const auto& piece : events)
            assembler.feed(piece.toStdString());
        const ChatResponse response = assembler.finish();
        json calls = json::array();
        for (const auto& call : response.message.toolCalls)
            calls.push_back({call.id, call.name, call.arguments});
        JSON_COMPARE(calls, json::parse(expected.toStdString()));
        QVERIFY(assembler.sawDone());
    }

    void quoteSanitises()
    {
        QCOMPARE(qs(OpenAiChatFormat::quote("a\nb\x01\"c\"", 100)), QString("a b?'c'"));
        QCOMPARE(qs(OpenAiChatFormat::quote(std::string(200, 'x'), 10)), QString("xxxxxxxxxx..."));
        QCOMPARE(qs(OpenAiChatFormat::quote("\xff\xfeok", 10)), QString("??ok"));
        QCOMPARE(qs(OpenAiChatFormat::quote("é", 10)), QString::fromUtf8("é"));
    }
};

QTEST_GUILESS_MAIN(TestChatClient)
#include "tst_chatclient.moc"
