#pragma once

#include "models/TrendsSnapshot.h"

#include <nlohmann/json.hpp>

#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QModelIndex;
class QTableView;
class QTabWidget;
class QTimer;
class QToolButton;

namespace memscope::ui {

class BreakdownModel;
class LessonEffectivenessPanel;
class ErrorBanner;
class FilterState;
class StoreSession;

// Trends: outcomes over time (stacked counts with the success rate), the success rate by task type, tool
// or version, and a success-rate table by task type × tool or × version. Follows the shared filters and
// time range (as event time); the numbers come from the core's roll-up, computed off the UI thread and only
// while the view is shown. Clicking a bar, a point or a cell asks for exactly those records.
class TrendsView : public QWidget {
    Q_OBJECT
public:
    TrendsView(StoreSession* session, FilterState* filters, QWidget* parent = nullptr);
    ~TrendsView() override;

    void setBucket(TrendBucket bucket);
    void setSeries(TrendDimension series);
    void setBreakdownColumns(TrendDimension columns); // tool_name or version (rows: task_type)

    bool isLoading() const;
    const std::optional<TrendsSnapshot>& snapshot() const { return m_snapshot; }
    QChartView* outcomeChart() const { return m_outcomeView; }
    QChartView* rateChart() const { return m_rateView; }
    QTableView* breakdownTable() const { return m_table; }
    BreakdownModel* breakdownModel() const { return m_model; }
    LessonEffectivenessPanel* lessonsPanel() const { return m_lessons; }
    void showLessonEffectiveness(); // brings its table to the front
    ErrorBanner* banner() const { return m_banner; }

    // The drill-downs the charts and the table trigger: one bar (one outcome of one bucket, or the whole
    // bucket), one point of a series line, one cell of the table.
    void openBucket(int bucket, std::optional<OutcomeClass> outcome);
    void openPoint(int line, int bucket);
    void openCell(const QModelIndex& index);

    // Both charts as one picture (.png, or .svg), or the numbers behind them as CSV. Errors go to the banner.
    bool exportCharts(const QString& path);
    bool exportData(const QString& path);  // the trend: per series (if any) and bucket
    bool exportTable(const QString& path); // the breakdown: per cell

public slots:
    void refresh();

signals:
    // The records behind a bar, point or cell: a Mem0 filter and words for the status bar.
    void drillDownRequested(const nlohmann::json& filter, const QString& description);
    void openRecordRequested(const QString& memoryId); // a lesson of the effectiveness table
    void loadingChanged(bool loading);
    void refreshed();

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void requestRefresh();
    void showSnapshot();
    void connectOutcomeChart(QChart* chart);
    void connectRateChart(QChart* chart);
    void updateSummary();
    void chooseExport(int kind);
    bool writeText(const QString& path, const std::string& text);
    int labelBudget(const QWidget* view) const;

    StoreSession* m_session;
    FilterState* m_filters;
    ErrorBanner* m_banner;
    QComboBox* m_bucket;
    QComboBox* m_series;
    QComboBox* m_columns;
    QToolButton* m_export;
    QLabel* m_summary;
    QWidget* m_charts;
    QChartView* m_outcomeView;
    QChartView* m_rateView;
    QTableView* m_table;
    BreakdownModel* m_model;
    LessonEffectivenessPanel* m_lessons = nullptr;
    QTabWidget* m_tables = nullptr;
    QTimer* m_relayout; // charts are rebuilt for a new width so axis labels never overlap
    std::optional<TrendsSnapshot> m_snapshot;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    bool m_loading = false;
    bool m_dirty = true; // asked while hidden: computed when shown
};

} // namespace memscope::ui
