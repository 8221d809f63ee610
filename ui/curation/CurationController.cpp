#include "curation/CurationController.h"

#include "curation/CurationCommand.h"
#include "store/StoreSession.h"
#include "store/StoreWorker.h"

#include <storage/Connection.h>
#include <util/Ids.h>

#include <QUndoStack>

#include <set>

namespace memscope::ui {

namespace {

std::vector<std::string> toStd(const QStringList& ids)
{
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(ids.size()));
    for (const auto& id : ids)
        out.push_back(id.toStdString());
    return out;
}

QString outcomeText(OutcomeType outcome) { return QString::fromLatin1(outcomeName(outcome)); }

// Sets or clears tags in metadata.tags (a list) of each record, in one transaction.
int changeTags(MemoryStore& store, const std::vector<std::string>& ids, const QStringList& tags, bool add,
               const ChangeContext& context)
{
    Transaction tx(store.connection());
    int changed = 0;
    for (const auto& id : ids) {
        const auto record = store.require(id);
        std::vector<std::string> current;
        if (auto it = record.metadata.find("tags"); it != record.metadata.end() && it->is_array())
            for (const auto& t : *it)
                if (t.is_string())
                    current.push_back(t.get<std::string>());
        std::vector<std::string> next = current;
        for (const auto& tag : tags) {
            const std::string t = tag.trimmed().toStdString();
            if (t.empty())
                continue;
            const auto found = std::find(next.begin(), next.end(), t);
            if (add && found == next.end())
                next.push_back(t);
            else if (!add && found != next.end())
                next.erase(found);
        }
        if (next == current)
            continue;
        RecordPatch patch;
        patch.metadataMerge = nlohmann::json{{"tags", next}};
        store.update(id, patch, context);
        ++changed;
    }
    tx.commit();
    return changed;
}

} // namespace

CurationController::CurationController(StoreSession* session, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_undo(new QUndoStack(this))
{
    // Undo history belongs to one database.
    connect(m_session, &StoreSession::closed, m_undo, &QUndoStack::clear);
    connect(m_session, &StoreSession::opened, m_undo, &QUndoStack::clear);
}

CurationController::~CurationController() = default;

bool CurationController::refuseWhenReadOnly()
{
    if (!m_session->isOpen()) {
        emit changeFailed(TaskError{Error::Kind::InvalidArgument, tr("No database is open.")});
        return true;
    }
    if (m_session->isReadOnly()) {
        emit changeFailed(
            TaskError{Error::Kind::ReadOnly, tr("%1 is open read-only: changes are off.").arg(m_session->path())});
        return true;
    }
    return false;
}

void CurationController::begin()
{
    if (m_pending++ == 0)
        emit busyChanged(true);
}

void CurationController::end()
{
    if (--m_pending == 0)
        emit busyChanged(false);
}

void CurationController::perform(const QString& description, const QString& reason, Change change)
{
    if (refuseWhenReadOnly())
        return;
    ChangeContext context = m_session->changeContext(reason);
    context.batchId = newUuid();
    const QString batch = QString::fromStdString(context.batchId);
    begin();
    m_session->writer()
        .run([change = std::move(change), context](MemoryStore& store) { return change(store, context); })
        .then(this, [this, description, batch](TaskResult<int> result) {
            end();
            if (!result.ok()) {
                emit changeFailed(*result.error);
                return;
            }
            m_session->checkForChanges();
            if (*result.value == 0) {
                emit changeApplied(tr("Nothing to change: %1").arg(description));
                return;
            }
            m_undo->push(new CurationCommand(this, description, batch));
            emit changeApplied(description);
        });
}

void CurationController::revertBatch(const QString& batchId, const std::function<void(const QString&)>& done)
{
    if (refuseWhenReadOnly())
        return;
    ChangeContext context = m_session->changeContext(tr("undo/redo"));
    context.batchId = newUuid();
    const QString next = QString::fromStdString(context.batchId);
    begin();
    m_session->writer()
        .run([batch = batchId.toStdString(), context](MemoryStore& store) { return store.revertBatch(batch, context); })
        .then(this, [this, next, done](TaskResult<int> result) {
            end();
            if (!result.ok()) {
                done({});
                emit changeFailed(*result.error);
                return;
            }
            done(next);
            m_session->checkForChanges();
        });
}

void CurationController::pushDone(const QString& description, const QString& batchId)
{
    m_undo->push(new CurationCommand(this, description, batchId));
}

void CurationController::relabel(const QStringList& ids, OutcomeType outcome, const QString& reason)
{
    const QString text =
        tr("Relabel %n record(s) as %1", nullptr, static_cast<int>(ids.size())).arg(outcomeText(outcome));
    perform(text, reason, [ids = toStd(ids), outcome](MemoryStore& store, const ChangeContext& context) {
        return store.relabel(ids, outcome, context);
    });
}

void CurationController::setState(const QStringList& ids, RecordState state, const QString& reason)
{
    const int n = static_cast<int>(ids.size());
    const QString text = state == RecordState::Archived ? tr("Archive %n record(s)", nullptr, n)
                         : state == RecordState::Active ? tr("Restore %n record(s)", nullptr, n)
                                                        : tr("Delete %n record(s)", nullptr, n);
    perform(text, reason, [ids = toStd(ids), state](MemoryStore& store, const ChangeContext& context) {
        return store.setState(ids, state, context);
    });
}

void CurationController::setStateByFilter(const nlohmann::json& filter, RecordState state, const QString& reason,
                                          const QString& description)
{
    perform(description, reason, [filter, state](MemoryStore& store, const ChangeContext& context) {
        Transaction tx(store.connection());
        const int changed = store.setState(store.matchingIds(filter), state, context);
        tx.commit();
        return changed;
    });
}

void CurationController::editRecord(const QString& id, const RecordPatch& patch, const QString& reason)
{
    perform(tr("Edit record %1").arg(id.left(8)), reason,
            [id = id.toStdString(), patch](MemoryStore& store, const ChangeContext& context) {
                const auto before = store.require(id);
                const auto after = store.update(id, patch, context);
                return after.updatedAt != before.updatedAt ? 1 : 0;
            });
}

void CurationController::addTags(const QStringList& ids, const QStringList& tags, const QString& reason)
{
    perform(tr("Tag %n record(s) with %1", nullptr, static_cast<int>(ids.size())).arg(tags.join(QStringLiteral(", "))),
            reason, [ids = toStd(ids), tags](MemoryStore& store, const ChangeContext& context) {
                return changeTags(store, ids, tags, true, context);
            });
}

void CurationController::removeTags(const QStringList& ids, const QStringList& tags, const QString& reason)
{
    perform(tr("Remove tags %1 from %n record(s)", nullptr, static_cast<int>(ids.size()))
                .arg(tags.join(QStringLiteral(", "))),
            reason, [ids = toStd(ids), tags](MemoryStore& store, const ChangeContext& context) {
                return changeTags(store, ids, tags, false, context);
            });
}

void CurationController::revertHistory(qint64 historyId, const QString& reason)
{
    perform(tr("Revert change #%1").arg(historyId), reason,
            [historyId](MemoryStore& store, const ChangeContext& context) {
                store.revert(historyId, context);
                return 1;
            });
}

} // namespace memscope::ui
