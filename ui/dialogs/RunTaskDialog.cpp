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
#include <QToolButton>
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
    , m_curve(new QCheckBox(tr("&Learning curve: run each episode with and without memory"), this))
    , m_endpointLabel(new QLabel(tr("E&ndpoint:"), this))
    , m_endpoint(new QComboBox(this))
    , m_advanced(new QToolButton(this))
    , m_advancedBody(new QWidget(this))
    , m_budget(new QSpinBox(m_advancedBody))
    , m_perOutcome(new QSpinBox(m_advancedBody))
    , m_toolFilter(new QLineEdit(m_advancedBody))
    , m_versionFilter(new QLineEdit(m_advancedBody))
    , m_sinceDays(new QSpinBox(m_advancedBody))
    , m_queued(new QCheckBox(tr("&Queue the lessons (written in the background after each run)"), m_advancedBody))
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

    m_curve->setObjectName(QStringLiteral("curveCheck"));
    m_curve->setToolTip(tr("For each episode, run the task with memory and then the same task without memory (a "
                           "control that writes no lesson), and chart both success rates by episode: the "
                           "continual-learning curve"));
    m_endpoint->setObjectName(QStringLiteral("endpointBox"));
    m_endpoint->setToolTip(tr("The LLM endpoint (provider profile) the runs use"));
    m_endpointLabel->setBuddy(m_endpoint);
    m_endpointLabel->hide();
    m_endpoint->hide();

    // Defaults are RunOptions' own, so a run from here is a run from `memscope-cli run` without options.
    const RunOptions defaults;
    m_advanced->setObjectName(QStringLiteral("advancedToggle"));
    m_advanced->setText(tr("&Advanced"));
    m_advanced->setToolTip(tr("The prefetch's budget and filters, and where the lessons go"));
    m_advanced->setCheckable(true); // checked: unfolded
    m_advanced->setAutoRaise(true);
    m_advanced->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advanced->setArrowType(Qt::RightArrow);
    m_budget->setObjectName(QStringLiteral("budgetBox"));
    m_budget->setRange(0, 32000);
    m_budget->setSingleStep(100);
    m_budget->setSuffix(tr(" tokens"));
    m_budget->setValue(defaults.lessonBudgetTokens);
    m_budget->setToolTip(tr("The most tokens the lessons may take in the prompt; lessons that do not fit are cut"));
    m_perOutcome->setObjectName(QStringLiteral("perOutcomeBox"));
    m_perOutcome->setRange(1, 50);
    m_perOutcome->setValue(defaults.lessonsPerOutcome);
    m_perOutcome->setToolTip(tr("How many successes and how many failures the prefetch retrieves, before the budget"));
    m_toolFilter->setObjectName(QStringLiteral("toolFilterField"));
    m_toolFilter->setPlaceholderText(tr("any tool"));
    m_toolFilter->setClearButtonEnabled(true);
    m_toolFilter->setToolTip(tr("Retrieve only lessons whose tool_name is this"));
    m_versionFilter->setObjectName(QStringLiteral("versionFilterField"));
    m_versionFilter->setPlaceholderText(tr("any version"));
    m_versionFilter->setClearButtonEnabled(true);
    m_versionFilter->setToolTip(tr("Retrieve only lessons whose version is this"));
    m_sinceDays->setObjectName(QStringLiteral("sinceDaysBox"));
    m_sinceDays->setRange(0, 3650);
    m_sinceDays->setSpecialValueText(tr("any age"));
    m_sinceDays->setSuffix(tr(" days"));
    m_sinceDays->setValue(0);
    m_sinceDays->setToolTip(tr("Retrieve only lessons written in the last N days (0: any age)"));
    m_queued->setObjectName(QStringLiteral("queuedCheck"));
    m_queued->setChecked(defaults.writeback == RunOptions::Writeback::Queue);
    m_queued->setToolTip(tr("Hand each lesson to the persistent writeback queue instead of writing it inline; the "
                            "queue is drained after each run, so the next episode can retrieve the lesson"));
    auto* advancedForm = new QFormLayout(m_advancedBody);
    advancedForm->setContentsMargins(20, 0, 0, 0);
    advancedForm->addRow(tr("Lesson &budget:"), m_budget);
    advancedForm->addRow(tr("Lessons per &outcome:"), m_perOutcome);
    advancedForm->addRow(tr("Only &tool:"), m_toolFilter);
    advancedForm->addRow(tr("Only v&ersion:"), m_versionFilter);
    advancedForm->addRow(tr("Written &within:"), m_sinceDays);
    advancedForm->addRow(QString(), m_queued);
    m_advancedBody->setVisible(false);
    connect(m_advanced, &QToolButton::toggled, this, [this](bool on) {
        m_advanced->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        m_advancedBody->setVisible(on);
        adjustSize();
    });

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
    form->addRow(QString(), m_curve);
    form->addRow(tr("&Version tag:"), m_version);
    form->addRow(m_endpointLabel, m_endpoint);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_run = buttons->button(QDialogButtonBox::Ok);
    m_run->setText(tr("&Run"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_advanced, 0, Qt::AlignLeft);
    layout->addWidget(m_advancedBody);
    layout->addWidget(buttons);
    setMinimumWidth(520);

    connect(m_pack, &QComboBox::currentIndexChanged, this, &RunTaskDialog::loadPack);
    connect(m_task, &QComboBox::currentIndexChanged, this, &RunTaskDialog::updateEpisodes);
    connect(m_curve, &QCheckBox::toggled, this, &RunTaskDialog::updateState);
    connect(m_memory, &QCheckBox::toggled, this, &RunTaskDialog::updateState);
    // Start on the first usable pack.
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].error.empty()) {
            m_pack->setCurrentIndex(static_cast<int>(i));
            break;
        }
    }
    loadPack();
    updateState();
}

void RunTaskDialog::setEndpoints(const QStringList& names, const QString& current)
{
    m_endpoint->clear();
    for (const QString& name : names)
        m_endpoint->addItem(name, name);
    m_endpoint->setCurrentIndex(std::max(0, m_endpoint->findData(current)));
    const bool choice = names.size() >= 2;
    m_endpointLabel->setVisible(choice);
    m_endpoint->setVisible(choice);
}

void RunTaskDialog::updateState()
{
    // The curve runs both arms: the memory choice does not apply.
    m_memory->setEnabled(!m_curve->isChecked());
    // Without memory there is no prefetch to tune.
    const bool prefetch = m_memory->isChecked() || m_curve->isChecked();
    for (QWidget* w :
         {static_cast<QWidget*>(m_budget), static_cast<QWidget*>(m_perOutcome), static_cast<QWidget*>(m_toolFilter),
          static_cast<QWidget*>(m_versionFilter), static_cast<QWidget*>(m_sinceDays)})
        w->setEnabled(prefetch);
    m_run->setText(m_curve->isChecked() ? tr("&Run Both") : tr("&Run"));
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
    r.withControl = m_curve->isChecked();
    if (r.withControl)
        r.memory = true; // the first arm; the control runs without
    r.endpoint = m_endpoint->count() >= 2 ? m_endpoint->currentData().toString() : QString();
    r.lessonBudgetTokens = m_budget->value();
    r.lessonsPerOutcome = m_perOutcome->value();
    r.toolFilter = m_toolFilter->text().trimmed();
    r.versionFilter = m_versionFilter->text().trimmed();
    r.sinceDays = m_sinceDays->value();
    r.writeback = m_queued->isChecked() ? RunOptions::Writeback::Queue : RunOptions::Writeback::Inline;
    return r;
}

} // namespace memscope::ui
