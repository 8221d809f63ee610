#include "dialogs/RunCompareDialog.h"

#include "models/OutcomeStyle.h"
#include "models/RunComparisonModel.h"
#include "models/RunListModel.h"
#include "widgets/ErrorBanner.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace memscope::ui {

namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }

const char* const kQualityProperty = "deltaQuality";

QLabel* plainLabel(QWidget* parent, const QString& value = {})
{
    auto* label = new QLabel(value, parent);
    label->setTextFormat(Qt::PlainText); // run and model text is never markup
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel* heading(QWidget* parent, const QString& value)
{
    QLabel* label = plainLabel(parent, value);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QString number(long long v) { return QLocale().toString(v); }

// "+120", "−35", "0": a minus sign, not a hyphen, so the column lines up.
QString signedNumber(long long v)
{
    if (v == 0)
        return QStringLiteral("0");
    return (v > 0 ? QStringLiteral("+") : QStringLiteral("−")) + QLocale().toString(std::llabs(v));
}

QString latency(double ms) { return ms > 0 ? RunListModel::latencyText(ms) : QStringLiteral("—"); }

QString signedLatency(double ms)
{
    if (std::llround(ms) == 0)
        return QStringLiteral("0");
    return (ms > 0 ? QStringLiteral("+") : QStringLiteral("−")) + RunListModel::latencyText(std::abs(ms));
}

QString task(const ComparedRun& r)
{
    return r.taskId.empty() ? text(r.pack) : text(r.pack) + QStringLiteral(" / ") + text(r.taskId);
}

QString orDash(const std::string& s) { return s.empty() ? QStringLiteral("—") : text(s); }

// The cost of B against A: spending less is better.
int costQuality(double delta) { return delta < 0 ? 1 : delta > 0 ? -1 : 0; }

} // namespace

RunCompareDialog::RunCompareDialog(RunComparison comparison, QWidget* parent)
    : QDialog(parent)
    , m_comparison(std::move(comparison))
    , m_model(new RunComparisonModel(this))
    , m_notice(new ErrorBanner(this))
{
    setObjectName(QStringLiteral("runCompareDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setModal(false);
    const RunComparison& c = m_comparison;
    setWindowTitle(tr("Compare Runs — %1").arg(task(c.a)));

    auto* title = heading(this, c.sameTask ? task(c.a) : tr("%1 and %2").arg(task(c.a), task(c.b)));
    title->setObjectName(QStringLiteral("compareTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    title->setFont(titleFont);
    auto* subtitle = plainLabel(this);
    subtitle->setObjectName(QStringLiteral("compareSubtitle"));
    subtitle->setForegroundRole(QPalette::PlaceholderText);
    subtitle->setWordWrap(true);
    subtitle->setText(tr("A: %1 · B: %2 · changes are B − A; green is better for B, red worse.")
                          .arg(text(c.a.runId), text(c.b.runId)));

    m_notice->setObjectName(QStringLiteral("compareTaskNotice"));
    if (!c.sameTask)
        m_notice->showMessage(ErrorBanner::Level::Warning,
                              tr("These runs are of different tasks (A: %1, B: %2): their differences are not only "
                                 "memory's or the version's.")
                                  .arg(task(c.a), task(c.b)));

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("compareSplitter"));
    splitter->addWidget(createHeader());
    splitter->addWidget(createDiff());
    splitter->addWidget(createOutputs());
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(6);
    layout->addWidget(title);
    layout->addWidget(subtitle);
    layout->addWidget(m_notice);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(1100, 860);
}

int RunCompareDialog::addRow(QGridLayout* grid, int row, const QString& label, const QString& a, const QString& b,
                             bool highlight)
{
    QWidget* parent = grid->parentWidget();
    auto* name = plainLabel(parent, label);
    name->setForegroundRole(QPalette::PlaceholderText);
    grid->addWidget(name, row, 0);
    QLabel* cells[] = {plainLabel(parent, a), plainLabel(parent, b)};
    for (int side = 0; side < 2; ++side) {
        cells[side]->setObjectName(QStringLiteral("%1_%2").arg(side ? QLatin1Char('b') : QLatin1Char('a')).arg(row));
        cells[side]->setToolTip(side ? b : a);
        grid->addWidget(cells[side], row, side + 1);
    }
    if (highlight && a != b) { // what changed stands out
        QFont bold = cells[1]->font();
        bold.setBold(true);
        cells[1]->setFont(bold);
    }
    return row + 1;
}

void RunCompareDialog::addDelta(QGridLayout* grid, int row, const QString& key, const QString& value, int quality)
{
    auto* label = plainLabel(grid->parentWidget(), value);
    label->setObjectName(QStringLiteral("delta_") + key);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    label->setProperty(kQualityProperty, quality);
    if (quality != 0) {
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText,
                   OutcomeStyle::color(quality > 0 ? QStringLiteral("success") : QStringLiteral("failure")));
        label->setPalette(p);
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
    }
    grid->addWidget(label, row, 3);
}

QLabel* RunCompareDialog::deltaLabel(const QString& key) const
{
    return findChild<QLabel*>(QStringLiteral("delta_") + key);
}

int RunCompareDialog::deltaQuality(const QLabel* label)
{
    return label ? label->property(kQualityProperty).toInt() : 0;
}

QWidget* RunCompareDialog::createHeader()
{
    const RunComparison& c = m_comparison;
    auto* area = new QScrollArea(this);
    area->setObjectName(QStringLiteral("compareFacts"));
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    auto* page = new QWidget(area);
    auto* grid = new QGridLayout(page);
    grid->setContentsMargins(0, 4, 0, 4);
    grid->setHorizontalSpacing(18);
    grid->setVerticalSpacing(3);
    grid->addWidget(heading(page, tr("Run A")), 0, 1);
    grid->addWidget(heading(page, tr("Run B")), 0, 2);
    auto* deltaHeading = heading(page, tr("Change"));
    deltaHeading->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    grid->addWidget(deltaHeading, 0, 3);
    auto* rule = new QFrame(page);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    grid->addWidget(rule, 1, 0, 1, 5);

    const auto started = [](const ComparedRun& r) {
        return r.startedAt
                   ? QDateTime::fromMSecsSinceEpoch(r.startedAt / 1000).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                   : QStringLiteral("—");
    };
    const auto memory = [this](const ComparedRun& r) { return r.memory ? tr("on") : tr("off (ablation)"); };
    const auto status = [](const ComparedRun& r) { return RunListModel::statusLabel(text(r.status)); };
    const auto changed = [this](const QString& a, const QString& b) { return a == b ? QString() : tr("changed"); };

    int row = 2;
    const auto textRow = [&](const QString& key, const QString& label, const QString& a, const QString& b) {
        row = addRow(grid, row, label, a, b);
        addDelta(grid, row - 1, key, changed(a, b), 0);
    };
    textRow(QStringLiteral("task"), tr("Task"), task(c.a), task(c.b));
    row = addRow(grid, row, tr("Started"), started(c.a), started(c.b), false); // always differs
    textRow(QStringLiteral("memory"), tr("Memory"), memory(c.a), memory(c.b));
    textRow(QStringLiteral("version"), tr("Version"), orDash(c.a.version), orDash(c.b.version));
    textRow(QStringLiteral("model"), tr("Model"), orDash(c.a.model), orDash(c.b.model));
    textRow(QStringLiteral("status"), tr("Status"), status(c.a), status(c.b));
    if (!c.a.error.empty() || !c.b.error.empty()) {
        row = addRow(grid, row, tr("Error"), orDash(c.a.error), orDash(c.b.error));
        for (int side = 1; side <= 2; ++side)
            static_cast<QLabel*>(grid->itemAtPosition(row - 1, side)->widget())->setWordWrap(true);
    }

    // The outcome with its icon on each side.
    auto* outcomeName = plainLabel(page, tr("Outcome"));
    outcomeName->setForegroundRole(QPalette::PlaceholderText);
    grid->addWidget(outcomeName, row, 0);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    int side = 1;
    for (const ComparedRun* r : {&c.a, &c.b}) {
        auto* cell = new QWidget(page);
        auto* cellLayout = new QHBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(4);
        const QString outcome = text(r->outcome);
        if (!outcome.isEmpty()) {
            auto* icon = new QLabel(cell);
            icon->setPixmap(OutcomeStyle::icon(outcome).pixmap(iconSize, iconSize));
            cellLayout->addWidget(icon);
        }
        auto* label = plainLabel(cell, outcome.isEmpty() ? tr("none") : OutcomeStyle::label(outcome));
        label->setObjectName(side == 1 ? QStringLiteral("outcomeA") : QStringLiteral("outcomeB"));
        cellLayout->addWidget(label);
        cellLayout->addStretch(1);
        grid->addWidget(cell, row, side++);
    }
    const int change = c.outcomeChange();
    addDelta(grid, row++, QString::fromLatin1(kOutcome),
             change > 0   ? tr("better")
             : change < 0 ? tr("worse")
                          : (c.a.outcome == c.b.outcome ? tr("same") : tr("changed")),
             change);

    row = addRow(grid, row, tr("Latency"), latency(c.a.latencyMs), latency(c.b.latencyMs));
    addDelta(grid, row - 1, QString::fromLatin1(kLatency), signedLatency(c.latencyDeltaMs()),
             costQuality(c.latencyDeltaMs()));
    row = addRow(grid, row, tr("Prompt tokens"), number(c.a.promptTokens), number(c.b.promptTokens));
    addDelta(grid, row - 1, QString::fromLatin1(kPromptTokens), signedNumber(c.promptTokensDelta()),
             costQuality(c.promptTokensDelta()));
    row = addRow(grid, row, tr("Completion tokens"), number(c.a.completionTokens), number(c.b.completionTokens));
    addDelta(grid, row - 1, QString::fromLatin1(kCompletionTokens), signedNumber(c.completionTokensDelta()),
             costQuality(c.completionTokensDelta()));
    for (const auto& s : c.sections) {
        row = addRow(grid, row, tr("  “%1” section").arg(text(s.name)), number(s.tokensA), number(s.tokensB));
        addDelta(grid, row - 1, QStringLiteral("section:") + text(s.name), signedNumber(s.delta()),
                 costQuality(s.delta()));
    }
    row = addRow(grid, row, tr("Steps (tool calls)"), tr("%1 (%2)").arg(number(c.a.steps), number(c.a.toolCalls)),
                 tr("%1 (%2)").arg(number(c.b.steps), number(c.b.toolCalls)));
    addDelta(grid, row - 1, QStringLiteral("steps"), signedNumber(c.b.steps - c.a.steps), 0);
    row =
        addRow(grid, row, tr("Retrieved (in prompt)"), tr("%1 (%2)").arg(number(c.a.retrievedCount), number(c.a.used)),
               tr("%1 (%2)").arg(number(c.b.retrievedCount), number(c.b.used)));
    addDelta(grid, row - 1, QStringLiteral("retrieved"), signedNumber(c.b.retrievedCount - c.a.retrievedCount), 0);

    // A and B share the width evenly; an empty last column keeps each change near its values.
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    grid->setColumnStretch(4, 1);
    grid->setColumnMinimumWidth(3, fontMetrics().horizontalAdvance(QStringLiteral("+00,000 ms")));
    grid->setRowStretch(row, 1);
    area->setWidget(page);
    // Tall enough for every row at first; the splitter can shrink it (the grid then scrolls).
    area->setMinimumHeight(std::min(page->sizeHint().height(), fontMetrics().height() * 8));
    return area;
}

QWidget* RunCompareDialog::createDiff()
{
    const RunComparison& c = m_comparison;
    auto* box = new QWidget(this);
    m_summary = plainLabel(box);
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    m_summary->setWordWrap(true);
    if (c.context.empty())
        m_summary->setText(tr("Neither run retrieved any memory."));
    else
        m_summary->setText(tr("Only run A retrieved %1, only run B %2, both %3 (%4 of them at another rank).")
                               .arg(c.onlyA)
                               .arg(c.onlyB)
                               .arg(c.both)
                               .arg(c.moved));
    m_model->setChanges(c.context);
    m_view = new QTableView(box);
    m_view->setObjectName(QStringLiteral("contextDiffTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setToolTip(tr("Double-click a memory to open its record."));
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    for (int col = 0; col < RunComparisonModel::TextColumn; ++col)
        m_view->resizeColumnToContents(col);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const QString id = m_model->memoryId(index.row());
        if (!id.isEmpty())
            emit openRecordRequested(id);
    });
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(heading(box, tr("Retrieved context")));
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    return box;
}

QWidget* RunCompareDialog::createOutputs()
{
    auto* outputs = new QSplitter(Qt::Horizontal, this);
    outputs->setObjectName(QStringLiteral("compareOutputs"));
    const auto pane = [&](const QString& title, const ComparedRun& r, QPlainTextEdit*& edit, const QString& name) {
        auto* box = new QWidget(outputs);
        edit = new QPlainTextEdit(box);
        edit->setObjectName(name);
        edit->setReadOnly(true);
        edit->setPlaceholderText(tr("No answer."));
        edit->setPlainText(text(r.output));
        auto* layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 6, 0, 0);
        layout->setSpacing(4);
        layout->addWidget(heading(box, title));
        layout->addWidget(edit, 1);
        outputs->addWidget(box);
    };
    pane(tr("Answer of run A"), m_comparison.a, m_outputA, QStringLiteral("outputA"));
    pane(tr("Answer of run B"), m_comparison.b, m_outputB, QStringLiteral("outputB"));
    outputs->setChildrenCollapsible(false);
    return outputs;
}

} // namespace memscope::ui
