#include "models/RecordRunsModel.h"

#include "models/OutcomeStyle.h"
#include "models/RunListModel.h"

#include <QDateTime>
#include <QLocale>

namespace memscope::ui {

namespace {
QString text(const std::string& s) { return QString::fromStdString(s); }
} // namespace

RecordRunsModel::RecordRunsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int RecordRunsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RecordRunsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RecordRunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Retrieved");
    case TaskColumn: return tr("Task");
    case RankColumn: return tr("Rank");
    case ScoreColumn: return tr("Score");
    case OutcomeColumn: return tr("Run outcome");
    case RunColumn: return tr("Run");
    default: return {};
    }
}

void RecordRunsModel::setRetrievals(std::vector<MemoryRetrieval> retrievals)
{
    beginResetModel();
    m_rows = std::move(retrievals);
    endResetModel();
}

const MemoryRetrieval* RecordRunsModel::retrieval(int row) const
{
    return row >= 0 && row < rowCount() ? &m_rows[static_cast<std::size_t>(row)] : nullptr;
}

QString RecordRunsModel::runId(int row) const
{
    const MemoryRetrieval* r = retrieval(row);
    return r ? text(r->run.runId) : QString();
}

QVariant RecordRunsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MemoryRetrieval& r = m_rows[static_cast<std::size_t>(index.row())];
    const bool known = !r.run.runId.empty();
    const QString outcome = text(r.run.outcome);
    switch (role) {
    case RunIdRole: return text(r.run.runId);
    case KnownRunRole: return known;
    case Qt::DecorationRole:
        if (index.column() == OutcomeColumn && known && !outcome.isEmpty())
            return OutcomeStyle::icon(outcome);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == RankColumn || index.column() == ScoreColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (!known)
            return tr("Retrieved by an outside agent's search (source \"%1\", run id %2); Memscope has no trace of "
                      "that run.")
                .arg(text(r.access.source), text(r.access.runId));
        return tr("Double-click to inspect run %1").arg(text(r.run.runId));
    case Qt::DisplayRole: break;
    default: return {};
    }
    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(r.access.accessedAt / 1000)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case TaskColumn:
        return known ? text(r.run.taskId.empty() ? r.run.taskType : r.run.taskId) : tr("outside agent search");
    case RankColumn: return r.access.rank;
    case ScoreColumn: return QLocale().toString(r.access.score, 'f', 3);
    case OutcomeColumn:
        if (!known)
            return QString();
        if (r.run.status != "completed")
            return RunListModel::statusLabel(text(r.run.status));
        return OutcomeStyle::label(outcome);
    case RunColumn: return text(r.access.runId);
    default: return {};
    }
}

} // namespace memscope::ui
