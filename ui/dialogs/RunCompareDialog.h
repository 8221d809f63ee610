#pragma once

#include <agent/RunComparison.h>

#include <QDialog>

class QGridLayout;
class QLabel;
class QPlainTextEdit;
class QTableView;

namespace memscope::ui {

class ErrorBanner;
class RunComparisonModel;

// Two runs side by side (A the earlier, B the re-run): a grid of their facts (task, memory, version, model,
// status, outcome, latency, tokens, tokens per prompt section) with the change B − A, green where B does
// better and red where worse; a warning when they ran different tasks; the context diff (which memories
// only A, only B or both retrieved, at which ranks) where a double-click opens the record; and both answers.
// Non-modal and deleted on close, so the operator can keep comparing while browsing. All run, model and
// user text is plain text.
class RunCompareDialog : public QDialog {
    Q_OBJECT
public:
    // The grid's rows that carry a delta, by key (see deltaLabel).
    static constexpr const char* kLatency = "latency";
    static constexpr const char* kPromptTokens = "promptTokens";
    static constexpr const char* kCompletionTokens = "completionTokens";
    static constexpr const char* kOutcome = "outcome";

    explicit RunCompareDialog(RunComparison comparison, QWidget* parent = nullptr);

    const RunComparison& comparison() const { return m_comparison; }
    RunComparisonModel* diffModel() const { return m_model; }
    QTableView* diffView() const { return m_view; }
    ErrorBanner* taskNotice() const { return m_notice; }
    QLabel* diffSummary() const { return m_summary; }
    QPlainTextEdit* outputA() const { return m_outputA; }
    QPlainTextEdit* outputB() const { return m_outputB; }
    // The Δ cell of a row: kLatency, kPromptTokens, kCompletionTokens, kOutcome, "section:<name>", or task,
    // memory, version, model, status, steps, retrieved.
    QLabel* deltaLabel(const QString& key) const;
    // Whether that Δ is shown as an improvement (1), a regression (−1) or neither (0).
    static int deltaQuality(const QLabel* label);

signals:
    void openRecordRequested(const QString& memoryId);

private:
    QWidget* createHeader();
    QWidget* createDiff();
    QWidget* createOutputs();
    // Appends a row of A and B values (B in bold where it differs, if `highlight`); returns the next row.
    int addRow(QGridLayout* grid, int row, const QString& label, const QString& a, const QString& b,
               bool highlight = true);
    void addDelta(QGridLayout* grid, int row, const QString& key, const QString& text, int quality);

    RunComparison m_comparison;
    RunComparisonModel* m_model;
    QTableView* m_view = nullptr;
    ErrorBanner* m_notice;
    QLabel* m_summary = nullptr;
    QPlainTextEdit* m_outputA = nullptr;
    QPlainTextEdit* m_outputB = nullptr;
};

} // namespace memscope::ui
