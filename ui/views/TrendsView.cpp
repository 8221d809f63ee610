#include "views/TrendsView.h"

#include "models/BreakdownModel.h"
#include "models/FilterState.h"
#include "store/StoreSession.h"
#include "store/StoreWorker.h"
#include "views/LessonEffectivenessPanel.h"
#include "views/TrendChartBuilder.h"
#include "widgets/ErrorBanner.h"

#include <stats/TrendCsv.h>
#include <storage/MemoryStore.h>

#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QDir>
#include <QElapsedTimer>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QXYSeries>

#include <cmath>

namespace memscope::ui {

namespace {

constexpr int kMaxSeriesLines = 8; // more lines than this on one chart cannot be told apart

void addChoice(QComboBox* box, const QString& text, int value) { box->addItem(text, value); }

QChartView* makeChartView(QWidget* parent, const QString& name)
{
    auto* view = new QChartView(parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(320, 240);
    view->setFrameShape(QFrame::NoFrame);
    return view;
}

void replaceChart(QChartView* view, QChart* chart)
{
    // QChartView gives up the old chart without deleting it.
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
}

Micros toMicros(const QDateTime& t) { return t.toMSecsSinceEpoch() * 1000; }

} // namespace

TrendsView::TrendsView(StoreSession* session, FilterState* filters, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_filters(filters)
    , m_banner(new ErrorBanner(this))
    , m_bucket(new QComboBox(this))
    , m_series(new QComboBox(this))
    , m_columns(new QComboBox(this))
    , m_export(new QToolButton(this))
    , m_summary(new QLabel(this))
    , m_charts(new QWidget(this))
    , m_outcomeView(makeChartView(m_charts, QStringLiteral("outcomeChart")))
    , m_rateView(makeChartView(m_charts, QStringLiteral("rateChart")))
    , m_table(new QTableView(this))
    , m_model(new BreakdownModel(this))
    , m_relayout(new QTimer(this))
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    setObjectName(QStringLiteral("trendsView"));
    addChoice(m_bucket, tr("Day"), int(TrendBucket::Day));
    addChoice(m_bucket, tr("Week"), int(TrendBucket::Week));
    addChoice(m_bucket, tr("Month"), int(TrendBucket::Month));
    m_bucket->setCurrentIndex(1);
    addChoice(m_series, tr("Nothing"), int(TrendDimension::None));
    addChoice(m_series, tr("Task type"), int(TrendDimension::TaskType));
    addChoice(m_series, tr("Tool"), int(TrendDimension::ToolName));
    addChoice(m_series, tr("Version"), int(TrendDimension::Version));
    m_series->setCurrentIndex(3);
    addChoice(m_columns, tr("Task type × tool"), int(TrendDimension::ToolName));
    addChoice(m_columns, tr("Task type × version"), int(TrendDimension::Version));
    for (auto* box : {m_bucket, m_series, m_columns})
        connect(box, &QComboBox::currentIndexChanged, this, &TrendsView::refresh);
    m_bucket->setObjectName(QStringLiteral("trendBucket"));
    m_series->setObjectName(QStringLiteral("trendSeries"));
    m_columns->setObjectName(QStringLiteral("breakdownColumns"));

    m_export->setText(tr("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto* exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("Charts as PNG…"), this, [this] { chooseExport(0); });
    exportMenu->addAction(tr("Charts as SVG…"), this, [this] { chooseExport(1); });
    exportMenu->addAction(tr("Trend Data as CSV…"), this, [this] { chooseExport(2); });
    exportMenu->addAction(tr("Table Data as CSV…"), this, [this] { chooseExport(3); });
    m_export->setMenu(exportMenu);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setObjectName(QStringLiteral("trendSummary"));
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_summary->setWordWrap(true);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Per:"), this));
    controls->addWidget(m_bucket);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Success rate by:"), this));
    controls->addWidget(m_series);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Table:"), this));
    controls->addWidget(m_columns);
    controls->addSpacing(12);
    controls->addWidget(m_summary, 1);
    controls->addWidget(m_export);

    auto* chartsLayout = new QHBoxLayout(m_charts);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addWidget(m_outcomeView, 1);
    chartsLayout->addWidget(m_rateView, 1);

    m_table->setObjectName(QStringLiteral("breakdownTable"));
    m_table->setModel(m_model);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);
    connect(m_table, &QTableView::activated, this, &TrendsView::openCell);

    m_lessons = new LessonEffectivenessPanel(m_session, m_filters, this);
    connect(m_lessons, &LessonEffectivenessPanel::openRecordRequested, this, &TrendsView::openRecordRequested);
    m_tables = new QTabWidget(this);
    m_tables->setObjectName(QStringLiteral("trendTables"));
    m_tables->setDocumentMode(true);
    m_tables->addTab(m_table, tr("Success rate breakdown"));
    m_tables->addTab(m_lessons, tr("Lesson effectiveness"));

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_charts);
    splitter->addWidget(m_tables);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);

    m_relayout->setSingleShot(true);
    m_relayout->setInterval(150);
    connect(m_relayout, &QTimer::timeout, this, &TrendsView::showSnapshot);
    connect(m_filters, &FilterState::changed, this, &TrendsView::refresh);
    connect(m_session, &StoreSession::storeChanged, this, &TrendsView::refresh);
    connect(m_session, &StoreSession::opened, this, &TrendsView::refresh);
    updateSummary();
}

TrendsView::~TrendsView() = default;

void TrendsView::showLessonEffectiveness() { m_tables->setCurrentWidget(m_lessons); }

bool TrendsView::isLoading() const { return m_loading || m_lessons->isLoading(); }

void TrendsView::setBucket(TrendBucket bucket) { m_bucket->setCurrentIndex(m_bucket->findData(int(bucket))); }

void TrendsView::setSeries(TrendDimension series) { m_series->setCurrentIndex(m_series->findData(int(series))); }

void TrendsView::setBreakdownColumns(TrendDimension columns)
{
    m_columns->setCurrentIndex(m_columns->findData(int(columns)));
}

void TrendsView::refresh()
{
    // Work only for what is on screen: hidden, the view just remembers to catch up when shown.
    if (!isVisible()) {
        m_dirty = true;
        return;
    }
    requestRefresh();
}

void TrendsView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        requestRefresh();
}

void TrendsView::requestRefresh()
{
    m_dirty = false;
    if (!m_session->isOpen())
        return;
    TrendRequest overall;
    overall.filter = m_filters->filterWithoutTimeRange();
    if (m_filters->from().isValid())
        overall.range.from = toMicros(m_filters->from());
    if (m_filters->to().isValid())
        overall.range.to = toMicros(m_filters->to());
    overall.bucket = static_cast<TrendBucket>(m_bucket->currentData().toInt());
    std::optional<TrendRequest> bySeries;
    const auto series = static_cast<TrendDimension>(m_series->currentData().toInt());
    if (series != TrendDimension::None) {
        bySeries = overall;
        bySeries->series = series;
    }
    BreakdownRequest breakdown;
    breakdown.filter = overall.filter;
    breakdown.range = overall.range;
    breakdown.rows = TrendDimension::TaskType;
    breakdown.columns = static_cast<TrendDimension>(m_columns->currentData().toInt());

    const quint64 generation = ++m_generation;
    m_latest->store(generation);
    if (!m_loading) {
        m_loading = true;
        emit loadingChanged(true);
    }
    m_session->counter()
        .run([overall, bySeries, breakdown, generation, latest = m_latest](MemoryStore& store) {
            QElapsedTimer timer;
            timer.start();
            TrendQuery query(store.connection());
            TrendsSnapshot snapshot;
            snapshot.overall = query.trend(overall);
            if (latest->load() != generation)
                return snapshot; // superseded: dropped on arrival
            if (bySeries)
                snapshot.bySeries = query.trend(*bySeries);
            snapshot.breakdown = query.breakdown(breakdown);
            snapshot.milliseconds = static_cast<double>(timer.nsecsElapsed()) / 1e6;
            return snapshot;
        })
        .then(this, [this, generation](TaskResult<TrendsSnapshot> result) {
            if (generation != m_generation)
                return;
            m_loading = false;
            if (!result.ok()) {
                m_banner->showMessage(ErrorBanner::Level::Error,
                                      tr("The trends could not be computed: %1").arg(result.error->message));
            } else {
                if (m_banner->level() == ErrorBanner::Level::Error)
                    m_banner->dismiss();
                m_snapshot = std::move(*result.value);
                m_model->setResult(m_snapshot->breakdown);
                showSnapshot();
            }
            updateSummary();
            emit loadingChanged(false);
            emit refreshed();
        });
}

int TrendsView::labelBudget(const QWidget* view) const
{
    // A date label needs about 80 px to stand clear of its neighbours.
    return std::max(2, view->width() / 80);
}

void TrendsView::showSnapshot()
{
    if (!m_snapshot)
        return;
    const QPalette& pal = palette();
    auto* outcomes = TrendChartBuilder::outcomes(m_snapshot->overall, pal, labelBudget(m_outcomeView));
    replaceChart(m_outcomeView, outcomes);
    connectOutcomeChart(outcomes);
    m_rateView->setVisible(m_snapshot->bySeries.has_value());
    if (m_snapshot->bySeries) {
        auto* rates =
            TrendChartBuilder::successRates(*m_snapshot->bySeries, pal, labelBudget(m_rateView), kMaxSeriesLines);
        replaceChart(m_rateView, rates);
        connectRateChart(rates);
    }
}

void TrendsView::connectOutcomeChart(QChart* chart)
{
    const TrendResult& result = m_snapshot->overall;
    for (auto* series : chart->series()) {
        if (auto* bars = qobject_cast<QStackedBarSeries*>(series)) {
            for (QBarSet* set : bars->barSets()) {
                const auto outcome =
                    static_cast<OutcomeClass>(set->property(TrendChartBuilder::kOutcomeProperty).toInt());
                connect(set, &QBarSet::clicked, this, [this, outcome](int index) { openBucket(index, outcome); });
                connect(set, &QBarSet::hovered, this, [this, outcome, &result](bool on, int index) {
                    if (!on || result.lines.empty() || index < 0 || index >= int(result.buckets.size()))
                        return;
                    const OutcomeCounts& c = result.lines.front().points[std::size_t(index)];
                    const QLocale l;
                    const auto rate = c.successRate();
                    QToolTip::showText(
                        QCursor::pos(),
                        tr("%1\n%2: %3 of %4 records\nSuccess rate: %5\nClick to open these records")
                            .arg(TrendChartBuilder::bucketTitle(result.bucket, result.buckets[std::size_t(index)]),
                                 TrendChartBuilder::outcomeLabel(outcome), l.toString(qlonglong(c[outcome])),
                                 l.toString(qlonglong(c.total())),
                                 rate ? tr("%1 % of %2 judged")
                                            .arg(l.toString(*rate * 100.0, 'f', 1), l.toString(qlonglong(c.judged())))
                                      : tr("none judged")),
                        m_outcomeView);
                });
            }
        } else if (auto* line = qobject_cast<QLineSeries*>(series)) {
            connect(line, &QLineSeries::clicked, this,
                    [this](const QPointF& p) { openBucket(int(std::lround(p.x())), std::nullopt); });
        }
    }
}

void TrendsView::connectRateChart(QChart* chart)
{
    const TrendResult& result = *m_snapshot->bySeries;
    for (auto* series : chart->series()) {
        auto* line = qobject_cast<QXYSeries*>(series);
        if (!line)
            continue;
        const int l = line->property(TrendChartBuilder::kLineProperty).toInt();
        connect(line, &QXYSeries::clicked, this,
                [this, l](const QPointF& p) { openPoint(l, int(std::lround(p.x()))); });
        connect(line, &QXYSeries::hovered, this, [this, l, &result](const QPointF& p, bool on) {
            const int index = int(std::lround(p.x()));
            if (!on || index < 0 || index >= int(result.buckets.size()))
                return;
            const TrendLine& tl = result.lines[std::size_t(l)];
            const OutcomeCounts& c = tl.points[std::size_t(index)];
            const QLocale loc;
            const auto rate = c.successRate();
            QToolTip::showText(
                QCursor::pos(),
                tr("%1, %2\nSuccess rate %3 of %4 judged records (%5 success, %6 partial, %7 "
                   "failure)\nClick to open these records")
                    .arg(QString::fromStdString(tl.label),
                         TrendChartBuilder::bucketTitle(result.bucket, result.buckets[std::size_t(index)]),
                         rate ? loc.toString(*rate * 100.0, 'f', 1) + QStringLiteral(" %") : tr("–"),
                         loc.toString(qlonglong(c.judged())), loc.toString(qlonglong(c.success)),
                         loc.toString(qlonglong(c.partial)), loc.toString(qlonglong(c.failure))),
                m_rateView);
        });
    }
}

void TrendsView::openBucket(int bucket, std::optional<OutcomeClass> outcome)
{
    if (!m_snapshot || m_snapshot->overall.lines.empty() || bucket < 0 ||
        bucket >= int(m_snapshot->overall.buckets.size()))
        return;
    const TrendResult& r = m_snapshot->overall;
    const QString when = TrendChartBuilder::bucketTitle(r.bucket, r.buckets[std::size_t(bucket)]);
    emit drillDownRequested(r.drillDown(0, std::size_t(bucket), outcome),
                            outcome ? tr("%1 records of %2").arg(TrendChartBuilder::outcomeLabel(*outcome), when)
                                    : tr("Records of %1").arg(when));
}

void TrendsView::openPoint(int line, int bucket)
{
    if (!m_snapshot || !m_snapshot->bySeries)
        return;
    const TrendResult& r = *m_snapshot->bySeries;
    if (line < 0 || line >= int(r.lines.size()) || bucket < 0 || bucket >= int(r.buckets.size()))
        return;
    emit drillDownRequested(r.drillDown(std::size_t(line), std::size_t(bucket)),
                            tr("Records of %1, %2")
                                .arg(QString::fromStdString(r.lines[std::size_t(line)].label),
                                     TrendChartBuilder::bucketTitle(r.bucket, r.buckets[std::size_t(bucket)])));
}

void TrendsView::openCell(const QModelIndex& index)
{
    const QString filter = index.data(BreakdownModel::DrillFilterRole).toString();
    if (filter.isEmpty())
        return;
    emit drillDownRequested(nlohmann::json::parse(filter.toStdString()),
                            tr("Records of %1 × %2")
                                .arg(m_model->headerData(index.row(), Qt::Vertical).toString(),
                                     m_model->headerData(index.column(), Qt::Horizontal).toString()));
}

void TrendsView::updateSummary()
{
    if (!m_snapshot) {
        m_summary->setText(m_loading ? tr("Counting…") : QString());
        return;
    }
    const QLocale l;
    const OutcomeCounts& total = m_snapshot->overall.total;
    const auto rate = total.successRate();
    QString text = tr("%1 records").arg(l.toString(qlonglong(total.total())));
    if (rate)
        text += tr(" · success rate %1 %").arg(l.toString(*rate * 100.0, 'f', 1));
    text += tr(" · %1 ms").arg(l.toString(m_snapshot->milliseconds, 'f', 0));
    if (!m_filters->text().trimmed().isEmpty())
        text += tr(" · the search text is not applied here");
    m_summary->setText(text);
}

void TrendsView::chooseExport(int kind)
{
    static const char* const filters[] = {QT_TR_NOOP("PNG images (*.png)"), QT_TR_NOOP("SVG images (*.svg)"),
                                          QT_TR_NOOP("CSV files (*.csv)"), QT_TR_NOOP("CSV files (*.csv)")};
    static const char* const names[] = {"memscope-trends.png", "memscope-trends.svg", "memscope-trend.csv",
                                        "memscope-breakdown.csv"};
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export"), QString::fromLatin1(names[kind]), tr(filters[kind]));
    if (path.isEmpty())
        return;
    const bool ok = kind <= 1 ? exportCharts(path) : kind == 2 ? exportData(path) : exportTable(path);
    if (ok)
        m_banner->showMessage(ErrorBanner::Level::Info,
                              tr("Saved %1").arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
}

bool TrendsView::exportCharts(const QString& path)
{
    if (!m_snapshot) {
        m_banner->showMessage(ErrorBanner::Level::Warning, tr("There is nothing to export yet."));
        return false;
    }
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(m_charts->size());
        svg.setViewBox(QRect(QPoint(0, 0), m_charts->size()));
        svg.setTitle(tr("Memscope trends"));
        QPainter painter;
        if (painter.begin(&svg)) {
            m_charts->render(&painter);
            painter.end();
        }
        if (QFileInfo(path).size() > 0)
            return true;
    } else if (m_charts->grab().save(path, "PNG")) {
        return true;
    }
    m_banner->showMessage(ErrorBanner::Level::Error,
                          tr("%1 could not be written. Check that the folder exists and may be written.")
                              .arg(QDir::toNativeSeparators(path)));
    return false;
}

bool TrendsView::writeText(const QString& path, const std::string& text)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(text.data(), qint64(text.size())) == qint64(text.size()) &&
        file.commit())
        return true;
    m_banner->showMessage(ErrorBanner::Level::Error,
                          tr("%1 could not be written: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return false;
}

bool TrendsView::exportData(const QString& path)
{
    if (!m_snapshot)
        return false;
    return writeText(path, TrendCsv::trend(m_snapshot->bySeries ? *m_snapshot->bySeries : m_snapshot->overall));
}

bool TrendsView::exportTable(const QString& path)
{
    if (!m_snapshot)
        return false;
    return writeText(path, TrendCsv::breakdown(m_snapshot->breakdown));
}

void TrendsView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        showSnapshot(); // a dark or light desktop theme: charts take their colours from the palette
}

void TrendsView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (m_snapshot)
        m_relayout->start();
}

} // namespace memscope::ui
