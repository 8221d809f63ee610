#pragma once

#include <QString>
#include <QUndoCommand>

#include <memory>

namespace memscope::ui {

class CurationController;

// One curation action on the undo stack. It holds the history batch of the latest step (the action, or
// the revert of it); both undo and redo revert that batch, so each flips the records back and forth.
class CurationCommand : public QUndoCommand {
public:
    CurationCommand(CurationController* controller, const QString& text, QString batchId);

    void undo() override;
    void redo() override;
    QString batchId() const { return *m_batch; }

private:
    void flip();

    CurationController* m_controller;
    // Shared with a revert still running on the writer, which may finish after the stack dropped us.
    std::shared_ptr<QString> m_batch;
    bool m_done = true; // pushed after the action ran: the first redo() has nothing to do
};

} // namespace memscope::ui
