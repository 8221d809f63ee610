#include <util/Time.h>

#include <QTest>

using namespace memscope;

class TestTime : public QObject {
    Q_OBJECT
private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("micros");
        QTest::addRow("date only") << "1970-01-02" << true << qint64(86400000000LL);
        QTest::addRow("utc Z") << "2023-05-08T13:56:00Z" << true << qint64(1683554160000000LL);
        QTest::addRow("no zone is utc") << "2023-05-08T13:56:00" << true << qint64(1683554160000000LL);
        QTest::addRow("space separator") << "2023-05-08 13:56:00Z" << true << qint64(1683554160000000LL);
        QTest::addRow("minutes only") << "2023-05-08T13:56" << true << qint64(1683554160000000LL);
        QTest::addRow("negative offset") << "2023-05-08T06:56:00-07:00" << true << qint64(1683554160000000LL);
        QTest::addRow("positive offset no colon") << "2023-05-08T15:56:00+0200" << true << qint64(1683554160000000LL);
        QTest::addRow("micro fraction") << "2023-05-08T13:56:00.123456Z" << true << qint64(1683554160123456LL);
        QTest::addRow("milli fraction") << "2023-05-08T13:56:00.5Z" << true << qint64(1683554160500000LL);
        QTest::addRow("leap day") << "2024-02-29" << true << qint64(1709164800000000LL);
        QTest::addRow("before epoch") << "1969-12-31T23:59:59Z" << true << qint64(-1000000LL);
        QTest::addRow("not a leap day") << "2023-02-29" << false << qint64(0);
        QTest::addRow("month 13") << "2023-13-01" << false << qint64(0);
        QTest::addRow("words") << "yesterday" << false << qint64(0);
        QTest::addRow("trailing junk") << "2023-05-08T13:56:00Zjunk" << false << qint64(0);
        QTest::addRow("empty") << "" << false << qint64(0);
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, micros);
        const auto t = parseIsoTime(text.toStdString());
        QCOMPARE(t.has_value(), valid);
        if (valid)
            QCOMPARE(*t, micros);
    }

    void roundTrip_data()
    {
        QTest::addColumn<qint64>("micros");
        QTest::addRow("epoch") << qint64(0);
        QTest::addRow("whole seconds") << qint64(1683554160000000LL);
        QTest::addRow("fraction") << qint64(1683554160000001LL);
        QTest::addRow("negative fraction") << qint64(-1LL);
        QTest::addRow("far future") << qint64(32503680000000000LL);
    }
    void roundTrip()
    {
        QFETCH(qint64, micros);
        const auto text = formatIsoTime(micros);
        QCOMPARE(parseIsoTime(text).value_or(-42), micros);
    }

    void format()
    {
        QCOMPARE(formatIsoTime(1683554160000000LL), std::string("2023-05-08T13:56:00Z"));
        QCOMPARE(formatIsoTime(1683554160123456LL), std::string("2023-05-08T13:56:00.123456Z"));
    }

    void epochNumbers_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<qint64>("micros");
        QTest::addRow("seconds") << 1683554160.0 << qint64(1683554160000000LL);
        QTest::addRow("fractional seconds") << 1683554160.25 << qint64(1683554160250000LL);
        QTest::addRow("milliseconds") << 1683554160123.0 << qint64(1683554160123000LL);
        QTest::addRow("microseconds") << 1683554160123456.0 << qint64(1683554160123456LL);
    }
    void epochNumbers()
    {
        QFETCH(double, value);
        QFETCH(qint64, micros);
        QCOMPARE(microsFromEpochNumber(value), micros);
    }

    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("micros");
        QTest::addRow("days") << "30d" << qint64(30LL * 86400 * 1000000);
        QTest::addRow("hours") << "12h" << qint64(12LL * 3600 * 1000000);
        QTest::addRow("weeks") << "2w" << qint64(14LL * 86400 * 1000000);
        QTest::addRow("minutes") << "90m" << qint64(90LL * 60 * 1000000);
        QTest::addRow("no unit") << "30" << qint64(-1);
        QTest::addRow("bad unit") << "3y" << qint64(-1);
        QTest::addRow("negative") << "-3d" << qint64(-1);
    }
    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, micros);
        const auto d = parseDuration(text.toStdString());
        QCOMPARE(d.value_or(-1), micros);
    }
};

QTEST_GUILESS_MAIN(TestTime)
#include "tst_time.moc"
