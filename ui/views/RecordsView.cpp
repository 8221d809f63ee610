#include "views/RecordsView.h"

#include "models/FilterState.h"
#include "models/RecordTableModel.h"
#include "store/StoreSession.h"
#include "views/RecordTableView.h"
#include "widgets/ErrorBanner.h"

#include <storage/MemoryStore.h>

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QVBoxLayout>

namespace memscope::ui {

RecordsView::RecordsView(StoreSession* session, FilterState* filters, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_filters(filters)
    , m_model(new RecordTableModel(session, this))
    , m_table(new RecordTableView(this))
    , m_banner(new ErrorBanner(this))
    , m_status(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("recordsView"));
    m_table->setModel(m_model);
    m_table->applyDefaultColumns();
    m_status->setObjectName(QStringLiteral("recordsStatus"));
    m_status->setTextFormat(Qt::PlainText);

    auto* centre = new QWidget(m_splitter);
    m_centre = new QVBoxLayout(centre);
    m_centre->setContentsMargins(0, 0, 0, 0);
    m_centre->setSpacing(4);
    m_centre->addWidget(m_banner);
    m_centre->addWidget(m_table, 1);
    m_centre->addWidget(m_status);
    m_splitter->addWidget(centre);
    m_splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_filters, &FilterState::changed, this, &RecordsView::requery);
    connect(m_session, &StoreSession::storeChanged, this, &RecordsView::onStoreChanged);
    connect(m_session, &StoreSession::opened, this, &RecordsView::requery);
    connect(m_model, &RecordTableModel::queryFailed, this, [this](const TaskError& error) {
        if (error.kind != Error::Kind::Cancelled)
            m_banner->showMessage(ErrorBanner::Level::Error, error.message);
    });
    connect(m_model, &RecordTableModel::loadingChanged, this, &RecordsView::updateStatus);
    connect(m_model, &RecordTableModel::rowsInserted, this, &RecordsView::updateStatus);
    connect(m_model, &RecordTableModel::modelReset, this, &RecordsView::updateStatus);
    connect(m_model, &RecordTableModel::refreshed, this, [this] {
        updateStatus();
        emit currentRecordChanged(m_model->recordId(m_table->currentIndex().row()));
    });
    connect(m_model, &RecordTableModel::firstRowsReady, this, [this] {
        // A new answer starts at the top with the first row current, so the keyboard works at once.
        if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
            m_table->setCurrentIndex(m_model->index(0, RecordTableModel::MemoryColumn));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { emit currentRecordChanged(m_model->recordId(current.row())); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RecordsView::selectionChanged);
}

RecordsView::~RecordsView() = default;

void RecordsView::setSidebar(QWidget* sidebar)
{
    m_sidebar = sidebar;
    m_splitter->insertWidget(0, sidebar);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
}

void RecordsView::setQueryBar(QWidget* queryBar) { m_centre->insertWidget(0, queryBar); }

void RecordsView::setDetailPane(QWidget* detail)
{
    m_detail = detail;
    m_splitter->addWidget(detail);
    m_splitter->setStretchFactor(m_splitter->indexOf(detail), 0);
    // Room for the lesson and its history beside a table that still shows its main columns.
    m_splitter->setSizes({240, 760, 440});
}

void RecordsView::requery()
{
    if (!m_session->isOpen())
        return;
    m_banner->dismiss();
    const auto query = m_filters->recordQuery(m_model->query().order);
    // Scores exist only for searches; the sort indicator shows what the rows are ordered by.
    auto* header = m_table->horizontalHeader();
    const QSignalBlocker block(header);
    m_table->setColumnHidden(RecordTableModel::ScoreColumn, !query.isSearch());
    if (query.isSearch()) {
        header->setSortIndicator(RecordTableModel::ScoreColumn, Qt::DescendingOrder);
    } else {
        for (int c = 0; c < RecordTableModel::ColumnCount; ++c)
            if (RecordTableModel::sortField(c).toStdString() == query.order.field)
                header->setSortIndicator(c, query.order.descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    }
    m_model->setQuery(query);
}

void RecordsView::onStoreChanged() { m_model->refresh(); }

QStringList RecordsView::selectedIds() const
{
    QStringList ids;
    for (int row : m_table->selectedRows()) {
        const QString id = m_model->recordId(row);
        if (!id.isEmpty())
            ids.append(id);
    }
    return ids;
}

void RecordsView::selectIds(const QStringList& ids)
{
    auto* selection = m_table->selectionModel();
    QItemSelection wanted;
    int firstRow = -1;
    for (const auto& id : ids) {
        const auto record = m_session->uiStore().get(id.toStdString());
        if (!record)
            continue;
        const int row = m_model->rowOfRowId(record->rowId);
        if (row < 0)
            continue;
        wanted.select(m_model->index(row, 0), m_model->index(row, RecordTableModel::ColumnCount - 1));
        if (firstRow < 0)
            firstRow = row;
    }
    selection->select(wanted, QItemSelectionModel::ClearAndSelect);
    if (firstRow >= 0) {
        selection->setCurrentIndex(m_model->index(firstRow, RecordTableModel::MemoryColumn),
                                   QItemSelectionModel::NoUpdate);
        m_table->scrollTo(m_model->index(firstRow, RecordTableModel::MemoryColumn));
    }
}

void RecordsView::updateStatus()
{
    const qint64 rows = m_model->rowCount();
    QString text;
    if (m_model->query().isSearch())
        text = m_model->isLoading() ? tr("Searching…") : tr("%n best match(es)", nullptr, static_cast<int>(rows));
    else if (m_model->isLoading())
        text = tr("Listing… %1 records so far").arg(QLocale().toString(rows));
    else
        text = tr("%1 records").arg(QLocale().toString(rows));
    m_status->setText(text);
}

} // namespace memscope::ui
