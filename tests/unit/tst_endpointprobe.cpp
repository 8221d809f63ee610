// Where the chat model lives: the profile taken from the environment (never showing its key), and the
// probes that list an endpoint's models and look for a local Ollama without throwing for "nothing there".
#include "FakeChatServer.h"
#include "llm/EndpointProbe.h"
#include "llm/ProviderProfile.h"

#include <QTest>

using namespace memscope;
using Http = LoopbackHttpServer::Response;

namespace {

const std::string kApiKey = "sk-proj-probe-test-1a2b3c4d5e6f";

QString qs(const std::string& s) { return QString::fromStdString(s); }

} // namespace

class TestEndpointProbe : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        for (const char* name : {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
            qunsetenv(name);
    }

    void profileFromEnvironment_data()
    {
        QTest::addColumn<QStringList>("env"); // NAME=value
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("configured");
        QTest::addRow("nothing") << QStringList{} << ""
                                 << "" << false;
        QTest::addRow("Ollama") << QStringList{"OPENAI_BASE_URL=http://localhost:11434/v1 ", "MEMSCOPE_MODEL=llama3.1"}
                                << "http://localhost:11434/v1"
                                << "llama3.1" << true;
        QTest::addRow("key alone means OpenAI")
            << QStringList{"OPENAI_API_KEY=sk-x", "OPENAI_MODEL=gpt-4o-mini"} << "https://api.openai.com/v1"
            << "gpt-4o-mini" << true;
        QTest::addRow("MEMSCOPE_MODEL wins")
            << QStringList{"OPENAI_BASE_URL=http://h/v1", "OPENAI_MODEL=a", "MEMSCOPE_MODEL=b"} << "http://h/v1"
            << "b" << true;
        QTest::addRow("no model") << QStringList{"OPENAI_BASE_URL=http://h/v1"} << "http://h/v1"
                                  << "" << false;
    }

    void profileFromEnvironment()
    {
        QFETCH(QStringList, env);
        QFETCH(QString, baseUrl);
        QFETCH(QString, model);
        QFETCH(bool, configured);
        const char* names[] = {"OPENAI_BASE_URL", "OPENAI_API_KEY", "MEMSCOPE_MODEL", "OPENAI_MODEL"};
        QHash<QByteArray, QByteArray> saved;
        for (const char* name : names) {
            if (qEnvironmentVariableIsSet(name))
                saved.insert(name, qgetenv(name));
            qunsetenv(name);
        }
        for (const auto& entry : env)
            qputenv(entry.section('=', 0, 0).toUtf8(), entry.section('=', 1).toUtf8());
        const auto profile = ProviderProfile::fromEnvironment();
        for (const char* name : names) {
            qunsetenv(name);
            if (saved.contains(name))
                qputenv(name, saved.value(name));
        }
        QCOMPARE(qs(profile.baseUrl), baseUrl);
        QCOMPARE(qs(profile.model), model);
        QCOMPARE(profile.configured(), configured);
        QVERIFY(!QString::fromStdString(profile.describe()).contains("sk-x"));
    }

    void probeListsModels()
    {
        FakeChatServer server;
        server.setModels({"llama3.1:8b", "qwen2.5:7b"});
        const auto result = EndpointProbe::listModels(server.baseUrl() + "/");
        QVERIFY2(result.ok(), result.error.c_str());
        QVERIFY(result.reachable);
        QCOMPARE(result.models, std::vector<std::string>({"llama3.1:8b", "qwen2.5:7b"}));
        QCOMPARE(qs(result.baseUrl), qs(server.baseUrl()));
        QCOMPARE(server.http().lastRequest().header("authorization"), QByteArray());
    }

    void probeNeverThrowsForNothingThere()
    {
        const std::string base = "http://127.0.0.1:" + std::to_string(LoopbackHttpServer::unusedPort()) + "/v1";
        const auto refused = EndpointProbe::listModels(base, kApiKey, 500);
        QVERIFY(!refused.reachable);
        QVERIFY(!refused.ok());

        LoopbackHttpServer server;
        server.enqueue("/v1/models",
                       Http::json(401, "{\"error\":\"bad key " + QByteArray::fromStdString(kApiKey) + "\"}"));
        server.enqueue("/v1/models", Http::text(200, "<html>hello</html>"));
        const auto auth = EndpointProbe::listModels(server.url("/v1"), kApiKey, 1000);
        QVERIFY(auth.reachable);
        QVERIFY(auth.authRequired);
        QCOMPARE(qs(auth.error), qs(server.url("/v1/models") + " refused the API key (HTTP 401)"));
        const auto html = EndpointProbe::listModels(server.url("/v1"), {}, 1000);
        QVERIFY(html.reachable);
        QVERIFY2(QString::fromStdString(html.error).contains("did not answer with a model list"), html.error.c_str());
    }

    void detectsOllama()
    {
        FakeChatServer server;
        server.setModels({"llama3.2:3b"});
        const QByteArray saved = qgetenv("OLLAMA_HOST");
        const bool had = qEnvironmentVariableIsSet("OLLAMA_HOST");
        qputenv("OLLAMA_HOST", QByteArray::fromStdString(server.ollamaHost()));
        const auto found = EndpointProbe::detectOllama();
        QCOMPARE(qs(EndpointProbe::ollamaBaseUrl()), qs(server.baseUrl()));
        qputenv("OLLAMA_HOST", "http://example.invalid");
        QCOMPARE(qs(EndpointProbe::ollamaBaseUrl()), QString("http://example.invalid:11434/v1"));
        if (had)
            qputenv("OLLAMA_HOST", saved);
        else
            qunsetenv("OLLAMA_HOST");
        QVERIFY2(found.ok(), found.error.c_str());
        QCOMPARE(found.models, std::vector<std::string>({"llama3.2:3b"}));

        // An older Ollama without /v1/models: its own /api/tags.
        server.http().enqueue("/v1/models", Http::text(404, "404 page not found"));
        const auto old = EndpointProbe::detectOllama(server.baseUrl(), 1000);
        QVERIFY2(old.ok(), old.error.c_str());
        QVERIFY(old.ollama);
        QCOMPARE(old.models, std::vector<std::string>({"llama3.2:3b"}));
    }
};

QTEST_GUILESS_MAIN(TestEndpointProbe)
#include "tst_endpointprobe.moc"
