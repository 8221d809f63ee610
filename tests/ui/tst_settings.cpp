// Preferences: typed values survive a restart, API keys never reach the settings file, and keys come from
// the environment when there is no keychain.
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

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
