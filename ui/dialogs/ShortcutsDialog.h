#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QTableWidget;

namespace memscope::ui {

// The keyboard cheat sheet (F1 or ?): made from the window's actual actions, so it cannot drift from them.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);
    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table;
};

} // namespace memscope::ui
