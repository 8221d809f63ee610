#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace memscope::ui {

struct TaskError;

// What the window shows instead of the workspace: a welcome for an empty store (load the demo history,
// import a file, open another database) and an explanation with a way out when a file cannot be opened
// (damaged, locked, read-only, from a newer Memscope, not a Memscope database).
class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget* parent = nullptr);

    void showOpening(const QString& path);
    void showEmptyStore(const QString& path);
    void showProblem(const TaskError& error, const QString& path);
    void setBusy(const QString& message); // e.g. while the demo history is written
    // A write started from the welcome (the demo history) failed: the welcome's choices stay offered.
    void showWriteFailure(const QString& headline, const TaskError& error, const QString& path);

    QString headline() const;
    QString detail() const;

signals:
    void loadDemoRequested();
    void importRequested();
    void openRequested();
    void createRequested();
    void retryRequested();
    void openReadOnlyRequested();
    void continueEmptyRequested();
    void configureRequested(); // Preferences: the LLM endpoint for agent runs

private:
    void setButtons(std::initializer_list<QPushButton*> visible);

    QLabel* m_title;
    QLabel* m_body;
    QLabel* m_detail;
    QPushButton* m_demo;
    QPushButton* m_import;
    QPushButton* m_open;
    QPushButton* m_create;
    QPushButton* m_retry;
    QPushButton* m_readOnly;
    QPushButton* m_continue;
    QPushButton* m_configure;
};

} // namespace memscope::ui
