#include "views/LearningCurvePanel.h"

#include "store/StoreSession.h"
#include "store/StoreWorker.h"
#include "views/TrendChartBuilder.h"

#include <storage/MemoryStore.h>

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>
#include <utility>

namespace memscope::ui {

namespace {

constexpr int kMaxBatches = 200;
constexpr int kMaxRunsPerBatch = 100000;
constexpr int kMaxEpisodeTicks = 12;

// "+24", "−8", "±0": a lift in percentage points.
QString signedPoints(double lift)
{
    const int points = static_cast<int>(std::lround(lift * 100.0));
    if (points == 0)
        return QStringLiteral("±0");
    return (points > 0 ? QStringLiteral("+") : QStringLiteral("−")) + QLocale().toString(std::abs(points));
}

QString percent(double rate) { return QLocale().toString(static_cast<int>(std::lround(rate * 100.0))); }

} // namespace

LearningCurvePanel::LearningCurvePanel(StoreSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_batch(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_chart(new QChartView(this))
{
    setObjectName(QStringLiteral("learningCurvePanel"));
    m_batch->setObjectName(QStringLiteral("curveBatchBox"));
    m_batch->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_batch->setMinimumContentsLength(32);
    m_batch->setToolTip(tr("A batch of runs; those run with 'Learning curve' have both lines"));
    m_summary->setObjectName(QStringLiteral("curveSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_empty->setObjectName(QStringLiteral("curveEmpty"));
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setText(tr("No batches yet. Run a pack with 'Learning curve' checked to compare the success rate by "
                        "episode with memory and without it (Run Task…, or memscope-cli run --pack NAME "
                        "--episodes N --curve)."));
    m_empty->hide();
    m_chart->setObjectName(QStringLiteral("curveChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumSize(320, 200);
    m_chart->setFrameShape(QFrame::NoFrame);
    m_chart->setChart(buildChart());

    auto* bar = new QHBoxLayout;
    auto* label = new QLabel(tr("&Batch:"), this);
    label->setBuddy(m_batch);
    bar->addWidget(label);
    bar->addWidget(m_batch);
    bar->addSpacing(12);
    bar->addWidget(m_summary, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_empty, 1);

    connect(m_batch, &QComboBox::currentIndexChanged, this, [this] {
        m_pending.clear(); // the operator's choice wins over a batch waiting to be listed
        loadCurve();
    });
    connect(m_session, &StoreSession::storeChanged, this, &LearningCurvePanel::refresh);
    connect(m_session, &StoreSession::opened, this, &LearningCurvePanel::refresh);
    connect(m_session, &StoreSession::closed, this, [this] {
        ++m_listGeneration;
        ++m_curveGeneration;
        m_listing = m_computing = m_relist = false;
        m_batches.clear();
        m_curve.reset();
        const QSignalBlocker block(m_batch);
        m_batch->clear();
        showCurve();
    });
}

LearningCurvePanel::~LearningCurvePanel() = default;

QString LearningCurvePanel::currentBatchId() const { return m_batch->currentData().toString(); }

QLineSeries* LearningCurvePanel::series(const QString& name) const
{
    if (!m_chart->chart())
        return nullptr;
    for (QAbstractSeries* s : m_chart->chart()->series())
        if (s->objectName() == name)
            return qobject_cast<QLineSeries*>(s);
    return nullptr;
}

QString LearningCurvePanel::batchLabel(const BatchSummary& b)
{
    const QDateTime started = QDateTime::fromMSecsSinceEpoch(b.startedAt / 1000).toLocalTime();
    QString label = tr("%1 · %2 · %n episode(s)", nullptr, b.episodes)
                        .arg(QString::fromStdString(b.pack), QLocale().toString(started, QLocale::ShortFormat));
    if (!b.hasBothArms())
        label += b.runsWithMemory > 0 ? tr(" · memory only") : tr(" · without memory only");
    return label;
}

void LearningCurvePanel::selectBatch(const QString& batchId)
{
    const int index = m_batch->findData(batchId);
    if (index >= 0) {
        m_pending.clear();
        if (index != m_batch->currentIndex())
            m_batch->setCurrentIndex(index);
        else
            loadCurve(); // it may have grown since
        return;
    }
    m_pending = batchId;
    refresh();
}

void LearningCurvePanel::refresh()
{
    // Work only for what is on screen: hidden, the panel catches up when shown.
    if (!isVisible()) {
        m_dirty = true;
        return;
    }
    listBatches();
}

void LearningCurvePanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        listBatches();
}

void LearningCurvePanel::listBatches()
{
    m_dirty = false;
    if (!m_session->isOpen())
        return;
    // One listing at a time, and another after it when the store changed meanwhile: restarting on every
    // change would never finish while changes come faster than a listing.
    if (m_listing) {
        m_relist = true;
        return;
    }
    const quint64 generation = ++m_listGeneration;
    m_listing = true;
    m_session->inspector()
        .run([](MemoryStore& store) { return RunStore(store).batches(kMaxBatches); })
        .then(this, [this, generation](TaskResult<std::vector<BatchSummary>> result) {
            if (generation != m_listGeneration)
                return; // the store was closed meanwhile
            m_listing = false;
            // This listing is shown, and the next one starts at once, so the panel never looks settled
            // between the two.
            const bool again = std::exchange(m_relist, false);
            if (!result.ok()) {
                m_summary->setText(tr("The batches could not be listed: %1").arg(result.error->message));
                emit refreshed();
                if (again)
                    listBatches();
                return;
            }
            m_batches = std::move(*result.value);
            QString keep = m_pending.isEmpty() ? currentBatchId() : m_pending;
            if (keep.isEmpty()) {
                // First listing: the newest batch with both arms, else the newest.
                for (const auto& b : m_batches)
                    if (b.hasBothArms()) {
                        keep = QString::fromStdString(b.batchId);
                        break;
                    }
            }
            {
                const QSignalBlocker block(m_batch);
                m_batch->clear();
                for (const auto& b : m_batches)
                    m_batch->addItem(batchLabel(b), QString::fromStdString(b.batchId));
                m_batch->setCurrentIndex(std::max(0, m_batch->findData(keep)));
            }
            if (m_batch->findData(m_pending) >= 0)
                m_pending.clear();
            loadCurve();
            if (again)
                listBatches();
        });
}

void LearningCurvePanel::loadCurve()
{
    const QString batchId = currentBatchId();
    const quint64 generation = ++m_curveGeneration;
    if (batchId.isEmpty() || !m_session->isOpen()) {
        m_computing = false;
        m_curve.reset();
        showCurve();
        return;
    }
    m_computing = true;
    m_session->inspector()
        .run([id = batchId.toStdString()](MemoryStore& store) {
            RunListQuery query;
            query.batchId = id;
            query.limit = kMaxRunsPerBatch;
            return LearningCurve::compute(RunStore(store).list(query), LearningCurve::kDefaultWindow, id);
        })
        .then(this, [this, generation](TaskResult<LearningCurve> result) {
            if (generation != m_curveGeneration)
                return;
            m_computing = false;
            if (!result.ok()) {
                m_curve.reset();
                showCurve();
                m_summary->setText(tr("The learning curve could not be computed: %1").arg(result.error->message));
                return;
            }
            m_curve = std::move(*result.value);
            showCurve();
        });
}

void LearningCurvePanel::showCurve()
{
    const bool none = m_batches.empty();
    m_empty->setVisible(none);
    m_chart->setVisible(!none);
    m_batch->setEnabled(!none);
    // QChartView gives up the old chart without deleting it.
    QChart* old = m_chart->chart();
    m_chart->setChart(buildChart());
    delete old;

    QString summary;
    if (m_curve) {
        const auto with = m_curve->withMemory.rate();
        const auto without = m_curve->withoutMemory.rate();
        const int episodes = m_curve->episodes();
        if (with && without)
            summary = tr("With memory %1 % · without %2 % · %3 points over %n episode(s)", nullptr, episodes)
                          .arg(percent(*with), percent(*without), signedPoints(*m_curve->lift()));
        else if (with)
            summary =
                tr("With memory %1 % over %n episode(s); no runs without memory to compare with", nullptr, episodes)
                    .arg(percent(*with));
        else if (without)
            summary =
                tr("Without memory %1 % over %n episode(s); no runs with memory to compare with", nullptr, episodes)
                    .arg(percent(*without));
        else
            summary = tr("No run of this batch has been judged yet.");
        const int excluded = m_curve->withMemory.excluded() + m_curve->withoutMemory.excluded();
        if (excluded > 0)
            summary += tr(" · %n run(s) left out (failed, cancelled or still running)", nullptr, excluded);
    }
    m_summary->setText(summary);
    emit refreshed();
}

QChart* LearningCurvePanel::buildChart() const
{
    const QPalette pal = palette();
    auto* chart = new QChart;
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(pal.base());
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setLabelBrush(pal.text());
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setTitleBrush(pal.text());

    const int episodes = m_curve ? std::max(1, m_curve->episodes()) : 1;
    auto* x = new QValueAxis;
    x->setTitleText(tr("Episode"));
    x->setLabelFormat(QStringLiteral("%d"));
    // Whole episodes only, at most a dozen labels.
    const int step = std::max(1, (episodes + kMaxEpisodeTicks - 1) / kMaxEpisodeTicks);
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(step == 1 ? 1 : 0);
    x->setTickInterval(step);
    x->setRange(0.5, episodes + 0.5); // half an episode of room: the first and last points are not cut
    x->setMinorTickCount(0);
    auto* y = new QValueAxis;
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%d %%"));
    y->setTickCount(6);
    y->setTitleText(tr("Success rate"));
    for (QValueAxis* axis : {x, y}) {
        axis->setLabelsBrush(pal.text());
        axis->setTitleBrush(pal.text());
        axis->setGridLineColor(pal.color(QPalette::Mid));
    }
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    if (!m_curve)
        return chart;
    if (m_curve->episodes() > 0)
        chart->setTitle(
            tr("Cumulative success rate by episode (dashed: the last %n episode(s))", nullptr, m_curve->window));

    struct Line {
        const LearningCurve::Arm* arm;
        bool window;
        QString name;
        QString label;
        QColor colour;
    };
    const QColor withColour = TrendChartBuilder::seriesColor(0);
    const QColor withoutColour = TrendChartBuilder::seriesColor(1);
    const QString windowed = tr("last %n", nullptr, m_curve->window);
    const Line lines[] = {
        {&m_curve->withMemory, false, QStringLiteral("withMemory"), tr("With memory"), withColour},
        {&m_curve->withoutMemory, false, QStringLiteral("withoutMemory"), tr("Without memory"), withoutColour},
        {&m_curve->withMemory, true, QStringLiteral("withMemoryWindow"), tr("With memory, %1").arg(windowed),
         withColour},
        {&m_curve->withoutMemory, true, QStringLiteral("withoutMemoryWindow"), tr("Without memory, %1").arg(windowed),
         withoutColour},
    };
    for (const Line& line : lines) {
        if (line.arm->runs == 0)
            continue;
        auto* series = new QLineSeries;
        series->setObjectName(line.name);
        series->setName(line.label);
        QPen pen(line.colour);
        pen.setWidthF(line.window ? 1.5 : 2.5);
        if (line.window) {
            pen.setStyle(Qt::DashLine);
            QColor faint = line.colour;
            faint.setAlphaF(0.75f);
            pen.setColor(faint);
        }
        series->setPen(pen);
        series->setPointsVisible(!line.window && episodes <= 40);
        for (const auto& p : line.arm->points) {
            const auto rate = line.window ? p.windowRate : p.cumulativeRate;
            if (rate)
                series->append(p.episode, *rate * 100.0);
        }
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        connect(series, &QLineSeries::hovered, this, [label = line.label](const QPointF& p, bool on) {
            if (!on) {
                QToolTip::hideText();
                return;
            }
            QToolTip::showText(
                QCursor::pos(),
                tr("%1 · episode %2: %3 %").arg(label).arg(std::lround(p.x())).arg(QLocale().toString(p.y(), 'f', 0)));
        });
    }
    return chart;
}

} // namespace memscope::ui
