#include "views/RunsView.h"

#include "dialogs/RunCompareDialog.h"
#include "dialogs/RunTaskDialog.h"
#include "models/OutcomeStyle.h"
#include "models/RunListModel.h"
#include "settings/ApiKeyStore.h"
#include "settings/Settings.h"
#include "store/StoreSession.h"
#include "store/StoreWorker.h"
#include "views/LearningCurvePanel.h"
#include "views/RunInspector.h"
#include "widgets/ErrorBanner.h"

#include <agent/AgentRunner.h>
#include <agent/PackLibrary.h>
#include <agent/RunComparison.h>
#include <agent/RunStore.h>
#include <llm/EndpointProbe.h>
#include <storage/MemoryStore.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace memscope::ui {

namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }

QComboBox* filterBox(QWidget* parent, const QString& name, const QString& any)
{
    auto* box = new QComboBox(parent);
    box->setObjectName(name);
    box->addItem(any, QString());
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return box;
}

} // namespace

RunsView::RunsView(StoreSession* session, Settings* settings, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_settings(settings)
    , m_keys(new ApiKeyStore(this))
    , m_launcher(new AgentRunLauncher(session, this))
    , m_model(new RunListModel(session, this))
    , m_banner(new ErrorBanner(this))
    , m_endpointBanner(new ErrorBanner(this))
    , m_taskType(filterBox(this, QStringLiteral("runTaskTypeFilter"), tr("All task types")))
    , m_status(filterBox(this, QStringLiteral("runStatusFilter"), tr("Any status")))
    , m_outcome(filterBox(this, QStringLiteral("runOutcomeFilter"), tr("Any outcome")))
    , m_search(new QLineEdit(this))
    , m_run(new QPushButton(tr("Run Tas&k…"), this))
    , m_rerun(new QPushButton(tr("Re-ru&n"), this))
    , m_ablation(new QPushButton(tr("Re-run with&out Memory"), this))
    , m_compare(new QPushButton(tr("Com&pare…"), this))
    , m_cancel(new QPushButton(tr("Cance&l Run"), this))
    , m_table(new QTableView(this))
    , m_inspector(new RunInspector(this))
    , m_statusLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("runsView"));
    m_endpointBanner->setObjectName(QStringLiteral("endpointBanner"));
    m_banner->setObjectName(QStringLiteral("runsBanner"));
    m_banner->hide();
    m_endpointBanner->hide();
    for (const char* status : {"running", "completed", "failed", "cancelled"})
        m_status->addItem(RunListModel::statusLabel(QString::fromLatin1(status)), QString::fromLatin1(status));
    for (const QString& outcome : OutcomeStyle::outcomes())
        m_outcome->addItem(OutcomeStyle::icon(outcome), OutcomeStyle::label(outcome), outcome);
    m_search->setObjectName(QStringLiteral("runSearch"));
    m_search->setPlaceholderText(tr("Run id, task, pack, model or error"));
    m_search->setClearButtonEnabled(true);
    m_run->setObjectName(QStringLiteral("runTaskButton"));
    m_rerun->setObjectName(QStringLiteral("rerunButton"));
    m_ablation->setObjectName(QStringLiteral("ablationButton"));
    m_compare->setObjectName(QStringLiteral("compareButton"));
    m_cancel->setObjectName(QStringLiteral("cancelRunButton"));
    m_rerun->setToolTip(tr("Run the selected run's task again, with memory"));
    m_ablation->setToolTip(tr("Run the selected run's task again without memory, to see what the lessons change"));
    m_statusLabel->setObjectName(QStringLiteral("runsStatus"));
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_searchDebounce.setSingleShot(true);
    m_searchDebounce.setInterval(250);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_taskType);
    bar->addWidget(m_status);
    bar->addWidget(m_outcome);
    bar->addWidget(m_search, 1);
    bar->addSpacing(12);
    bar->addWidget(m_run);
    bar->addWidget(m_rerun);
    bar->addWidget(m_ablation);
    bar->addWidget(m_compare);
    bar->addWidget(m_cancel);

    m_table->setObjectName(QStringLiteral("runTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows: two of them are compared; the current row still drives the inspector.
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("runsSplitter"));
    splitter->addWidget(m_table);
    // The inspector shares the lower half with the learning curve of a batch.
    m_lowerTabs = new QTabWidget(this);
    m_lowerTabs->setObjectName(QStringLiteral("runsTabs"));
    m_lowerTabs->setDocumentMode(true);
    m_curvePanel = new LearningCurvePanel(session, m_lowerTabs);
    m_lowerTabs->addTab(m_inspector, tr("Run"));
    m_lowerTabs->addTab(m_curvePanel, tr("Learning curve"));
    splitter->addWidget(m_lowerTabs);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(4);
    layout->addWidget(m_endpointBanner);
    layout->addWidget(m_banner);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_statusLabel);

    for (auto* box : {m_taskType, m_status, m_outcome})
        connect(box, &QComboBox::currentIndexChanged, this, &RunsView::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDebounce.start(); });
    connect(&m_searchDebounce, &QTimer::timeout, this, &RunsView::applyFilters);
    connect(m_run, &QPushButton::clicked, this, &RunsView::openRunDialog);
    connect(m_rerun, &QPushButton::clicked, this, [this] { rerun(true); });
    connect(m_ablation, &QPushButton::clicked, this, [this] { rerun(false); });
    connect(m_compare, &QPushButton::clicked, this, [this] {
        const auto [a, b] = compareTargets();
        if (!a.isEmpty())
            compareRuns(a, b);
    });
    connect(m_cancel, &QPushButton::clicked, m_launcher, &AgentRunLauncher::cancel);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RunsView::onCurrentRunChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunsView::updateButtons);
    connect(m_model, &RunListModel::refreshed, this, &RunsView::onRefreshed);
    connect(m_model, &RunListModel::loadingChanged, this, &RunsView::updateStatus);
    connect(m_model, &RunListModel::queryFailed, this, [this](const TaskError& error) {
        if (error.kind != Error::Kind::Cancelled)
            m_banner->showMessage(ErrorBanner::Level::Error, tr("The runs could not be listed: %1").arg(error.message));
    });
    connect(m_inspector, &RunInspector::openRecordRequested, this, &RunsView::openRecordRequested);
    connect(m_session, &StoreSession::opened, this, &RunsView::updateButtons);
    connect(m_session, &StoreSession::closed, this, [this] {
        m_liveRunId.clear();
        m_liveTrace.reset();
        m_inspector->showMessage(tr("No store is open."));
    });

    connect(m_launcher, &AgentRunLauncher::runningChanged, this, [this] {
        updateButtons();
        updateStatus();
    });
    connect(m_launcher, &AgentRunLauncher::episodeStarted, this, [this](int episode, int episodes) {
        m_progress = tr("Running %1 of %2…").arg(episode).arg(episodes);
        updateStatus();
    });
    connect(m_launcher, &AgentRunLauncher::traceUpdated, this, &RunsView::onTraceUpdated);
    connect(m_launcher, &AgentRunLauncher::outputDelta, this, [this](const QString& runId, const QString& delta) {
        if (m_inspector->runId() == runId)
            m_inspector->appendOutput(delta);
    });
    connect(m_launcher, &AgentRunLauncher::batchFinished, this, [this](int runs, int episodes, bool cancelled) {
        m_progress.clear();
        m_follow = false;
        if (cancelled)
            m_banner->showMessage(ErrorBanner::Level::Info,
                                  tr("Cancelled after %1 of %2 run(s).").arg(runs).arg(episodes));
        const QString original = std::exchange(m_ablationOf, QString());
        if (!cancelled && !original.isEmpty())
            offerAblationComparison(original);
        updateStatus();
        m_session->checkForChanges();
    });
    connect(m_launcher, &AgentRunLauncher::learningCurveFinished, this, &RunsView::showLearningCurve);
    connect(m_launcher, &AgentRunLauncher::failed, this, [this](const QString& message) {
        m_progress.clear();
        m_banner->showMessage(ErrorBanner::Level::Error, tr("The runs could not start: %1").arg(message));
        updateStatus();
    });
    updateButtons();
    updateStatus();
}

RunsView::~RunsView() { m_ollamaCancel->store(true); }

bool RunsView::isLoading() const
{
    return m_model->isLoading() || m_traceLoading || m_compareLoading || m_curvePanel->isLoading();
}

QString RunsView::currentRunId() const { return m_model->runId(m_table->currentIndex().row()); }

void RunsView::selectRun(const QString& runId)
{
    const int row = m_model->rowOfRun(runId);
    if (row < 0)
        return;
    m_selecting = true;
    m_table->setCurrentIndex(m_model->index(row, RunListModel::StartedColumn));
    m_table->scrollTo(m_model->index(row, RunListModel::StartedColumn));
    m_selecting = false;
}

void RunsView::showRun(const QString& runId)
{
    m_follow = false;
    if (m_model->rowOfRun(runId) >= 0) {
        m_pendingRun.clear();
        selectRun(runId);
        return;
    }
    m_pendingRun = runId;
    for (auto* box : {m_taskType, m_status, m_outcome}) {
        const QSignalBlocker block(box);
        box->setCurrentIndex(0);
    }
    const QSignalBlocker block(m_search);
    m_search->setText(runId); // the run id filter finds it beyond the newest runs listed
    m_searchDebounce.stop();
    applyFilters();
}

void RunsView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    updateEndpointHint();
}

bool RunsView::updateEndpointHint()
{
    const ProviderProfile profile = AgentRunLauncher::profileFor(*m_settings);
    if (profile.configured()) {
        m_endpointBanner->dismiss();
        return true;
    }
    m_endpointBanner->showMessage(
        ErrorBanner::Level::Info,
        profile.baseUrl.empty()
            ? tr("No LLM endpoint is configured, so agent runs cannot start: set its base URL and model in Edit → "
                 "Preferences (or OPENAI_BASE_URL and MEMSCOPE_MODEL in the environment). Recorded runs can be "
                 "inspected as usual.")
            : tr("No model is set for the LLM endpoint %1: set one in Edit → Preferences (or MEMSCOPE_MODEL in the "
                 "environment).")
                  .arg(text(profile.displayBaseUrl())));
    m_endpointBanner->addAction(tr("Preferences…"), [this] { emit preferencesRequested(); });
    if (profile.baseUrl.empty())
        lookForOllama();
    return false;
}

void RunsView::lookForOllama()
{
    if (m_ollamaLooked)
        return; // once per window: a local server does not come and go by the second
    m_ollamaLooked = true;
    QtConcurrent::run([cancel = m_ollamaCancel] {
        try {
            return EndpointProbe::detectOllama(EndpointProbe::kOllamaTimeoutMs, cancel.get());
        } catch (const Error&) {
            return EndpointProbeResult{};
        }
    }).then(this, [this](EndpointProbeResult found) {
        if (!found.reachable || !found.ok() || found.models.empty() ||
            AgentRunLauncher::profileFor(*m_settings).configured())
            return;
        const QString url = text(found.baseUrl);
        const QString model = text(found.models.front());
        m_endpointBanner->showMessage(
            ErrorBanner::Level::Info,
            tr("No LLM endpoint is configured, but Ollama is running on this computer at %1 with %n model(s). Use "
               "it with %2, or choose another in Edit → Preferences.",
               nullptr, static_cast<int>(found.models.size()))
                .arg(url, model));
        m_endpointBanner->addAction(tr("Use Ollama"),
                                    [this, url, model] { useEndpoint(QStringLiteral("Ollama"), url, model); });
        m_endpointBanner->addAction(tr("Preferences…"), [this] { emit preferencesRequested(); });
    });
}

void RunsView::useEndpoint(const QString& name, const QString& baseUrl, const QString& model)
{
    QList<LlmEndpoint> endpoints = m_settings->llmEndpoints();
    endpoints.erase(
        std::remove_if(endpoints.begin(), endpoints.end(), [&](const LlmEndpoint& e) { return e.name == name; }),
        endpoints.end());
    endpoints.append({name, baseUrl, model});
    m_settings->setLlmEndpoints(endpoints);
    m_settings->setCurrentLlmEndpoint(name);
    m_settings->sync();
    if (updateEndpointHint())
        m_banner->showMessage(ErrorBanner::Level::Info,
                              tr("Agent runs now use %1 (%2) at %3.").arg(name, model, baseUrl));
}

void RunsView::applyFilters()
{
    RunListQuery query;
    query.taskType = m_taskType->currentData().toString().toStdString();
    query.status = m_status->currentData().toString().toStdString();
    query.outcome = m_outcome->currentData().toString().toStdString();
    query.text = m_search->text().trimmed().toStdString();
    query.limit = RunListModel::kDefaultLimit;
    m_model->setQuery(query);
}

bool RunsView::filtersActive() const
{
    // The query behind the rows on display, not the widgets (the search field may be mid-debounce).
    const RunListQuery& q = m_model->query();
    return !q.taskType.empty() || !q.status.empty() || !q.outcome.empty() || !q.batchId.empty() || !q.text.empty();
}

void RunsView::fillTaskTypes()
{
    const QStringList types = m_model->taskTypes();
    if (types.size() == m_taskType->count() - 1)
        return;
    const QString current = m_taskType->currentData().toString();
    const QSignalBlocker block(m_taskType);
    while (m_taskType->count() > 1)
        m_taskType->removeItem(1);
    for (const QString& type : types)
        m_taskType->addItem(type, type);
    m_taskType->setCurrentIndex(std::max(0, m_taskType->findData(current)));
}

void RunsView::onCurrentRunChanged()
{
    if (!m_selecting)
        m_follow = false; // the operator chose a run: stop following the batch
    updateButtons();
    const QString id = currentRunId();
    if (id.isEmpty()) {
        ++m_traceGeneration;
        m_traceLoading = false;
        m_inspector->showMessage(m_model->rowCount() > 0 ? tr("Select a run.")
                                 : filtersActive()       ? tr("No runs match.")
                                                   : tr("No agent runs are recorded yet: Run Task… starts one."));
        return;
    }
    if (id == m_liveRunId && m_liveTrace) {
        m_inspector->showTrace(*m_liveTrace);
        return;
    }
    if (m_inspector->runId() != id) {
        loadTrace(id);
        return;
    }
    ++m_traceGeneration; // back on the run on display: a trace still loading must not replace it
    m_traceLoading = false;
}

void RunsView::onRefreshed()
{
    fillTaskTypes();
    updateStatus();
    updateButtons(); // another run of the selected run's task may have come
    if (!m_columnsFitted && m_model->rowCount() > 0) {
        // Once, to the first rows (and the language's headers); the operator's widths stay after that.
        m_columnsFitted = true;
        for (int c = 0; c < RunListModel::ModelColumn; ++c)
            m_table->resizeColumnToContents(c);
    }
    if (!m_pendingRun.isEmpty()) {
        const QString pending = std::exchange(m_pendingRun, QString());
        if (m_model->rowOfRun(pending) >= 0) {
            selectRun(pending);
            return;
        }
        m_banner->showMessage(ErrorBanner::Level::Warning, tr("Run %1 is not in this store.").arg(pending));
    }
    if (m_follow && !m_liveRunId.isEmpty() && currentRunId() != m_liveRunId && m_model->rowOfRun(m_liveRunId) >= 0) {
        selectRun(m_liveRunId);
        return;
    }
    if (!m_table->currentIndex().isValid()) {
        if (m_model->rowCount() > 0)
            selectRun(m_model->runId(0));
        else
            onCurrentRunChanged();
        return;
    }
    // The run on display may have moved on (finished in another process): read it again.
    const RunSummary* s = m_model->summary(m_table->currentIndex().row());
    const auto& shown = m_inspector->trace();
    if (s && text(s->runId) != m_liveRunId && shown && shown->runId == s->runId &&
        (shown->status != s->status || shown->outcome != s->outcome || shown->writtenMemoryId != s->writtenMemoryId))
        loadTrace(text(s->runId));
}

void RunsView::loadTrace(const QString& runId)
{
    if (!m_session->isOpen())
        return;
    const quint64 generation = ++m_traceGeneration;
    m_traceLoading = true;
    m_session->inspector()
        .run([id = runId.toStdString()](MemoryStore& store) { return RunStore(store).require(id); })
        .then(this, [this, generation](TaskResult<RunTrace> result) {
            if (generation != m_traceGeneration)
                return;
            m_traceLoading = false;
            if (!result.ok()) {
                m_inspector->showMessage(tr("The run could not be read: %1").arg(result.error->message));
                return;
            }
            m_inspector->showTrace(*result.value);
        });
}

void RunsView::onTraceUpdated(const RunTrace& trace, int event)
{
    const QString id = text(trace.runId);
    if (event == static_cast<int>(AgentRunner::Event::Started)) {
        m_liveRunId = id;
        if (m_follow) {
            ++m_traceGeneration; // a trace still loading must not replace the live one
            m_traceLoading = false;
            m_inspector->showTrace(trace);
        }
    }
    if (id == m_liveRunId)
        m_liveTrace = trace;
    if (m_inspector->runId() == id)
        m_inspector->showTrace(trace);
    if (event == static_cast<int>(AgentRunner::Event::Started) ||
        event == static_cast<int>(AgentRunner::Event::Finished))
        m_session->checkForChanges(); // the table shows the run at once
}

void RunsView::openRunDialog()
{
    if (!updateEndpointHint())
        return;
    RunTaskDialog dialog(PackLibrary(PackLibrary::defaultFolders()), this);
    QStringList endpoints;
    for (const auto& e : m_settings->llmEndpoints())
        endpoints << e.name;
    dialog.setEndpoints(endpoints, m_settings->currentLlmEndpoint());
    if (const RunSummary* s = m_model->summary(m_table->currentIndex().row()))
        dialog.selectPack(text(s->pack));
    if (dialog.exec() == QDialog::Accepted)
        startRuns(dialog.request());
}

void RunsView::rerun(bool memory)
{
    const RunSummary* s = m_model->summary(m_table->currentIndex().row());
    if (!s)
        return;
    RunRequest request;
    request.pack = text(s->pack);
    request.taskId = text(s->taskId);
    request.userId = s->userId.empty() ? QStringLiteral("global") : text(s->userId);
    request.version = text(s->version);
    request.memory = memory;
    m_ablationOf = memory ? QString() : text(s->runId);
    startRuns(request);
}

void RunsView::offerAblationComparison(const QString& original)
{
    // The batch's last run is the re-run: it must be the ablation of the original's task (another batch
    // started meanwhile, say from Run Task…, is not).
    if (!m_liveTrace || m_liveTrace->memory || m_liveRunId == original)
        return;
    if (const RunSummary* s = m_model->summary(m_model->rowOfRun(original));
        s && (s->pack != m_liveTrace->pack || s->taskId != m_liveTrace->taskId))
        return;
    const QString ablation = m_liveRunId;
    const QString outcome = m_liveTrace->outcome.empty() ? RunListModel::statusLabel(text(m_liveTrace->status))
                                                         : OutcomeStyle::label(text(m_liveTrace->outcome));
    m_banner->showMessage(ErrorBanner::Level::Info, tr("Ablation run finished: %1 without memory.").arg(outcome));
    m_banner->addAction(tr("Compare"), [this, original, ablation] {
        m_banner->dismiss();
        compareRuns(original, ablation);
    });
}

RunCompareDialog* RunsView::compareDialog() const { return m_compareDialog; }

std::pair<QString, QString> RunsView::compareTargets() const
{
    const auto startedAt = [this](int row) { return m_model->summary(row)->startedAt; };
    // The earlier run is A.
    const auto ordered = [&](int x, int y) {
        return startedAt(x) <= startedAt(y) ? std::pair(m_model->runId(x), m_model->runId(y))
                                            : std::pair(m_model->runId(y), m_model->runId(x));
    };
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() == 2 && m_model->summary(rows[0].row()) && m_model->summary(rows[1].row()))
        return ordered(rows[0].row(), rows[1].row());
    if (rows.size() != 1)
        return {};
    const int selected = rows[0].row();
    const RunSummary* s = m_model->summary(selected);
    if (!s)
        return {};
    int other = -1;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const RunSummary* r = m_model->summary(row);
        if (row != selected && r->pack == s->pack && r->taskId == s->taskId && r->taskType == s->taskType &&
            (other < 0 || r->startedAt > startedAt(other)))
            other = row;
    }
    return other < 0 ? std::pair<QString, QString>() : ordered(selected, other);
}

void RunsView::compareRuns(const QString& a, const QString& b)
{
    if (!m_session->isOpen() || a.isEmpty() || b.isEmpty())
        return;
    const quint64 generation = ++m_compareGeneration;
    m_compareLoading = true;
    // Both traces read and compared on the inspector's worker: large traces never stall the UI.
    m_session->inspector()
        .run([a = a.toStdString(), b = b.toStdString()](MemoryStore& store) {
            RunStore runs(store);
            const RunTrace first = runs.require(a);
            return RunComparison::compare(first, runs.require(b));
        })
        .then(this, [this, generation](TaskResult<RunComparison> result) {
            if (generation != m_compareGeneration)
                return;
            m_compareLoading = false;
            if (!result.ok()) {
                m_banner->showMessage(ErrorBanner::Level::Error,
                                      tr("The runs could not be compared: %1").arg(result.error->message));
                return;
            }
            auto* dialog = new RunCompareDialog(std::move(*result.value), this);
            connect(dialog, &RunCompareDialog::openRecordRequested, this, &RunsView::openRecordRequested);
            m_compareDialog = dialog;
            dialog->show();
            dialog->raise();
            dialog->activateWindow();
        });
}

void RunsView::startRuns(const RunRequest& request)
{
    if (!updateEndpointHint())
        return;
    if (!m_session->isOpen() || m_session->isReadOnly()) {
        m_banner->showMessage(ErrorBanner::Level::Warning,
                              tr("Runs write to the store: open it writable to run tasks."));
        return;
    }
    if (m_launcher->isRunning()) {
        m_banner->showMessage(ErrorBanner::Level::Info, tr("A run is already in progress: wait or cancel it first."));
        return;
    }
    ProviderProfile profile = AgentRunLauncher::profileFor(*m_settings, request.endpoint);
    if (!profile.configured()) {
        m_banner->showMessage(
            ErrorBanner::Level::Warning,
            tr("The endpoint \"%1\" has no base URL or model: set them in Edit → Preferences.").arg(request.endpoint));
        return;
    }
    QPointer<RunsView> self(this);
    const QString keyName = QString::fromStdString(profile.name);
    m_keys->read(
        ApiKeyStore::Account::Llm,
        [self, request, profile](const QString& key, ApiKeyStore::Source) mutable {
            if (!self)
                return;
            if (!key.isEmpty())
                profile.apiKey = key.toStdString();
            self->m_banner->dismiss();
            self->m_follow = true;
            self->m_lowerTabs->setCurrentWidget(self->m_inspector); // the live run; a curve comes back at the end
            self->m_progress.clear();
            self->m_launcher->start(request, profile);
        },
        keyName);
}

void RunsView::showLearningCurve(const QString& batchId)
{
    m_lowerTabs->setCurrentWidget(m_curvePanel);
    if (!batchId.isEmpty())
        m_curvePanel->selectBatch(batchId);
}

void RunsView::updateButtons()
{
    const bool canRun = m_session->isOpen() && !m_session->isReadOnly() && !m_launcher->isRunning();
    const bool selected = m_model->summary(m_table->currentIndex().row()) != nullptr;
    m_run->setEnabled(canRun);
    m_rerun->setEnabled(canRun && selected);
    m_ablation->setEnabled(canRun && selected);
    const auto [a, b] = compareTargets();
    m_compare->setEnabled(!a.isEmpty());
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() == 1 && !a.isEmpty())
        m_compare->setToolTip(tr("Compare the selected run with the newest other run of its task (%1)")
                                  .arg(a == m_model->runId(rows[0].row()) ? b : a));
    else
        m_compare->setToolTip(tr("Compare two runs side by side: select two runs, or one whose task has other runs"));
    m_cancel->setEnabled(m_launcher->isRunning());
}

void RunsView::updateStatus()
{
    QString status = m_model->isLoading() && m_model->rowCount() == 0 ? tr("Listing runs…")
                                                                      : tr("%n run(s)", nullptr, m_model->rowCount());
    if (m_model->rowCount() >= RunListModel::kDefaultLimit)
        status = tr("The newest %1 runs").arg(QLocale().toString(m_model->rowCount()));
    if (m_launcher->isRunning())
        status += QStringLiteral(" · ") + (m_progress.isEmpty() ? tr("Starting…") : m_progress);
    m_statusLabel->setText(status);
}

} // namespace memscope::ui
