#include "curation/CurationActions.h"

#include "curation/CurationController.h"
#include "dialogs/EditRecordDialog.h"
#include "dialogs/ReasonDialog.h"
#include "dialogs/TagsDialog.h"
#include "models/OutcomeStyle.h"
#include "models/RecordTableModel.h"
#include "store/StoreSession.h"
#include "views/RecordTableView.h"
#include "views/RecordsView.h"
#include "widgets/ActionIcons.h"

#include <storage/MemoryStore.h>

#include <QAction>
#include <QItemSelectionModel>
#include <QMenu>

namespace memscope::ui {

CurationActions::CurationActions(CurationController* controller, RecordsView* view, StoreSession* session,
                                 QObject* parent)
    : QObject(parent)
    , m_controller(controller)
    , m_view(view)
    , m_session(session)
{
    struct Label {
        OutcomeType outcome;
        Qt::Key key;
    };
    for (const auto& [outcome, key] :
         {Label{OutcomeType::Success, Qt::Key_S}, Label{OutcomeType::Failure, Qt::Key_F},
          Label{OutcomeType::Partial, Qt::Key_P}, Label{OutcomeType::Unknown, Qt::Key_U}}) {
        const QString name = OutcomeStyle::label(QString::fromLatin1(outcomeName(outcome)));
        auto* quick = new QAction(OutcomeStyle::icon(QString::fromLatin1(outcomeName(outcome))),
                                  tr("Mark as %1").arg(name), this);
        quick->setShortcut(QKeySequence(key));
        connect(quick, &QAction::triggered, this, [this, o = outcome] { relabelWith(o, false); });
        auto* withReason = new QAction(tr("Mark as %1 with a Reason…").arg(name), this);
        withReason->setShortcut(QKeySequence(Qt::SHIFT | key));
        connect(withReason, &QAction::triggered, this, [this, o = outcome] { relabelWith(o, true); });
        m_all << quick << withReason;
        m_needSelection << quick << withReason;
        m_toolbar << quick;
    }
    auto* archive = new QAction(ActionIcons::icon("archive"), tr("&Archive"), this);
    archive->setShortcut(QKeySequence(Qt::Key_A));
    connect(archive, &QAction::triggered, this, [this] { changeState(RecordState::Archived, false); });
    auto* restore = new QAction(ActionIcons::icon("restore"), tr("&Restore"), this);
    restore->setShortcut(QKeySequence(Qt::Key_R));
    connect(restore, &QAction::triggered, this, [this] { changeState(RecordState::Active, false); });
    auto* remove = new QAction(ActionIcons::icon("delete"), tr("&Delete…"), this);
    remove->setShortcut(QKeySequence::Delete);
    connect(remove, &QAction::triggered, this, [this] { changeState(RecordState::Deleted, true); });
    auto* editAction = new QAction(ActionIcons::icon("edit"), tr("&Edit Record…"), this);
    editAction->setShortcut(QKeySequence(Qt::Key_E));
    connect(editAction, &QAction::triggered, this, &CurationActions::edit);
    auto* tagsAction = new QAction(ActionIcons::icon("tags"), tr("&Tags…"), this);
    tagsAction->setShortcut(QKeySequence(Qt::Key_T));
    connect(tagsAction, &QAction::triggered, this, &CurationActions::tags);
    for (auto* a : {archive, restore, remove, editAction, tagsAction}) {
        m_all << a;
        m_needSelection << a;
    }
    m_toolbar << archive << restore << editAction << tagsAction;
    for (auto* a : m_all) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->table()->addAction(a);
    }
    m_view->table()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view->table(), &QWidget::customContextMenuRequested, this, &CurationActions::showMenu);
    connect(m_view, &RecordsView::selectionChanged, this, &CurationActions::updateEnabled);
    connect(m_session, &StoreSession::opened, this, &CurationActions::updateEnabled);
    updateEnabled();
}

void CurationActions::addToMenu(QMenu* menu) const
{
    for (int i = 0; i < m_all.size(); ++i) {
        if (i == 8)
            menu->addSeparator();
        menu->addAction(m_all[i]);
    }
}

void CurationActions::updateEnabled()
{
    const bool writable = m_session->isOpen() && !m_session->isReadOnly();
    const bool selected = !m_view->table()->selectedRows().isEmpty();
    for (auto* a : m_needSelection)
        a->setEnabled(writable && selected);
}

void CurationActions::relabelWith(OutcomeType outcome, bool askReason)
{
    const QStringList ids = m_view->selectedIds();
    if (ids.isEmpty())
        return;
    QString reason;
    const QString name = OutcomeStyle::label(QString::fromLatin1(outcomeName(outcome)));
    if (askReason && !ReasonDialog::ask(m_view, tr("Relabel"),
                                        tr("Mark %n record(s) as %1?", nullptr, static_cast<int>(ids.size())).arg(name),
                                        tr("Mark as %1").arg(name), &reason))
        return;
    m_controller->relabel(ids, outcome, reason);
}

void CurationActions::changeState(RecordState state, bool askReason)
{
    const QStringList ids = m_view->selectedIds();
    if (ids.isEmpty())
        return;
    QString reason;
    const int n = static_cast<int>(ids.size());
    if (state == RecordState::Deleted) {
        if (!ReasonDialog::ask(m_view, tr("Delete"),
                               tr("Delete %n record(s)? They disappear from searches and agents' prompts; the "
                                  "deletion can be undone or reverted from the history.",
                                  nullptr, n),
                               tr("Delete"), &reason))
            return;
    } else if (askReason) {
        if (!ReasonDialog::ask(m_view, tr("Archive"), tr("Archive %n record(s)?", nullptr, n), tr("Archive"), &reason))
            return;
    }
    m_controller->setState(ids, state, reason);
}

void CurationActions::edit()
{
    const QStringList ids = m_view->selectedIds();
    if (ids.isEmpty())
        return;
    const auto record = m_session->uiStore().get(ids.first().toStdString());
    if (!record)
        return;
    EditRecordDialog dialog(*record, m_view);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const auto patch = dialog.patch())
        m_controller->editRecord(ids.first(), *patch, dialog.reason());
}

void CurationActions::tags()
{
    const QStringList ids = m_view->selectedIds();
    if (ids.isEmpty())
        return;
    TagsDialog dialog(static_cast<int>(ids.size()), {}, m_view);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!dialog.tagsToAdd().isEmpty())
        m_controller->addTags(ids, dialog.tagsToAdd(), dialog.reason());
    if (!dialog.tagsToRemove().isEmpty())
        m_controller->removeTags(ids, dialog.tagsToRemove(), dialog.reason());
}

void CurationActions::showMenu(const QPoint& pos)
{
    QMenu menu(m_view);
    addToMenu(&menu);
    menu.exec(m_view->table()->viewport()->mapToGlobal(pos));
}

} // namespace memscope::ui
