#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace memscope::ui {

// Confirms a change and asks for an optional reason, which goes into the history with it.
class ReasonDialog : public QDialog {
    Q_OBJECT
public:
    ReasonDialog(const QString& title, const QString& question, const QString& acceptText, QWidget* parent = nullptr);
    QString reason() const;
    // Shows the dialog; returns false when cancelled.
    static bool ask(QWidget* parent, const QString& title, const QString& question, const QString& acceptText,
                    QString* reason);

private:
    QLineEdit* m_reason;
};

} // namespace memscope::ui
