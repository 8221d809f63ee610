#pragma once

#include <QTableView>

namespace memscope::ui {

// The record table: fixed row heights and no resize-to-contents (so a million rows cost nothing to lay
// out), whole-row multi-selection, and a header menu to choose the columns.
class RecordTableView : public QTableView {
    Q_OBJECT
public:
    explicit RecordTableView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;
    // Columns hidden unless the operator asks for them.
    void applyDefaultColumns();
    QList<int> selectedRows() const;

private:
    void showHeaderMenu(const QPoint& pos);
};

} // namespace memscope::ui
