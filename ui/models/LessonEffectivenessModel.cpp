#include "models/LessonEffectivenessModel.h"

#include "models/OutcomeStyle.h"

#include <cmath>

namespace memscope::ui {

LessonEffectivenessModel::LessonEffectivenessModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void LessonEffectivenessModel::setRows(std::vector<LessonEffectiveness::Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int LessonEffectivenessModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LessonEffectivenessModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LessonEffectivenessModel::rateText(const std::optional<double>& rate, std::int64_t runs)
{
    if (!rate)
        return QStringLiteral("–");
    return tr("%1% of %2").arg(std::lround(*rate * 100)).arg(runs);
}

QVariant LessonEffectivenessModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& r = m_rows[static_cast<std::size_t>(index.row())];
    if (role == MemoryIdRole)
        return QString::fromStdString(r.memoryId);
    if (role == Qt::TextAlignmentRole && index.column() >= Retrievals)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::DecorationRole && index.column() == Outcome)
        return OutcomeStyle::icon(QString::fromStdString(r.outcomeType));
    if (role == Qt::ToolTipRole && index.column() == Lesson)
        return QString::fromStdString(r.memory).toHtmlEscaped(); // tooltips are rich text: escape
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Lesson: {
        QString text = QString::fromStdString(r.memory);
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        return text;
    }
    case Outcome: return OutcomeStyle::label(QString::fromStdString(r.outcomeType));
    case TaskType: return QString::fromStdString(r.taskType);
    case Retrievals: return QVariant::fromValue(static_cast<qlonglong>(r.retrievals));
    case With: return rateText(r.rateWith(), r.runsWith);
    case Without: return rateText(r.rateWithout(), r.runsWithout);
    case Lift: {
        const auto lift = r.lift();
        if (!lift)
            return QStringLiteral("–");
        const long points = std::lround(*lift * 100);
        return tr("%1%2 pp").arg(points > 0 ? QStringLiteral("+") : QString()).arg(points);
    }
    default: return {};
    }
}

QVariant LessonEffectivenessModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Lesson: return tr("Lesson");
    case Outcome: return tr("Outcome");
    case TaskType: return tr("Task type");
    case Retrievals: return tr("Retrieved");
    case With: return tr("Runs that retrieved it");
    case Without: return tr("Runs that did not");
    case Lift: return tr("Lift");
    default: return {};
    }
}

} // namespace memscope::ui
