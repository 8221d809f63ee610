// The translations in translations/*.ts: every message translated (nothing unfinished, obsolete, vanished or
// empty), the placeholders of the source kept, the plural forms the language needs, and every tr() string of
// ui/ and app/gui/ present (lupdate is run over the sources into a temporary file and compared).
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

namespace {

struct Message {
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;             // the <translation> type attribute: unfinished, obsolete, vanished or empty
    QStringList translations; // the text, or one entry per <numerusform>
};

struct TsFile {
    QString language;
    QList<Message> messages;
    QString error;
};

QString sourceRoot() { return QDir::cleanPath(QStringLiteral(MEMSCOPE_FIXTURES_DIR "/../..")); }

QString tsPath(const QString& language)
{
    return sourceRoot() + QStringLiteral("/translations/memscope_") + language + QStringLiteral(".ts");
}

TsFile readTs(const QString& path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = file.errorString();
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            ts.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message{};
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (message.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == QLatin1String("numerusform"))
                        message.translations << xml.readElementText();
                    else
                        xml.skipCurrentElement();
                }
            } else {
                message.translations << xml.readElementText();
            }
            ts.messages << message;
        }
    }
    if (xml.hasError())
        ts.error = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
    return ts;
}

// %1..%9 and %n (also in their %L forms), sorted: a translation must use exactly the source's.
QStringList placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%L?([1-9]|n)"));
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.insert(QLatin1Char('%') + it.next().captured(1));
    QStringList list(found.begin(), found.end());
    std::sort(list.begin(), list.end());
    return list;
}

QString key(const Message& m)
{
    QString k = m.context + QStringLiteral(" | ") + m.source;
    if (!m.comment.isEmpty())
        k += QStringLiteral(" | ") + m.comment;
    return k;
}

QSet<QString> keys(const QList<Message>& messages)
{
    QSet<QString> set;
    for (const auto& m : messages)
        set.insert(key(m));
    return set;
}

QString listed(QStringList lines)
{
    std::sort(lines.begin(), lines.end());
    return lines.join(QLatin1Char('\n'));
}

QString findLupdate()
{
    for (const auto location : {QLibraryInfo::BinariesPath, QLibraryInfo::LibraryExecutablesPath}) {
        const QString candidate = QLibraryInfo::path(location) + QStringLiteral("/lupdate");
        if (QFileInfo(candidate).isExecutable())
            return candidate;
    }
    for (const auto name : {"lupdate-qt6", "lupdate6"}) {
        const QString found = QStandardPaths::findExecutable(QString::fromLatin1(name));
        if (!found.isEmpty())
            return found;
    }
    return {};
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void complete_data();
    void complete();
    void current_data();
    void current();
    void placeholderCheckCatchesMistakes();
};

void TestTranslations::complete_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("pluralForms");
    QTest::addRow("de") << QStringLiteral("de") << 2;
    QTest::addRow("zh_CN") << QStringLiteral("zh_CN") << 1;
}

void TestTranslations::complete()
{
    QFETCH(QString, language);
    QFETCH(int, pluralForms);
    const TsFile ts = readTs(tsPath(language));
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QCOMPARE(ts.language, language);
    QVERIFY(ts.messages.size() > 100);

    QStringList problems;
    for (const auto& m : ts.messages) {
        const QString where = key(m);
        if (!m.type.isEmpty())
            problems << QStringLiteral("%1: translation is %2").arg(where, m.type);
        if (m.numerus && m.translations.size() != pluralForms)
            problems << QStringLiteral("%1: %2 plural forms instead of %3")
                            .arg(where)
                            .arg(m.translations.size())
                            .arg(pluralForms);
        if (m.translations.isEmpty())
            problems << QStringLiteral("%1: no translation").arg(where);
        for (const auto& text : m.translations) {
            if (text.trimmed().isEmpty())
                problems << QStringLiteral("%1: empty translation").arg(where);
            else if (placeholders(text) != placeholders(m.source))
                problems << QStringLiteral("%1: placeholders %2 in the source but %3 in the translation \"%4\"")
                                .arg(where, placeholders(m.source).join(QLatin1Char(',')),
                                     placeholders(text).join(QLatin1Char(',')), text);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 message(s) in memscope_%2.ts need work:\n%3")
                                                .arg(problems.size())
                                                .arg(language, listed(problems))));
}

void TestTranslations::current_data()
{
    QTest::addColumn<QString>("language");
    QTest::addRow("de") << QStringLiteral("de");
    QTest::addRow("zh_CN") << QStringLiteral("zh_CN");
}

// The .ts files hold exactly the strings lupdate finds in ui/ and app/gui/ now: a new tr() string without a
// translation, or a translation whose string is gone, fails here (run the update_translations target).
void TestTranslations::current()
{
    QFETCH(QString, language);
    const QString lupdate = findLupdate();
    if (lupdate.isEmpty())
        QSKIP("lupdate (Qt Linguist tools) is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fresh = dir.filePath(QStringLiteral("fresh_") + language + QStringLiteral(".ts"));
    QProcess process;
    process.setWorkingDirectory(sourceRoot());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(lupdate, {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                            QStringLiteral("-silent"), QStringLiteral("ui"), QStringLiteral("app/gui"),
                            QStringLiteral("-ts"), fresh});
    QVERIFY2(process.waitForFinished(300000), qPrintable(process.errorString()));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, process.readAll().constData());

    const TsFile found = readTs(fresh);
    QVERIFY2(found.error.isEmpty(), qPrintable(found.error));
    QVERIFY(found.messages.size() > 100);
    const TsFile committed = readTs(tsPath(language));
    QVERIFY2(committed.error.isEmpty(), qPrintable(committed.error));

    const QSet<QString> inSources = keys(found.messages);
    const QSet<QString> inTs = keys(committed.messages);
    const QSet<QString> missing = QSet<QString>(inSources).subtract(inTs);
    const QSet<QString> stale = QSet<QString>(inTs).subtract(inSources);
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("memscope_%1.ts lacks %2 string(s) of the sources (build the "
                                                          "update_translations target and translate them):\n%3")
                                               .arg(language)
                                               .arg(missing.size())
                                               .arg(listed(missing.values()))));
    QVERIFY2(stale.isEmpty(),
             qPrintable(QStringLiteral("memscope_%1.ts has %2 string(s) no longer in the sources (build the "
                                       "update_translations target):\n%3")
                            .arg(language)
                            .arg(stale.size())
                            .arg(listed(stale.values()))));
}

// The checks above must be able to fail: a lost placeholder and an unfinished entry are seen.
void TestTranslations::placeholderCheckCatchesMistakes()
{
    QCOMPARE(placeholders(QStringLiteral("%1 records written to %2")), QStringList({"%1", "%2"}));
    QCOMPARE(placeholders(QStringLiteral("%n record(s) of %L1")), QStringList({"%1", "%n"}));
    QVERIFY(placeholders(QStringLiteral("%1 Einträge")) != placeholders(QStringLiteral("%1 records of %2")));
    QVERIFY(placeholders(QStringLiteral("100% sicher")).isEmpty());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("broken.ts"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE TS>\n<TS version=\"2.1\" language=\"de\">\n"
               "<context><name>Ctx</name>\n"
               "<message><source>Open</source><translation type=\"unfinished\"></translation></message>\n"
               "<message numerus=\"yes\"><source>%n file(s)</source><translation>"
               "<numerusform>%n Datei</numerusform><numerusform>%n Dateien</numerusform></translation></message>\n"
               "</context>\n</TS>\n");
    file.close();
    const TsFile ts = readTs(path);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QCOMPARE(ts.language, QStringLiteral("de"));
    QCOMPARE(ts.messages.size(), 2);
    QCOMPARE(ts.messages[0].type, QStringLiteral("unfinished"));
    QCOMPARE(ts.messages[0].translations, QStringList({QString()}));
    QVERIFY(ts.messages[1].numerus);
    QCOMPARE(ts.messages[1].translations, QStringList({"%n Datei", "%n Dateien"}));
    QCOMPARE(key(ts.messages[1]), QStringLiteral("Ctx | %n file(s)"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
