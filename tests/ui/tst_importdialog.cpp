// File → Import: the same refused lines as the CLI, cancel keeps the store consistent, and the import is
// one step on the undo stack.
#include "UiTestSupport.h"

#include <curation/CurationController.h>
#include <dialogs/ImportDialog.h>
#include <storage/Connection.h>
#include <storage/MemoryStore.h>

#include <QCheckBox>
#include <QFile>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>

using namespace memscope;
using namespace memscope::ui;
using namespace memscope::test;
using nlohmann::json;

class TestImportDialog : public QObject {
    Q_OBJECT

private slots:
    void reportsRefusedLinesLikeTheCli();
    void undoRemovesTheImport();
    void undoButtonGoesThroughTheUndoStack();
    void undoButtonWithoutCurationController();
    void cancelStopsAndKeepsCommittedBatches();
    void strictImportsNothing();

private:
    struct Fixture {
        QTemporaryDir dir;
        StoreSession session;
        std::unique_ptr<CurationController> curation;
        QString path() const { return dir.filePath(QStringLiteral("import.db")); }
    };
    static bool runImport(ImportDialog& dialog)
    {
        QSignalSpy done(&dialog, &ImportDialog::finished);
        dialog.start();
        return done.wait(60000) && done.first().first().toBool();
    }
};

void TestImportDialog::reportsRefusedLinesLikeTheCli()
{
    Fixture f;
    QVERIFY(openSession(f.session, f.path()));
    f.curation = std::make_unique<CurationController>(&f.session);
    ImportDialog dialog(&f.session, f.curation.get(), QStringLiteral(MEMSCOPE_FIXTURES_DIR "/cli_mixed.jsonl"));
    QVERIFY(runImport(dialog));
    QCOMPARE(dialog.report()->added, std::int64_t(4));
    QCOMPARE(dialog.report()->refused, std::int64_t(3));
    auto* issues = dialog.issuesTable();
    QCOMPARE(issues->rowCount(), 3);
    QCOMPARE(issues->item(0, 0)->data(Qt::DisplayRole).toLongLong(), 3LL);
    QCOMPARE(issues->item(1, 0)->data(Qt::DisplayRole).toLongLong(), 5LL);
    QCOMPARE(issues->item(2, 0)->data(Qt::DisplayRole).toLongLong(), 7LL);
    QVERIFY(issues->item(2, 1)->text().contains(QLatin1String("outcome_type")));
    // The CLI reports the same lines with the same reasons for the same file ("line N: reason" on stderr).
    const auto cli = runCli({QStringLiteral("--db"), f.dir.filePath(QStringLiteral("cli.db")), QStringLiteral("import"),
                             QStringLiteral(MEMSCOPE_FIXTURES_DIR "/cli_mixed.jsonl")});
    QStringList cliLines;
    for (const QString& line : cli.err.split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("line ")))
            cliLines << line;
    QStringList dialogLines;
    for (int row = 0; row < issues->rowCount(); ++row)
        dialogLines << QStringLiteral("line %1: %2").arg(issues->item(row, 0)->text(), issues->item(row, 1)->text());
    QCOMPARE(dialogLines, cliLines);
    QVERIFY(dialog.summary().contains(QLatin1String("4 records added")));
    // For looking at the report: MEMSCOPE_SCREENSHOT_DIR=/tmp/shots saves it as a PNG.
    if (const QString shots = qEnvironmentVariable("MEMSCOPE_SCREENSHOT_DIR"); !shots.isEmpty()) {
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.grab().save(shots + QStringLiteral("/import-report.png")));
    }
}

void TestImportDialog::undoRemovesTheImport()
{
    Fixture f;
    QVERIFY(openSession(f.session, f.path()));
    f.curation = std::make_unique<CurationController>(&f.session);
    ImportDialog dialog(&f.session, f.curation.get(), QStringLiteral(MEMSCOPE_FIXTURES_DIR "/cli_mixed.jsonl"));
    QVERIFY(runImport(dialog));
    QCOMPARE(f.session.uiStore().count(json::object()), std::int64_t(4));
    QCOMPARE(f.curation->undoStack()->count(), 1);
    f.curation->undoStack()->undo();
    QVERIFY(QTest::qWaitFor([&] { return !f.curation->isBusy(); }, 20000));
    QCOMPARE(f.session.uiStore().count(json{{"state", "active"}}), std::int64_t(0));
}

void TestImportDialog::undoButtonGoesThroughTheUndoStack()
{
    Fixture f;
    QVERIFY(openSession(f.session, f.path()));
    f.curation = std::make_unique<CurationController>(&f.session);
    ImportDialog dialog(&f.session, f.curation.get(), QStringLiteral(MEMSCOPE_FIXTURES_DIR "/cli_mixed.jsonl"));
    dialog.show();
    QVERIFY(runImport(dialog));
    QVERIFY(dialog.undoButton()->isVisible());
    QTest::mouseClick(dialog.undoButton(), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return !f.curation->isBusy(); }, 20000));
    QCOMPARE(f.session.uiStore().count(json{{"state", "active"}}), std::int64_t(0));
    QVERIFY(!dialog.undoButton()->isEnabled());
    QVERIFY(dialog.summary().contains(QLatin1String("undone")));
    QVERIFY(f.curation->undoStack()->canRedo()); // Ctrl+Shift+Z brings the import back
    f.curation->undoStack()->redo();
    QVERIFY(QTest::qWaitFor([&] { return !f.curation->isBusy(); }, 20000));
    QCOMPARE(f.session.uiStore().count(json{{"state", "active"}}), std::int64_t(4));
}

void TestImportDialog::undoButtonWithoutCurationController()
{
    Fixture f;
    QVERIFY(openSession(f.session, f.path()));
    ImportDialog dialog(&f.session, nullptr, QStringLiteral(MEMSCOPE_FIXTURES_DIR "/cli_mixed.jsonl"));
    dialog.show();
    QVERIFY(runImport(dialog));
    QCOMPARE(f.session.uiStore().count(json::object()), std::int64_t(4));
    QTest::mouseClick(dialog.undoButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.summary().contains(QLatin1String("undone")), 20000);
    QCOMPARE(f.session.uiStore().count(json{{"state", "active"}}), std::int64_t(0));
}

void TestImportDialog::cancelStopsAndKeepsCommittedBatches()
{
    Fixture f;
    // A file big enough to still be importing when Cancel comes.
    const QString file = f.dir.filePath(QStringLiteral("big.jsonl"));
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        for (int i = 0; i < 200000; ++i)
            out.write(
                QStringLiteral("{\"memory\": \"generated lesson %1 about retries and timeouts\"}\n").arg(i).toUtf8());
    }
    QVERIFY(openSession(f.session, f.path()));
    f.curation = std::make_unique<CurationController>(&f.session);
    ImportDialog dialog(&f.session, f.curation.get(), file);
    QSignalSpy done(&dialog, &ImportDialog::finished);
    dialog.start();
    // Progress counts records and the bytes read of the file's size; cancel once some batches are in.
    auto* bar = dialog.findChild<QProgressBar*>();
    QTRY_VERIFY_WITH_TIMEOUT(bar->value() > 0, 30000);
    QVERIFY2(dialog.summary().contains(QLatin1String(" read)")), qPrintable(dialog.summary()));
    dialog.cancel();
    QVERIFY(done.wait(60000));
    QVERIFY(dialog.report()->cancelled);
    const auto kept = f.session.uiStore().count(json::object());
    QCOMPARE(kept, dialog.report()->added);
    QVERIFY(kept > 0);
    QVERIFY(kept < 200000);
    auto st = f.session.uiStore().connection().prepare("PRAGMA integrity_check");
    QVERIFY(st.step());
    QCOMPARE(QString::fromStdString(st.text(0)), QStringLiteral("ok"));
}

void TestImportDialog::strictImportsNothing()
{
    Fixture f;
    QVERIFY(openSession(f.session, f.path()));
    f.curation = std::make_unique<CurationController>(&f.session);
    ImportDialog dialog(&f.session, f.curation.get(), QStringLiteral(MEMSCOPE_FIXTURES_DIR "/cli_mixed.jsonl"));
    dialog.findChild<QCheckBox*>()->setChecked(true);
    QVERIFY(runImport(dialog));
    QVERIFY(dialog.report()->rolledBack);
    QCOMPARE(f.session.uiStore().count(json::object()), std::int64_t(0));
    QCOMPARE(f.curation->undoStack()->count(), 0);
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
