// The Trends tab's lesson-effectiveness table: the model under QAbstractItemModelTester, its rates and lift
// from recorded runs, the task-type facet narrowing it, HTML in a lesson shown literally, and a
// double-click asking to open the lesson.
#include "RunFixtures.h"
#include "TestStore.h"
#include "UiTestSupport.h"

#include <models/FilterState.h>
#include <models/LessonEffectivenessModel.h>
#include <store/StoreSession.h>
#include <views/LessonEffectivenessPanel.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace memscope;
using namespace memscope::ui;
using namespace memscope::test;

class TestLessonEffectivenessPanel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::string m_sqlLesson, m_replyLesson;

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("lessons.db"));
        auto store = MemoryStore::open(m_path.toStdString());
        m_sqlLesson =
            store->add(TestStore::outcome("Join on <b>customer_id</b>, not id", "success", "sql_query_debug")).id;
        m_replyLesson = store->add(TestStore::outcome("Apologise first", "failure", "support_reply")).id;
        // sql_query_debug: 3 runs retrieved the SQL lesson (2 successes), 2 did not (0 successes).
        saveRun(*store, {.id = "a1", .memoryIds = {m_sqlLesson}});
        saveRun(*store, {.id = "a2", .memoryIds = {m_sqlLesson}});
        saveRun(*store, {.id = "a3", .outcome = "failure", .memoryIds = {m_sqlLesson}});
        saveRun(*store, {.id = "a4", .outcome = "failure", .memory = false});
        saveRun(*store, {.id = "a5", .outcome = "partial", .memory = false});
        // support_reply: one run retrieved its lesson; no run without it.
        saveRun(*store, {.id = "b1", .taskType = "support_reply", .memoryIds = {m_replyLesson}});
    }

    void ratesAndFilters_data()
    {
        QTest::addColumn<QString>("taskType");
        QTest::addColumn<int>("rows");
        QTest::addRow("every task type") << QString() << 2;
        QTest::addRow("sql_query_debug only") << QStringLiteral("sql_query_debug") << 1;
        QTest::addRow("support_reply only") << QStringLiteral("support_reply") << 1;
    }
    void ratesAndFilters()
    {
        QFETCH(QString, taskType);
        QFETCH(int, rows);
        StoreSession session;
        QVERIFY(openSession(session, m_path));
        FilterState filters;
        LessonEffectivenessPanel panel(&session, &filters);
        QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&panel, &LessonEffectivenessPanel::refreshed);
        if (!taskType.isEmpty())
            filters.setSelected(QStringLiteral("task_type"), {taskType});
        panel.refresh();
        QTRY_VERIFY(!panel.isLoading());
        QCOMPARE(panel.model()->rowCount(), rows);
        auto* model = panel.model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const auto cell = [&](int column) { return model->index(row, column).data().toString(); };
            if (model->index(row, 0).data(LessonEffectivenessModel::MemoryIdRole).toString().toStdString() ==
                m_sqlLesson) {
                QCOMPARE(cell(LessonEffectivenessModel::Lesson), QStringLiteral("Join on <b>customer_id</b>, not id"));
                QCOMPARE(cell(LessonEffectivenessModel::Retrievals), QStringLiteral("3"));
                QCOMPARE(cell(LessonEffectivenessModel::With), QStringLiteral("67% of 3"));
                QCOMPARE(cell(LessonEffectivenessModel::Without), QStringLiteral("0% of 2"));
                QCOMPARE(cell(LessonEffectivenessModel::Lift), QStringLiteral("+67 pp"));
            } else {
                QCOMPARE(cell(LessonEffectivenessModel::With), QStringLiteral("100% of 1"));
                QCOMPARE(cell(LessonEffectivenessModel::Without), QStringLiteral("–"));
                QCOMPARE(cell(LessonEffectivenessModel::Lift), QStringLiteral("–"));
            }
        }
    }

    void doubleClickOpensTheLesson()
    {
        StoreSession session;
        QVERIFY(openSession(session, m_path));
        FilterState filters;
        LessonEffectivenessPanel panel(&session, &filters);
        panel.resize(900, 300);
        panel.show();
        panel.refresh();
        QTRY_VERIFY(!panel.isLoading());
        QVERIFY(panel.model()->rowCount() > 0);
        QSignalSpy open(&panel, &LessonEffectivenessPanel::openRecordRequested);
        const QModelIndex first = panel.model()->index(0, LessonEffectivenessModel::Lesson);
        emit panel.table()->activated(first);
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.at(0).at(0).toString(), first.data(LessonEffectivenessModel::MemoryIdRole).toString());
    }

    void emptyStoreSaysWhy()
    {
        QTemporaryDir dir;
        StoreSession session;
        QVERIFY(openSession(session, dir.filePath(QStringLiteral("empty.db"))));
        FilterState filters;
        LessonEffectivenessPanel panel(&session, &filters);
        panel.refresh();
        QTRY_VERIFY(!panel.isLoading());
        QCOMPARE(panel.model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestLessonEffectivenessPanel)
#include "tst_lessoneffectivenesspanel.moc"
