// The context diff model of two runs (sound under QAbstractItemModelTester through resets): one row per
// memory either run retrieved, in the comparison's order, with the change, both ranks ("cut" where the
// memory did not fit the budget), outcome and scores; memory text as plain text (escaped in tooltips); the
// memory id role; rows only one side has are tinted, differently, over the palette's base. And the dialog
// over a comparison: the fact grid with signed, coloured deltas, the different-task notice, both answers as
// plain text, a double-click on a memory asking for its record.
#include "RunFixtures.h"

#include <dialogs/RunCompareDialog.h>
#include <models/RunComparisonModel.h>
#include <widgets/ErrorBanner.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace memscope;
using namespace memscope::ui;
using namespace memscope::test;

namespace {

const char* const kHtml = "<b>x</b> & <i>y</i>";

// A: m1, m2, m3 (m3 cut). B: m3 (now used), m4, m1 — m2 dropped, m4 new, m1 and m3 moved.
RunComparison sampleComparison()
{
    RunTrace a = fixtureTrace({.id = "run_a", .memoryIds = {"m1", "m2", "m3"}, .memoryText = kHtml});
    RunTrace b = fixtureTrace({.id = "run_b", .outcome = "failure", .memoryIds = {"m3", "m4", "m1"}});
    b.retrieved[0].used = true;
    b.retrieved[2].used = false;
    b.promptTokens = 450;
    b.completionTokens = 95;
    b.latencyMs = 900;
    b.sections = {{"system", 40}, {"task", 30}};
    b.memory = false;
    b.output = "<i>not bold</i> answer";
    return RunComparison::compare(a, b);
}

} // namespace

class TestRunCompareModel : public QObject {
    Q_OBJECT

private slots:
    void rowsFollowTheDiff();
    void cells_data();
    void cells();
    void textIsPlainAndTooltipsEscaped();
    void tintsDifferPerSide();
    void resetsAreSound();
    void dialogShowsFactsAndDeltas_data();
    void dialogShowsFactsAndDeltas();
    void dialogWarnsAboutDifferentTasks_data();
    void dialogWarnsAboutDifferentTasks();
    void dialogOpensRecordsAndDeletesOnClose();
};

void TestRunCompareModel::rowsFollowTheDiff()
{
    RunComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const RunComparison c = sampleComparison();
    model.setChanges(c.context);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(RunComparisonModel::ColumnCount));
    // Best rank first: m1 (1/3), m3 (3/1) — ties keep both-kept before only-one-side —, m2 (2/–), m4 (–/2).
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        ids << model.memoryId(row);
        QCOMPARE(model.index(row, RunComparisonModel::TextColumn).data(RunComparisonModel::MemoryIdRole).toString(),
                 model.memoryId(row));
    }
    QCOMPARE(ids, (QStringList{"m1", "m3", "m2", "m4"}));
    QCOMPARE(model.index(0, 0).data(RunComparisonModel::KindRole).toInt(), int(ContextChange::Kind::Both));
    QCOMPARE(model.index(2, 0).data(RunComparisonModel::KindRole).toInt(), int(ContextChange::Kind::OnlyA));
    QCOMPARE(model.index(3, 0).data(RunComparisonModel::KindRole).toInt(), int(ContextChange::Kind::OnlyB));
    QVERIFY(model.index(0, 0).data(RunComparisonModel::RankMovedRole).toBool());
    QVERIFY(!model.index(2, 0).data(RunComparisonModel::RankMovedRole).toBool());
    QVERIFY(model.memoryId(4).isEmpty());
    QVERIFY(!model.change(-1));
}

void TestRunCompareModel::cells_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("expected");
    const auto add = [](const char* name, int row, int column, const char* expected) {
        QTest::addRow("%s", name) << row << column << QString::fromUtf8(expected);
    };
    add("moved down: change", 0, RunComparisonModel::ChangeColumn, "↓ down 2");
    add("moved down: rank A", 0, RunComparisonModel::RankAColumn, "L1");
    add("moved down: rank B, cut", 0, RunComparisonModel::RankBColumn, "L3 (cut)");
    add("moved up: change", 1, RunComparisonModel::ChangeColumn, "↑ up 2");
    add("moved up: rank A, cut", 1, RunComparisonModel::RankAColumn, "L3 (cut)");
    add("only A: change", 2, RunComparisonModel::ChangeColumn, "− only A");
    add("only A: rank B", 2, RunComparisonModel::RankBColumn, "—");
    add("only A: score A", 2, RunComparisonModel::ScoreAColumn, "0.500");
    add("only A: score B", 2, RunComparisonModel::ScoreBColumn, "—");
    add("only B: change", 3, RunComparisonModel::ChangeColumn, "+ only B");
    add("only B: rank B", 3, RunComparisonModel::RankBColumn, "L2");
    add("only B: outcome", 3, RunComparisonModel::OutcomeColumn, "Failure");
    add("both: outcome", 0, RunComparisonModel::OutcomeColumn, "Success");
}

void TestRunCompareModel::cells()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, expected);
    RunComparisonModel model;
    model.setChanges(sampleComparison().context);
    const QModelIndex index = model.index(row, column);
    QCOMPARE(index.data().toString(), expected);
    QVERIFY(!index.data(Qt::ToolTipRole).toString().isEmpty() || column == RunComparisonModel::OutcomeColumn);
}

void TestRunCompareModel::textIsPlainAndTooltipsEscaped()
{
    RunComparisonModel model;
    model.setChanges(sampleComparison().context);
    const QModelIndex text = model.index(0, RunComparisonModel::TextColumn);
    QVERIFY2(text.data().toString().startsWith(QString::fromLatin1(kHtml)), qPrintable(text.data().toString()));
    const QString tip = text.data(Qt::ToolTipRole).toString();
    QVERIFY2(!tip.contains(QStringLiteral("<b>x")) && tip.contains(QStringLiteral("&lt;b&gt;x&lt;/b&gt; &amp;")),
             qPrintable(tip));
    QVERIFY(tip.contains(QStringLiteral("m1")));
    QVERIFY(model.index(0, RunComparisonModel::RankBColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("did not fit")));
    QVERIFY(!model.headerData(RunComparisonModel::RankAColumn, Qt::Horizontal).toString().isEmpty());
    QVERIFY(!model.headerData(RunComparisonModel::RankAColumn, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
}

void TestRunCompareModel::tintsDifferPerSide()
{
    const QPalette saved = QApplication::palette();
    for (const QColor base : {QColor(Qt::white), QColor(0x1f, 0x21, 0x24)}) { // light and dark palettes
        QPalette p = saved;
        p.setColor(QPalette::Base, base);
        QApplication::setPalette(p);
        RunComparisonModel model;
        model.setChanges(sampleComparison().context);
        const QVariant kept = model.index(0, RunComparisonModel::TextColumn).data(Qt::BackgroundRole);
        const QColor onlyA = model.index(2, RunComparisonModel::TextColumn).data(Qt::BackgroundRole).value<QColor>();
        const QColor onlyB = model.index(3, RunComparisonModel::TextColumn).data(Qt::BackgroundRole).value<QColor>();
        QVERIFY(!kept.isValid()); // memories both kept look like any row
        QVERIFY(onlyA.isValid() && onlyB.isValid());
        QVERIFY(onlyA != onlyB);
        QVERIFY(onlyA.redF() > onlyA.greenF());
        QVERIFY(onlyB.greenF() > onlyB.redF());
        // A wash over the base, never far from it: the palette's text stays readable.
        QVERIFY2(std::abs(onlyA.lightnessF() - base.lightnessF()) < 0.2, qPrintable(onlyA.name()));
        QVERIFY2(std::abs(onlyB.lightnessF() - base.lightnessF()) < 0.2, qPrintable(onlyB.name()));
        QCOMPARE(model.index(2, RunComparisonModel::ChangeColumn).data(Qt::ForegroundRole).value<QColor>(),
                 RunComparisonModel::changeColor(ContextChange::Kind::OnlyA));
    }
    QApplication::setPalette(saved);
}

void TestRunCompareModel::resetsAreSound()
{
    RunComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setChanges(sampleComparison().context);
    model.setChanges({});
    QCOMPARE(model.rowCount(), 0);
    model.setChanges(sampleComparison().context);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(reset.count(), 3);
}

void TestRunCompareModel::dialogShowsFactsAndDeltas_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("quality");
    QTest::addRow("latency, faster") << RunCompareDialog::kLatency << "−334 ms" << 1;
    QTest::addRow("prompt tokens, fewer") << RunCompareDialog::kPromptTokens << "−150" << 1;
    QTest::addRow("completion tokens, more") << RunCompareDialog::kCompletionTokens << "+15" << -1;
    QTest::addRow("outcome, worse") << RunCompareDialog::kOutcome << "worse" << -1;
    QTest::addRow("lessons section, gone") << "section:lessons"
                                           << "−120" << 1;
    QTest::addRow("system section, same") << "section:system"
                                          << "0" << 0;
    QTest::addRow("memory changed") << "memory"
                                    << "changed" << 0;
    QTest::addRow("model same") << "model"
                                << "" << 0;
}

void TestRunCompareModel::dialogShowsFactsAndDeltas()
{
    QFETCH(QString, key);
    QFETCH(QString, text);
    QFETCH(int, quality);
    RunCompareDialog dialog(sampleComparison());
    dialog.show();
    QLabel* delta = dialog.deltaLabel(key);
    QVERIFY2(delta, qPrintable(key));
    QCOMPARE(delta->text(), text);
    QCOMPARE(RunCompareDialog::deltaQuality(delta), quality);
    QVERIFY(!dialog.taskNotice()->isVisible()); // same task
    QCOMPARE(dialog.diffModel()->rowCount(), 4);
    QVERIFY(dialog.diffSummary()->text().contains(
        QStringLiteral("Only run A retrieved 1, only run B 1, both 2 (2 of them")));
    QCOMPARE(dialog.outputA()->toPlainText(), QStringLiteral("SELECT name FROM t WHERE v > 1;"));
    QCOMPARE(dialog.outputB()->toPlainText(), QStringLiteral("<i>not bold</i> answer"));
    QVERIFY(dialog.outputA()->isReadOnly() && dialog.outputB()->isReadOnly());
    // Every label shows plain text, whatever it holds.
    for (const QLabel* label : dialog.findChildren<QLabel*>())
        if (!label->text().isEmpty())
            QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->objectName() + ": " + label->text()));
}

void TestRunCompareModel::dialogWarnsAboutDifferentTasks_data()
{
    QTest::addColumn<QString>("taskB");
    QTest::addColumn<bool>("warned");
    QTest::addRow("same task") << "q01" << false;
    QTest::addRow("other task") << "q07" << true;
}

void TestRunCompareModel::dialogWarnsAboutDifferentTasks()
{
    QFETCH(QString, taskB);
    QFETCH(bool, warned);
    const RunComparison c = RunComparison::compare(fixtureTrace({.id = "run_a"}),
                                                   fixtureTrace({.id = "run_b", .taskId = taskB.toStdString()}));
    RunCompareDialog dialog(c);
    dialog.show();
    QCOMPARE(dialog.taskNotice()->isVisible(), warned);
    if (warned) {
        QCOMPARE(dialog.taskNotice()->level(), ErrorBanner::Level::Warning);
        QVERIFY(dialog.taskNotice()->text().contains(taskB));
        QCOMPARE(dialog.deltaLabel(QStringLiteral("task"))->text(), QStringLiteral("changed"));
    }
    QVERIFY(dialog.diffSummary()->text().contains(QStringLiteral("Neither run retrieved")));
}

void TestRunCompareModel::dialogOpensRecordsAndDeletesOnClose()
{
    QPointer<RunCompareDialog> dialog = new RunCompareDialog(sampleComparison());
    QVERIFY(dialog->testAttribute(Qt::WA_DeleteOnClose));
    QVERIFY(!dialog->isModal());
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QSignalSpy open(dialog.data(), &RunCompareDialog::openRecordRequested);
    QTableView* view = dialog->diffView();
    const QModelIndex cell = view->model()->index(3, RunComparisonModel::TextColumn);
    view->scrollTo(cell);
    const QPoint centre = view->visualRect(cell).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, centre);
    QTRY_COMPARE(open.count(), 1);
    QCOMPARE(open.first().at(0).toString(), QStringLiteral("m4"));
    dialog->close();
    QTRY_VERIFY(dialog.isNull());
}

QTEST_MAIN(TestRunCompareModel)
#include "tst_runcomparemodel.moc"
