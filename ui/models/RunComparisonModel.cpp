#include "models/RunComparisonModel.h"

#include "models/OutcomeStyle.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace memscope::ui {

namespace {

using Kind = ContextChange::Kind;

QString text(const std::string& s) { return QString::fromStdString(s); }

QColor blend(const QColor& base, const QColor& over, double amount)
{
    return QColor::fromRgbF(static_cast<float>(base.redF() * (1 - amount) + over.redF() * amount),
                            static_cast<float>(base.greenF() * (1 - amount) + over.greenF() * amount),
                            static_cast<float>(base.blueF() * (1 - amount) + over.blueF() * amount));
}

} // namespace

RunComparisonModel::RunComparisonModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int RunComparisonModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_changes.size());
}

int RunComparisonModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RunComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ChangeColumn: return tr("Whether run A, run B or both retrieved the memory");
        case RankAColumn:
        case RankBColumn: return tr("The memory's label in the run's prompt ([L1] first); cut: did not fit the budget");
        case ScoreAColumn:
        case ScoreBColumn: return tr("The retrieval score in that run (relevance and recency)");
        default: return {};
        }
    }
    switch (section) {
    case ChangeColumn: return tr("Change");
    case RankAColumn: return tr("Rank A");
    case RankBColumn: return tr("Rank B");
    case OutcomeColumn: return tr("Outcome");
    case ScoreAColumn: return tr("Score A");
    case ScoreBColumn: return tr("Score B");
    case TextColumn: return tr("Lesson");
    default: return {};
    }
}

void RunComparisonModel::setChanges(std::vector<ContextChange> changes)
{
    beginResetModel();
    m_changes = std::move(changes);
    endResetModel();
}

const ContextChange* RunComparisonModel::change(int row) const
{
    return row >= 0 && row < rowCount() ? &m_changes[static_cast<std::size_t>(row)] : nullptr;
}

QString RunComparisonModel::memoryId(int row) const
{
    const ContextChange* c = change(row);
    return c ? text(c->memoryId) : QString();
}

QColor RunComparisonModel::changeColor(Kind kind)
{
    // The outcome hues: mid-tones that read on white and on near-black.
    switch (kind) {
    case Kind::OnlyA: return OutcomeStyle::color(QStringLiteral("failure"));
    case Kind::OnlyB: return OutcomeStyle::color(QStringLiteral("success"));
    case Kind::Both: break;
    }
    return {};
}

QColor RunComparisonModel::rowTint(Kind kind)
{
    const QColor over = changeColor(kind);
    if (!over.isValid())
        return {};
    // A light wash over the base: the text colour keeps its contrast on light and dark palettes.
    return blend(QGuiApplication::palette().color(QPalette::Base), over, 0.16);
}

QVariant RunComparisonModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ContextChange& c = m_changes[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case MemoryIdRole: return text(c.memoryId);
    case KindRole: return static_cast<int>(c.kind);
    case RankMovedRole: return c.rankMoved();
    case Qt::DisplayRole: return display(c, column);
    case Qt::ToolTipRole: return toolTip(c, column);
    case Qt::DecorationRole:
        if (column == OutcomeColumn)
            return OutcomeStyle::icon(text(c.outcomeType));
        return {};
    case Qt::BackgroundRole: {
        const QColor tint = rowTint(c.kind);
        return tint.isValid() ? QVariant(tint) : QVariant();
    }
    case Qt::ForegroundRole:
        if (column == ChangeColumn && c.kind != Kind::Both)
            return changeColor(c.kind);
        // A side that did not retrieve it, or cut it from the prompt, is greyed.
        if ((column == RankAColumn || column == ScoreAColumn) && (c.rankA == 0 || !c.usedA))
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        if ((column == RankBColumn || column == ScoreBColumn) && (c.rankB == 0 || !c.usedB))
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::TextAlignmentRole:
        if (column == RankAColumn || column == RankBColumn || column == ScoreAColumn || column == ScoreBColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default: return {};
    }
}

QVariant RunComparisonModel::display(const ContextChange& c, int column) const
{
    const auto rank = [this](int r, bool used) -> QString {
        if (r == 0)
            return QStringLiteral("—");
        return used ? QStringLiteral("L%1").arg(r) : tr("L%1 (cut)").arg(r);
    };
    const auto score = [](int r, double s) { return r ? QLocale().toString(s, 'f', 3) : QStringLiteral("—"); };
    switch (column) {
    case ChangeColumn:
        switch (c.kind) {
        case Kind::OnlyA: return tr("− only A");
        case Kind::OnlyB: return tr("+ only B");
        case Kind::Both:
            if (c.rankB < c.rankA)
                return tr("↑ up %1").arg(c.rankA - c.rankB);
            if (c.rankB > c.rankA)
                return tr("↓ down %1").arg(c.rankB - c.rankA);
            return tr("= both");
        }
        return {};
    case RankAColumn: return rank(c.rankA, c.usedA);
    case RankBColumn: return rank(c.rankB, c.usedB);
    case OutcomeColumn: return OutcomeStyle::label(text(c.outcomeType));
    case ScoreAColumn: return score(c.rankA, c.scoreA);
    case ScoreBColumn: return score(c.rankB, c.scoreB);
    case TextColumn: return text(c.text).section(QLatin1Char('\n'), 0, 0); // plain: a view never renders it
    default: return {};
    }
}

QVariant RunComparisonModel::toolTip(const ContextChange& c, int column) const
{
    const auto side = [this](const QString& run, int r, bool used) {
        if (r == 0)
            return tr("Run %1 did not retrieve it.").arg(run);
        return used ? tr("Run %1 retrieved it as [L%2], in the prompt.").arg(run).arg(r)
                    : tr("Run %1 retrieved it as [L%2], but it did not fit the token budget.").arg(run).arg(r);
    };
    switch (column) {
    case ChangeColumn:
        switch (c.kind) {
        case Kind::OnlyA: return tr("Only run A retrieved this memory.");
        case Kind::OnlyB: return tr("Only run B retrieved this memory.");
        case Kind::Both:
            return c.rankMoved() ? tr("Both runs retrieved it, at different ranks.")
                                 : tr("Both runs retrieved it, at the same rank.");
        }
        return {};
    case RankAColumn:
    case ScoreAColumn: return side(QStringLiteral("A"), c.rankA, c.usedA);
    case RankBColumn:
    case ScoreBColumn: return side(QStringLiteral("B"), c.rankB, c.usedB);
    case TextColumn:
    case OutcomeColumn:
        // The lesson is user data: escaped, so markup in it shows as written.
        return QStringLiteral("<qt>%1<br><br>%2</qt>")
            .arg(text(c.text).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")),
                 tr("Double-click to open record %1").arg(text(c.memoryId).toHtmlEscaped()));
    default: return {};
    }
}

} // namespace memscope::ui
