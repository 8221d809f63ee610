#include "views/FacetSidebar.h"

#include "models/FacetModel.h"
#include "models/FilterState.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace memscope::ui {

FacetSidebar::FacetSidebar(FacetModel* model, FilterState* filters, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_filters(filters)
    , m_tree(new QTreeView(this))
    , m_clear(new QPushButton(tr("Clear facets"), this))
{
    setObjectName(QStringLiteral("facetSidebar"));
    m_tree->setObjectName(QStringLiteral("facetTree"));
    m_tree->setModel(model);
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setFocusPolicy(Qt::StrongFocus);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(FacetModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(FacetModel::CountColumn, QHeaderView::ResizeToContents);
    m_tree->expandAll();
    // Groups appear expanded as their values arrive; a group the operator collapsed stays collapsed.
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex& where) {
        if (!where.isValid())
            m_tree->expandAll();
    });
    connect(m_tree, &QTreeView::clicked, this, &FacetSidebar::toggleIndex);
    m_tree->installEventFilter(this);
    connect(m_clear, &QPushButton::clicked, m_filters, &FilterState::clearFacets);
    connect(m_filters, &FilterState::changed, this, &FacetSidebar::updateClearButton);

    auto* title = new QLabel(tr("Facets"), this);
    QFont font = title->font();
    font.setBold(true);
    title->setFont(font);
    auto* top = new QHBoxLayout;
    top->addWidget(title, 1);
    top->addWidget(m_clear);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_tree, 1);
    setMinimumWidth(220);
    updateClearButton();
}

void FacetSidebar::toggleIndex(const QModelIndex& index)
{
    if (index.parent().isValid())
        m_model->toggle(index.siblingAtColumn(FacetModel::NameColumn));
}

bool FacetSidebar::eventFilter(QObject* watched, QEvent* event)
{
    // Space or Enter on a value toggles it, so the facets work without the mouse.
    if (watched == m_tree && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Space || key == Qt::Key_Return || key == Qt::Key_Enter) {
            toggleIndex(m_tree->currentIndex());
            return m_tree->currentIndex().parent().isValid();
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FacetSidebar::updateClearButton() { m_clear->setEnabled(!m_filters->facetSelections().isEmpty()); }

} // namespace memscope::ui
