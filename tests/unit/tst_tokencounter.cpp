#include "TestStore.h"
#include "llm/TokenCounter.h"

#include <QTest>

using namespace memscope;

namespace {

bool validUtf8(const std::string& text)
{
    const QByteArray bytes = QByteArray::fromStdString(text);
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

} // namespace

class TestTokenCounter : public QObject {
    Q_OBJECT

private slots:
    // Reference counts are cl100k_base (GPT-4) tokenizations; the estimate must stay near them.
    void estimateIsNearRealCounts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("reference");
        QTest::addRow("one word") << "hello" << 1;
        QTest::addRow("sentence") << "The quick brown fox jumps over the lazy dog." << 10;
        QTest::addRow("lesson") << "Pinned the pg driver to 3.1; the SSL handshake timeouts stopped." << 16;
        QTest::addRow("paragraph")
            << "Before the next similar task the agent retrieves the relevant successes and failures and puts them "
               "in the prompt. Memscope stores a short lesson after each task: what worked, what failed, and why."
            << 41;
        QTest::addRow("code") << "for (int i = 0; i < n; ++i) { total += values[i]; }" << 22;
        QTest::addRow("json") << "{\"outcome_type\": \"failure\", \"task_type\": \"sql_query_debug\", \"severity\": 3}"
                              << 24;
        QTest::addRow("CJK") << QString::fromUtf8("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe6\x96\x87"
                                                  "\xe7\xab\xa0\xe3\x81\xa7\xe3\x81\x99")
                             << 8;
    }

    void estimateIsNearRealCounts()
    {
        QFETCH(QString, text);
        QFETCH(int, reference);
        const int estimate = TokenCounter::estimate(text.toStdString());
        const double low = reference * 0.65, high = reference * 1.35 + 1;
        QVERIFY2(estimate >= low && estimate <= high,
                 qPrintable(QStringLiteral("estimate %1, reference %2").arg(estimate).arg(reference)));
    }

    void emptyIsZeroAndNonEmptyIsNot()
    {
        QCOMPARE(TokenCounter::estimate(std::string_view()), 0);
        QCOMPARE(TokenCounter::estimate(" "), 1);
        QCOMPARE(TokenCounter::estimate("."), 1);
        QCOMPARE(TokenCounter::estimate("\xff\xfe"), 1); // broken UTF-8 still counts, and does not crash
    }

    void growsWithTheText()
    {
        std::string text;
        int previous = 0;
        for (int i = 0; i < 200; ++i) {
            text += i % 7 == 0 ? "values[i]; " : "word ";
            const int now = TokenCounter::estimate(text);
            QVERIFY2(now >= previous, qPrintable(QString::number(i)));
            previous = now;
        }
        QVERIFY(previous > 200 && previous < 400);
    }

    void countsChatFraming()
    {
        const std::vector<ChatMessage> messages = {ChatMessage::user("hello")};
        QCOMPARE(TokenCounter::estimate(messages), TokenCounter::kReplyPriming + TokenCounter::kPerMessageOverhead + 1);
        ChatRequest request;
        request.messages = messages;
        const int withoutTools = TokenCounter::estimate(request);
        request.tools = {{"search_memory",
                          "Search the lessons of earlier tasks.",
                          {{"type", "object"}, {"properties", {{"query", {{"type", "string"}}}}}}}};
        QVERIFY(TokenCounter::estimate(request) > withoutTools + 15);
        const ChatMessage call = ChatMessage::assistant("", {{"call_1", "search_memory", "{\"query\":\"ssl\"}"}});
        QVERIFY(TokenCounter::estimate(call) > TokenCounter::kPerMessageOverhead + 5);
    }

    void truncateFitsTheBudget_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("budget");
        const QString prose = QString("Every lesson is a short text about one task. ").repeated(40);
        QTest::addRow("prose 50") << prose << 50;
        QTest::addRow("prose 1") << prose << 1;
        QTest::addRow("accents") << QString::fromUtf8("caf\xc3\xa9 cr\xc3\xa8me br\xc3\xbbl\xc3\xa9\x65 ").repeated(30)
                                 << 17;
        QTest::addRow("CJK") << QString::fromUtf8("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e").repeated(50) << 20;
        QTest::addRow("one long word") << QString(3000, 'x') << 100;
    }

    void truncateFitsTheBudget()
    {
        QFETCH(QString, text);
        QFETCH(int, budget);
        const std::string full = text.toStdString();
        const std::string cut = TokenCounter::truncate(full, budget);
        QVERIFY2(TokenCounter::estimate(cut) <= budget, qPrintable(QString::number(TokenCounter::estimate(cut))));
        QVERIFY(full.starts_with(cut));
        QVERIFY(validUtf8(cut));
        QVERIFY2(TokenCounter::estimate(cut) >= budget * 0.6,
                 qPrintable(QString::number(TokenCounter::estimate(cut)))); // not cut far shorter than needed
    }

    void truncateKeepsWhatFits()
    {
        QCOMPARE(TokenCounter::truncate("short text", 100), std::string("short text"));
        QCOMPARE(TokenCounter::truncate("anything", 0), std::string());
        const std::string cut = TokenCounter::truncate(std::string("alpha beta gamma delta ").append(200, 'e'), 5);
        QVERIFY2(!cut.empty() && cut.back() != ' ', cut.c_str());
    }
};

QTEST_GUILESS_MAIN(TestTokenCounter)
#include "tst_tokencounter.moc"
