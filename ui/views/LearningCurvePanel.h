#pragma once

#include <agent/RunStore.h>
#include <stats/LearningCurve.h>

#include <QString>
#include <QWidget>

#include <optional>
#include <vector>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;

namespace memscope::ui {

class StoreSession;

// The Runs tab's "Learning curve": a batch run with and without memory (Run Task… with "Learning curve", or
// memscope-cli run --curve) as two lines of the cumulative success rate by episode, with the moving-window
// rate dashed beside each, and the overall rates and lift in words. Batches are listed and curves computed
// (LearningCurve) off the UI thread, only while the panel is visible; store changes catch up when shown.
class LearningCurvePanel : public QWidget {
    Q_OBJECT
public:
    explicit LearningCurvePanel(StoreSession* session, QWidget* parent = nullptr);
    ~LearningCurvePanel() override;

    QComboBox* batchBox() const { return m_batch; }
    QChartView* chartView() const { return m_chart; }
    QLabel* summaryLabel() const { return m_summary; }
    QLabel* emptyLabel() const { return m_empty; }
    bool isLoading() const { return m_listing || m_computing; }
    QString currentBatchId() const;
    const std::vector<BatchSummary>& batches() const { return m_batches; }
    const std::optional<LearningCurve>& curve() const { return m_curve; }
    // The chart's line, by object name: withMemory, withoutMemory, withMemoryWindow, withoutMemoryWindow.
    QLineSeries* series(const QString& name) const;

    // Shows the batch: at once when listed, else after the next listing (a batch that just finished).
    void selectBatch(const QString& batchId);
    // "sql_query_debug · 2 May 2026 14:10 · 12 episodes"
    static QString batchLabel(const BatchSummary& batch);

public slots:
    void refresh();

signals:
    void refreshed(); // a listing and its curve are on display

protected:
    void showEvent(QShowEvent* event) override;

private:
    void listBatches();
    void loadCurve();
    void showCurve();
    QChart* buildChart() const;

    StoreSession* m_session;
    QComboBox* m_batch;
    QLabel* m_summary;
    QLabel* m_empty;
    QChartView* m_chart;
    std::vector<BatchSummary> m_batches;
    std::optional<LearningCurve> m_curve;
    QString m_pending; // selectBatch() before the batch was listed
    quint64 m_listGeneration = 0;
    quint64 m_curveGeneration = 0;
    bool m_listing = false;
    bool m_relist = false; // the store changed while listing
    bool m_computing = false;
    bool m_dirty = true; // changed while hidden
};

} // namespace memscope::ui
