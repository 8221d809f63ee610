// History rows as readable plain-text changes: field by field, metadata key by key, lesson text as a word diff.
#include <models/HistoryDiff.h>

#include <nlohmann/json.hpp>

#include <QTest>

using namespace memscope::ui;
using nlohmann::json;

class TestHistoryDiff : public QObject {
    Q_OBJECT

private slots:
    void describe_data();
    void describe();
    void wordDiff_data();
    void wordDiff();
};

void TestHistoryDiff::describe_data()
{
    QTest::addColumn<QString>("oldValue");
    QTest::addColumn<QString>("newValue");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("relabel") << "{\"outcome_type\": \"success\"}"
                             << "{\"outcome_type\": \"failure\"}" << QStringList{"outcome_type: success → failure"};
    QTest::addRow("state") << "{\"state\": \"active\"}"
                           << "{\"state\": \"archived\"}" << QStringList{"state: active → archived"};
    QTest::addRow("metadata keys") << "{\"metadata\": {\"a\": 1, \"b\": \"x\"}}"
                                   << "{\"metadata\": {\"a\": 2, \"c\": true}}"
                                   << QStringList{"metadata.a: 1 → 2", "metadata.b: x → ∅", "metadata.c: ∅ → true"};
    QTest::addRow("text") << "{\"memory\": \"use the pg driver\"}"
                          << "{\"memory\": \"use the new pg driver\"}"
                          << QStringList{"memory: use the {+new+} pg driver"};
    QTest::addRow("markup stays text") << "{\"memory\": \"<b>bold</b>\"}"
                                       << "{\"memory\": \"<i>it</i>\"}"
                                       << QStringList{"memory: [-<b>bold</b>-] {+<i>it</i>+}"};
    QTest::addRow("unchanged") << "{\"user_id\": \"a\"}"
                               << "{\"user_id\": \"a\"}" << QStringList{};
}

void TestHistoryDiff::describe()
{
    QFETCH(QString, oldValue);
    QFETCH(QString, newValue);
    QFETCH(QStringList, expected);
    QCOMPARE(HistoryDiff::describe(json::parse(oldValue.toStdString()), json::parse(newValue.toStdString())), expected);
}

void TestHistoryDiff::wordDiff_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("expected");
    QTest::addRow("same") << "a b c"
                          << "a b c"
                          << "a b c";
    QTest::addRow("replace") << "retry three times"
                             << "retry five times"
                             << "retry [-three-] {+five+} times";
    QTest::addRow("delete at end") << "a b c"
                                   << "a b"
                                   << "a b [-c-]";
    QTest::addRow("from empty") << ""
                                << "new text"
                                << "{+new text+}";
}

void TestHistoryDiff::wordDiff()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, expected);
    QCOMPARE(HistoryDiff::wordDiff(before, after), expected);
}

QTEST_MAIN(TestHistoryDiff)
#include "tst_historydiff.moc"
