#pragma once

#include <QWidget>

class QTreeView;
class QPushButton;

namespace memscope::ui {

class FacetModel;
class FilterState;

// The left column of the Records view: every facet with its counts; a click narrows (or widens again).
class FacetSidebar : public QWidget {
    Q_OBJECT
public:
    FacetSidebar(FacetModel* model, FilterState* filters, QWidget* parent = nullptr);

    QTreeView* tree() const { return m_tree; }
    FacetModel* model() const { return m_model; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void toggleIndex(const QModelIndex& index);
    void updateClearButton();

    FacetModel* m_model;
    FilterState* m_filters;
    QTreeView* m_tree;
    QPushButton* m_clear;
};

} // namespace memscope::ui
