#pragma once

#include <QFrame>
#include <QString>

#include <functional>

class QLabel;
class QHBoxLayout;
class QToolButton;

namespace memscope::ui {

// An inline message above a view for problems the operator can recover from (a bad filter, a locked
// database, a failed import): plain text, optional actions, dismissable. Modal dialogs are kept for
// decisions.
class ErrorBanner : public QFrame {
    Q_OBJECT
public:
    enum class Level { Info, Warning, Error };

    explicit ErrorBanner(QWidget* parent = nullptr);

    void showMessage(Level level, const QString& text);
    // Adds a button to the message on display (removed with it).
    void addAction(const QString& text, const std::function<void()>& handler);
    void dismiss();
    QString text() const;
    Level level() const { return m_level; }

signals:
    void dismissed();

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyColours();

    QLabel* m_icon;
    QLabel* m_text;
    QHBoxLayout* m_actions;
    QToolButton* m_close;
    Level m_level = Level::Info;
};

} // namespace memscope::ui
