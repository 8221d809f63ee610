#pragma once

#include <model/MemoryRecord.h>
#include <storage/MemoryStore.h>

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace memscope::ui {

// Edits one record's lesson text and metadata (as JSON, validated as typed: an object, outcome_type one of
// the four outcomes, tags a list of strings). OK stays off while the input is invalid or unchanged.
class EditRecordDialog : public QDialog {
    Q_OBJECT
public:
    explicit EditRecordDialog(const MemoryRecord& record, QWidget* parent = nullptr);

    // The change to apply; empty when nothing changed.
    std::optional<RecordPatch> patch() const;
    QString reason() const;
    QString problem() const; // the validation message, empty when valid

    QPlainTextEdit* textEditor() const { return m_text; }
    QPlainTextEdit* metadataEditor() const { return m_metadata; }

private:
    void validate();

    MemoryRecord m_record;
    QPlainTextEdit* m_text;
    QPlainTextEdit* m_metadata;
    QLineEdit* m_reason;
    QLabel* m_problem;
    QPushButton* m_ok;
};

} // namespace memscope::ui
