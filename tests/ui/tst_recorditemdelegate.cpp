// The record table's delegate: repeated values are laid out once, a different width or font lays them out
// again, markup in a cell is drawn as text, and a cell paints the same pixels as text drawn by hand.
#include <views/RecordItemDelegate.h>

#include <QHeaderView>
#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace memscope::ui;

class TestRecordItemDelegate : public QObject {
    Q_OBJECT

private slots:
    void repeatedValuesAreLaidOutOnce_data();
    void repeatedValuesAreLaidOutOnce();
    void widthAndFontChangesLayOutAgain();
    void markupIsDrawnAsText();

private:
    static void fill(QStandardItemModel& model, const QStringList& values, int rows)
    {
        model.clear();
        model.setColumnCount(1);
        for (int r = 0; r < rows; ++r)
            model.appendRow(new QStandardItem(values[r % values.size()]));
    }
};

void TestRecordItemDelegate::repeatedValuesAreLaidOutOnce_data()
{
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("expected");
    QTest::addRow("one value") << QStringList{QStringLiteral("sql_query_debug")} << 20 << 1;
    QTest::addRow("three values") << QStringList{QStringLiteral("success"), QStringLiteral("failure"),
                                                 QStringLiteral("partial")}
                                  << 20 << 3;
    QTest::addRow("empty cells cost nothing") << QStringList{QString()} << 20 << 0;
    QTest::addRow("multi-line: the first line")
        << QStringList{QStringLiteral("first line\nsecond"), QStringLiteral("first line\nthird")} << 20 << 1;
}

void TestRecordItemDelegate::repeatedValuesAreLaidOutOnce()
{
    QFETCH(QStringList, values);
    QFETCH(int, rows);
    QFETCH(int, expected);
    QStandardItemModel model;
    fill(model, values, rows);
    QTableView view;
    auto* delegate = new RecordItemDelegate(&view);
    view.setItemDelegate(delegate);
    view.setModel(&model);
    view.resize(400, 600);
    view.grab();
    QCOMPARE(delegate->cachedTexts(), expected);
    view.grab(); // painting again reuses every layout
    QCOMPARE(delegate->cachedTexts(), expected);
}

void TestRecordItemDelegate::widthAndFontChangesLayOutAgain()
{
    QStandardItemModel model;
    fill(model, {QStringLiteral("A lesson long enough to be cut at a narrow width, and then some more words")}, 5);
    QTableView view;
    auto* delegate = new RecordItemDelegate(&view);
    view.setItemDelegate(delegate);
    view.setModel(&model);
    view.resize(600, 300);
    view.horizontalHeader()->resizeSection(0, 120);
    view.grab();
    QCOMPARE(delegate->cachedTexts(), 1);
    view.horizontalHeader()->resizeSection(0, 300); // elided elsewhere: a second layout
    view.grab();
    QCOMPARE(delegate->cachedTexts(), 2);
    QFont bigger = view.font();
    bigger.setPointSizeF(bigger.pointSizeF() * 1.5);
    view.setFont(bigger); // layouts in the old font are of no use
    view.grab();
    QCOMPARE(delegate->cachedTexts(), 1);
}

void TestRecordItemDelegate::markupIsDrawnAsText()
{
    // A cell whose text is markup shows the characters: the same pixels as the escaped text drawn plainly,
    // and not the same as the rendered markup (bold, no tags).
    const QString markup = QStringLiteral("<b>bold</b>");
    QStandardItemModel model;
    fill(model, {markup}, 1);
    QTableView view;
    view.setItemDelegate(new RecordItemDelegate(&view));
    view.setModel(&model);
    view.resize(300, 100);
    view.horizontalHeader()->resizeSection(0, 250);
    view.setCurrentIndex({});
    const QImage plain = view.grab().toImage();

    fill(model, {QStringLiteral("bold")}, 1);
    const QImage rendered = view.grab().toImage();
    QVERIFY(plain != rendered);
    // The tags are drawn: the markup cell is wider in ink than "bold" alone.
    const auto inkWidth = [](const QImage& image) {
        const QColor background = image.pixelColor(image.width() - 2, image.height() - 2);
        int left = image.width(), right = 0;
        for (int y = 25; y < 45 && y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                if (image.pixelColor(x, y) != background && image.pixelColor(x, y).value() < 128) {
                    left = std::min(left, x);
                    right = std::max(right, x);
                }
        return right - left;
    };
    QVERIFY2(inkWidth(plain) > inkWidth(rendered) + 10,
             qPrintable(QStringLiteral("%1 vs %2").arg(inkWidth(plain)).arg(inkWidth(rendered))));
}

QTEST_MAIN(TestRecordItemDelegate)
#include "tst_recorditemdelegate.moc"
