#pragma once

#include <model/MemoryRecord.h>

#include <QList>
#include <QObject>

class QAction;
class QMenu;

namespace memscope::ui {

class CurationController;
class RecordsView;
class StoreSession;

// The curation actions of the Records view, keyboard first: S/F/P/U relabel the selection at once
// (Shift opens the dialog with a reason), A archive, R restore, Del delete, E edit, T tags. They live on
// the table (shortcut context: the table and its children) so typing in a text field never triggers them.
class CurationActions : public QObject {
    Q_OBJECT
public:
    CurationActions(CurationController* controller, RecordsView* view, StoreSession* session,
                    QObject* parent = nullptr);

    QList<QAction*> actions() const { return m_all; }
    // The ones worth a toolbar button: the four outcomes, archive, restore, edit, tags.
    QList<QAction*> toolbarActions() const { return m_toolbar; }
    void addToMenu(QMenu* menu) const;
    void updateEnabled();

private:
    QAction* make(const QString& text, const QKeySequence& key, void (CurationActions::*slot)());
    void relabelWith(OutcomeType outcome, bool askReason);
    void changeState(RecordState state, bool askReason);
    void edit();
    void tags();
    void showMenu(const QPoint& pos);

    CurationController* m_controller;
    RecordsView* m_view;
    StoreSession* m_session;
    QList<QAction*> m_all;
    QList<QAction*> m_needSelection;
    QList<QAction*> m_toolbar;
};

} // namespace memscope::ui
