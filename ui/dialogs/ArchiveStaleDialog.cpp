#include "dialogs/ArchiveStaleDialog.h"

#include "curation/CurationController.h"
#include "models/NaturalOrder.h"
#include "models/OutcomeStyle.h"
#include "models/RecordTableModel.h"
#include "store/StoreSession.h"
#include "store/StoreWorker.h"
#include "views/RecordTableView.h"

#include <stats/FacetCounter.h>
#include <storage/MemoryStore.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace memscope::ui {

using nlohmann::json;

namespace {

struct Choices {
    QStringList versions, tasks, tools;
};

} // namespace

ArchiveStaleDialog::ArchiveStaleDialog(StoreSession* session, CurationController* curation, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_curation(curation)
    , m_olderCheck(new QCheckBox(tr("Older than"), this))
    , m_olderDays(new QSpinBox(this))
    , m_version(new QComboBox(this))
    , m_task(new QComboBox(this))
    , m_tool(new QComboBox(this))
    , m_notRetrieved(new QCheckBox(tr("Not retrieved by any agent run in the last 30 days"), this))
    , m_filterView(new QPlainTextEdit(this))
    , m_countLabel(new QLabel(this))
    , m_preview(new RecordTableModel(session, this))
    , m_table(new RecordTableView(this))
    , m_reason(new QLineEdit(this))
    , m_archive(new QPushButton(this))
{
    setWindowTitle(tr("Archive Stale Lessons"));
    m_olderCheck->setChecked(true);
    m_olderDays->setRange(1, 3650);
    m_olderDays->setValue(90);
    m_olderDays->setSuffix(tr(" days"));
    m_version->addItem(tr("Any version"));
    m_task->addItem(tr("Any task type"));
    m_tool->addItem(tr("Any tool"));
    // Agent runs keep an access log; until runs are recorded there is nothing to judge "not retrieved" by.
    m_notRetrieved->setEnabled(false);
    m_notRetrieved->setToolTip(tr("Available once agent runs are recorded in this store."));
    auto* outcomes = new QHBoxLayout;
    for (const auto& o : OutcomeStyle::outcomes()) {
        auto* box = new QCheckBox(OutcomeStyle::label(o), this);
        box->setIcon(OutcomeStyle::icon(o));
        box->setProperty("outcome", o);
        m_outcomes << box;
        outcomes->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &ArchiveStaleDialog::schedulePreview);
    }
    outcomes->addStretch(1);
    m_filterView->setReadOnly(true);
    m_filterView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_filterView->setMaximumHeight(m_filterView->fontMetrics().lineSpacing() * 5 + 12);
    m_filterView->setObjectName(QStringLiteral("ruleFilter"));
    m_countLabel->setObjectName(QStringLiteral("matchCount"));
    m_countLabel->setTextFormat(Qt::PlainText);
    m_table->setModel(m_preview);
    m_table->applyDefaultColumns();
    m_table->setColumnHidden(RecordTableModel::ScoreColumn, true);
    m_reason->setPlaceholderText(tr("Reason (optional, kept in the history)"));
    m_archive->setDefault(true);

    auto* older = new QHBoxLayout;
    older->addWidget(m_olderCheck);
    older->addWidget(m_olderDays);
    older->addStretch(1);
    auto* form = new QFormLayout;
    form->addRow(tr("Age:"), older);
    form->addRow(tr("Version before:"), m_version);
    form->addRow(tr("Outcome:"), outcomes);
    form->addRow(tr("Task type:"), m_task);
    form->addRow(tr("Tool:"), m_tool);
    form->addRow(QString(), m_notRetrieved);
    form->addRow(tr("Rule as a filter:"), m_filterView);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_archive, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_archive, &QPushButton::clicked, this, &ArchiveStaleDialog::applyRule);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_countLabel);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_reason);
    layout->addWidget(buttons);
    resize(980, 720);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &ArchiveStaleDialog::runPreview);
    connect(m_olderCheck, &QCheckBox::toggled, m_olderDays, &QWidget::setEnabled);
    connect(m_olderCheck, &QCheckBox::toggled, this, &ArchiveStaleDialog::schedulePreview);
    connect(m_olderDays, &QSpinBox::valueChanged, this, &ArchiveStaleDialog::schedulePreview);
    for (auto* box : {m_version, m_task, m_tool})
        connect(box, &QComboBox::currentIndexChanged, this, &ArchiveStaleDialog::schedulePreview);
    connect(m_preview, &RecordTableModel::queryFinished, this, [this](qint64 rows) {
        m_count = rows;
        m_countLabel->setText(tr("%1 active records match this rule.").arg(QLocale().toString(rows)));
        m_archive->setText(tr("Archive %n Record(s)", nullptr, static_cast<int>(rows)));
        m_archive->setEnabled(rows > 0 && !m_session->isReadOnly());
    });
    connect(m_preview, &RecordTableModel::queryFailed, this, [this](const TaskError& error) {
        m_countLabel->setText(error.message);
        m_archive->setEnabled(false);
    });
    loadChoices();
    runPreview();
}

void ArchiveStaleDialog::loadChoices()
{
    if (!m_session->isOpen())
        return;
    m_session->counter()
        .run([](MemoryStore& store) {
            FacetCounter counter(store.connection());
            const json active = json{{"state", "active"}};
            auto values = [&](const char* field) {
                QStringList out;
                for (const auto& [v, n] : counter.count(field, active).values)
                    if (!v.empty())
                        out << QString::fromStdString(v);
                return out;
            };
            Choices c{values("version"), values("task_type"), values("tool_name")};
            c.tasks.sort();
            c.tools.sort();
            return c;
        })
        .then(this, [this](TaskResult<Choices> result) {
            if (!result.ok())
                return;
            m_versions = result.value->versions;
            QStringList sorted = m_versions;
            std::sort(sorted.begin(), sorted.end(), &NaturalOrder::less);
            const QSignalBlocker b1(m_version), b2(m_task), b3(m_tool);
            m_version->addItems(sorted);
            m_task->addItems(result.value->tasks);
            m_tool->addItems(result.value->tools);
        });
}

StaleRule ArchiveStaleDialog::rule() const
{
    StaleRule rule;
    if (m_olderCheck->isChecked())
        rule.olderThanDays = m_olderDays->value();
    if (m_version->currentIndex() > 0)
        rule.versionBefore = m_version->currentText();
    rule.knownVersions = m_versions;
    for (auto* box : m_outcomes)
        if (box->isChecked())
            rule.outcomes << box->property("outcome").toString();
    if (m_task->currentIndex() > 0)
        rule.taskType = m_task->currentText();
    if (m_tool->currentIndex() > 0)
        rule.toolName = m_tool->currentText();
    return rule;
}

bool ArchiveStaleDialog::isPreviewing() const { return m_debounce.isActive() || m_preview->isLoading(); }

void ArchiveStaleDialog::schedulePreview()
{
    m_archive->setEnabled(false);
    m_debounce.start();
}

void ArchiveStaleDialog::runPreview()
{
    m_filter = rule().filter();
    m_filterView->setPlainText(QString::fromStdString(m_filter.dump(2)));
    m_count = -1;
    m_countLabel->setText(tr("Counting…"));
    m_archive->setText(tr("Archive"));
    m_archive->setEnabled(false);
    RecordQuery query;
    query.filter = m_filter;
    query.order = ListingOrder{"created_at", false}; // oldest first: the stalest lessons on top
    {
        const QSignalBlocker block(m_table->horizontalHeader());
        m_table->horizontalHeader()->setSortIndicator(RecordTableModel::TimeColumn, Qt::AscendingOrder);
    }
    m_preview->setQuery(query);
}

void ArchiveStaleDialog::applyRule()
{
    if (isPreviewing() || m_count <= 0)
        return;
    const QString description = tr("Archive %n stale lesson(s)", nullptr, static_cast<int>(m_count));
    m_curation->setStateByFilter(m_filter, RecordState::Archived, m_reason->text().trimmed(), description);
    accept();
}

} // namespace memscope::ui
