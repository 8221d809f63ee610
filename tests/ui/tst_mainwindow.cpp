// The whole window offscreen, driven like an operator would: problems opening a file are explained, an
// empty store offers the demo, a facet click narrows the table, keyboard relabel and undo, and another
// process's write appears while the selection stays.
#include "MainWindowFixture.h"

#include <curation/CurationController.h>
#include <models/FacetModel.h>
#include <models/FilterState.h>
#include <models/RecordTableModel.h>
#include <settings/Settings.h>
#include <storage/Connection.h>
#include <storage/MemoryStore.h>
#include <views/FacetSidebar.h>
#include <views/MainWindow.h>
#include <views/QueryBar.h>
#include <views/RecordTableView.h>
#include <views/RecordsView.h>
#include <views/StartPage.h>

#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QStackedWidget>
#include <QTreeView>
#include <QUndoStack>

using namespace memscope;
using namespace memscope::ui;
using namespace memscope::test;
using nlohmann::json;

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void problemsAreExplained_data();
    void problemsAreExplained();
    void emptyStoreOffersTheDemo();
    void facetClickNarrowsTheTable();
    void keyboardRelabelAndUndo();
    void typingDoesNotRelabel();
    void externalWriteAppearsAndSelectionStays();

private:
    QTemporaryDir m_dir;
    QString m_demo;
};

void TestMainWindow::initTestCase()
{
    m_demo = m_dir.filePath(QStringLiteral("demo.db"));
    QCOMPARE(writeDemo(m_demo.toStdString(), 1500), std::int64_t(1500));
}

void TestMainWindow::problemsAreExplained_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("headline");
    QTest::addRow("corrupt") << "corrupt"
                             << "This database is damaged";
    QTest::addRow("newer schema") << "newer"
                                  << "This database is from a newer Memscope";
    QTest::addRow("another application") << "foreign"
                                         << "This is not a Memscope database";
}

void TestMainWindow::problemsAreExplained()
{
    QFETCH(QString, kind);
    QFETCH(QString, headline);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("problem.db"));
    writeProblemDatabase(path, kind);
    QVERIFY(!QTest::currentTestFailed());
    const QByteArray before = fileContents(path);
    MainWindowFixture w(dir.path());
    w.window.openDatabase(path);
    QVERIFY(w.idle());
    QCOMPARE(w.window.startPage()->headline(), headline);
    QVERIFY(w.window.startPage()->isVisible());
    QCOMPARE(fileContents(path), before); // explained, never changed
}

void TestMainWindow::emptyStoreOffersTheDemo()
{
    QTemporaryDir dir;
    MainWindowFixture w(dir.path());
    w.window.openDatabase(dir.filePath(QStringLiteral("empty.db")));
    QVERIFY(w.idle());
    QCOMPARE(w.window.startPage()->headline(), QStringLiteral("This memory store is empty"));
    emit w.window.startPage()->loadDemoRequested();
    QTRY_VERIFY_WITH_TIMEOUT(w.window.recordsView()->isVisible(),
                             240000); // the demo history: minutes on a loaded 2-core machine
    QVERIFY(w.idle());
    QVERIFY(w.window.recordsView()->model()->rowCount() > 1000);
}

void TestMainWindow::facetClickNarrowsTheTable()
{
    MainWindowFixture w(m_dir.path());
    w.window.openDatabase(m_demo);
    QVERIFY(w.idle());
    auto* facets = w.window.facets();
    // Find the task_type group and its first value, then click it as the operator would.
    const int group = int(FacetModel::fields().indexOf(QStringLiteral("task_type")));
    const QModelIndex value = facets->index(0, 0, facets->index(group, 0));
    QVERIFY(value.isValid());
    const QString task = value.data(FacetModel::ValueRole).toString();
    const qint64 count = value.data(FacetModel::CountRole).toLongLong();
    auto* tree = w.window.findChild<FacetSidebar*>()->tree();
    const QRect rect = tree->visualRect(value);
    QVERIFY(!rect.isEmpty());
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(w.window.filters()->selected(QStringLiteral("task_type")), QStringList{task});
    QVERIFY(w.idle());
    auto* model = w.window.recordsView()->model();
    QCOMPARE(qint64(model->rowCount()), count);
    QCOMPARE(qint64(model->rowCount()),
             w.session.uiStore().count(json{{"task_type", task.toStdString()}, {"state", "active"}}));
    for (int row = 0; row < model->rowCount(); row += 37)
        QCOMPARE(model->index(row, RecordTableModel::TaskTypeColumn).data().toString(), task);
    // Clicking again widens back to everything.
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                      tree->visualRect(facets->index(0, 0, facets->index(group, 0))).center());
    QVERIFY(w.idle());
    QCOMPARE(model->rowCount(), 1500);
}

void TestMainWindow::keyboardRelabelAndUndo()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("keys.db"));
    QVERIFY(QFile::copy(m_demo, path));
    MainWindowFixture w(dir.path());
    w.window.openDatabase(path);
    QVERIFY(w.idle());
    auto* table = w.window.recordsView()->table();
    auto* model = w.window.recordsView()->model();
    table->setFocus();
    // Find a success and move to it with the keyboard.
    int row = 0;
    while (model->index(row, RecordTableModel::OutcomeColumn).data(RecordTableModel::OutcomeRole).toString() !=
           QLatin1String("success"))
        ++row;
    table->setCurrentIndex(model->index(0, RecordTableModel::MemoryColumn));
    for (int i = 0; i < row; ++i)
        QTest::keyClick(table, Qt::Key_Down);
    const QString id = model->recordId(row);
    QCOMPARE(w.window.recordsView()->selectedIds(), QStringList{id});
    QTest::keyClick(table, Qt::Key_F);
    QVERIFY(w.idle());
    QCOMPARE(w.session.uiStore().require(id.toStdString()).metaString("outcome_type"), std::string("failure"));
    const auto history = w.session.uiStore().history(id.toStdString());
    QCOMPARE(QString::fromStdString(history.back().actor), QStringLiteral("human:tester"));
    // The table follows and the record stays current.
    QTRY_COMPARE(model->index(table->currentIndex().row(), RecordTableModel::OutcomeColumn)
                     .data(RecordTableModel::OutcomeRole)
                     .toString(),
                 QStringLiteral("failure"));
    QCOMPARE(model->recordId(table->currentIndex().row()), id);
    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(w.idle());
    QCOMPARE(w.session.uiStore().require(id.toStdString()).metaString("outcome_type"), std::string("success"));
    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(w.idle());
    QCOMPARE(w.session.uiStore().require(id.toStdString()).metaString("outcome_type"), std::string("failure"));
}

void TestMainWindow::typingDoesNotRelabel()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("typing.db"));
    QVERIFY(QFile::copy(m_demo, path));
    MainWindowFixture w(dir.path());
    w.window.openDatabase(path);
    QVERIFY(w.idle());
    auto* table = w.window.recordsView()->table();
    table->setCurrentIndex(w.window.recordsView()->model()->index(0, RecordTableModel::MemoryColumn));
    auto* search = w.window.findChild<QueryBar*>()->searchField();
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("sfpu"));
    QCOMPARE(search->text(), QStringLiteral("sfpu"));
    QVERIFY(w.idle());
    QCOMPARE(w.window.curation()->undoStack()->count(), 0);
}

void TestMainWindow::externalWriteAppearsAndSelectionStays()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("external.db"));
    QVERIFY(QFile::copy(m_demo, path));
    MainWindowFixture w(dir.path());
    w.window.openDatabase(path);
    QVERIFY(w.idle());
    auto* view = w.window.recordsView();
    const QString chosen = view->model()->recordId(5);
    view->selectIds({chosen});
    QCOMPARE(view->selectedIds(), QStringList{chosen});

    // An agent writes a newer lesson through its own connection.
    auto agent = MemoryStore::open(path.toStdString());
    auto added = agent->add(TestStore::outcome("Agent lesson written while the window is open", "failure",
                                               "sql_query_debug", "pg_connector", "alice"));
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1501, 10000);
    QVERIFY(w.idle());
    QCOMPARE(view->model()->recordId(0), QString::fromStdString(added.id));
    QCOMPARE(view->selectedIds(), QStringList{chosen});
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
