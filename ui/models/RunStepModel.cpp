#include "models/RunStepModel.h"

#include "models/OutcomeStyle.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace memscope::ui {

namespace {

QString jsonText(const nlohmann::json& j)
{
    return QString::fromStdString(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

// Tool arguments as the model wrote them, easier to read: "key: value" lines with string values (a query)
// unquoted, so their line breaks show. Text that is no JSON object is shown as it is.
QString argumentsText(const std::string& raw)
{
    const auto j = nlohmann::json::parse(raw, nullptr, false);
    if (j.is_discarded() || !j.is_object() || j.empty())
        return QString::fromStdString(raw);
    QStringList lines;
    for (const auto& [key, value] : j.items())
        lines << QString::fromStdString(key) + QStringLiteral(": ") +
                     (value.is_string() ? QString::fromStdString(value.get<std::string>()) : jsonText(value));
    return lines.join(QLatin1Char('\n'));
}

QString milliseconds(double ms) { return RunStepModel::tr("%1 ms").arg(QLocale().toString(qRound(ms))); }

} // namespace

RunStepModel::RunStepModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int RunStepModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_steps.size());
}

int RunStepModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RunStepModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KindColumn: return tr("Step");
    case NameColumn: return tr("Name");
    case StartColumn: return tr("Start");
    case DurationColumn: return tr("Duration");
    case TokensColumn: return tr("Tokens");
    case ResultColumn: return tr("Result");
    default: return {};
    }
}

QString RunStepModel::kindLabel(const QString& kind)
{
    if (kind == QLatin1String("llm"))
        return tr("Model call");
    if (kind == QLatin1String("tool"))
        return tr("Tool call");
    if (kind == QLatin1String("evaluate"))
        return tr("Evaluation");
    if (kind == QLatin1String("judge"))
        return tr("Judge");
    if (kind == QLatin1String("lesson"))
        return tr("Lesson");
    if (kind == QLatin1String("limit"))
        return tr("Limit reached");
    return kind;
}

void RunStepModel::setSteps(std::vector<TraceStep> steps, bool sameRun)
{
    const int shown = rowCount();
    const bool appendOnly = sameRun && steps.size() >= m_steps.size() &&
                            std::equal(m_steps.begin(), m_steps.end(), steps.begin(), [](const auto& a, const auto& b) {
                                return a.kind == b.kind && a.name == b.name && a.startMs == b.startMs;
                            });
    if (!appendOnly) {
        beginResetModel();
        m_steps = std::move(steps);
        endResetModel();
        return;
    }
    if (static_cast<int>(steps.size()) == shown)
        return;
    beginInsertRows({}, shown, static_cast<int>(steps.size()) - 1);
    m_steps = std::move(steps);
    endInsertRows();
}

const TraceStep* RunStepModel::step(int row) const
{
    return row >= 0 && row < rowCount() ? &m_steps[static_cast<std::size_t>(row)] : nullptr;
}

QString RunStepModel::details(const TraceStep& s)
{
    QStringList parts;
    if (!s.ok)
        parts << tr("Error: %1").arg(QString::fromStdString(s.error));
    if (s.kind == "tool") {
        parts << tr("Arguments:") << argumentsText(s.input.value("arguments", std::string()));
        parts << QString() << tr("Output:") << QString::fromStdString(s.output.value("output", std::string()));
        if (s.output.value("truncated", false))
            parts << tr("(the output was cut to the pack's limit)");
    } else {
        if (!s.input.empty())
            parts << tr("Request:") << jsonText(s.input) << QString();
        if (s.output.contains("content") && s.output["content"].is_string()) {
            parts << tr("Answer:") << QString::fromStdString(s.output["content"].get<std::string>()) << QString();
            nlohmann::json rest = s.output;
            rest.erase("content");
            parts << tr("Details:") << jsonText(rest);
        } else if (!s.output.empty()) {
            parts << tr("Result:") << jsonText(s.output);
        }
    }
    if (!s.log.empty())
        parts << QString() << tr("Log: %1").arg(QString::fromStdString(s.log));
    return parts.join(QLatin1Char('\n'));
}

QVariant RunStepModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TraceStep& s = m_steps[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    if (role == Qt::TextAlignmentRole && (column == StartColumn || column == DurationColumn || column == TokensColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && column == ResultColumn && !s.ok)
        return OutcomeStyle::color(QStringLiteral("failure"));
    if (role == Qt::ToolTipRole && column == ResultColumn && !s.ok)
        return QStringLiteral("<qt>%1</qt>").arg(QString::fromStdString(s.error).toHtmlEscaped());
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case KindColumn: return kindLabel(QString::fromStdString(s.kind));
    case NameColumn: return QString::fromStdString(s.name);
    case StartColumn: return milliseconds(s.startMs);
    case DurationColumn: return milliseconds(s.elapsedMs);
    case TokensColumn:
        return s.promptTokens || s.completionTokens
                   ? tr("%1 + %2").arg(QLocale().toString(s.promptTokens), QLocale().toString(s.completionTokens))
                   : QString();
    case ResultColumn: return s.ok ? tr("ok") : tr("error");
    default: return {};
    }
}

} // namespace memscope::ui
