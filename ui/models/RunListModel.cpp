#include "models/RunListModel.h"

#include "models/OutcomeStyle.h"
#include "store/StoreSession.h"
#include "store/StoreWorker.h"

#include <storage/MemoryStore.h>

#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace memscope::ui {

namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }

// User and model text in a tooltip: escaped, so markup in it shows as written.
QString plainTip(const QString& s) { return QStringLiteral("<qt>") + s.toHtmlEscaped() + QStringLiteral("</qt>"); }

bool sameShown(const RunSummary& a, const RunSummary& b)
{
    return std::tie(a.status, a.outcome, a.error, a.model, a.version, a.latencyMs, a.promptTokens, a.completionTokens,
                    a.retrievedCount, a.writtenMemoryId, a.memory, a.taskId, a.taskType, a.startedAt) ==
           std::tie(b.status, b.outcome, b.error, b.model, b.version, b.latencyMs, b.promptTokens, b.completionTokens,
                    b.retrievedCount, b.writtenMemoryId, b.memory, b.taskId, b.taskType, b.startedAt);
}

} // namespace

RunListModel::RunListModel(StoreSession* session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    m_query.limit = kDefaultLimit;
    connect(m_session, &StoreSession::opened, this, &RunListModel::refresh);
    connect(m_session, &StoreSession::storeChanged, this, &RunListModel::refresh);
    connect(m_session, &StoreSession::closed, this, &RunListModel::clear);
}

int RunListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int RunListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StartedColumn: return tr("Started");
    case TaskTypeColumn: return tr("Task type");
    case TaskColumn: return tr("Task");
    case StatusColumn: return tr("Status");
    case OutcomeColumn: return tr("Outcome");
    case MemoryColumn: return tr("Memory");
    case LatencyColumn: return tr("Latency");
    case TokensColumn: return tr("Tokens");
    case RetrievedColumn: return tr("Retrieved");
    case ModelColumn: return tr("Model");
    default: return {};
    }
}

QString RunListModel::statusLabel(const QString& status)
{
    if (status == QLatin1String("running"))
        return tr("Running");
    if (status == QLatin1String("completed"))
        return tr("Completed");
    if (status == QLatin1String("failed"))
        return tr("Failed");
    if (status == QLatin1String("cancelled"))
        return tr("Cancelled");
    return status;
}

QString RunListModel::latencyText(double ms)
{
    if (ms <= 0)
        return {};
    if (ms < 1000)
        return tr("%1 ms").arg(QLocale().toString(qRound(ms)));
    return tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
}

QVariant RunListModel::display(const RunSummary& r, int column) const
{
    switch (column) {
    case StartedColumn:
        return r.startedAt
                   ? QDateTime::fromMSecsSinceEpoch(r.startedAt / 1000).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                   : QString();
    case TaskTypeColumn: return text(r.taskType);
    case TaskColumn: return r.episode > 0 ? tr("%1 (#%2)").arg(text(r.taskId)).arg(r.episode) : text(r.taskId);
    case StatusColumn: return statusLabel(text(r.status));
    case OutcomeColumn: return r.outcome.empty() ? QString() : OutcomeStyle::label(text(r.outcome));
    case MemoryColumn: return r.memory ? tr("on") : tr("off");
    case LatencyColumn: return r.status == "running" ? QString() : latencyText(r.latencyMs);
    case TokensColumn: return QLocale().toString(r.promptTokens + r.completionTokens);
    case RetrievedColumn: return QLocale().toString(r.retrievedCount);
    case ModelColumn: return text(r.model);
    default: return {};
    }
}

QVariant RunListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunSummary& r = m_runs[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return display(r, column);
    case RunIdRole: return text(r.runId);
    case StatusRole: return text(r.status);
    case OutcomeRole: return text(r.outcome);
    case Qt::DecorationRole:
        if (column == OutcomeColumn && !r.outcome.empty())
            return OutcomeStyle::icon(text(r.outcome));
        return {};
    case Qt::ForegroundRole:
        if (column == StatusColumn && r.status == "failed")
            return OutcomeStyle::color(QStringLiteral("failure"));
        if (r.status == "cancelled" || (column == MemoryColumn && !r.memory))
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::TextAlignmentRole:
        if (column == LatencyColumn || column == TokensColumn || column == RetrievedColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (column == StatusColumn && !r.error.empty())
            return plainTip(text(r.error));
        if (column == TaskColumn)
            return plainTip(tr("Pack %1, run %2").arg(text(r.pack), text(r.runId)));
        if (column == TokensColumn)
            return tr("%1 prompt + %2 completion tokens")
                .arg(QLocale().toString(r.promptTokens), QLocale().toString(r.completionTokens));
        return {};
    default: return {};
    }
}

void RunListModel::setQuery(const RunListQuery& query)
{
    m_query = query;
    refresh();
}

void RunListModel::refresh()
{
    if (!m_session->isOpen())
        return;
    const quint64 generation = ++m_generation;
    setLoading(true);
    m_session->reader()
        .run([query = m_query](MemoryStore& store) { return RunStore(store).list(query); })
        .then(this, [this, generation](TaskResult<std::vector<RunSummary>> result) {
            if (generation != m_generation)
                return; // a newer query or refresh is on its way
            setLoading(false);
            if (!result.ok()) {
                emit queryFailed(*result.error);
                return;
            }
            apply(std::move(*result.value));
            emit refreshed();
        });
}

void RunListModel::clear()
{
    ++m_generation;
    setLoading(false);
    if (m_runs.empty())
        return;
    beginResetModel();
    m_runs.clear();
    endResetModel();
}

void RunListModel::apply(std::vector<RunSummary> runs)
{
    std::unordered_map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < runs.size(); ++i)
        position.emplace(runs[i].runId, i);
    for (const auto& r : runs)
        if (!r.taskType.empty() && !m_taskTypes.contains(text(r.taskType)))
            m_taskTypes.append(text(r.taskType));
    std::sort(m_taskTypes.begin(), m_taskTypes.end());

    // Rows no longer in the answer go, in contiguous ranges from the bottom.
    const auto gone = [&](int row) { return !position.count(m_runs[static_cast<std::size_t>(row)].runId); };
    for (int row = rowCount() - 1; row >= 0;) {
        if (!gone(row)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && gone(first - 1))
            --first;
        beginRemoveRows({}, first, row);
        m_runs.erase(m_runs.begin() + first, m_runs.begin() + row + 1);
        endRemoveRows();
        row = first - 1;
    }
    // The rows kept are in the answer's order (runs are listed by start time); if not, start over.
    for (std::size_t i = 1; i < m_runs.size(); ++i) {
        if (position[m_runs[i - 1].runId] > position[m_runs[i].runId]) {
            beginResetModel();
            m_runs = std::move(runs);
            endResetModel();
            return;
        }
    }
    // New rows are inserted where the answer has them.
    for (std::size_t i = 0; i < runs.size();) {
        if (i < m_runs.size() && m_runs[i].runId == runs[i].runId) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < runs.size() && (i >= m_runs.size() || runs[end].runId != m_runs[i].runId))
            ++end;
        beginInsertRows({}, static_cast<int>(i), static_cast<int>(end) - 1);
        m_runs.insert(m_runs.begin() + static_cast<std::ptrdiff_t>(i), runs.begin() + static_cast<std::ptrdiff_t>(i),
                      runs.begin() + static_cast<std::ptrdiff_t>(end));
        endInsertRows();
        i = end;
    }
    // Rows kept may have changed (a run that finished).
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (sameShown(m_runs[i], runs[i]))
            continue;
        m_runs[i] = std::move(runs[i]);
        const int row = static_cast<int>(i);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void RunListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

const RunSummary* RunListModel::summary(int row) const
{
    return row >= 0 && row < rowCount() ? &m_runs[static_cast<std::size_t>(row)] : nullptr;
}

QString RunListModel::runId(int row) const
{
    const RunSummary* r = summary(row);
    return r ? text(r->runId) : QString();
}

int RunListModel::rowOfRun(const QString& runId) const
{
    const std::string id = runId.toStdString();
    for (std::size_t i = 0; i < m_runs.size(); ++i)
        if (m_runs[i].runId == id)
            return static_cast<int>(i);
    return -1;
}

QStringList RunListModel::taskTypes() const { return m_taskTypes; }

} // namespace memscope::ui
