#pragma once

#include "store/TaskResult.h"

#include <io/RecordImporter.h>

#include <QDialog>

#include <atomic>
#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace memscope::ui {

class CurationController;
class StoreSession;

// File → Import: streams a JSONL / JSON array / Mem0 export into the store on the writer, with live counts
// and a Cancel that stops at the next record, then reports what was added, skipped as duplicates and
// refused (with line numbers, as the CLI does). The import is one history batch on the undo stack (with no
// curation controller, "Undo This Import" reverts that batch directly).
class ImportDialog : public QDialog {
    Q_OBJECT
public:
    // `curation` may be null.
    ImportDialog(StoreSession* session, CurationController* curation, const QString& path, QWidget* parent = nullptr);
    ~ImportDialog() override;

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    const std::optional<ImportReport>& report() const { return m_report; }
    QTableWidget* issuesTable() const { return m_issues; }
    QPushButton* undoButton() const { return m_undoButton; }
    QString summary() const;

signals:
    void finished(bool ok);

protected:
    void reject() override;

private:
    void showProgress(std::int64_t added, std::int64_t duplicates, std::int64_t refused, std::int64_t bytesRead);
    void undoImport();
    void showReport(const ImportReport& report);
    void showError(const TaskError& error);

    StoreSession* m_session;
    CurationController* m_curation;
    QString m_path;
    qint64 m_fileSize = 0;
    int m_undoIndex = -1; // undo stack index right after our step was pushed
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
    std::optional<ImportReport> m_report;
    QCheckBox* m_strict;
    QProgressBar* m_progress;
    QLabel* m_status;
    QTableWidget* m_issues;
    QPushButton* m_startButton;
    QPushButton* m_cancelButton;
    QPushButton* m_undoButton;
    QPushButton* m_closeButton;
};

} // namespace memscope::ui
