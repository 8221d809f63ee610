#include "views/TrendChartBuilder.h"

#include "models/OutcomeStyle.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTime>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <array>

namespace memscope::ui {

namespace {

constexpr std::int64_t kMinLineSample = 5; // judged records below which a rate is not part of a line

constexpr std::array<OutcomeClass, 4> kOutcomes = {OutcomeClass::Success, OutcomeClass::Partial, OutcomeClass::Failure,
                                                   OutcomeClass::Unknown};

// The core's bucket and dimension names (bucketName(), dimensionName()), marked for lupdate: chart titles show
// them translated.
[[maybe_unused]] constexpr const char* kCoreNames[] = {
    QT_TRANSLATE_NOOP("QObject", "day"),       QT_TRANSLATE_NOOP("QObject", "week"),
    QT_TRANSLATE_NOOP("QObject", "month"),     QT_TRANSLATE_NOOP("QObject", "task_type"),
    QT_TRANSLATE_NOOP("QObject", "tool_name"), QT_TRANSLATE_NOOP("QObject", "version")};

QDate dateOf(Micros t) { return QDateTime::fromMSecsSinceEpoch(t / 1000, Qt::UTC).date(); }

QValueAxis* rateAxis(const QPalette& palette)
{
    auto* axis = new QValueAxis;
    axis->setRange(0, 100);
    axis->setLabelFormat(QStringLiteral("%d %%"));
    axis->setTickCount(6);
    axis->setTitleText(QObject::tr("Success rate"));
    axis->setLabelsBrush(palette.text());
    axis->setTitleBrush(palette.text());
    axis->setGridLineColor(palette.color(QPalette::Mid));
    return axis;
}

} // namespace

const char* TrendChartBuilder::outcomeKey(OutcomeClass outcome) { return outcomeClassName(outcome); }

QString TrendChartBuilder::outcomeLabel(OutcomeClass outcome)
{
    return OutcomeStyle::label(QString::fromLatin1(outcomeKey(outcome)));
}

QColor TrendChartBuilder::seriesColor(int index)
{
    // Distinct mid-tone hues (no red or green: those mean failure and success here), readable on light
    // and dark backgrounds.
    static const std::array<QColor, 8> colours = {
        QColor(0x3b, 0x7d, 0xd8), QColor(0xe0, 0x7b, 0x39), QColor(0x9b, 0x59, 0xb6), QColor(0x1a, 0xa3, 0xa3),
        QColor(0xc7, 0x4b, 0x8d), QColor(0x8d, 0x6e, 0x3f), QColor(0x5c, 0x6b, 0xc0), QColor(0x7f, 0x8c, 0x8d)};
    return colours[static_cast<std::size_t>(index) % colours.size()];
}

QString TrendChartBuilder::bucketLabel(TrendBucket bucket, Micros start, bool withYear)
{
    const QDate d = dateOf(start);
    const QLocale locale;
    if (bucket == TrendBucket::Month)
        return locale.toString(d, QStringLiteral("MMM yyyy"));
    return locale.toString(d, withYear ? QStringLiteral("d MMM yyyy") : QStringLiteral("d MMM"));
}

QString TrendChartBuilder::bucketTitle(TrendBucket bucket, const TrendSpan& span)
{
    const QDate d = dateOf(span.start);
    const QString iso = d.toString(Qt::ISODate);
    switch (bucket) {
    case TrendBucket::Day: return iso;
    case TrendBucket::Week: return QObject::tr("week of %1").arg(iso);
    case TrendBucket::Month: return QLocale().toString(d, QStringLiteral("MMMM yyyy"));
    }
    return iso;
}

void TrendChartBuilder::applyPalette(QChart* chart, const QPalette& palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.base());
    chart->setBackgroundRoundness(0);
    chart->setTitleBrush(palette.text());
    chart->legend()->setLabelBrush(palette.text());
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
}

QAbstractAxis* TrendChartBuilder::timeAxis(const TrendResult& result, const QPalette& palette, int maxLabels)
{
    // A category axis over bucket indices with a label only every `step` buckets: any number of buckets
    // stays readable (a bar category axis would print every label on top of the next).
    auto* axis = new QCategoryAxis;
    const int n = static_cast<int>(result.buckets.size());
    const int step = std::max(1, (n + std::max(1, maxLabels) - 1) / std::max(1, maxLabels));
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setStartValue(-0.5);
    int previousYear = 0;
    for (int i = 0; i < n; i += step) {
        const int year = dateOf(result.buckets[static_cast<std::size_t>(i)].start).year();
        // The year on the first label and wherever it changes.
        axis->append(
            bucketLabel(result.bucket, result.buckets[static_cast<std::size_t>(i)].start, year != previousYear), i);
        previousYear = year;
    }
    axis->setRange(-0.5, std::max(0.5, n - 0.5));
    axis->setLabelsBrush(palette.text());
    axis->setGridLineVisible(false);
    axis->setLabelsAngle(0);
    return axis;
}

QChart* TrendChartBuilder::outcomes(const TrendResult& result, const QPalette& palette, int maxLabels)
{
    auto* chart = new QChart;
    applyPalette(chart, palette);
    chart->setTitle(QObject::tr("Outcomes per %1").arg(QObject::tr(bucketName(result.bucket))));
    auto* bars = new QStackedBarSeries;
    bars->setBarWidth(0.8);
    auto* rate = new QLineSeries;
    rate->setName(QObject::tr("Success rate"));
    rate->setPointsVisible(true);
    QPen pen(palette.color(QPalette::Text));
    pen.setWidthF(2.0);
    rate->setPen(pen);
    std::int64_t highest = 0;
    const TrendLine* line = result.lines.empty() ? nullptr : &result.lines.front();
    for (OutcomeClass outcome : kOutcomes) {
        auto* set = new QBarSet(outcomeLabel(outcome));
        set->setProperty(kOutcomeProperty, static_cast<int>(outcome));
        const QColor colour = OutcomeStyle::color(QString::fromLatin1(outcomeKey(outcome)));
        set->setColor(colour);
        set->setBorderColor(colour);
        for (std::size_t i = 0; i < result.buckets.size(); ++i)
            set->append(line ? static_cast<qreal>(line->points[i][outcome]) : 0.0);
        bars->append(set);
    }
    if (line) {
        for (std::size_t i = 0; i < result.buckets.size(); ++i) {
            highest = std::max(highest, line->points[i].total());
            if (const auto r = line->points[i].successRate())
                rate->append(static_cast<qreal>(i), *r * 100.0);
        }
    }
    chart->addSeries(bars);
    chart->addSeries(rate);
    auto* x = timeAxis(result, palette, maxLabels);
    chart->addAxis(x, Qt::AlignBottom);
    bars->attachAxis(x);
    rate->attachAxis(x);
    auto* counts = new QValueAxis;
    counts->setRange(0, std::max<qreal>(1, static_cast<qreal>(highest) * 1.05));
    counts->setLabelFormat(QStringLiteral("%d"));
    counts->applyNiceNumbers();
    counts->setTitleText(QObject::tr("Records"));
    counts->setLabelsBrush(palette.text());
    counts->setTitleBrush(palette.text());
    counts->setGridLineColor(palette.color(QPalette::Mid));
    chart->addAxis(counts, Qt::AlignLeft);
    bars->attachAxis(counts);
    auto* rates = rateAxis(palette);
    rates->setGridLineVisible(false);
    chart->addAxis(rates, Qt::AlignRight);
    rate->attachAxis(rates);
    return chart;
}

QChart* TrendChartBuilder::successRates(const TrendResult& result, const QPalette& palette, int maxLabels, int maxLines)
{
    auto* chart = new QChart;
    applyPalette(chart, palette);
    const int shown = std::min(maxLines, static_cast<int>(result.lines.size()));
    chart->setTitle(static_cast<int>(result.lines.size()) > shown
                        ? QObject::tr("Success rate by %1 (the %2 largest of %3)")
                              .arg(QObject::tr(dimensionName(result.series)))
                              .arg(shown)
                              .arg(result.lines.size())
                        : QObject::tr("Success rate by %1").arg(QObject::tr(dimensionName(result.series))));
    auto* x = timeAxis(result, palette, maxLabels);
    chart->addAxis(x, Qt::AlignBottom);
    auto* y = rateAxis(palette);
    chart->addAxis(y, Qt::AlignLeft);
    for (int l = 0; l < shown; ++l) {
        const TrendLine& line = result.lines[static_cast<std::size_t>(l)];
        auto* series = new QLineSeries;
        series->setName(QString::fromStdString(line.label));
        series->setProperty(kLineProperty, l);
        series->setPointsVisible(true);
        QPen pen(seriesColor(l));
        pen.setWidthF(2.0);
        series->setPen(pen);
        // Rates of a handful of records swing wildly: they are drawn as faint dots off the line, so small
        // samples look small (the tooltip gives the counts).
        auto* sparse = new QScatterSeries;
        sparse->setProperty(kLineProperty, l);
        QColor faint = seriesColor(l);
        faint.setAlphaF(0.45f);
        sparse->setColor(faint);
        sparse->setBorderColor(faint);
        sparse->setMarkerSize(7);
        for (std::size_t i = 0; i < line.points.size(); ++i) {
            const auto r = line.points[i].successRate();
            if (!r)
                continue;
            if (line.points[i].judged() >= kMinLineSample)
                series->append(static_cast<qreal>(i), *r * 100.0);
            else
                sparse->append(static_cast<qreal>(i), *r * 100.0);
        }
        for (QXYSeries* s : {static_cast<QXYSeries*>(series), static_cast<QXYSeries*>(sparse)}) {
            chart->addSeries(s);
            s->attachAxis(x);
            s->attachAxis(y);
        }
        for (auto* marker : chart->legend()->markers(sparse))
            marker->setVisible(false);
    }
    return chart;
}

} // namespace memscope::ui
