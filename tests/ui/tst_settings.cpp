// Preferences: typed values survive a restart, API keys never reach the settings file, and keys come from
// the environment when there is no keychain.
#include "FakeChatServer.h"
#include "ScopedEnv.h"

#include <dialogs/LlmEndpointEditor.h>
#include <dialogs/SettingsDialog.h>
#include <settings/ApiKeyStore.h>
#include <settings/Settings.h>

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace memscope::ui;
using memscope::FakeChatServer;

Q_DECLARE_METATYPE(QList<memscope::ui::LlmEndpoint>)

class TestSettings : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void typedRoundTrip();
    void recentDatabasesAreCappedAndUnique();
    void keysNeverReachTheSettingsFile();
    void keyFromEnvironment();
    void keySourceIsShownButNeverTheKey();
    void recentDatabasesCanBeRemovedAndCleared();
    void changingTheEmbedderOffersReembedding();
    void llmEndpoints_data();
    void llmEndpoints();
    void endpointKeysAreKeptApart();
    void endpointEditorEditsAddsAndRemoves();
    void endpointEditorListsModelsAndFindsOllama();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> open() { return open(QStringLiteral("prefs.ini")); }
    std::unique_ptr<Settings> open(const QString& file)
    {
        return std::make_unique<Settings>(std::make_unique<QSettings>(m_dir.filePath(file), QSettings::IniFormat));
    }
};

void TestSettings::initTestCase()
{
    // The suite runs without a keychain (CTest sets this); make it explicit for a manual run too.
    qputenv("MEMSCOPE_NO_KEYCHAIN", "1");
}

void TestSettings::typedRoundTrip()
{
    {
        auto s = open();
        s->setOperatorName(QStringLiteral("  dana  "));
        s->setDatabasePath(QStringLiteral("/data/agents.db"));
        s->setLlmBaseUrl(QStringLiteral("http://localhost:11434/v1"));
        s->setLlmModel(QStringLiteral("llama3.1"));
        s->setEmbedderModel(QStringLiteral("text-embedding-3-small"));
        s->setEmbedderUrl(QStringLiteral(" http://localhost:8081/v1 "));
        s->setFirstRunDone(true);
        s->setLanguage(QStringLiteral("de"));
        s->setRecordColumns(QByteArray("\x01\x02", 2));
        s->setSavedViews({SavedView{QStringLiteral("fails"), QByteArray("{}")}});
        s->sync();
    }
    auto s = open();
    QCOMPARE(s->operatorName(), QStringLiteral("dana"));
    QCOMPARE(s->databasePath(), QStringLiteral("/data/agents.db"));
    QCOMPARE(s->llmBaseUrl(), QStringLiteral("http://localhost:11434/v1"));
    QCOMPARE(s->llmModel(), QStringLiteral("llama3.1"));
    QCOMPARE(s->embedderModel(), QStringLiteral("text-embedding-3-small"));
    QCOMPARE(s->embedderUrl(), QStringLiteral("http://localhost:8081/v1"));
    QVERIFY(s->firstRunDone());
    QCOMPARE(s->language(), QStringLiteral("de"));
    QCOMPARE(s->recordColumns(), QByteArray("\x01\x02", 2));
    QCOMPARE(s->savedViews().size(), 1);
    QCOMPARE(s->savedViews().first().name, QStringLiteral("fails"));
}

void TestSettings::recentDatabasesAreCappedAndUnique()
{
    auto s = open();
    for (int i = 0; i < 12; ++i)
        s->addRecentDatabase(QStringLiteral("/tmp/db%1.db").arg(i));
    s->addRecentDatabase(QStringLiteral("/tmp/db5.db"));
    const auto recent = s->recentDatabases();
    QCOMPARE(recent.size(), 8);
    QCOMPARE(recent.first(), QStringLiteral("/tmp/db5.db"));
    QCOMPARE(recent.count(QStringLiteral("/tmp/db5.db")), 1);
}

void TestSettings::keysNeverReachTheSettingsFile()
{
    const QString secret = QStringLiteral("sk-test-THIS-MUST-NOT-BE-STORED");
    auto s = open();
    ApiKeyStore keys;
    SettingsDialog dialog(s.get(), &keys);
    QVERIFY(!dialog.llmKeyField()->isEnabled()); // no keychain: the field explains where keys go instead
    dialog.llmKeyField()->setEnabled(true);
    QTest::keyClicks(dialog.llmKeyField(), secret);
    dialog.llmUrlField()->setText(QStringLiteral("http://127.0.0.1:8080/v1"));
    QSignalSpy keyError(&dialog, &SettingsDialog::keyError);
    dialog.save();
    QTRY_COMPARE(keyError.count(), 1); // there is nowhere safe to put it, and the dialog says so
    QVERIFY(!keyError.first().first().toString().contains(secret));
    s->sync();
    QFile file(m_dir.filePath(QStringLiteral("prefs.ini")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray contents = file.readAll();
    QVERIFY(contents.contains("127.0.0.1:8080"));
    QVERIFY(!contents.contains(secret.toUtf8()));
}

void TestSettings::keyFromEnvironment()
{
    ApiKeyStore keys;
    qputenv("OPENAI_API_KEY", "sk-from-env");
    QString key;
    auto source = ApiKeyStore::Source::None;
    bool answered = false;
    keys.read(ApiKeyStore::Account::Llm, [&](const QString& k, ApiKeyStore::Source from) {
        key = k;
        source = from;
        answered = true;
    });
    QTRY_VERIFY(answered);
    QCOMPARE(key, QStringLiteral("sk-from-env"));
    QCOMPARE(source, ApiKeyStore::Source::Environment);
    QVERIFY(ApiKeyStore::describe(source, ApiKeyStore::Account::Llm).contains(QLatin1String("OPENAI_API_KEY")));
    qunsetenv("OPENAI_API_KEY");
    answered = false;
    keys.read(ApiKeyStore::Account::Llm, [&](const QString& k, ApiKeyStore::Source from) {
        key = k;
        source = from;
        answered = true;
    });
    QTRY_VERIFY(answered);
    QVERIFY(key.isEmpty());
    QCOMPARE(source, ApiKeyStore::Source::None);
}

void TestSettings::keySourceIsShownButNeverTheKey()
{
    const QByteArray secret = "sk-visible-NEVER-SHOW-ME";
    qputenv("OPENAI_API_KEY", secret);
    auto s = open();
    ApiKeyStore keys;
    SettingsDialog dialog(s.get(), &keys);
    dialog.show();
    auto labelsMention = [&](const QString& text) {
        for (auto* label : dialog.findChildren<QLabel*>())
            if (label->text().contains(text))
                return true;
        return false;
    };
    QTRY_VERIFY(labelsMention(QStringLiteral("from the environment variable OPENAI_API_KEY")));
    QVERIFY(!labelsMention(QString::fromLatin1(secret)));
    for (auto* field : dialog.findChildren<QLineEdit*>())
        QVERIFY(!field->text().contains(QString::fromLatin1(secret)));
    // Without a keychain the dialog says where keys must come from.
    QVERIFY(labelsMention(QStringLiteral("No system keychain is available")));
    qunsetenv("OPENAI_API_KEY");
}

void TestSettings::recentDatabasesCanBeRemovedAndCleared()
{
    auto s = open();
    s->clearRecentDatabases(); // earlier functions share this settings file
    s->addRecentDatabase(QStringLiteral("/tmp/a.db"));
    s->addRecentDatabase(QStringLiteral("/tmp/b.db"));
    s->removeRecentDatabase(QStringLiteral("/tmp/a.db"));
    QCOMPARE(s->recentDatabases(), QStringList{QStringLiteral("/tmp/b.db")});
    s->clearRecentDatabases();
    QVERIFY(s->recentDatabases().isEmpty());
}

void TestSettings::changingTheEmbedderOffersReembedding()
{
    auto s = open();
    s->setEmbedderModel({});
    s->setEmbedderUrl({});
    ApiKeyStore keys;
    SettingsDialog dialog(s.get(), &keys);
    dialog.show();
    auto* reembed = dialog.findChild<QPushButton*>(QStringLiteral("reembedNow"));
    QVERIFY(reembed);
    QVERIFY(!reembed->isVisible()); // nothing changed yet
    dialog.embedderChoice()->setCurrentIndex(1);
    QVERIFY(!dialog.embedderChanged()); // a remote embedder without a model is not one yet
    QTest::keyClicks(dialog.embedderModelField(), QStringLiteral("nomic-embed-text"));
    QVERIFY(dialog.embedderChanged());
    QVERIFY(reembed->isVisible());
    // For looking at the dialog: MEMSCOPE_SCREENSHOT_DIR=/tmp/shots saves it as a PNG.
    if (const QString shots = qEnvironmentVariable("MEMSCOPE_SCREENSHOT_DIR"); !shots.isEmpty()) {
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.grab().save(shots + QStringLiteral("/settings.png")));
    }
    QVERIFY(
        dialog.findChild<QLabel*>(QStringLiteral("embedderNote"))->text().contains(QLatin1String("embedded again")));
    QSignalSpy requested(&dialog, &SettingsDialog::reembedRequested);
    QTest::mouseClick(reembed, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(s->embedderModel(), QStringLiteral("nomic-embed-text"));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    // Back to the built-in one is a change too.
    SettingsDialog again(s.get(), &keys);
    again.embedderChoice()->setCurrentIndex(0);
    QVERIFY(again.embedderChanged());
}

void TestSettings::llmEndpoints_data()
{
    QTest::addColumn<QStringList>("legacy"); // llm/baseUrl, llm/model written before endpoints had names
    QTest::addColumn<QList<LlmEndpoint>>("written");
    QTest::addColumn<QString>("current");
    QTest::addColumn<QStringList>("expectedNames");
    QTest::addColumn<QString>("expectedCurrent");
    QTest::addColumn<QString>("expectedUrl");

    const LlmEndpoint ollama{QStringLiteral("Ollama"), QStringLiteral("http://localhost:11434/v1"),
                             QStringLiteral("llama3.1")};
    const LlmEndpoint openai{QStringLiteral("OpenAI"), QStringLiteral("https://api.openai.com/v1"),
                             QStringLiteral("gpt-4o-mini")};
    QTest::addRow("nothing configured") << QStringList() << QList<LlmEndpoint>() << QString() << QStringList()
                                        << QString() << QString();
    QTest::addRow("legacy settings become Default")
        << QStringList{QStringLiteral("http://127.0.0.1:8080/v1"), QStringLiteral("qwen")} << QList<LlmEndpoint>()
        << QString() << QStringList{QStringLiteral("Default")} << QStringLiteral("Default")
        << QStringLiteral("http://127.0.0.1:8080/v1");
    QTest::addRow("the named current one")
        << QStringList() << QList<LlmEndpoint>{ollama, openai} << QStringLiteral("OpenAI")
        << QStringList{QStringLiteral("Ollama"), QStringLiteral("OpenAI")} << QStringLiteral("OpenAI")
        << openai.baseUrl;
    QTest::addRow("a removed current one falls back to the first")
        << QStringList() << QList<LlmEndpoint>{ollama, openai} << QStringLiteral("vLLM")
        << QStringList{QStringLiteral("Ollama"), QStringLiteral("OpenAI")} << QStringLiteral("Ollama")
        << ollama.baseUrl;
    QTest::addRow("blank and repeated names are dropped, values trimmed")
        << QStringList()
        << QList<LlmEndpoint>{{QStringLiteral(" Ollama "), QStringLiteral(" http://localhost:11434/v1 "), {}},
                              {QStringLiteral("ollama"), QStringLiteral("http://other/v1"), {}},
                              {QStringLiteral("  "), QStringLiteral("http://blank/v1"), {}}}
        << QString() << QStringList{QStringLiteral("Ollama")} << QStringLiteral("Ollama") << ollama.baseUrl;
    QTest::addRow("written endpoints replace the legacy pair")
        << QStringList{QStringLiteral("http://127.0.0.1:8080/v1"), QStringLiteral("qwen")} << QList<LlmEndpoint>{openai}
        << QString() << QStringList{QStringLiteral("OpenAI")} << QStringLiteral("OpenAI") << openai.baseUrl;
}

void TestSettings::llmEndpoints()
{
    QFETCH(QStringList, legacy);
    QFETCH(QList<LlmEndpoint>, written);
    QFETCH(QString, current);
    QFETCH(QStringList, expectedNames);
    QFETCH(QString, expectedCurrent);
    QFETCH(QString, expectedUrl);
    const QString file =
        QStringLiteral("endpoints-%1.ini").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
    {
        QSettings raw(m_dir.filePath(file), QSettings::IniFormat);
        if (!legacy.isEmpty()) {
            raw.setValue(QStringLiteral("llm/baseUrl"), legacy.value(0));
            raw.setValue(QStringLiteral("llm/model"), legacy.value(1));
        }
    }
    {
        auto s = open(file);
        if (!written.isEmpty())
            s->setLlmEndpoints(written);
        if (!current.isEmpty())
            s->setCurrentLlmEndpoint(current);
        s->sync();
    }
    auto s = open(file); // as the next start reads them
    QStringList names;
    for (const auto& e : s->llmEndpoints())
        names << e.name;
    QCOMPARE(names, expectedNames);
    QCOMPARE(s->currentLlmEndpoint(), expectedCurrent);
    QCOMPARE(s->llmBaseUrl(), expectedUrl);
    QCOMPARE(s->llmEndpoint(expectedCurrent).baseUrl, expectedUrl);
    QCOMPARE(s->llmEndpoint(QStringLiteral("no such endpoint")).name, QString());
}

void TestSettings::endpointKeysAreKeptApart()
{
    // One keychain entry per endpoint: a key for one provider is never sent to another. The unnamed
    // endpoint and "Default" (migrated settings) keep the entry written before endpoints had names.
    const QString legacy = ApiKeyStore::keyName(ApiKeyStore::Account::Llm);
    QCOMPARE(ApiKeyStore::keyName(ApiKeyStore::Account::Llm, QStringLiteral("Default")), legacy);
    const QString ollama = ApiKeyStore::keyName(ApiKeyStore::Account::Llm, QStringLiteral("Ollama"));
    const QString openai = ApiKeyStore::keyName(ApiKeyStore::Account::Llm, QStringLiteral("OpenAI"));
    QVERIFY(ollama != openai);
    QVERIFY(ollama != legacy && openai != legacy);
    QVERIFY(ApiKeyStore::keyName(ApiKeyStore::Account::Embedder, QStringLiteral("OpenAI")) != openai);
}

void TestSettings::endpointEditorEditsAddsAndRemoves()
{
    auto s = open(QStringLiteral("editor.ini"));
    s->setLlmEndpoints(
        {{QStringLiteral("Ollama"), QStringLiteral("http://localhost:11434/v1"), QStringLiteral("llama3.1")},
         {QStringLiteral("OpenAI"), QStringLiteral("https://api.openai.com/v1"), QStringLiteral("gpt-4o")}});
    s->setCurrentLlmEndpoint(QStringLiteral("OpenAI"));
    ApiKeyStore keys;
    LlmEndpointEditor editor(s.get(), &keys);
    QCOMPARE(editor.currentName(), QStringLiteral("OpenAI"));
    QCOMPARE(editor.urlField()->text(), QStringLiteral("https://api.openai.com/v1"));
    QCOMPARE(editor.modelBox()->currentText(), QStringLiteral("gpt-4o"));

    // Editing one endpoint and switching keeps both as edited.
    editor.modelBox()->setEditText(QStringLiteral("gpt-4o-mini"));
    editor.endpointBox()->setCurrentIndex(0);
    QCOMPARE(editor.urlField()->text(), QStringLiteral("http://localhost:11434/v1"));
    editor.urlField()->setText(QStringLiteral("http://gpu-box:11434/v1"));
    QVERIFY(!editor.addEndpoint(QStringLiteral("openai"))); // names are unique, whatever the case
    QVERIFY(!editor.addEndpoint(QStringLiteral("   ")));
    QVERIFY(editor.addEndpoint(QStringLiteral("vLLM"), QStringLiteral("http://127.0.0.1:8000/v1"),
                               QStringLiteral("qwen2.5")));
    QCOMPARE(editor.currentName(), QStringLiteral("vLLM"));
    QCOMPARE(editor.urlField()->text(), QStringLiteral("http://127.0.0.1:8000/v1"));
    editor.endpointBox()->setCurrentIndex(1); // OpenAI
    editor.removeCurrent();
    QCOMPARE(editor.endpointBox()->count(), 2);

    // Nothing is written until save().
    QCOMPARE(s->llmEndpoint(QStringLiteral("OpenAI")).model, QStringLiteral("gpt-4o"));
    editor.endpointBox()->setCurrentIndex(editor.endpointBox()->findText(QStringLiteral("vLLM")));
    editor.save([](bool, const QString&) {});
    const auto saved = s->llmEndpoints();
    QCOMPARE(saved.size(), 2);
    QCOMPARE(saved[0].name, QStringLiteral("Ollama"));
    QCOMPARE(saved[0].baseUrl, QStringLiteral("http://gpu-box:11434/v1"));
    QCOMPARE(saved[0].model, QStringLiteral("llama3.1"));
    QCOMPARE(saved[1].name, QStringLiteral("vLLM"));
    QCOMPARE(saved[1].model, QStringLiteral("qwen2.5"));
    QCOMPARE(s->currentLlmEndpoint(), QStringLiteral("vLLM"));
}

void TestSettings::endpointEditorListsModelsAndFindsOllama()
{
    FakeChatServer server;
    server.setModels({"llama3.2:3b", "qwen2.5:7b"});
    memscope::test::ScopedEnv ollamaHost({{"OLLAMA_HOST", server.ollamaHost()}});
    auto s = open(QStringLiteral("probe.ini"));
    ApiKeyStore keys;
    LlmEndpointEditor editor(s.get(), &keys);
    QCOMPARE(editor.endpointBox()->count(), 0);
    QVERIFY(!editor.listModelsButton()->isEnabled()); // nothing to ask yet

    // Find Local Ollama adds it with its first model, off the UI thread.
    QSignalSpy probed(&editor, &LlmEndpointEditor::probeFinished);
    editor.findOllama();
    QTRY_COMPARE_WITH_TIMEOUT(probed.count(), 1, 10000);
    QCOMPARE(editor.currentName(), QStringLiteral("Ollama"));
    QCOMPARE(editor.urlField()->text().toStdString(), server.baseUrl());
    QCOMPARE(editor.modelBox()->currentText(), QStringLiteral("llama3.2:3b"));
    QCOMPARE(editor.modelBox()->count(), 2);

    // Found again: the same endpoint is selected, not a second one.
    editor.findOllama();
    QTRY_COMPARE_WITH_TIMEOUT(probed.count(), 2, 10000);
    QCOMPARE(editor.endpointBox()->count(), 1);

    // List Models asks the endpoint; the typed model stays.
    editor.modelBox()->setEditText(QStringLiteral("qwen2.5:7b"));
    editor.listModels();
    QTRY_COMPARE_WITH_TIMEOUT(probed.count(), 3, 10000);
    QCOMPARE(editor.modelBox()->count(), 2);
    QCOMPARE(editor.modelBox()->currentText(), QStringLiteral("qwen2.5:7b"));
    QVERIFY(editor.note()->text().contains(QLatin1String("2 model")));

    // Nothing there: the note says what to do, no endpoint is added.
    server.http().enqueue("/v1/models", memscope::LoopbackHttpServer::Response::text(500, "boom"));
    editor.listModels();
    QTRY_COMPARE_WITH_TIMEOUT(probed.count(), 4, 10000);
    QVERIFY(editor.note()->text().startsWith(QLatin1String("No model list from")));
    memscope::test::ScopedEnv nowhere({{"OLLAMA_HOST", std::string("127.0.0.1:9")}});
    editor.findOllama();
    QTRY_COMPARE_WITH_TIMEOUT(probed.count(), 5, 10000);
    QVERIFY(editor.note()->text().startsWith(QLatin1String("No Ollama answered")));
    QCOMPARE(editor.endpointBox()->count(), 1);
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
