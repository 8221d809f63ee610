// Action icons: every embedded SVG renders, in the palette's text colour (disabled and highlighted modes in
// theirs), at the device pixel ratio asked for, so they stay sharp on high-DPI screens and readable in dark
// mode.
#include <widgets/ActionIcons.h>
#include <widgets/TintedIconEngine.h>

#include <QApplication>
#include <QImage>
#include <QPalette>
#include <QPixmap>
#include <QTest>

using namespace memscope::ui;

namespace {

// The colour of the most opaque pixel: the drawing's own colour, not an anti-aliased edge.
QColor inkOf(const QImage& image, int* covered)
{
    QColor best(Qt::transparent);
    *covered = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() > 0)
                ++*covered;
            if (c.alpha() > best.alpha())
                best = c;
        }
    return best;
}

} // namespace

class TestActionIcons : public QObject {
    Q_OBJECT

private slots:
    void rendersInThePaletteColour_data();
    void rendersInThePaletteColour();
    void unknownNameIsNull();
};

void TestActionIcons::rendersInThePaletteColour_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<qreal>("scale");
    for (const char* name : {"import", "export", "open", "undo", "redo", "archive", "restore", "delete", "edit",
                             "tags", "clean", "preferences"}) {
        QTest::addRow("%s, light, 1x", name) << QString::fromLatin1(name) << false << qreal(1);
        QTest::addRow("%s, dark, 2x", name) << QString::fromLatin1(name) << true << qreal(2);
    }
}

void TestActionIcons::rendersInThePaletteColour()
{
    QFETCH(QString, name);
    QFETCH(bool, dark);
    QFETCH(qreal, scale);
    const QPalette saved = QApplication::palette();
    QPalette p = saved;
    p.setColor(QPalette::WindowText, dark ? QColor(0xe6, 0xe6, 0xe6) : QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    QApplication::setPalette(p);
    const QIcon icon = ActionIcons::icon(name.toLatin1().constData());
    QVERIFY(!icon.isNull());
    for (QIcon::Mode mode : {QIcon::Normal, QIcon::Disabled}) {
        auto* engine = new TintedIconEngine(QStringLiteral(":/icons/actions/%1.svg").arg(name));
        const QPixmap pixmap = engine->scaledPixmap(QSize(20, 20), mode, QIcon::Off, scale);
        delete engine;
        QCOMPARE(pixmap.size(), QSize(int(20 * scale), int(20 * scale)));
        QCOMPARE(pixmap.devicePixelRatio(), scale);
        int covered = 0;
        const QColor ink = inkOf(pixmap.toImage(), &covered);
        QVERIFY2(covered > int(20 * scale), "the icon drew (almost) nothing");
        const QColor expected = TintedIconEngine::colourFor(mode);
        QCOMPARE(ink.rgb() & 0xffffff, expected.rgb() & 0xffffff);
    }
    QApplication::setPalette(saved);
}

void TestActionIcons::unknownNameIsNull() { QVERIFY(ActionIcons::icon("no-such-icon").isNull()); }

QTEST_MAIN(TestActionIcons)
#include "tst_actionicons.moc"
