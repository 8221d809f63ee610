#include "models/RetrievedMemoryModel.h"

#include "models/OutcomeStyle.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace memscope::ui {

RetrievedMemoryModel::RetrievedMemoryModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int RetrievedMemoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_memories.size());
}

int RetrievedMemoryModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RetrievedMemoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RankColumn: return tr("Rank");
    case OutcomeColumn: return tr("Outcome");
    case ScoreColumn: return tr("Score");
    case SemanticColumn: return tr("Semantic");
    case KeywordColumn: return tr("Keyword");
    case RecencyColumn: return tr("Recency");
    case TokensColumn: return tr("Tokens");
    case UsedColumn: return tr("In prompt");
    case TextColumn: return tr("Lesson");
    default: return {};
    }
}

void RetrievedMemoryModel::setMemories(std::vector<RetrievedMemory> memories)
{
    beginResetModel();
    m_memories = std::move(memories);
    endResetModel();
}

const RetrievedMemory* RetrievedMemoryModel::memory(int row) const
{
    return row >= 0 && row < rowCount() ? &m_memories[static_cast<std::size_t>(row)] : nullptr;
}

QString RetrievedMemoryModel::memoryId(int row) const
{
    const RetrievedMemory* m = memory(row);
    return m ? QString::fromStdString(m->memoryId) : QString();
}

QVariant RetrievedMemoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RetrievedMemory& m = m_memories[static_cast<std::size_t>(index.row())];
    const QString outcome = QString::fromStdString(m.outcomeType);
    const auto number = [](double v) { return QLocale().toString(v, 'f', 3); };
    switch (role) {
    case MemoryIdRole: return QString::fromStdString(m.memoryId);
    case UsedRole: return m.used;
    case Qt::DecorationRole:
        if (index.column() == OutcomeColumn)
            return OutcomeStyle::icon(outcome);
        return {};
    case Qt::ForegroundRole:
        // A memory cut by the budget was retrieved but never reached the model.
        if (!m.used)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() != OutcomeColumn && index.column() != TextColumn && index.column() != UsedColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        // The lesson is user data: escaped, so markup in it shows as written.
        if (index.column() == TextColumn)
            return QStringLiteral("<qt>%1<br><br>%2</qt>")
                .arg(QString::fromStdString(m.text).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")),
                     tr("Double-click to open record %1").arg(QString::fromStdString(m.memoryId).toHtmlEscaped()));
        return {};
    case Qt::DisplayRole: break;
    default: return {};
    }
    switch (index.column()) {
    case RankColumn: return m.rank;
    case OutcomeColumn: return OutcomeStyle::label(outcome);
    case ScoreColumn: return number(m.score);
    case SemanticColumn: return number(m.semantic);
    case KeywordColumn: return number(m.keyword);
    case RecencyColumn: return number(m.recency);
    case TokensColumn: return m.tokens;
    case UsedColumn: return m.used ? tr("used") : tr("cut");
    case TextColumn: return QString::fromStdString(m.text).section(QLatin1Char('\n'), 0, 0);
    default: return {};
    }
}

} // namespace memscope::ui
