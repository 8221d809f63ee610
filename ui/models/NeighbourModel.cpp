#include "models/NeighbourModel.h"

#include "models/OutcomeStyle.h"

#include <QLocale>

namespace memscope::ui {

NeighbourModel::NeighbourModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int NeighbourModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_hits.size());
}

int NeighbourModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant NeighbourModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SimilarityColumn: return tr("Similarity");
    case FlagColumn: return tr("Note");
    case OutcomeColumn: return tr("Outcome");
    case TaskTypeColumn: return tr("Task type");
    case LessonColumn: return tr("Lesson");
    default: return {};
    }
}

NeighbourModel::Flag NeighbourModel::classify(const MemoryRecord& record, const SearchHit& hit)
{
    const double similarity = hit.parts.semantic;
    // A near-identical lesson with the opposite outcome matters more than a duplicate: check it first.
    const std::string a = record.metaString("outcome_type"), b = hit.record.metaString("outcome_type");
    const bool opposite = (a == "success" && b == "failure") || (a == "failure" && b == "success");
    if (opposite && similarity >= kConflictSimilarity &&
        record.metaString("task_type") == hit.record.metaString("task_type"))
        return Flag::Conflict;
    if (similarity >= kDuplicateSimilarity || hit.record.hash == record.hash)
        return Flag::Duplicate;
    return Flag::None;
}

void NeighbourModel::setNeighbours(const MemoryRecord& record, std::vector<SearchHit> hits)
{
    beginResetModel();
    m_hits.clear();
    m_flags.clear();
    for (auto& hit : hits) {
        if (hit.record.id == record.id)
            continue;
        m_flags.push_back(classify(record, hit));
        m_hits.push_back(std::move(hit));
    }
    endResetModel();
}

NeighbourModel::Flag NeighbourModel::flag(int row) const
{
    return row >= 0 && row < rowCount() ? m_flags[static_cast<std::size_t>(row)] : Flag::None;
}

QString NeighbourModel::recordId(int row) const
{
    return row >= 0 && row < rowCount() ? QString::fromStdString(m_hits[static_cast<std::size_t>(row)].record.id)
                                        : QString();
}

QVariant NeighbourModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit& hit = m_hits[static_cast<std::size_t>(index.row())];
    const QString outcome = QString::fromStdString(hit.record.metaString("outcome_type"));
    if (role == RecordIdRole)
        return QString::fromStdString(hit.record.id);
    if (role == Qt::DecorationRole && index.column() == OutcomeColumn)
        return OutcomeStyle::icon(outcome);
    if (role == Qt::ToolTipRole && index.column() == LessonColumn)
        return QStringLiteral("<qt>%1</qt>").arg(QString::fromStdString(hit.record.memory).toHtmlEscaped());
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SimilarityColumn: return QLocale().toString(hit.parts.semantic, 'f', 2);
    case FlagColumn:
        switch (m_flags[static_cast<std::size_t>(index.row())]) {
        case Flag::Duplicate: return tr("possible duplicate");
        case Flag::Conflict: return tr("conflicting outcome");
        case Flag::None: return QString();
        }
        return {};
    case OutcomeColumn: return OutcomeStyle::label(outcome);
    case TaskTypeColumn: return QString::fromStdString(hit.record.metaString("task_type"));
    case LessonColumn: return QString::fromStdString(hit.record.memory).section(QLatin1Char('\n'), 0, 0);
    default: return {};
    }
}

} // namespace memscope::ui
