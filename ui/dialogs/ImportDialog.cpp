#include "dialogs/ImportDialog.h"

#include "curation/CurationController.h"
#include "store/StoreSession.h"
#include "store/StoreWorker.h"

#include <storage/MemoryStore.h>

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace memscope::ui {

namespace {
constexpr int kProgressSteps = 1000; // the bar shows bytes read of the file size, in thousandths
}

ImportDialog::ImportDialog(StoreSession* session, CurationController* curation, const QString& path, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_curation(curation)
    , m_path(path)
    , m_fileSize(QFileInfo(path).size())
    , m_cancel(std::make_shared<std::atomic_bool>(false))
    , m_strict(new QCheckBox(tr("All or nothing: import nothing if any record is refused"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_issues(new QTableWidget(this))
    , m_startButton(new QPushButton(tr("Import"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_undoButton(new QPushButton(tr("Undo This Import"), this))
    , m_closeButton(new QPushButton(tr("Close"), this))
{
    setWindowTitle(tr("Import Records"));
    auto* file = new QLabel(
        tr("File: %1 (%2)").arg(QDir::toNativeSeparators(path), QLocale().formattedDataSize(QFileInfo(path).size())),
        this);
    file->setTextFormat(Qt::PlainText);
    file->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("importStatus"));
    m_status->setText(tr("JSONL (one record per line), a JSON array of records, or Mem0's {\"results\": [...]}."));
    m_progress->setRange(0, kProgressSteps);
    m_progress->hide();
    m_issues->setColumnCount(2);
    m_issues->setHorizontalHeaderLabels({tr("Line"), tr("Why it was refused")});
    m_issues->verticalHeader()->hide();
    m_issues->horizontalHeader()->setStretchLastSection(true);
    m_issues->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_issues->setObjectName(QStringLiteral("importIssues"));
    m_issues->hide();
    m_undoButton->hide();
    m_cancelButton->hide();
    m_startButton->setDefault(true);

    connect(m_startButton, &QPushButton::clicked, this, &ImportDialog::start);
    connect(m_cancelButton, &QPushButton::clicked, this, &ImportDialog::cancel);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_undoButton, &QPushButton::clicked, this, &ImportDialog::undoImport);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_undoButton);
    buttons->addStretch(1);
    buttons->addWidget(m_startButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_closeButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(file);
    layout->addWidget(m_strict);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_issues, 1);
    layout->addLayout(buttons);
    resize(640, 420);
}

ImportDialog::~ImportDialog()
{
    // The worker may still report progress to us: stop it and let it finish before we go.
    m_cancel->store(true);
    if (m_running && m_session->isOpen())
        m_session->writer().waitForDone();
}

void ImportDialog::start()
{
    if (m_running || !m_session->isOpen())
        return;
    if (m_session->isReadOnly()) {
        showError(TaskError{Error::Kind::ReadOnly, tr("%1 is open read-only.").arg(m_session->path())});
        return;
    }
    m_running = true;
    m_cancel->store(false);
    m_strict->setEnabled(false);
    m_startButton->hide();
    m_cancelButton->show();
    m_closeButton->setEnabled(false);
    m_progress->show();
    showProgress(0, 0, 0, 0);
    ImportOptions options;
    options.strict = m_strict->isChecked();
    options.context = m_session->changeContext(tr("import of %1").arg(QFileInfo(m_path).fileName()));
    auto* receiver = this;
    m_session->writer()
        .run([path = m_path.toStdString(), options, cancel = m_cancel, receiver](MemoryStore& store) {
            RecordImporter importer(store);
            auto report = importer.runFile(
                path, options,
                [&](const ImportReport& r) {
                    if (*cancel)
                        return;
                    QMetaObject::invokeMethod(
                        receiver,
                        [receiver, a = r.added, d = r.duplicates, f = r.refused, b = r.bytesRead] {
                            receiver->showProgress(a, d, f, b);
                        },
                        Qt::QueuedConnection);
                },
                cancel.get());
            // Vectors for the new records, so they are found by meaning at once (stopped by Cancel too).
            if (!report.cancelled && !report.rolledBack && report.added > 0)
                store.embedMissing({}, cancel.get());
            return report;
        })
        .then(this, [this](TaskResult<ImportReport> result) {
            m_running = false;
            m_cancelButton->hide();
            m_closeButton->setEnabled(true);
            m_progress->hide();
            if (!result.ok()) {
                m_session->checkForChanges(); // batches committed before the failure are kept
                showError(*result.error);
                emit finished(false);
                return;
            }
            showReport(*result.value);
            emit finished(true);
        });
}

void ImportDialog::cancel()
{
    m_cancel->store(true);
    m_cancelButton->setEnabled(false);
    m_status->setText(tr("Stopping after the current record…"));
}

void ImportDialog::reject()
{
    if (m_running) {
        cancel(); // Escape while importing stops the import first; the dialog stays to show what was kept
        return;
    }
    QDialog::reject();
}

void ImportDialog::showProgress(std::int64_t added, std::int64_t duplicates, std::int64_t refused,
                                std::int64_t bytesRead)
{
    if (!m_running || m_cancel->load())
        return;
    const QLocale l;
    if (m_fileSize > 0) {
        m_progress->setRange(0, kProgressSteps);
        m_progress->setValue(
            static_cast<int>(std::min<std::int64_t>(bytesRead, m_fileSize) * kProgressSteps / m_fileSize));
    } else {
        m_progress->setRange(0, 0); // standard input or an empty file: no size to measure against
    }
    m_status->setText(tr("Importing… %1 added, %2 duplicates skipped, %3 refused (%4 of %5 read)")
                          .arg(l.toString(qlonglong(added)), l.toString(qlonglong(duplicates)),
                               l.toString(qlonglong(refused)), l.formattedDataSize(bytesRead),
                               l.formattedDataSize(m_fileSize)));
}

void ImportDialog::undoImport()
{
    if (!m_report || m_report->batchId.empty() || !m_session->isOpen())
        return;
    m_undoButton->setEnabled(false);
    const QString batch = QString::fromStdString(m_report->batchId);
    auto undone = [this, alive = QPointer<ImportDialog>(this)](bool ok, const QString& error) {
        if (!alive) // closed while the revert ran
            return;
        m_status->setText(m_status->text() + (ok ? tr("\nThe import was undone.")
                                                 : tr("\nThe import could not be undone: %1").arg(error)));
        m_undoButton->setEnabled(!ok);
        m_session->checkForChanges();
    };
    // Through the undo stack while the import is its newest step, so Redo brings it back.
    if (m_curation && m_undoIndex >= 0 && m_curation->undoStack()->index() == m_undoIndex) {
        m_curation->undoStack()->undo();
        undone(true, {});
        return;
    }
    if (m_curation) {
        m_curation->revertBatch(batch, [undone](const QString& revertBatch) {
            undone(!revertBatch.isEmpty(), tr("the store refused the change; see the main window"));
        });
        return;
    }
    const ChangeContext context = m_session->changeContext(tr("undo import"));
    m_session->writer()
        .run([batch = batch.toStdString(), context](MemoryStore& store) { return store.revertBatch(batch, context); })
        .then(this, [undone](TaskResult<int> result) {
            undone(result.ok(), result.ok() ? QString() : result.error->message);
        });
}

QString ImportDialog::summary() const { return m_status->text(); }

void ImportDialog::showReport(const ImportReport& report)
{
    m_report = report;
    const QLocale l;
    QString text;
    if (report.rolledBack)
        text = tr("Nothing was imported: %1 records were refused and the import was all or nothing.")
                   .arg(l.toString(qlonglong(report.refused)));
    else
        text = tr("%1 records added, %2 duplicates skipped, %3 refused.")
                   .arg(l.toString(qlonglong(report.added)), l.toString(qlonglong(report.duplicates)),
                        l.toString(qlonglong(report.refused)));
    if (report.cancelled)
        text += tr(" Cancelled: the records committed before the cancel were kept.");
    if (report.refused > static_cast<std::int64_t>(report.issues.size()))
        text += tr(" (The first %1 refused lines are listed.)").arg(report.issues.size());
    m_status->setText(text);
    m_issues->setRowCount(static_cast<int>(report.issues.size()));
    for (int i = 0; i < static_cast<int>(report.issues.size()); ++i) {
        const auto& issue = report.issues[static_cast<std::size_t>(i)];
        auto* line = new QTableWidgetItem;
        line->setData(Qt::DisplayRole, QVariant::fromValue<qlonglong>(issue.line));
        m_issues->setItem(i, 0, line);
        m_issues->setItem(i, 1, new QTableWidgetItem(QString::fromStdString(issue.message)));
    }
    m_issues->setVisible(!report.issues.empty());
    if (report.added > 0 && !report.rolledBack && !report.batchId.empty()) {
        if (m_curation) {
            m_curation->pushDone(tr("Import %n record(s)", nullptr, static_cast<int>(report.added)),
                                 QString::fromStdString(report.batchId));
            m_undoIndex = m_curation->undoStack()->index();
        }
        m_undoButton->show();
    }
    m_session->checkForChanges();
}

void ImportDialog::showError(const TaskError& error)
{
    m_status->setText(tr("The import failed: %1").arg(error.message));
    m_startButton->show();
    m_startButton->setEnabled(false);
}

} // namespace memscope::ui
