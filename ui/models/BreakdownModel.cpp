#include "models/BreakdownModel.h"

#include "models/OutcomeStyle.h"

#include <QColor>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace memscope::ui {

namespace {
// Below this many judged records a cell's colour is faded in proportion.
constexpr double kConfidentSample = 30.0;
} // namespace

BreakdownModel::BreakdownModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void BreakdownModel::setResult(const BreakdownResult& result)
{
    beginResetModel();
    m_result = result;
    m_cellIndex.clear();
    for (std::size_t i = 0; i < m_result.cells.size(); ++i)
        m_cellIndex[{m_result.cells[i].row, m_result.cells[i].column}] = i;
    endResetModel();
}

int BreakdownModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || m_result.rowValues.empty() ? 0 : static_cast<int>(m_result.rowValues.size()) + 1;
}

int BreakdownModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || m_result.rowValues.empty() ? 0 : static_cast<int>(m_result.columnValues.size()) + 1;
}

const OutcomeCounts* BreakdownModel::countsAt(int row, int column) const
{
    const auto rows = static_cast<int>(m_result.rowValues.size());
    const auto columns = static_cast<int>(m_result.columnValues.size());
    if (row == rows && column == columns)
        return &m_result.total;
    if (row == rows)
        return &m_result.columnTotals.at(static_cast<std::size_t>(column));
    if (column == columns)
        return &m_result.rowTotals.at(static_cast<std::size_t>(row));
    const auto it = m_cellIndex.find({static_cast<std::size_t>(row), static_cast<std::size_t>(column)});
    return it == m_cellIndex.end() ? nullptr : &m_result.cells[it->second].counts;
}

nlohmann::json BreakdownModel::drillFilter(int row, int column) const
{
    const auto rows = static_cast<int>(m_result.rowValues.size());
    const auto columns = static_cast<int>(m_result.columnValues.size());
    const auto part = [](int i, int end) {
        return i < end ? std::optional<std::size_t>(static_cast<std::size_t>(i)) : std::nullopt;
    };
    return m_result.drillDownTotal(part(row, rows), part(column, columns));
}

QString BreakdownModel::valueLabel(const nlohmann::json& value)
{
    if (value.is_null())
        return tr("(none)");
    return QString::fromStdString(value.is_string() ? value.get<std::string>() : value.dump());
}

QColor BreakdownModel::heatColor(double rate, std::int64_t judged)
{
    // Failure red through partial amber to success green, the outcome colours used everywhere else.
    const QColor low = OutcomeStyle::color(QStringLiteral("failure"));
    const QColor mid = OutcomeStyle::color(QStringLiteral("partial"));
    const QColor high = OutcomeStyle::color(QStringLiteral("success"));
    const double t = std::clamp(rate, 0.0, 1.0);
    const QColor& a = t < 0.5 ? low : mid;
    const QColor& b = t < 0.5 ? mid : high;
    const double u = t < 0.5 ? t * 2 : (t - 0.5) * 2;
    QColor c = QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * u),
                                static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * u),
                                static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * u));
    const double confidence = std::min(1.0, static_cast<double>(judged) / kConfidentSample);
    c.setAlphaF(static_cast<float>(0.12 + 0.5 * confidence));
    return c;
}

QVariant BreakdownModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const OutcomeCounts* counts = countsAt(index.row(), index.column());
    const auto rate = counts ? counts->successRate() : std::nullopt;
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        if (!counts)
            return QString();
        if (!rate)
            return tr("–  (%1)").arg(locale.toString(qlonglong(counts->total())));
        return tr("%1%  (%2)")
            .arg(locale.toString(*rate * 100.0, 'f', 0), locale.toString(qlonglong(counts->judged())));
    case Qt::TextAlignmentRole: return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (!rate)
            return {};
        return heatColor(*rate, counts->judged());
    case Qt::ToolTipRole:
        if (!counts)
            return tr("No records");
        return tr("%1 × %2\nSuccess %3 · Partial %4 · Failure %5 · Unknown %6\nSuccess rate %7 of %8 judged "
                  "records\nDouble-click to open these records")
            .arg(headerData(index.row(), Qt::Vertical).toString(),
                 headerData(index.column(), Qt::Horizontal).toString(), locale.toString(qlonglong(counts->success)),
                 locale.toString(qlonglong(counts->partial)), locale.toString(qlonglong(counts->failure)),
                 locale.toString(qlonglong(counts->unknown)),
                 rate ? locale.toString(*rate * 100.0, 'f', 1) + QLatin1Char('%') : tr("–"),
                 locale.toString(qlonglong(counts->judged())));
    case DrillFilterRole:
        if (!counts)
            return {};
        return QString::fromStdString(drillFilter(index.row(), index.column()).dump());
    case JudgedRole: return counts ? QVariant(qlonglong(counts->judged())) : QVariant();
    case RateRole: return rate ? QVariant(*rate) : QVariant();
    default: return {};
    }
}

QVariant BreakdownModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const auto& values = orientation == Qt::Horizontal ? m_result.columnValues : m_result.rowValues;
    if (section < 0 || section > static_cast<int>(values.size()))
        return {};
    if (section == static_cast<int>(values.size()))
        return tr("All");
    return valueLabel(values[static_cast<std::size_t>(section)]);
}

} // namespace memscope::ui
