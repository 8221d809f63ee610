#include "models/HistoryModel.h"

#include "models/HistoryDiff.h"

#include <QDateTime>

#include <algorithm>

namespace memscope::ui {

HistoryModel::HistoryModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int HistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int HistoryModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("When");
    case EventColumn: return tr("Change");
    case ActorColumn: return tr("By");
    case ChangeColumn: return tr("What changed");
    case ReasonColumn: return tr("Reason");
    default: return {};
    }
}

const HistoryEntry* HistoryModel::entry(int row) const
{
    return row >= 0 && row < rowCount() ? &m_entries[static_cast<std::size_t>(row)] : nullptr;
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryEntry& e = m_entries[static_cast<std::size_t>(index.row())];
    if (role == HistoryIdRole)
        return QVariant::fromValue<qint64>(e.id);
    if (role == BatchRole)
        return QString::fromStdString(e.batchId);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(e.createdAt / 1000).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case EventColumn: return QString::fromLatin1(eventName(e.event));
    case ActorColumn: return QString::fromStdString(e.actor);
    case ChangeColumn:
        // Tooltips render rich text when it looks like markup: escape what quotes user data.
        return role == Qt::ToolTipRole
                   ? QStringLiteral("<qt>%1</qt>")
                         .arg(m_changes[static_cast<std::size_t>(index.row())].toHtmlEscaped().replace(
                             QLatin1Char('\n'), QStringLiteral("<br>")))
                   : m_changes[static_cast<std::size_t>(index.row())];
    case ReasonColumn: return QString::fromStdString(e.reason);
    default: return {};
    }
}

void HistoryModel::setEntries(std::vector<HistoryEntry> entries)
{
    beginResetModel();
    std::sort(entries.begin(), entries.end(), [](const HistoryEntry& a, const HistoryEntry& b) { return a.id > b.id; });
    m_entries = std::move(entries);
    m_changes.clear();
    for (const auto& e : m_entries) {
        QString text;
        if (e.event == HistoryEvent::Add)
            text = tr("created");
        else if (e.event == HistoryEvent::Purge)
            text = tr("removed for good (the record is kept here, so this can be reverted)");
        else
            text = HistoryDiff::describe(e.oldValue, e.newValue).join(QLatin1Char('\n'));
        m_changes.push_back(text);
    }
    endResetModel();
}

} // namespace memscope::ui
