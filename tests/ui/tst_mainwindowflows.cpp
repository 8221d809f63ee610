// The File and Help menus driven like an operator would: a damaged or newer-version file opened from
// Open Recent is explained and the recent list keeps working, the empty store's welcome leads to the demo,
// a file imported from the welcome page fills the table, export reports its count and path in the status
// bar, another process's change appears with the selection kept, and About names the versions.
#include "MainWindowFixture.h"

#include <dialogs/AboutDialog.h>
#include <dialogs/ExportDialog.h>
#include <dialogs/ImportDialog.h>
#include <models/RecordTableModel.h>
#include <settings/Settings.h>
#include <storage/Connection.h>
#include <storage/MemoryStore.h>
#include <util/Versions.h>
#include <views/MainWindow.h>
#include <views/RecordsView.h>
#include <views/StartPage.h>

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

using namespace memscope;
using namespace memscope::ui;
using namespace memscope::test;
using nlohmann::json;

class TestMainWindowFlows : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void problemFromRecentThenRecentStillWorks_data();
    void problemFromRecentThenRecentStillWorks();
    void missingRecentFileIsNotCreated();
    void emptyStoreWelcomeThenDemoFromFileMenu();
    void importFromTheWelcomePage();
    void exportReportsCountAndPath();
    void externalRelabelAppearsAndSelectionStays();
    void aboutNamesTheVersions();

private:
    QTemporaryDir m_dir;
    QString m_demo;
};

void TestMainWindowFlows::initTestCase()
{
    m_demo = m_dir.filePath(QStringLiteral("demo.db"));
    QCOMPARE(writeDemo(m_demo.toStdString(), 800), std::int64_t(800));
}

void TestMainWindowFlows::problemFromRecentThenRecentStillWorks_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("headline");
    QTest::addRow("garbage bytes") << "corrupt"
                                   << "This database is damaged";
    QTest::addRow("newer schema") << "newer"
                                  << "This database is from a newer Memscope";
}

void TestMainWindowFlows::problemFromRecentThenRecentStillWorks()
{
    QFETCH(QString, kind);
    QFETCH(QString, headline);
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("good.db"));
    QVERIFY(QFile::copy(m_demo, good));
    const QString bad = dir.filePath(QStringLiteral("bad.db"));
    writeProblemDatabase(bad, kind);
    QVERIFY(!QTest::currentTestFailed());
    const QByteArray before = fileContents(bad);
    MainWindowFixture w(dir.path(), {bad, good});
    w.window.openDatabase(good);
    QVERIFY(w.idle());
    QVERIFY(w.window.recordsView()->isVisible());

    // File → Open Recent → the problem file: explained on the start page, the file left as it was.
    QAction* openBad = w.action(QStringLiteral("File"), QDir::toNativeSeparators(bad));
    QVERIFY(openBad && openBad->isEnabled());
    openBad->trigger();
    QVERIFY(w.idle());
    QCOMPARE(w.window.startPage()->headline(), headline);
    QVERIFY(w.window.startPage()->isVisible());
    bool offersAnother = false;
    for (auto* b : w.window.startPage()->findChildren<QPushButton*>())
        offersAnother |= b->isVisible() && b->text() == QStringLiteral("Open another database…");
    QVERIFY(offersAnother);
    QCOMPARE(fileContents(bad), before);
    QCOMPARE(w.settings.recentDatabases().first(), QDir::cleanPath(good)); // a failed open is not "recent"

    // The recent list still works: back to the good store.
    QAction* openGood = w.action(QStringLiteral("File"), QDir::toNativeSeparators(good));
    QVERIFY(openGood);
    openGood->trigger();
    QVERIFY(w.idle());
    QTRY_VERIFY(w.window.recordsView()->isVisible());
    QCOMPARE(w.window.recordsView()->model()->rowCount(), 800);
}

void TestMainWindowFlows::missingRecentFileIsNotCreated()
{
    QTemporaryDir dir;
    const QString gone = dir.filePath(QStringLiteral("gone.db"));
    MainWindowFixture w(dir.path(), {gone});
    QAction* entry =
        w.action(QStringLiteral("File"), QStringLiteral("%1 (missing)").arg(QDir::toNativeSeparators(gone)));
    QVERIFY(entry);
    QVERIFY(!entry->isEnabled());
    entry->trigger(); // disabled: nothing happens, and no empty store appears in its place
    QVERIFY(!QFile::exists(gone));
}

void TestMainWindowFlows::emptyStoreWelcomeThenDemoFromFileMenu()
{
    QTemporaryDir dir;
    MainWindowFixture w(dir.path());
    w.window.openDatabase(dir.filePath(QStringLiteral("empty.db")));
    QVERIFY(w.idle());
    QCOMPARE(w.window.startPage()->headline(), QStringLiteral("This memory store is empty"));
    QAction* demo = w.action(QStringLiteral("File"), QStringLiteral("Load Demo History"));
    QVERIFY(demo);
    demo->trigger();
    // The demo history takes minutes on a loaded 2-core machine; a problem would show on the start page.
    QTRY_VERIFY2_WITH_TIMEOUT(
        w.window.recordsView()->isVisible(),
        qPrintable(w.window.startPage()->headline() + QLatin1Char(' ') + w.window.startPage()->detail()), 120000);
    QVERIFY(w.idle());
    QVERIFY(w.window.recordsView()->model()->rowCount() > 1000);
    QVERIFY(w.window.statusBar()->currentMessage().contains(QLatin1String("Demo history loaded")));
}

void TestMainWindowFlows::importFromTheWelcomePage()
{
    QTemporaryDir dir;
    MainWindowFixture w(dir.path());
    w.window.openDatabase(dir.filePath(QStringLiteral("empty.db")));
    QVERIFY(w.idle());
    QCOMPARE(w.window.startPage()->headline(), QStringLiteral("This memory store is empty"));
    w.window.importFile(QStringLiteral(MEMSCOPE_FIXTURES_DIR "/cli_mixed.jsonl"));
    auto* dialog = w.window.findChild<ImportDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QSignalSpy finished(dialog, &ImportDialog::finished);
    QPushButton* start = nullptr;
    for (auto* b : dialog->findChildren<QPushButton*>())
        if (b->text() == QLatin1String("Import"))
            start = b;
    QVERIFY(start);
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    QCOMPARE(dialog->report()->added, std::int64_t(4));
    // The views refresh: the four records are in the table behind the report.
    QTRY_VERIFY(w.window.recordsView()->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(w.window.recordsView()->model()->rowCount(), 4, 10000);
    dialog->close();
}

void TestMainWindowFlows::exportReportsCountAndPath()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("export.db"));
    QVERIFY(QFile::copy(m_demo, path));
    MainWindowFixture w(dir.path());
    w.window.openDatabase(path);
    QVERIFY(w.idle());
    QAction* exportAction = w.action(QStringLiteral("File"), QStringLiteral("Export…"));
    QVERIFY(exportAction);
    exportAction->trigger();
    auto* dialog = w.window.findChild<ExportDialog*>();
    QVERIFY(dialog);
    const QString out = dir.filePath(QStringLiteral("out.jsonl"));
    dialog->exportTo(out);
    QTRY_VERIFY_WITH_TIMEOUT(w.window.statusBar()->currentMessage().contains(QDir::toNativeSeparators(out)), 30000);
    QVERIFY(w.window.statusBar()->currentMessage().contains(QLatin1String("800")));
    QCOMPARE(fileContents(out).count('\n'), 800);
}

void TestMainWindowFlows::externalRelabelAppearsAndSelectionStays()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("external.db"));
    QVERIFY(QFile::copy(m_demo, path));
    MainWindowFixture w(dir.path());
    w.window.openDatabase(path);
    QVERIFY(w.idle());
    auto* view = w.window.recordsView();
    auto* model = view->model();
    int row = 0;
    while (model->index(row, RecordTableModel::OutcomeColumn).data(RecordTableModel::OutcomeRole).toString() !=
           QLatin1String("success"))
        ++row;
    const QString chosen = model->recordId(row);
    view->selectIds({chosen});

    // Another process (the CLI, an agent) relabels the selected record through its own connection.
    auto other = MemoryStore::open(path.toStdString());
    QCOMPARE(other->relabel({chosen.toStdString()}, OutcomeType::Failure), 1);
    const auto outcomeOf = [&] {
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->recordId(r) == chosen)
                return model->index(r, RecordTableModel::OutcomeColumn).data(RecordTableModel::OutcomeRole).toString();
        return QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(outcomeOf(), QStringLiteral("failure"), 10000);
    QVERIFY(w.idle());
    QCOMPARE(view->selectedIds(), QStringList{chosen});
}

void TestMainWindowFlows::aboutNamesTheVersions()
{
    const QString text = AboutDialog::versionsText();
    QVERIFY2(text.contains(QString::fromLatin1(qVersion())), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("SQLite ") + QString::fromStdString(Versions::sqlite())));
    QVERIFY(!QString::fromStdString(Versions::sqlite()).isEmpty());
    QVERIFY(!QString::fromStdString(Versions::curl()).isEmpty());
    QVERIFY(text.contains(QLatin1String("hnswlib ")));

    // Help → About opens it on top of the window.
    QTemporaryDir dir;
    MainWindowFixture w(dir.path());
    QAction* about = w.action(QStringLiteral("Help"), QStringLiteral("About Memscope"));
    QVERIFY(about);
    QString shown;
    QTimer closer; // the dialog is modal: look at it and close it from inside its event loop
    closer.setInterval(20);
    connect(&closer, &QTimer::timeout, this, [&] {
        if (auto* dialog = qobject_cast<AboutDialog*>(QApplication::activeModalWidget())) {
            shown = dialog->findChild<QLabel*>(QStringLiteral("aboutVersions"))->text();
            dialog->reject();
        }
    });
    closer.start();
    about->trigger();
    closer.stop();
    QCOMPARE(shown, text);
}

QTEST_MAIN(TestMainWindowFlows)
#include "tst_mainwindowflows.moc"
