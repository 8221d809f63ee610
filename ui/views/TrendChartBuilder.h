#pragma once

#include <stats/TrendQuery.h>

#include <QPalette>
#include <QString>

class QAbstractAxis;
class QChart;

namespace memscope::ui {

// Builds the Trends view's charts from the core's results; the view adds tooltips and clicks. Colours come
// from the palette (and the outcome colours), so light and dark desktops both read well.
class TrendChartBuilder {
public:
    // Dynamic properties the view reads back on hover and click.
    static constexpr const char* kOutcomeProperty = "memscopeOutcome"; // on a QBarSet: OutcomeClass as int
    static constexpr const char* kLineProperty = "memscopeLine";       // on a QXYSeries: index into lines

    // Stacked success/partial/failure/unknown counts per bucket, the success rate as a line on a
    // right-hand 0–100 % axis. Uses lines[0] of a result without series.
    static QChart* outcomes(const TrendResult& result, const QPalette& palette, int maxLabels);
    // The success rate per bucket, one line per series value, most records first, at most maxLines; rates
    // of fewer than five judged records as faint dots beside the line.
    static QChart* successRates(const TrendResult& result, const QPalette& palette, int maxLabels, int maxLines);

    // "2 Mar", "Mar 2026"...: a bucket's start as its axis label; withYear adds the year to days and weeks.
    static QString bucketLabel(TrendBucket bucket, Micros start, bool withYear);
    // A bucket's span for tooltips: "2026-03-02", "week of 2026-03-02", "March 2026".
    static QString bucketTitle(TrendBucket bucket, const TrendSpan& span);
    static QString outcomeLabel(OutcomeClass outcome);
    static const char* outcomeKey(OutcomeClass outcome); // success, partial, failure, unknown
    // The colour of the i-th series line.
    static QColor seriesColor(int index);

private:
    static void applyPalette(QChart* chart, const QPalette& palette);
    static QAbstractAxis* timeAxis(const TrendResult& result, const QPalette& palette, int maxLabels);
};

} // namespace memscope::ui
