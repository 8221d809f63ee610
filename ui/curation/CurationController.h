#pragma once

#include "store/TaskResult.h"

#include <model/MemoryRecord.h>
#include <storage/MemoryStore.h>

#include <nlohmann/json.hpp>

#include <QObject>
#include <QStringList>

#include <functional>

class QUndoStack;

namespace memscope::ui {

class StoreSession;

// Every change the operator makes goes through here: run on the store's writer, written to history with
// actor "human:<operator>" and the optional reason, one history batch per action, and pushed on one undo
// stack for the whole session. Undo reverts the action's batch; redo reverts that revert's batch, so every
// step, undone or not, stays in the history.
class CurationController : public QObject {
    Q_OBJECT
public:
    explicit CurationController(StoreSession* session, QObject* parent = nullptr);
    ~CurationController() override;

    QUndoStack* undoStack() const { return m_undo; }

    void relabel(const QStringList& ids, OutcomeType outcome, const QString& reason = {});
    // Archive, restore or soft-delete.
    void setState(const QStringList& ids, RecordState state, const QString& reason = {});
    void setStateByFilter(const nlohmann::json& filter, RecordState state, const QString& reason,
                          const QString& description);
    void editRecord(const QString& id, const RecordPatch& patch, const QString& reason = {});
    void addTags(const QStringList& ids, const QStringList& tags, const QString& reason = {});
    void removeTags(const QStringList& ids, const QStringList& tags, const QString& reason = {});
    void revertHistory(qint64 historyId, const QString& reason = {});
    // Pushes an action someone else already ran as one history batch (an import) so it can be undone.
    void pushDone(const QString& description, const QString& batchId);

    bool isBusy() const { return m_pending > 0; }

    // Reverts a batch on the writer under a new batch id; calls back with that id (empty on failure).
    void revertBatch(const QString& batchId, const std::function<void(const QString&)>& done);

signals:
    void changeApplied(const QString& description);
    void changeFailed(const memscope::ui::TaskError& error);
    void busyChanged(bool busy);

private:
    // Runs `change` (returning how many records changed) in one batch and pushes it when anything changed.
    using Change = std::function<int(MemoryStore&, const ChangeContext&)>;
    void perform(const QString& description, const QString& reason, Change change);
    bool refuseWhenReadOnly();
    void begin();
    void end();

    StoreSession* m_session;
    QUndoStack* m_undo;
    int m_pending = 0;
};

} // namespace memscope::ui
