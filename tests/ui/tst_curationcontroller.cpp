// Curation through the controller: every action lands in the store and its history with the operator's
// name and reason, undo and redo flip it back and forth (in order, however fast), and a read-only store
// refuses without pushing anything.
#include "UiTestSupport.h"

#include <curation/CurationController.h>
#include <storage/MemoryStore.h>

#include <QUndoStack>

using namespace memscope;
using namespace memscope::ui;
using namespace memscope::test;
using nlohmann::json;

Q_DECLARE_METATYPE(std::function<void(CurationController&, const QStringList&)>)
Q_DECLARE_METATYPE(std::function<bool(const MemoryRecord&)>)

namespace {
using Action = std::function<void(CurationController&, const QStringList&)>;
using Check = std::function<bool(const MemoryRecord&)>;
} // namespace

class TestCurationController : public QObject {
    Q_OBJECT

private slots:
    void init();
    void actionUndoRedo_data();
    void actionUndoRedo();
    void rapidUndoKeepsOrder();
    void readOnlyRefuses();

private:
    bool settle(CurationController& controller)
    {
        return QTest::qWaitFor([&] { return !controller.isBusy(); }, 20000);
    }
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    QStringList m_ids;
};

void TestCurationController::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("curation.db"));
    auto store = MemoryStore::open(m_path.toStdString());
    m_ids.clear();
    for (int i = 0; i < 3; ++i) {
        auto r = store->add(TestStore::outcome("lesson number " + std::to_string(i), "success", "sql_query_debug"));
        m_ids << QString::fromStdString(r.id);
    }
}

void TestCurationController::actionUndoRedo_data()
{
    QTest::addColumn<Action>("action");
    QTest::addColumn<Check>("applied");
    QTest::addColumn<QString>("event");
    QTest::addRow("relabel") << Action([](CurationController& c, const QStringList& ids) {
        c.relabel(ids, OutcomeType::Failure, QStringLiteral("wrong label"));
    }) << Check([](const MemoryRecord& r) { return r.metaString("outcome_type") == "failure"; })
                             << "RELABEL";
    QTest::addRow("archive") << Action([](CurationController& c, const QStringList& ids) {
        c.setState(ids, RecordState::Archived, QStringLiteral("stale"));
    }) << Check([](const MemoryRecord& r) { return r.state == RecordState::Archived; })
                             << "ARCHIVE";
    QTest::addRow("delete") << Action([](CurationController& c, const QStringList& ids) {
        c.setState(ids, RecordState::Deleted, QStringLiteral("wrong"));
    }) << Check([](const MemoryRecord& r) { return r.state == RecordState::Deleted; })
                            << "DELETE";
    QTest::addRow("archive by filter") << Action([](CurationController& c, const QStringList&) {
        c.setStateByFilter(json{{"task_type", "sql_query_debug"}}, RecordState::Archived, QStringLiteral("old"),
                           QStringLiteral("archive stale"));
    }) << Check([](const MemoryRecord& r) { return r.state == RecordState::Archived; })
                                       << "ARCHIVE";
    QTest::addRow("edit text") << Action([](CurationController& c, const QStringList& ids) {
        // One record: an edit is one action (and one undo) per record.
        for (const auto& id : ids.mid(0, 1)) {
            RecordPatch patch;
            patch.memory = "edited lesson " + id.toStdString();
            c.editRecord(id, patch, QStringLiteral("typo"));
        }
    }) << Check([](const MemoryRecord& r) { return r.memory.rfind("edited lesson", 0) == 0; })
                               << "UPDATE";
    QTest::addRow("add tags") << Action([](CurationController& c, const QStringList& ids) {
        c.addTags(ids, {QStringLiteral("needs-review"), QStringLiteral("pg")}, QStringLiteral("triage"));
    }) << Check([](const MemoryRecord& r) { return r.metadata.value("tags", json::array()).size() == 2; })
                              << "UPDATE";
}

void TestCurationController::actionUndoRedo()
{
    QFETCH(Action, action);
    QFETCH(Check, applied);
    QFETCH(QString, event);
    if (QByteArray(QTest::currentDataTag()) == "edit text")
        m_ids = m_ids.mid(0, 1);
    StoreSession session;
    session.setOperatorName(QStringLiteral("dana"));
    QVERIFY(openSession(session, m_path));
    CurationController controller(&session);
    QSignalSpy done(&controller, &CurationController::changeApplied);
    action(controller, m_ids);
    QVERIFY(settle(controller));
    QVERIFY(done.count() >= 1);
    auto& store = session.uiStore();
    auto allApplied = [&] {
        for (const auto& id : m_ids)
            if (!applied(store.require(id.toStdString())))
                return false;
        return true;
    };
    auto noneApplied = [&] {
        for (const auto& id : m_ids)
            if (applied(store.require(id.toStdString())))
                return false;
        return true;
    };
    QVERIFY(allApplied());
    const auto history = store.history(m_ids.first().toStdString());
    QCOMPARE(QString::fromLatin1(eventName(history.back().event)), event);
    QCOMPARE(QString::fromStdString(history.back().actor), QStringLiteral("human:dana"));
    QVERIFY(!history.back().reason.empty());

    QVERIFY(controller.undoStack()->canUndo());
    controller.undoStack()->undo();
    QVERIFY(settle(controller));
    QVERIFY(noneApplied());
    controller.undoStack()->redo();
    QVERIFY(settle(controller));
    QVERIFY(allApplied());
    controller.undoStack()->undo();
    QVERIFY(settle(controller));
    QVERIFY(noneApplied());
}

void TestCurationController::rapidUndoKeepsOrder()
{
    StoreSession session;
    QVERIFY(openSession(session, m_path));
    CurationController controller(&session);
    const QString id = m_ids.first();
    for (auto outcome : {OutcomeType::Failure, OutcomeType::Partial, OutcomeType::Unknown}) {
        controller.relabel({id}, outcome);
        QVERIFY(settle(controller));
    }
    QCOMPARE(controller.undoStack()->count(), 3);
    // Three undos without waiting: the writer runs them in order, back to the first label.
    controller.undoStack()->undo();
    controller.undoStack()->undo();
    controller.undoStack()->undo();
    QVERIFY(settle(controller));
    QCOMPARE(session.uiStore().require(id.toStdString()).metaString("outcome_type"), std::string("success"));
    controller.undoStack()->redo();
    controller.undoStack()->redo();
    QVERIFY(settle(controller));
    QCOMPARE(session.uiStore().require(id.toStdString()).metaString("outcome_type"), std::string("partial"));
}

void TestCurationController::readOnlyRefuses()
{
    StoreSession session;
    QVERIFY(openSession(session, m_path, true));
    CurationController controller(&session);
    QSignalSpy failed(&controller, &CurationController::changeFailed);
    controller.relabel(m_ids, OutcomeType::Failure);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().first().value<TaskError>().kind, Error::Kind::ReadOnly);
    QCOMPARE(controller.undoStack()->count(), 0);
    QCOMPARE(session.uiStore().require(m_ids.first().toStdString()).metaString("outcome_type"), std::string("success"));
}

QTEST_MAIN(TestCurationController)
#include "tst_curationcontroller.moc"
