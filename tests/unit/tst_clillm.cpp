// memscope-cli llm-check against the loopback FakeChatServer.
#include "CliTestSupport.h"
#include "FakeChatServer.h"
#include "ScopedEnv.h"

#include <QTest>

#include <map>
#include <optional>

using namespace memscope;
using namespace memscope::test;
using Reply = FakeChatReply;

namespace {

const std::string kApiKey = "sk-cli-test-0a1b2c3d4e5f";

std::string unusedBaseUrl() { return "http://127.0.0.1:" + std::to_string(LoopbackHttpServer::unusedPort()) + "/v1"; }

QString qs(const std::string& s) { return QString::fromStdString(s); }

} // namespace

class TestCliLlm : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        for (const char* name : {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
            qunsetenv(name);
        qunsetenv("OPENAI_MODEL");
    }

    void checksTheConfiguredEndpoint()
    {
        FakeChatServer server;
        server.setModels({"fake-model", "other"});
        server.setApiKey(kApiKey);
        server.enqueue(Reply::streamed({"po", "ng"}, 20));
        ScopedEnv env(
            {{"OPENAI_BASE_URL", server.baseUrl()}, {"OPENAI_API_KEY", kApiKey}, {"MEMSCOPE_MODEL", "fake-model"}});
        CliDb db;
        const auto r = db.run({"llm-check"});
        CLI_EXPECT(r, 0);
        QVERIFY2(r.out.contains(qs("endpoint:  " + server.baseUrl())), qPrintable(r.out));
        QVERIFY2(r.out.contains("models:    2 listed in "), qPrintable(r.out));
        QVERIFY2(r.out.contains("fake-model, other"), qPrintable(r.out));
        QVERIFY2(r.out.contains("reply:     pong  [stop]"), qPrintable(r.out));
        QVERIFY2(r.out.contains(" ms, first token after "), qPrintable(r.out));
        QVERIFY2(r.out.contains("(streamed)"), qPrintable(r.out));
        QVERIFY2(r.out.endsWith("OK\n"), qPrintable(r.out));
        QVERIFY(!(r.out + r.err).contains(qs(kApiKey)));

        const auto request = server.lastChatRequest();
        QCOMPARE(qs(request.model()), QString("fake-model"));
        QCOMPARE(qs(request.lastUserMessage()), QString("Reply with the single word: pong"));
        QVERIFY(request.stream());
        QCOMPARE(request.authorization, QByteArray::fromStdString("Bearer " + kApiKey));
        QVERIFY(!QFile::exists(db.path())); // no database needed, none created
    }

    void optionsOverrideTheEnvironment()
    {
        FakeChatServer server;
        server.setModels({"fake-model", "other"});
        server.enqueue(Reply::text("pong").withoutUsage());
        ScopedEnv env(
            {{"OPENAI_BASE_URL", unusedBaseUrl()}, {"OPENAI_API_KEY", std::nullopt}, {"MEMSCOPE_MODEL", "x"}});
        CliDb db;
        const auto r =
            db.run({"llm-check", "--base-url", qs(server.baseUrl()), "--model", "other", "--no-stream", "--json"});
        CLI_EXPECT(r, 0);
        const json out = parseJson(r.out);
        QVERIFY2(out.is_object(), qPrintable(r.out));
        JSON_COMPARE(out["ok"], true);
        JSON_COMPARE(out["base_url"], server.baseUrl());
        JSON_COMPARE(out["model"], "other");
        JSON_COMPARE(out["models"], json::array({"fake-model", "other"}));
        JSON_COMPARE(out["reply"], "pong");
        JSON_COMPARE(out["streamed"], false);
        JSON_COMPARE(out["usage"]["estimated"], true);
        QVERIFY(out["latency_ms"].is_number_integer());
        QCOMPARE(qs(server.lastChatRequest().model()), QString("other"));
        QVERIFY(!server.lastChatRequest().stream());
    }

    void usesTheFirstListedModelWhenNoneIsSet()
    {
        FakeChatServer server;
        server.setModels({"first-model", "second"});
        server.setFallback(Reply::echo());
        ScopedEnv env({{"OPENAI_BASE_URL", server.baseUrl()}, {"MEMSCOPE_MODEL", std::nullopt}});
        CliDb db;
        const auto r = db.run({"llm-check", "--prompt", "say hi"});
        CLI_EXPECT(r, 0);
        QVERIFY2(r.out.contains("model:     first-model  -- no model configured"), qPrintable(r.out));
        QVERIFY2(r.out.contains("reply:     echo: say hi"), qPrintable(r.out));
    }

    void explainsHowToConfigure_data()
    {
        QTest::addColumn<bool>("ollamaRunning");
        QTest::addRow("local Ollama running") << true;
        QTest::addRow("nothing running") << false;
    }

    void explainsHowToConfigure()
    {
        QFETCH(bool, ollamaRunning);
        FakeChatServer ollama;
        ollama.setModels({"llama3.2:3b"});
        const std::string host =
            ollamaRunning ? ollama.ollamaHost() : "127.0.0.1:" + std::to_string(LoopbackHttpServer::unusedPort());
        ScopedEnv env({{"OPENAI_BASE_URL", std::nullopt},
                       {"OPENAI_API_KEY", std::nullopt},
                       {"MEMSCOPE_MODEL", std::nullopt},
                       {"OLLAMA_HOST", host}});
        CliDb db;
        const auto r = db.run({"llm-check"});
        CLI_EXPECT(r, 1);
        QVERIFY2(r.err.contains("No LLM endpoint configured"), qPrintable(r.err));
        QVERIFY2(r.err.contains("export OPENAI_BASE_URL=http://localhost:11434/v1"), qPrintable(r.err));
        QVERIFY2(r.err.contains("MEMSCOPE_MODEL"), qPrintable(r.err));
        const QString base = qs("http://" + host + "/v1");
        if (ollamaRunning) {
            QVERIFY2(r.err.contains("A local Ollama is running at " + base + " with 1 model: llama3.2:3b"),
                     qPrintable(r.err));
            QVERIFY2(r.err.contains("export OPENAI_BASE_URL=" + base + " MEMSCOPE_MODEL=llama3.2:3b"),
                     qPrintable(r.err));
        } else {
            QVERIFY2(r.err.contains("No local Ollama answers at " + base), qPrintable(r.err));
        }
        QCOMPARE(ollama.chatRequestCount(), 0);

        const auto j = db.run({"llm-check", "--json"});
        CLI_EXPECT(j, 1);
        const json out = parseJson(j.out);
        JSON_COMPARE(out["configured"], false);
        JSON_COMPARE(out["ollama"]["running"], ollamaRunning);
        JSON_COMPARE(out["error"]["reason"], "not_configured");
    }

    void reportsFailuresClearly_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("expected"); // %1 = the base URL
        QTest::addColumn<QString>("reason");
        QTest::addRow("bad key") << "bad key"
                                 << "memscope-cli: the endpoint refused the API key (HTTP 401 from %1)"
                                 << "auth";
        QTest::addRow("unknown model") << "unknown model"
                                       << "memscope-cli: unknown model 'nope' at %1"
                                       << "unknown_model";
        QTest::addRow("refused") << "refused"
                                 << "memscope-cli: could not connect to %1 (is the server running?)"
                                 << "unreachable";
        QTest::addRow("garbage")
            << "garbage"
            << "memscope-cli: malformed event in the stream from %1: not a JSON object (first bytes: "
            << "malformed";
    }

    void reportsFailuresClearly()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, expected);
        QFETCH(QString, reason);
        FakeChatServer server;
        server.setModels({"fake-model"});
        std::string base = server.baseUrl();
        std::string model = "fake-model";
        if (scenario == "bad key")
            server.setApiKey("sk-the-right-one");
        if (scenario == "unknown model") {
            server.setRequireKnownModel(true);
            model = "nope";
        }
        if (scenario == "refused")
            base = unusedBaseUrl();
        if (scenario == "garbage")
            server.setFallback(Reply::garbage("<html>502 Bad Gateway</html>"));
        ScopedEnv env({{"OPENAI_BASE_URL", base}, {"OPENAI_API_KEY", kApiKey}, {"MEMSCOPE_MODEL", model}});
        CliDb db;
        const auto r = db.run({"llm-check", "--retries", "0"});
        CLI_EXPECT(r, 1);
        QVERIFY2(r.err.contains(expected.arg(qs(base))), qPrintable(r.err));
        QVERIFY(!(r.out + r.err).contains(qs(kApiKey)));

        const auto j = db.run({"llm-check", "--retries", "0", "--json"});
        CLI_EXPECT(j, 1);
        const json out = parseJson(j.out);
        QVERIFY2(out.is_object(), qPrintable(j.out));
        JSON_COMPARE(out["ok"], false);
        JSON_COMPARE(out["error"]["reason"], reason.toStdString());
        QVERIFY(!j.out.contains(qs(kApiKey)));
    }
};

QTEST_GUILESS_MAIN(TestCliLlm)
#include "tst_clillm.moc"
