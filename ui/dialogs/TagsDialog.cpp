#include "dialogs/TagsDialog.h"

#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace memscope::ui {

TagsDialog::TagsDialog(int records, const QStringList& knownTags, QWidget* parent)
    : QDialog(parent)
    , m_add(new QLineEdit(this))
    , m_remove(new QLineEdit(this))
    , m_reason(new QLineEdit(this))
{
    setWindowTitle(tr("Tags"));
    m_add->setObjectName(QStringLiteral("addTags"));
    m_remove->setObjectName(QStringLiteral("removeTags"));
    m_add->setPlaceholderText(tr("comma-separated, e.g. stale, needs-review"));
    m_remove->setPlaceholderText(tr("comma-separated"));
    m_reason->setPlaceholderText(tr("optional, kept in the history"));
    if (!knownTags.isEmpty()) {
        for (auto* edit : {m_add, m_remove}) {
            auto* completer = new QCompleter(knownTags, edit);
            completer->setCaseSensitivity(Qt::CaseInsensitive);
            edit->setCompleter(completer);
        }
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* form = new QFormLayout;
    form->addRow(new QLabel(tr("Change the tags of %n record(s).", nullptr, records), this));
    form->addRow(tr("Add:"), m_add);
    form->addRow(tr("Remove:"), m_remove);
    form->addRow(tr("Reason:"), m_reason);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

QStringList TagsDialog::split(const QString& text)
{
    QStringList out;
    for (const auto& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty() && !out.contains(tag))
            out.append(tag);
    }
    return out;
}

QStringList TagsDialog::tagsToAdd() const { return split(m_add->text()); }
QStringList TagsDialog::tagsToRemove() const { return split(m_remove->text()); }
QString TagsDialog::reason() const { return m_reason->text().trimmed(); }

} // namespace memscope::ui
