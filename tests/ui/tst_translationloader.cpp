// TranslationLoader: the .qm files are embedded under :/i18n, an explicit language loads its translation, English
// needs none, and the Preferences dialog says that a new language applies at the next start.
#include <dialogs/SettingsDialog.h>
#include <settings/ApiKeyStore.h>
#include <settings/Settings.h>
#include <settings/TranslationLoader.h>

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace memscope::ui;

class TestTranslationLoader : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void embedded_data();
    void embedded();
    void loadsLanguage_data();
    void loadsLanguage();
    void englishNeedsNoTranslation();
    void unknownLanguageLoadsNothing();
    void preferencesNoteTheRestart();

private:
    void removeTranslators();

    QLocale m_defaultLocale;
};

void TestTranslationLoader::initTestCase() { m_defaultLocale = QLocale(); }

void TestTranslationLoader::removeTranslators()
{
    // Each translator is a child of the application; deleting one uninstalls it.
    qDeleteAll(qApp->findChildren<QTranslator*>(Qt::FindDirectChildrenOnly));
}

void TestTranslationLoader::cleanup()
{
    removeTranslators();
    QLocale::setDefault(m_defaultLocale);
}

void TestTranslationLoader::embedded_data()
{
    QTest::addColumn<QString>("language");
    QTest::addRow("de") << QStringLiteral("de");
    QTest::addRow("zh_CN") << QStringLiteral("zh_CN");
}

void TestTranslationLoader::embedded()
{
    QFETCH(QString, language);
    const QString path = QStringLiteral(":/i18n/memscope_") + language + QStringLiteral(".qm");
    QVERIFY2(QFile::exists(path), qPrintable(path));
    QTranslator translator;
    QVERIFY(translator.load(path));
    QCOMPARE(translator.language(), language);
}

void TestTranslationLoader::loadsLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<QString>("records");
    QTest::addRow("de") << QStringLiteral("de") << QStringLiteral("&Datei") << QStringLiteral("Erkenntnis")
                        << QStringLiteral("3 Einträge importieren");
    QTest::addRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("文件(&F)") << QStringLiteral("经验")
                           << QStringLiteral("导入 3 条记录");
}

void TestTranslationLoader::loadsLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, file);
    QFETCH(QString, lesson);
    QFETCH(QString, records);
    QVERIFY(TranslationLoader::install(*qApp, language));
    QCOMPARE(QCoreApplication::translate("memscope::ui::MainWindow", "&File"), file);
    QCOMPARE(QCoreApplication::translate("RecordTableModel", "Lesson"), lesson);
    QCOMPARE(QCoreApplication::translate("memscope::ui::ImportDialog", "Import %n record(s)", nullptr, 3), records);
    QCOMPARE(QLocale().name(), QLocale(language).name());
}

void TestTranslationLoader::englishNeedsNoTranslation()
{
    QVERIFY(!TranslationLoader::install(*qApp, QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("memscope::ui::MainWindow", "&File"), QStringLiteral("&File"));
}

void TestTranslationLoader::unknownLanguageLoadsNothing()
{
    QVERIFY(!TranslationLoader::install(*qApp, QStringLiteral("fr")));
    QCOMPARE(QCoreApplication::translate("memscope::ui::MainWindow", "&File"), QStringLiteral("&File"));
}

void TestTranslationLoader::preferencesNoteTheRestart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Settings settings(std::make_unique<QSettings>(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat));
    settings.setLanguage(QStringLiteral("de"));
    ApiKeyStore keys;
    SettingsDialog dialog(&settings, &keys);
    dialog.show();
    auto* note = dialog.findChild<QLabel*>(QStringLiteral("languageNote"));
    QVERIFY(note);
    QVERIFY(!note->isVisible());
    QComboBox* combo = nullptr;
    for (auto* box : dialog.findChildren<QComboBox*>())
        if (box->findData(QStringLiteral("zh_CN")) >= 0)
            combo = box;
    QVERIFY(combo);
    QCOMPARE(combo->currentData().toString(), QStringLiteral("de"));
    combo->setCurrentIndex(combo->findData(QStringLiteral("zh_CN")));
    QVERIFY(note->isVisible());
    combo->setCurrentIndex(combo->findData(QStringLiteral("de")));
    QVERIFY(!note->isVisible());
}

QTEST_MAIN(TestTranslationLoader)
#include "tst_translationloader.moc"
