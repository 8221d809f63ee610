// Preferences: typed values survive a restart, API keys never reach the settings file, and keys come from
// the environment when there is no keychain.
#include <dialogs/SettingsDialog.h>
#include <settings/ApiKeyStore.h>
#include <settings/Settings.h>

#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace memscope::ui;

class TestSettings : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void typedRoundTrip();
    void recentDatabasesAreCappedAndUnique();
    void keysNeverReachTheSettingsFile();
    void keyFromEnvironment();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> open()
    {
        return std::make_unique<Settings>(
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("prefs.ini")), QSettings::IniFormat));
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

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
