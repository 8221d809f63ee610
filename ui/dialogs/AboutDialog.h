#pragma once

#include <QDialog>

namespace memscope::ui {

// Help → About Memscope: what it is and the versions it runs on (Memscope, Qt, SQLite, hnswlib, curl), as
// selectable text so it can be pasted into a bug report.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);

    // One line per component, "Name version".
    static QString versionsText();
};

} // namespace memscope::ui
