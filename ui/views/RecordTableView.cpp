#include "views/RecordTableView.h"

#include "models/RecordTableModel.h"
#include "views/RecordItemDelegate.h"

#include <QHeaderView>
#include <QMenu>

#include <algorithm>

namespace memscope::ui {

RecordTableView::RecordTableView(QWidget* parent)
    : QTableView(parent)
{
    setObjectName(QStringLiteral("recordTable"));
    setItemDelegate(new RecordItemDelegate(this));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setWordWrap(false);
    setShowGrid(false);
    setAlternatingRowColors(true);
    setSortingEnabled(true);
    setTextElideMode(Qt::ElideRight);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    auto* vertical = verticalHeader();
    vertical->setSectionResizeMode(QHeaderView::Fixed);
    vertical->setDefaultSectionSize(fontMetrics().height() + 8);
    vertical->hide();
    auto* header = horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, &RecordTableView::showHeaderMenu);
}

void RecordTableView::setModel(QAbstractItemModel* model)
{
    QTableView::setModel(model);
    horizontalHeader()->setSortIndicator(RecordTableModel::TimeColumn, Qt::DescendingOrder);
}

void RecordTableView::applyDefaultColumns()
{
    auto* header = horizontalHeader();
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const struct {
        int column;
        int width; // in M widths
        bool visible;
    } defaults[] = {
        {RecordTableModel::TimeColumn, 12, true},     {RecordTableModel::OutcomeColumn, 8, true},
        {RecordTableModel::TaskTypeColumn, 12, true}, {RecordTableModel::ToolColumn, 11, true},
        {RecordTableModel::VersionColumn, 5, true},   {RecordTableModel::UserColumn, 6, true},
        {RecordTableModel::MemoryColumn, 40, true},   {RecordTableModel::SeverityColumn, 6, false},
        {RecordTableModel::StateColumn, 6, false},    {RecordTableModel::CollectionColumn, 9, false},
        {RecordTableModel::AgentColumn, 8, false},    {RecordTableModel::RunColumn, 8, false},
        {RecordTableModel::UpdatedColumn, 10, false}, {RecordTableModel::ScoreColumn, 5, true},
        {RecordTableModel::IdColumn, 18, false},
    };
    for (const auto& d : defaults) {
        header->resizeSection(d.column, d.width * em);
        header->setSectionHidden(d.column, !d.visible);
    }
    // The lesson takes the room the other columns leave.
    header->setSectionResizeMode(RecordTableModel::MemoryColumn, QHeaderView::Stretch);
}

QList<int> RecordTableView::selectedRows() const
{
    QList<int> rows;
    if (!selectionModel())
        return rows;
    for (const auto& range : selectionModel()->selection())
        for (int r = range.top(); r <= range.bottom(); ++r)
            rows.append(r);
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

void RecordTableView::showHeaderMenu(const QPoint& pos)
{
    auto* header = horizontalHeader();
    QMenu menu(this);
    for (int c = 0; c < model()->columnCount(); ++c) {
        auto* action = menu.addAction(model()->headerData(c, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(c));
        // The last visible column stays: a table without columns cannot be brought back from its header.
        action->setEnabled(header->isSectionHidden(c) || header->count() - header->hiddenSectionCount() > 1);
        connect(action, &QAction::toggled, header, [header, c](bool on) { header->setSectionHidden(c, !on); });
    }
    menu.addSeparator();
    connect(menu.addAction(tr("Reset columns")), &QAction::triggered, this, &RecordTableView::applyDefaultColumns);
    menu.exec(header->mapToGlobal(pos));
}

} // namespace memscope::ui
