#include "dialogs/EditRecordDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace memscope::ui {

using nlohmann::json;

namespace {

// Empty when the metadata is acceptable, else what is wrong with it.
QString checkMetadata(const QString& text, json* out)
{
    json value;
    try {
        value = text.trimmed().isEmpty() ? json::object() : json::parse(text.toStdString());
    } catch (const json::parse_error& e) {
        return EditRecordDialog::tr("Metadata is not valid JSON: %1").arg(QString::fromStdString(e.what()));
    }
    if (!value.is_object())
        return EditRecordDialog::tr("Metadata must be a JSON object.");
    if (auto it = value.find("outcome_type"); it != value.end() && !it->is_null()) {
        if (!it->is_string() || !parseOutcome(it->get<std::string>()))
            return EditRecordDialog::tr("outcome_type must be success, failure, partial or unknown.");
    }
    if (auto it = value.find("tags"); it != value.end() && !it->is_null()) {
        if (!it->is_array() || std::any_of(it->begin(), it->end(), [](const json& t) { return !t.is_string(); }))
            return EditRecordDialog::tr("tags must be a list of strings.");
    }
    *out = value;
    return {};
}

} // namespace

EditRecordDialog::EditRecordDialog(const MemoryRecord& record, QWidget* parent)
    : QDialog(parent)
    , m_record(record)
    , m_text(new QPlainTextEdit(this))
    , m_metadata(new QPlainTextEdit(this))
    , m_reason(new QLineEdit(this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Edit Record"));
    m_text->setObjectName(QStringLiteral("lessonEditor"));
    m_text->setPlainText(QString::fromStdString(record.memory));
    m_metadata->setObjectName(QStringLiteral("metadataEditor"));
    m_metadata->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_metadata->setPlainText(QString::fromStdString(record.metadata.dump(2)));
    m_metadata->setTabChangesFocus(true);
    m_reason->setPlaceholderText(tr("Reason (optional, kept in the history)"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    QPalette pal = m_problem->palette();
    pal.setColor(QPalette::WindowText, QColor(0xd6, 0x3a, 0x3a));
    m_problem->setPalette(pal);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Save"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_text, &QPlainTextEdit::textChanged, this, &EditRecordDialog::validate);
    connect(m_metadata, &QPlainTextEdit::textChanged, this, &EditRecordDialog::validate);

    auto* id = new QLabel(QString::fromStdString(record.id), this);
    id->setTextFormat(Qt::PlainText);
    id->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* form = new QFormLayout;
    form->addRow(tr("Record:"), id);
    form->addRow(tr("Lesson:"), m_text);
    form->addRow(tr("Metadata:"), m_metadata);
    form->addRow(tr("Reason:"), m_reason);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(640, 520);
    validate();
}

QString EditRecordDialog::problem() const { return m_problem->text(); }

QString EditRecordDialog::reason() const { return m_reason->text().trimmed(); }

void EditRecordDialog::validate()
{
    QString message;
    if (m_text->toPlainText().trimmed().isEmpty())
        message = tr("The lesson text cannot be empty.");
    json metadata;
    if (message.isEmpty())
        message = checkMetadata(m_metadata->toPlainText(), &metadata);
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
    m_ok->setEnabled(message.isEmpty() && patch().has_value());
}

std::optional<RecordPatch> EditRecordDialog::patch() const
{
    json metadata;
    if (!checkMetadata(m_metadata->toPlainText(), &metadata).isEmpty())
        return std::nullopt;
    RecordPatch patch;
    bool changed = false;
    const std::string text = m_text->toPlainText().toStdString();
    if (text != m_record.memory && !m_text->toPlainText().trimmed().isEmpty()) {
        patch.memory = text;
        changed = true;
    }
    if (metadata != m_record.metadata) {
        patch.metadata = metadata;
        changed = true;
    }
    return changed ? std::optional<RecordPatch>(patch) : std::nullopt;
}

} // namespace memscope::ui
