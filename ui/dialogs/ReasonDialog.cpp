#include "dialogs/ReasonDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace memscope::ui {

ReasonDialog::ReasonDialog(const QString& title, const QString& question, const QString& acceptText, QWidget* parent)
    : QDialog(parent)
    , m_reason(new QLineEdit(this))
{
    setWindowTitle(title);
    auto* label = new QLabel(question, this);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    m_reason->setObjectName(QStringLiteral("reasonField"));
    m_reason->setPlaceholderText(tr("Reason (optional, kept in the history)"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(acceptText);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_reason);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

QString ReasonDialog::reason() const { return m_reason->text().trimmed(); }

bool ReasonDialog::ask(QWidget* parent, const QString& title, const QString& question, const QString& acceptText,
                       QString* reason)
{
    ReasonDialog dialog(title, question, acceptText, parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    if (reason)
        *reason = dialog.reason();
    return true;
}

} // namespace memscope::ui
