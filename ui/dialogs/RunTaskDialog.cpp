#include "dialogs/RunTaskDialog.h"

#include <util/Error.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace memscope::ui {

RunTaskDialog::RunTaskDialog(const PackLibrary& library, QWidget* parent)
    : QDialog(parent)
    , m_library(library)
    , m_entries(library.list())
    , m_pack(new QComboBox(this))
    , m_about(new QLabel(this))
    , m_task(new QComboBox(this))
    , m_user(new QLineEdit(QStringLiteral("global"), this))
    , m_episodes(new QSpinBox(this))
    , m_memory(new QCheckBox(tr("Use memory: prefetch the lessons of earlier runs into the prompt"), this))
    , m_version(new QLineEdit(this))
{
    setWindowTitle(tr("Run Task"));
    setObjectName(QStringLiteral("runTaskDialog"));
    m_pack->setObjectName(QStringLiteral("packBox"));
    m_task->setObjectName(QStringLiteral("taskBox"));
    m_user->setObjectName(QStringLiteral("userField"));
    m_episodes->setObjectName(QStringLiteral("episodesBox"));
    m_memory->setObjectName(QStringLiteral("memoryCheck"));
    m_version->setObjectName(QStringLiteral("versionField"));
    m_about->setTextFormat(Qt::PlainText); // pack files are not ours: their text is shown as written
    m_about->setWordWrap(true);
    m_about->setForegroundRole(QPalette::PlaceholderText);
    m_episodes->setRange(1, 1000);
    m_memory->setChecked(true);
    m_user->setToolTip(tr("Whose lessons join the global ones in the prompt, and who owns the new lesson"));

    auto* items = qobject_cast<QStandardItemModel*>(m_pack->model());
    for (const auto& e : m_entries) {
        const QString name = QString::fromStdString(e.name);
        m_pack->addItem(e.title.empty() ? name : tr("%1 — %2").arg(name, QString::fromStdString(e.title)), name);
        if (!e.error.empty() && items) {
            QStandardItem* item = items->item(m_pack->count() - 1);
            item->setEnabled(false);
            item->setToolTip(QString::fromStdString(e.error));
        }
    }

    auto* form = new QFormLayout;
    form->addRow(tr("&Pack:"), m_pack);
    form->addRow(QString(), m_about);
    form->addRow(tr("&Task:"), m_task);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Episodes:"), m_episodes);
    form->addRow(QString(), m_memory);
    form->addRow(tr("&Version tag:"), m_version);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_run = buttons->button(QDialogButtonBox::Ok);
    m_run->setText(tr("&Run"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(520);

    connect(m_pack, &QComboBox::currentIndexChanged, this, &RunTaskDialog::loadPack);
    connect(m_task, &QComboBox::currentIndexChanged, this, &RunTaskDialog::updateEpisodes);
    // Start on the first usable pack.
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].error.empty()) {
            m_pack->setCurrentIndex(static_cast<int>(i));
            break;
        }
    }
    loadPack();
}

bool RunTaskDialog::selectPack(const QString& name)
{
    const int index = m_pack->findData(name);
    if (index < 0 || !m_entries[static_cast<std::size_t>(index)].error.empty())
        return false;
    m_pack->setCurrentIndex(index);
    return true;
}

void RunTaskDialog::loadPack()
{
    m_loaded.reset();
    m_task->clear();
    const int index = m_pack->currentIndex();
    if (m_entries.empty()) {
        QStringList folders;
        for (const auto& f : m_library.folders())
            folders << QDir::toNativeSeparators(QString::fromStdString(f.string()));
        m_about->setText(tr("No task packs found. Folders searched: %1")
                             .arg(folders.isEmpty() ? tr("none") : folders.join(QStringLiteral(", "))));
    } else if (index >= 0) {
        const auto& entry = m_entries[static_cast<std::size_t>(index)];
        try {
            m_loaded = TaskPack::load(entry.file);
            m_about->setText(
                QString::fromStdString(m_loaded->description.empty() ? m_loaded->title : m_loaded->description));
            m_version->setPlaceholderText(tr("the pack's version (%1)").arg(QString::fromStdString(m_loaded->version)));
        } catch (const Error& e) {
            m_about->setText(tr("This pack cannot be used: %1").arg(QString::fromStdString(e.what())));
        }
    }
    if (m_loaded) {
        m_task->addItem(tr("All tasks, in turn (%n)", nullptr, static_cast<int>(m_loaded->tasks.size())), QString());
        for (const auto& t : m_loaded->tasks)
            m_task->addItem(t.title.empty()
                                ? QString::fromStdString(t.id)
                                : tr("%1 — %2").arg(QString::fromStdString(t.id), QString::fromStdString(t.title)),
                            QString::fromStdString(t.id));
    }
    m_run->setEnabled(m_loaded && !m_loaded->tasks.empty());
    updateEpisodes();
}

void RunTaskDialog::updateEpisodes()
{
    // All tasks: one episode each by default; one task: once.
    const bool all = m_task->currentIndex() == 0;
    m_episodes->setValue(all && m_loaded ? std::max<int>(1, static_cast<int>(m_loaded->tasks.size())) : 1);
}

RunRequest RunTaskDialog::request() const
{
    RunRequest r;
    r.pack = m_pack->currentData().toString();
    r.taskId = m_task->currentData().toString();
    r.userId = m_user->text().trimmed().isEmpty() ? QStringLiteral("global") : m_user->text().trimmed();
    r.episodes = m_episodes->value();
    r.memory = m_memory->isChecked();
    r.version = m_version->text().trimmed();
    return r;
}

} // namespace memscope::ui
