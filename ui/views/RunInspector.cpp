#include "views/RunInspector.h"

#include "models/OutcomeStyle.h"
#include "models/RetrievedMemoryModel.h"
#include "models/RunListModel.h"
#include "models/RunStepModel.h"
#include "widgets/ErrorBanner.h"

#include <QDateTime>
#include <QFont>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTextCursor>
#include <QVBoxLayout>

#include <algorithm>

namespace memscope::ui {

namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }

QLabel* plainLabel(QWidget* parent, const QString& name, bool wrap = true)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::PlainText); // run and model text is never markup
    label->setWordWrap(wrap);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QPlainTextEdit* readOnlyText(QWidget* parent, const QString& name)
{
    auto* edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setReadOnly(true);
    return edit;
}

QTableView* tableView(QWidget* parent, const QString& name)
{
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

} // namespace

RunInspector::RunInspector(QWidget* parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_message(plainLabel(this, QStringLiteral("runInspectorMessage")))
    , m_page(new QWidget(this))
    , m_title(plainLabel(m_page, QStringLiteral("runTitle"), false))
    , m_facts(plainLabel(m_page, QStringLiteral("runFacts")))
    , m_banner(new ErrorBanner(m_page))
    , m_tabs(new QTabWidget(m_page))
    , m_retrieved(new RetrievedMemoryModel(this))
    , m_steps(new RunStepModel(this))
{
    setObjectName(QStringLiteral("runInspector"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_facts->setForegroundRole(QPalette::PlaceholderText);
    m_banner->setObjectName(QStringLiteral("runErrorBanner"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setForegroundRole(QPalette::PlaceholderText);

    m_tabs->setObjectName(QStringLiteral("runTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createContextTab(), tr("Retrieved Context"));
    m_tabs->addTab(createPromptTab(), tr("Prompt"));
    m_tabs->addTab(createStepsTab(), tr("Steps"));
    m_tabs->addTab(createResultTab(), tr("Output && Evaluation"));

    auto* pageLayout = new QVBoxLayout(m_page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(4);
    pageLayout->addWidget(m_title);
    pageLayout->addWidget(m_facts);
    pageLayout->addWidget(m_banner);
    pageLayout->addWidget(m_tabs, 1);
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_page);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    showMessage(tr("Select a run to see what it retrieved, its prompt, its steps and its result."));
}

QWidget* RunInspector::createContextTab()
{
    auto* tab = new QWidget(this);
    m_contextSummary = plainLabel(tab, QStringLiteral("contextSummary"));
    m_retrievedView = tableView(tab, QStringLiteral("retrievedTable"));
    m_retrievedView->setModel(m_retrieved);
    m_retrievedView->setToolTip(tr("Double-click a memory to open its record."));
    connect(m_retrievedView, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const QString id = m_retrieved->memoryId(index.row());
        if (!id.isEmpty())
            emit openRecordRequested(id);
    });
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(m_contextSummary);
    layout->addWidget(m_retrievedView, 1);
    return tab;
}

QWidget* RunInspector::createPromptTab()
{
    auto* tab = new QWidget(this);
    m_sections = plainLabel(tab, QStringLiteral("promptSections"));
    m_prompt = readOnlyText(tab, QStringLiteral("promptText"));
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(m_sections);
    layout->addWidget(m_prompt, 1);
    return tab;
}

QWidget* RunInspector::createStepsTab()
{
    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_stepsView = tableView(splitter, QStringLiteral("stepsTable"));
    m_stepsView->setModel(m_steps);
    m_stepDetails = readOnlyText(splitter, QStringLiteral("stepDetails"));
    m_stepDetails->setPlaceholderText(tr("Select a step to see its arguments and output."));
    splitter->addWidget(m_stepsView);
    splitter->addWidget(m_stepDetails);
    splitter->setChildrenCollapsible(false);
    connect(m_stepsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RunInspector::showStepDetails);
    return splitter;
}

QWidget* RunInspector::createResultTab()
{
    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_output = readOnlyText(splitter, QStringLiteral("outputText"));
    m_output->setPlaceholderText(tr("No answer yet."));
    auto* verdict = new QWidget(splitter);
    m_evaluation = plainLabel(verdict, QStringLiteral("evaluationLabel"));
    m_reason = plainLabel(verdict, QStringLiteral("evaluationReason"));
    m_lesson = readOnlyText(verdict, QStringLiteral("lessonText"));
    m_lesson->setMaximumHeight(m_lesson->fontMetrics().lineSpacing() * 5 + 12);
    m_lessonFacts = plainLabel(verdict, QStringLiteral("lessonFacts"));
    m_written = new QPushButton(verdict);
    m_written->setObjectName(QStringLiteral("writtenRecordButton"));
    m_written->setCursor(Qt::PointingHandCursor);
    m_written->setToolTip(tr("Open the lesson's record"));
    connect(m_written, &QPushButton::clicked, this, [this] {
        if (m_trace && !m_trace->writtenMemoryId.empty())
            emit openRecordRequested(text(m_trace->writtenMemoryId));
    });
    auto* form = new QFormLayout;
    form->setContentsMargins(0, 6, 0, 0);
    const auto heading = [verdict](const QString& label) {
        auto* l = plainLabel(verdict, QString(), false);
        l->setText(label);
        return l;
    };
    form->addRow(heading(tr("Evaluation:")), m_evaluation);
    form->addRow(heading(tr("Reason:")), m_reason);
    form->addRow(heading(tr("Lesson:")), m_lesson);
    auto* facts = new QHBoxLayout;
    facts->addWidget(m_lessonFacts, 1);
    facts->addWidget(m_written);
    form->addRow(heading(QString()), facts);
    auto* verdictLayout = new QVBoxLayout(verdict);
    verdictLayout->setContentsMargins(0, 0, 0, 0);
    verdictLayout->addLayout(form);
    verdictLayout->addStretch(1); // rows keep their height; the answer above takes the room
    splitter->addWidget(m_output);
    splitter->addWidget(verdict);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setChildrenCollapsible(false);
    return splitter;
}

QString RunInspector::runId() const { return m_trace ? text(m_trace->runId) : QString(); }

void RunInspector::showMessage(const QString& message)
{
    m_trace.reset();
    m_message->setText(message);
    m_stack->setCurrentWidget(m_message);
}

void RunInspector::showTrace(const RunTrace& t)
{
    const bool sameRun = m_trace && m_trace->runId == t.runId;
    const std::string previousOutput = sameRun ? m_trace->output : std::string();
    const auto previousSteps = sameRun ? m_trace->steps.size() : 0;
    const bool newContext = !sameRun || m_trace->retrieved.size() != t.retrieved.size();
    const bool newPrompt = !sameRun || m_trace->prompt.size() != t.prompt.size();
    m_trace = t;
    showHeader(t);
    showContext(t, !newContext);
    showPrompt(t, !newPrompt);
    m_steps->setSteps(t.steps, sameRun);
    if (!sameRun) {
        m_stepDetails->clear();
        m_output->setPlainText(text(t.output));
    } else if (t.steps.size() > previousSteps) {
        // A model call finished: its answer replaces the streamed text; after tool calls a new one starts.
        if (t.output != previousOutput || t.status != "running")
            m_output->setPlainText(text(t.output));
        m_freshTurn = !t.steps.empty() && t.steps.back().kind == "tool";
        showStepDetails();
    } else if (t.status != "running") {
        m_output->setPlainText(text(t.output));
    }
    showResult(t, sameRun);
    m_stack->setCurrentWidget(m_page);
}

void RunInspector::appendOutput(const QString& delta)
{
    if (m_freshTurn) {
        m_output->clear();
        m_freshTurn = false;
    }
    m_output->moveCursor(QTextCursor::End);
    m_output->insertPlainText(delta);
}

void RunInspector::showHeader(const RunTrace& t)
{
    QString title = text(t.pack);
    if (!t.taskId.empty())
        title += QStringLiteral(" / ") + text(t.taskId);
    if (t.episode > 0)
        title += QStringLiteral("  ") + tr("episode %1").arg(t.episode);
    m_title->setText(title);
    QStringList facts;
    facts << RunListModel::statusLabel(text(t.status));
    if (!t.outcome.empty())
        facts << OutcomeStyle::label(text(t.outcome));
    if (!t.model.empty())
        facts << text(t.model);
    if (!t.version.empty())
        facts << tr("version %1").arg(text(t.version));
    if (t.status != "running" && t.latencyMs > 0)
        facts << RunListModel::latencyText(t.latencyMs);
    facts << tr("%1 + %2 tokens").arg(QLocale().toString(t.promptTokens), QLocale().toString(t.completionTokens));
    facts << (t.memory ? tr("memory on") : tr("memory off (ablation)"));
    if (!t.userId.empty())
        facts << tr("user %1").arg(text(t.userId));
    if (t.startedAt)
        facts << QDateTime::fromMSecsSinceEpoch(t.startedAt / 1000).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    facts << text(t.runId);
    m_facts->setText(facts.join(QStringLiteral(" · ")));
    if (t.status == "failed")
        m_banner->showMessage(ErrorBanner::Level::Error, tr("The run failed: %1").arg(text(t.error)));
    else if (t.status == "cancelled")
        m_banner->showMessage(ErrorBanner::Level::Warning, tr("The run was cancelled: %1").arg(text(t.error)));
    else
        m_banner->dismiss();
}

void RunInspector::showContext(const RunTrace& t, bool unchanged)
{
    const int used = static_cast<int>(
        std::count_if(t.retrieved.begin(), t.retrieved.end(), [](const RetrievedMemory& m) { return m.used; }));
    int usedTokens = 0;
    for (const auto& m : t.retrieved)
        usedTokens += m.used ? m.tokens : 0;
    if (!t.memory)
        m_contextSummary->setText(tr("Memory was off for this run (the ablation): nothing was retrieved."));
    else
        m_contextSummary->setText(
            tr("%1 retrieved, %2 in the prompt (%3 of %4 tokens). Filter: %5")
                .arg(QString::number(t.retrieved.size()), QString::number(used), QString::number(usedTokens),
                     QString::number(t.lessonBudgetTokens),
                     text(t.filters.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))));
    m_tabs->setTabText(ContextTab, tr("Retrieved Context (%1)").arg(t.retrieved.size()));
    if (unchanged)
        return; // a live run's later events: the table keeps its selection
    m_retrieved->setMemories(t.retrieved);
    for (int c = 0; c < RetrievedMemoryModel::TextColumn; ++c)
        m_retrievedView->resizeColumnToContents(c);
}

void RunInspector::showPrompt(const RunTrace& t, bool unchanged)
{
    QStringList sections;
    int total = 0;
    for (const auto& s : t.sections) {
        sections << tr("%1: %2 tokens").arg(text(s.name), QLocale().toString(s.tokens));
        total += s.tokens;
    }
    m_sections->setText(sections.isEmpty() ? tr("The prompt is not built yet.")
                                           : tr("Sections — %1 (%2 tokens in all)")
                                                 .arg(sections.join(QStringLiteral(" · ")), QLocale().toString(total)));
    if (unchanged)
        return;
    // Role headings in bold through character formats: the messages themselves go in as plain text.
    m_prompt->clear();
    QTextCursor cursor(m_prompt->document());
    QTextCharFormat heading;
    heading.setFontWeight(QFont::Bold);
    const QTextCharFormat body;
    bool first = true;
    for (const auto& m : t.prompt) {
        if (!first)
            cursor.insertText(QStringLiteral("\n\n"), body);
        first = false;
        cursor.insertText(QStringLiteral("── %1 ──\n").arg(text(m.role)), heading);
        cursor.insertText(text(m.content), body);
        for (const auto& call : m.toolCalls)
            cursor.insertText(QStringLiteral("\n→ %1(%2)").arg(text(call.name), text(call.arguments)), body);
    }
    m_prompt->moveCursor(QTextCursor::Start);
}

void RunInspector::showResult(const RunTrace& t, bool sameRun)
{
    if (t.evaluated) {
        m_evaluation->setText(
            tr("%1, score %2")
                .arg(OutcomeStyle::label(text(t.evaluation.outcome)), QLocale().toString(t.evaluation.score, 'f', 2)));
        m_reason->setText(text(t.evaluation.reason));
    } else {
        m_evaluation->setText(t.status == "running" ? tr("Not evaluated yet.") : tr("Not evaluated."));
        m_reason->clear();
    }
    if (!sameRun || m_lesson->toPlainText() != text(t.lesson))
        m_lesson->setPlainText(text(t.lesson));
    QStringList facts;
    if (!t.lessonSource.empty())
        facts << (t.lessonSource == "llm" ? tr("written by the model") : tr("written by the evaluator"));
    if (t.writeback == "queued")
        facts << tr("queued for writeback");
    else if (t.writeback == "inline")
        facts << tr("stored as a record");
    else if (!t.lesson.empty())
        facts << tr("not stored");
    m_lessonFacts->setText(facts.join(QStringLiteral(" · ")));
    m_written->setText(tr("Open Record %1").arg(text(t.writtenMemoryId)));
    m_written->setVisible(!t.writtenMemoryId.empty());
}

void RunInspector::showStepDetails()
{
    const TraceStep* step = m_steps->step(m_stepsView->currentIndex().row());
    m_stepDetails->setPlainText(step ? RunStepModel::details(*step) : QString());
}

} // namespace memscope::ui
