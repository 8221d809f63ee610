#pragma once

#include <agent/RunTrace.h>

#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace memscope::ui {

class ErrorBanner;
class RetrievedMemoryModel;
class RunStepModel;

// One agent run, everything it did: a header (status, outcome, model, version, latency, tokens, memory on or
// off; the error of a failed run in a banner), the memories the prefetch retrieved with their scores and
// whether they fitted the budget, the exact prompt with its sections' token counts, the steps with a tool
// call's arguments and output, the answer, the evaluation and the lesson written. Every text of a user or a
// model is shown as plain text. A live run is shown as it goes (showTrace again, appendOutput for the answer).
class RunInspector : public QWidget {
    Q_OBJECT
public:
    enum Tab { ContextTab, PromptTab, StepsTab, ResultTab };

    explicit RunInspector(QWidget* parent = nullptr);

    void showTrace(const RunTrace& trace);
    // Answer text streaming in for the run on display.
    void appendOutput(const QString& delta);
    // Shows a message instead of a run (none selected, the run could not be read).
    void showMessage(const QString& text);

    QString runId() const;
    const std::optional<RunTrace>& trace() const { return m_trace; }

    QLabel* messageLabel() const { return m_message; }
    QLabel* titleLabel() const { return m_title; }
    QLabel* factsLabel() const { return m_facts; }
    ErrorBanner* banner() const { return m_banner; }
    QTabWidget* tabs() const { return m_tabs; }
    QTableView* retrievedView() const { return m_retrievedView; }
    RetrievedMemoryModel* retrievedModel() const { return m_retrieved; }
    QLabel* contextSummary() const { return m_contextSummary; }
    QLabel* sectionsLabel() const { return m_sections; }
    QPlainTextEdit* promptView() const { return m_prompt; }
    QTableView* stepsView() const { return m_stepsView; }
    RunStepModel* stepModel() const { return m_steps; }
    QPlainTextEdit* stepDetails() const { return m_stepDetails; }
    QPlainTextEdit* outputView() const { return m_output; }
    QLabel* evaluationLabel() const { return m_evaluation; }
    QLabel* reasonLabel() const { return m_reason; }
    QPlainTextEdit* lessonView() const { return m_lesson; }
    QPushButton* writtenRecordButton() const { return m_written; }

signals:
    // A retrieved memory was double-clicked, or the lesson's record was clicked.
    void openRecordRequested(const QString& memoryId);

private:
    QWidget* createContextTab();
    QWidget* createPromptTab();
    QWidget* createStepsTab();
    QWidget* createResultTab();
    void showHeader(const RunTrace& t);
    void showContext(const RunTrace& t, bool sameRun);
    void showPrompt(const RunTrace& t, bool sameRun);
    void showResult(const RunTrace& t, bool sameRun);
    void showStepDetails();

    std::optional<RunTrace> m_trace;
    bool m_freshTurn = false; // the next streamed text starts a new answer (after tool calls)

    QStackedWidget* m_stack;
    QLabel* m_message;
    QWidget* m_page;
    QLabel* m_title;
    QLabel* m_facts;
    ErrorBanner* m_banner;
    QTabWidget* m_tabs;
    QLabel* m_contextSummary = nullptr;
    RetrievedMemoryModel* m_retrieved;
    QTableView* m_retrievedView = nullptr;
    QLabel* m_sections = nullptr;
    QPlainTextEdit* m_prompt = nullptr;
    RunStepModel* m_steps;
    QTableView* m_stepsView = nullptr;
    QPlainTextEdit* m_stepDetails = nullptr;
    QPlainTextEdit* m_output = nullptr;
    QLabel* m_evaluation = nullptr;
    QLabel* m_reason = nullptr;
    QPlainTextEdit* m_lesson = nullptr;
    QLabel* m_lessonFacts = nullptr;
    QPushButton* m_written = nullptr;
};

} // namespace memscope::ui
