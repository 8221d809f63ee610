#include "dialogs/ExportDialog.h"

#include "store/StoreSession.h"
#include "store/StoreWorker.h"

#include <io/RecordExporter.h>
#include <storage/MemoryStore.h>

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <cstdio>
#include <fstream>

namespace memscope::ui {

using nlohmann::json;

ExportDialog::ExportDialog(StoreSession* session, const json& currentFilter, const QStringList& selectedIds,
                           QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_currentFilter(currentFilter)
    , m_selected(selectedIds)
    , m_all(new QRadioButton(tr("All records (every state)"), this))
    , m_filtered(new QRadioButton(tr("Records matching the current filter"), this))
    , m_selection(
          new QRadioButton(tr("The %n selected record(s)", nullptr, static_cast<int>(selectedIds.size())), this))
    , m_format(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_export(new QPushButton(tr("Export…"), this))
    , m_cancel(new QPushButton(tr("Close"), this))
{
    setWindowTitle(tr("Export Records"));
    m_filtered->setChecked(true);
    m_selection->setEnabled(!selectedIds.isEmpty());
    m_format->addItem(tr("JSON Lines (.jsonl) — imports back unchanged"), QStringLiteral("jsonl"));
    m_format->addItem(tr("CSV (.csv) — for spreadsheets"), QStringLiteral("csv"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_export->setDefault(true);
    connect(m_export, &QPushButton::clicked, this, [this] { exportTo({}); });
    connect(m_cancel, &QPushButton::clicked, this, &ExportDialog::reject);
    auto* scope = new QVBoxLayout;
    scope->addWidget(m_all);
    scope->addWidget(m_filtered);
    scope->addWidget(m_selection);
    auto* form = new QFormLayout;
    form->addRow(tr("Records:"), scope);
    form->addRow(tr("Format:"), m_format);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_export);
    buttons->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
}

ExportDialog::~ExportDialog()
{
    if (m_running && m_session->isOpen()) {
        m_session->writer().interrupt();
        m_session->writer().waitForDone();
    }
}

QString ExportDialog::status() const { return m_status->text(); }

json ExportDialog::chosenFilter() const
{
    if (m_all->isChecked())
        return json{{"state", "*"}};
    if (m_selection->isChecked()) {
        json ids = json::array();
        for (const auto& id : m_selected)
            ids.push_back(id.toStdString());
        return json{{"id", {{"in", ids}}}};
    }
    return m_currentFilter;
}

void ExportDialog::exportTo(QString path)
{
    if (m_running || !m_session->isOpen())
        return;
    const bool csv = m_format->currentData().toString() == QLatin1String("csv");
    if (path.isEmpty()) {
        path = QFileDialog::getSaveFileName(this, tr("Export Records"),
                                            QDir::home().filePath(csv ? QStringLiteral("memscope-export.csv")
                                                                      : QStringLiteral("memscope-export.jsonl")),
                                            csv ? tr("CSV files (*.csv)") : tr("JSON Lines (*.jsonl)"));
        if (path.isEmpty())
            return;
    }
    m_running = true;
    m_export->setEnabled(false);
    m_cancel->setText(tr("Cancel"));
    m_status->setText(tr("Exporting…"));
    auto* receiver = this;
    m_session->writer()
        .run([path = path.toStdString(), filter = chosenFilter(), csv, receiver](MemoryStore& store) {
            std::ofstream out(path, std::ios::binary | std::ios::trunc);
            if (!out)
                throw Error(Error::Kind::Io, path + ": cannot write the export file");
            try {
                const auto n = RecordExporter(store).run(
                    out, filter, csv ? RecordExporter::Format::Csv : RecordExporter::Format::JsonLines,
                    [receiver](std::int64_t done) {
                        QMetaObject::invokeMethod(
                            receiver,
                            [receiver, done] {
                                if (receiver->m_running) // progress queued behind the end is old news
                                    receiver->m_status->setText(
                                        tr("Exporting… %1 records").arg(QLocale().toString(qlonglong(done))));
                            },
                            Qt::QueuedConnection);
                    });
                out.close();
                if (!out)
                    throw Error(Error::Kind::Io, path + ": writing the export failed (disk full?)");
                return n;
            } catch (...) {
                out.close();
                std::remove(path.c_str()); // never leave half a file that looks like an export
                throw;
            }
        })
        .then(this, [this, path](TaskResult<std::int64_t> result) {
            m_running = false;
            m_export->setEnabled(true);
            m_cancel->setText(tr("Close"));
            if (!result.ok()) {
                m_status->setText(result.cancelled() ? tr("Export cancelled; no file was left behind.")
                                                     : tr("The export failed: %1").arg(result.error->message));
                return;
            }
            m_status->setText(tr("%1 records written to %2")
                                  .arg(QLocale().toString(qlonglong(*result.value)), QDir::toNativeSeparators(path)));
            emit exported(path, *result.value);
        });
}

void ExportDialog::reject()
{
    if (m_running) {
        m_session->writer().interrupt();
        return;
    }
    QDialog::reject();
}

} // namespace memscope::ui
