#include "models/RecordTableModel.h"

#include "models/OutcomeStyle.h"
#include "store/StoreSession.h"
#include "store/StoreWorker.h"

#include <search/SearchTypes.h>
#include <storage/MemoryStore.h>

#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>
#include <atomic>
#include <unordered_set>

namespace memscope::ui {

namespace {

struct ColumnInfo {
    const char* title;
    const char* sortField; // "" = not sortable while listing
};

// Titles are translated in headerData(); QT_TRANSLATE_NOOP marks them for lupdate.
const ColumnInfo kColumns[RecordTableModel::ColumnCount] = {
    {QT_TRANSLATE_NOOP("RecordTableModel", "Time"), "created_at"},
    {QT_TRANSLATE_NOOP("RecordTableModel", "Outcome"), "outcome_type"},
    {QT_TRANSLATE_NOOP("RecordTableModel", "Task type"), "task_type"},
    {QT_TRANSLATE_NOOP("RecordTableModel", "Tool"), "tool_name"},
    {QT_TRANSLATE_NOOP("RecordTableModel", "Version"), "version"},
    {QT_TRANSLATE_NOOP("RecordTableModel", "User"), "user_id"},
    {QT_TRANSLATE_NOOP("RecordTableModel", "Lesson"), "memory"},
    {QT_TRANSLATE_NOOP("RecordTableModel", "Severity"), "severity"},
    {QT_TRANSLATE_NOOP("RecordTableModel", "State"), "state"},
    {QT_TRANSLATE_NOOP("RecordTableModel", "Collection"), "collection"},
    {QT_TRANSLATE_NOOP("RecordTableModel", "Agent"), "agent_id"},
    {QT_TRANSLATE_NOOP("RecordTableModel", "Run"), "run_id"},
    {QT_TRANSLATE_NOOP("RecordTableModel", "Updated"), "updated_at"},
    {QT_TRANSLATE_NOOP("RecordTableModel", "Score"), ""},
    {QT_TRANSLATE_NOOP("RecordTableModel", "ID"), "id"},
};

QString timeText(Micros t)
{
    if (t == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(t / 1000).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString firstLine(const std::string& text)
{
    QString s = QString::fromStdString(text);
    const auto newline = s.indexOf(QLatin1Char('\n'));
    return newline < 0 ? s : s.left(newline) + QStringLiteral(" …");
}

using Generation = std::shared_ptr<std::atomic<quint64>>;

} // namespace

RecordTableModel::RecordTableModel(StoreSession* session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{
}

RecordTableModel::~RecordTableModel()
{
    // Stop a listing in flight at its next chunk and wait, so it never posts to a deleted model.
    m_latest->store(~quint64(0));
    m_task.waitForFinished();
}

int RecordTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rowIds.size());
}

int RecordTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString RecordTableModel::sortField(int column)
{
    if (column < 0 || column >= ColumnCount)
        return {};
    return QString::fromLatin1(kColumns[column].sortField);
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return QCoreApplication::translate("RecordTableModel", kColumns[section].title);
    if (role == SortFieldRole)
        return sortField(section);
    return {};
}

const MemoryRecord* RecordTableModel::recordAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_rowIds.size()))
        return nullptr;
    const std::int64_t rowId = m_rowIds[static_cast<std::size_t>(row)];
    if (m_searchMode) {
        auto it = m_hits.find(rowId);
        return it == m_hits.end() ? nullptr : &it->second.record;
    }
    const int page = row / kPageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        if (!m_session || !m_session->isOpen() || m_hydrationFailed)
            return nullptr;
        // One primary-key read of a page: well under a millisecond, so it stays on the UI thread like
        // Qt's fetchMore models do.
        const auto first = static_cast<std::size_t>(page) * kPageSize;
        const auto last = std::min(m_rowIds.size(), first + kPageSize);
        std::vector<std::int64_t> ids(m_rowIds.begin() + static_cast<std::ptrdiff_t>(first),
                                      m_rowIds.begin() + static_cast<std::ptrdiff_t>(last));
        std::vector<MemoryRecord> found;
        try {
            found = RecordListing(m_session->uiStore().connection()).records(ids);
        } catch (const Error& e) {
            m_hydrationFailed = true;
            auto* self = const_cast<RecordTableModel*>(this);
            QMetaObject::invokeMethod(
                self,
                [self, error = TaskError{e.kind(), QString::fromStdString(e.what())}] {
                    emit self->queryFailed(error);
                },
                Qt::QueuedConnection);
            return nullptr;
        }
        // Align with the rowids: a record deleted since the listing leaves an empty slot (rowId 0).
        std::vector<MemoryRecord> aligned(ids.size());
        std::size_t j = 0;
        for (std::size_t i = 0; i < ids.size() && j < found.size(); ++i)
            if (found[j].rowId == ids[i])
                aligned[i] = std::move(found[j++]);
        if (m_pages.size() >= kMaxPages) {
            m_pages.erase(m_pageUse.back());
            m_pageUse.pop_back();
        }
        it = m_pages.emplace(page, std::move(aligned)).first;
        m_pageUse.push_front(page);
    } else if (m_pageUse.front() != page) {
        m_pageUse.remove(page);
        m_pageUse.push_front(page);
    }
    const auto& slot = it->second[static_cast<std::size_t>(row % kPageSize)];
    return slot.rowId == 0 ? nullptr : &slot;
}

QVariant RecordTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    if (role == RowIdRole)
        return QVariant::fromValue<qint64>(m_rowIds[static_cast<std::size_t>(row)]);
    const MemoryRecord* r = recordAt(row);
    if (!r)
        return role == Qt::DisplayRole && index.column() == MemoryColumn ? QVariant(tr("(no longer in the store)"))
                                                                         : QVariant();
    switch (role) {
    case Qt::DisplayRole: return displayValue(*r, row, index.column());
    case Qt::ToolTipRole:
        // Memory text is user data: escaped and wrapped, so a lesson containing markup shows as written.
        if (index.column() == MemoryColumn)
            return QStringLiteral("<qt>") + QString::fromStdString(r->memory).toHtmlEscaped().replace('\n', "<br>") +
                   QStringLiteral("</qt>");
        return {};
    case Qt::DecorationRole:
        if (index.column() == OutcomeColumn)
            return OutcomeStyle::icon(QString::fromStdString(r->metaString("outcome_type")));
        return {};
    case Qt::ForegroundRole:
        if (r->state != RecordState::Active)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ScoreColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RecordIdRole: return QString::fromStdString(r->id);
    case OutcomeRole: return QString::fromStdString(r->metaString("outcome_type"));
    default: return {};
    }
}

QVariant RecordTableModel::displayValue(const MemoryRecord& r, int row, int column) const
{
    auto text = [](const std::string& s) { return QString::fromStdString(s); };
    switch (column) {
    case TimeColumn: return timeText(r.createdAt);
    case OutcomeColumn: return text(r.metaString("outcome_type"));
    case TaskTypeColumn: return text(r.metaString("task_type"));
    case ToolColumn: return text(r.metaString("tool_name"));
    case VersionColumn: return text(r.metaString("version"));
    case UserColumn: return text(r.userId);
    case MemoryColumn: return firstLine(r.memory);
    case SeverityColumn: return text(r.metaString("severity"));
    case StateColumn: return QString::fromLatin1(stateName(r.state));
    case CollectionColumn: return text(r.collection);
    case AgentColumn: return text(r.agentId);
    case RunColumn: return text(r.runId);
    case UpdatedColumn: return timeText(r.updatedAt);
    case ScoreColumn: {
        const auto score = scoreAt(row);
        return score ? QLocale().toString(*score, 'f', 3) : QString();
    }
    case IdColumn: return text(r.id);
    default: return {};
    }
}

std::optional<MemoryRecord> RecordTableModel::record(int row) const
{
    const MemoryRecord* r = recordAt(row);
    return r ? std::optional<MemoryRecord>(*r) : std::nullopt;
}

QString RecordTableModel::recordId(int row) const
{
    const MemoryRecord* r = recordAt(row);
    return r ? QString::fromStdString(r->id) : QString();
}

std::int64_t RecordTableModel::rowIdAt(int row) const
{
    return row >= 0 && row < static_cast<int>(m_rowIds.size()) ? m_rowIds[static_cast<std::size_t>(row)] : 0;
}

int RecordTableModel::rowOfRowId(std::int64_t rowId) const
{
    auto it = std::find(m_rowIds.begin(), m_rowIds.end(), rowId);
    return it == m_rowIds.end() ? -1 : static_cast<int>(it - m_rowIds.begin());
}

std::optional<double> RecordTableModel::scoreAt(int row) const
{
    if (!m_searchMode)
        return std::nullopt;
    auto it = m_hits.find(rowIdAt(row));
    return it == m_hits.end() ? std::nullopt : std::optional<double>(it->second.score);
}

void RecordTableModel::setQuery(const RecordQuery& query)
{
    m_query = query;
    start(false);
}

void RecordTableModel::refresh()
{
    if (m_session && m_session->isOpen())
        start(true);
}

void RecordTableModel::clear()
{
    m_latest->store(++m_generation);
    beginResetModel();
    m_rowIds.clear();
    m_pending.clear();
    m_hits.clear();
    m_pendingHits.clear();
    m_pages.clear();
    m_pageUse.clear();
    endResetModel();
    setLoading(false);
}

void RecordTableModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

void RecordTableModel::start(bool keepRows)
{
    if (!m_session || !m_session->isOpen())
        return;
    const quint64 generation = ++m_generation;
    m_latest->store(generation);
    m_refreshing = keepRows;
    m_firstRowsSeen = false;
    m_hydrationFailed = false;
    m_pending.clear();
    m_pendingHits.clear();
    m_timer.start();
    if (!keepRows) {
        beginResetModel();
        m_rowIds.clear();
        m_hits.clear();
        m_pages.clear();
        m_pageUse.clear();
        m_searchMode = m_query.isSearch();
        endResetModel();
    }
    setLoading(true);

    if (m_query.isSearch()) {
        SearchRequest request;
        request.query = m_query.text.toStdString();
        request.filter = m_query.filter;
        for (const auto& u : m_query.userIds)
            request.userIds.push_back(u.toStdString());
        request.limit = m_query.searchLimit;
        auto task = m_session->reader().run([request](MemoryStore& store) { return store.search(request).hits; });
        m_task = QFuture<void>(task);
        task.then(this, [this, generation](TaskResult<std::vector<SearchHit>> result) {
            if (generation != m_generation)
                return;
            if (!result.ok()) {
                finishWithError(*result.error);
                return;
            }
            std::vector<std::int64_t> ids;
            for (auto& hit : *result.value) {
                ids.push_back(hit.record.rowId);
                m_pendingHits.emplace(hit.record.rowId, Hit{std::move(hit.record), hit.score});
            }
            m_searchMode = true;
            receiveChunk(generation, std::move(ids), true);
        });
        return;
    }

    const Generation latest = m_latest;
    const auto filter = m_query.filter;
    const auto order = m_query.order;
    auto task = m_session->reader().run([this, latest, generation, filter, order](MemoryStore& store) {
        RecordListing listing(store.connection());
        auto post = [this, generation](std::vector<std::int64_t>&& chunk, bool last) {
            QMetaObject::invokeMethod(
                this,
                [this, generation, chunk = std::move(chunk), last]() mutable {
                    receiveChunk(generation, std::move(chunk), last);
                },
                Qt::QueuedConnection);
        };
        const auto delivered = listing.streamRowIds(filter, order, [&](std::vector<std::int64_t>&& chunk) {
            if (latest->load() != generation)
                return false; // a newer query replaced this one
            post(std::move(chunk), false);
            return true;
        });
        // "Complete" travels the same queue as the chunks, so it can never overtake them (a continuation
        // may run at once when the task is already done by the time it is attached).
        if (latest->load() == generation)
            post({}, true);
        return delivered;
    });
    m_task = QFuture<void>(task);
    task.then(this, [this, generation](TaskResult<std::int64_t> result) {
        if (generation == m_generation && !result.ok())
            finishWithError(*result.error);
    });
}

void RecordTableModel::finishWithError(const TaskError& error)
{
    // Chunks of the failed listing still in the queue are dropped with the old generation.
    m_latest->store(++m_generation);
    m_refreshing = false;
    m_pending.clear();
    m_pendingHits.clear();
    setLoading(false);
    emit queryFailed(error);
}

void RecordTableModel::receiveChunk(quint64 generation, std::vector<std::int64_t> chunk, bool last)
{
    if (generation != m_generation)
        return;
    if (m_refreshing) {
        m_pending.insert(m_pending.end(), chunk.begin(), chunk.end());
        if (last)
            applyRefresh();
    } else if (!chunk.empty()) {
        const int first = static_cast<int>(m_rowIds.size());
        beginInsertRows({}, first, first + static_cast<int>(chunk.size()) - 1);
        m_rowIds.insert(m_rowIds.end(), chunk.begin(), chunk.end());
        if (!m_pendingHits.empty())
            m_hits = std::move(m_pendingHits);
        endInsertRows();
    }
    if (!m_firstRowsSeen && (!m_rowIds.empty() || last)) {
        m_firstRowsSeen = true;
        emit firstRowsReady(static_cast<double>(m_timer.nsecsElapsed()) / 1e6);
    }
    if (last) {
        m_searchMode = m_query.isSearch();
        m_pendingHits.clear();
        m_lastQueryMs = static_cast<double>(m_timer.nsecsElapsed()) / 1e6;
        setLoading(false);
        emit queryFinished(static_cast<qint64>(m_rowIds.size()), m_lastQueryMs);
    }
}

void RecordTableModel::applyRefresh()
{
    m_refreshing = false;
    std::vector<std::int64_t> next = std::move(m_pending);
    m_pending.clear();
    const auto oldSize = m_rowIds.size();
    // Grow first, so the layout change below never changes the row count.
    if (next.size() > oldSize) {
        beginInsertRows({}, static_cast<int>(oldSize), static_cast<int>(next.size()) - 1);
        m_rowIds.resize(next.size(), 0);
        endInsertRows();
    }
    emit layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    std::unordered_map<std::int64_t, int> wanted;
    for (const auto& index : before)
        wanted.emplace(m_rowIds[static_cast<std::size_t>(index.row())], -1);
    for (std::size_t i = 0; i < next.size() && !wanted.empty(); ++i)
        if (auto it = wanted.find(next[i]); it != wanted.end() && it->second < 0)
            it->second = static_cast<int>(i);
    QModelIndexList after;
    after.reserve(before.size());
    for (const auto& index : before) {
        const int row = wanted[m_rowIds[static_cast<std::size_t>(index.row())]];
        after.append(row < 0 ? QModelIndex() : createIndex(row, index.column()));
    }
    const auto newSize = next.size();
    next.resize(std::max(newSize, m_rowIds.size()), 0); // rows about to be removed read as gone
    m_rowIds = std::move(next);
    m_hits = std::move(m_pendingHits);
    m_pages.clear();
    m_pageUse.clear();
    changePersistentIndexList(before, after);
    emit layoutChanged();
    if (newSize < m_rowIds.size()) {
        beginRemoveRows({}, static_cast<int>(newSize), static_cast<int>(m_rowIds.size()) - 1);
        m_rowIds.resize(newSize);
        endRemoveRows();
    }
    emit refreshed();
}

void RecordTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    const bool descending = order == Qt::DescendingOrder;
    if (m_searchMode) {
        sortHits(column, order);
        return;
    }
    const QString field = sortField(column);
    if (field.isEmpty())
        return;
    if (m_query.order.field == field.toStdString() && m_query.order.descending == descending)
        return;
    m_query.order = ListingOrder{field.toStdString(), descending};
    start(!m_rowIds.empty());
}

void RecordTableModel::sortHits(int column, Qt::SortOrder order)
{
    emit layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    std::vector<std::int64_t> beforeIds;
    for (const auto& index : before)
        beforeIds.push_back(m_rowIds[static_cast<std::size_t>(index.row())]);
    auto key = [&](std::int64_t rowId) -> QVariant {
        const auto& hit = m_hits.at(rowId);
        if (column == ScoreColumn)
            return hit.score;
        if (column == TimeColumn)
            return QVariant::fromValue<qint64>(hit.record.createdAt);
        if (column == UpdatedColumn)
            return QVariant::fromValue<qint64>(hit.record.updatedAt);
        return displayValue(hit.record, 0, column);
    };
    std::stable_sort(m_rowIds.begin(), m_rowIds.end(), [&](std::int64_t a, std::int64_t b) {
        const auto c = QVariant::compare(key(a), key(b));
        return order == Qt::AscendingOrder ? c == QPartialOrdering::Less : c == QPartialOrdering::Greater;
    });
    QModelIndexList after;
    for (int i = 0; i < before.size(); ++i)
        after.append(createIndex(rowOfRowId(beforeIds[static_cast<std::size_t>(i)]), before[i].column()));
    changePersistentIndexList(before, after);
    emit layoutChanged();
}

} // namespace memscope::ui
