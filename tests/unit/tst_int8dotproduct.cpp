// The vector index's dot products: the AVX2 versions (when this CPU has them) give what the plain loops
// give, at every length around the vector widths and at the int8 extremes.
#include "vector/Int8DotProduct.h"

#include <QTest>

#include <cmath>
#include <random>
#include <vector>

using namespace memscope;

class TestInt8DotProduct : public QObject {
    Q_OBJECT

private slots:
    void matchesThePlainLoops_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<bool>("extremes"); // only -128 and 127: the largest products
        for (int n : {0, 1, 7, 8, 15, 16, 17, 31, 32, 33, 48, 63, 64, 65, 256, 384, 1536}) {
            QTest::addRow("n=%d", n) << n << false;
            QTest::addRow("n=%d extremes", n) << n << true;
        }
    }

    void matchesThePlainLoops()
    {
        QFETCH(int, length);
        QFETCH(bool, extremes);
        std::mt19937 rng(static_cast<unsigned>(length) * 2 + extremes);
        std::uniform_int_distribution<int> byte(-128, 127);
        std::uniform_real_distribution<float> real(-1.f, 1.f);
        const auto n = static_cast<std::size_t>(length);
        std::vector<std::int8_t> a(n + 1), b(n + 1); // +1: never read past n
        std::vector<float> f(n + 1);
        for (std::size_t i = 0; i < n; ++i) {
            a[i] = static_cast<std::int8_t>(extremes ? -128 : byte(rng));
            b[i] = static_cast<std::int8_t>(extremes ? (i % 2 ? 127 : -128) : byte(rng));
            f[i] = real(rng);
        }
        a[n] = b[n] = 99;
        f[n] = 1e30f;
        QCOMPARE(dotInt8(a.data(), b.data(), n), dotInt8Scalar(a.data(), b.data(), n));
        const float expected = dotFloatInt8Scalar(f.data(), b.data(), n);
        const float actual = dotFloatInt8(f.data(), b.data(), n);
        // Summed in another order: equal up to float rounding.
        QVERIFY2(std::fabs(actual - expected) <= 1e-4f * (1.f + std::fabs(expected)),
                 qPrintable(QStringLiteral("%1 vs %2 (avx2 %3)").arg(actual).arg(expected).arg(int8DotUsesAvx2())));
    }

    void knownValues()
    {
        const std::int8_t a[] = {1, -2, 3, 127, -128};
        const std::int8_t b[] = {4, 5, -6, 127, -128};
        QCOMPARE(dotInt8(a, b, 5), 4 - 10 - 18 + 16129 + 16384);
        const float f[] = {0.5f, 0.25f, -1.f, 0.f, 2.f};
        QCOMPARE(dotFloatInt8(f, b, 5), 2.f + 1.25f + 6.f + 0.f - 256.f);
    }
};

QTEST_MAIN(TestInt8DotProduct)
#include "tst_int8dotproduct.moc"
