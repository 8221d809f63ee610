#pragma once

#include "dialogs/StaleRule.h"

#include <QDialog>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace memscope::ui {

class CurationController;
class RecordTableModel;
class RecordTableView;
class StoreSession;

// Archive Stale Lessons: build a rule (older than N days, version before X, outcomes, task type, tool),
// see exactly which records match and how many, then archive them in one undoable step with a reason.
class ArchiveStaleDialog : public QDialog {
    Q_OBJECT
public:
    ArchiveStaleDialog(StoreSession* session, CurationController* curation, QWidget* parent = nullptr);

    StaleRule rule() const;
    nlohmann::json filter() const { return m_filter; }
    qint64 matchCount() const { return m_count; }
    bool isPreviewing() const;
    RecordTableModel* preview() const { return m_preview; }

    // Controls, for tests and keyboard users.
    QCheckBox* olderCheck() const { return m_olderCheck; }
    QSpinBox* olderDays() const { return m_olderDays; }
    QComboBox* versionBox() const { return m_version; }
    QComboBox* taskBox() const { return m_task; }
    QPushButton* archiveButton() const { return m_archive; }

    void applyRule();

private:
    void loadChoices();
    void schedulePreview();
    void runPreview();

    StoreSession* m_session;
    CurationController* m_curation;
    QCheckBox* m_olderCheck;
    QSpinBox* m_olderDays;
    QComboBox* m_version;
    QList<QCheckBox*> m_outcomes;
    QComboBox* m_task;
    QComboBox* m_tool;
    QCheckBox* m_notRetrieved;
    QPlainTextEdit* m_filterView;
    QLabel* m_countLabel;
    RecordTableModel* m_preview;
    RecordTableView* m_table;
    QLineEdit* m_reason;
    QPushButton* m_archive;
    QTimer m_debounce;
    QStringList m_versions;
    nlohmann::json m_filter;
    qint64 m_count = -1;
};

} // namespace memscope::ui
