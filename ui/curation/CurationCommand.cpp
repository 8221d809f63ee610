#include "curation/CurationCommand.h"

#include "curation/CurationController.h"

namespace memscope::ui {

CurationCommand::CurationCommand(CurationController* controller, const QString& text, QString batchId)
    : QUndoCommand(text)
    , m_controller(controller)
    , m_batch(std::make_shared<QString>(std::move(batchId)))
{
}

void CurationCommand::undo() { flip(); }

void CurationCommand::redo()
{
    if (m_done) {
        m_done = false;
        return;
    }
    flip();
}

void CurationCommand::flip()
{
    // The writer runs reverts in the order they are asked for, so quick repeated undos stay in order;
    // the batch id of this step is known only when it has run, hence the callback.
    m_controller->revertBatch(*m_batch, [batch = m_batch](const QString& next) {
        if (!next.isEmpty())
            *batch = next;
    });
}

} // namespace memscope::ui
