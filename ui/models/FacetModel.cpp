#include "models/FacetModel.h"

#include "models/FilterState.h"
#include "models/NaturalOrder.h"
#include "models/OutcomeStyle.h"
#include "store/StoreSession.h"
#include "store/StoreWorker.h"

#include <stats/FacetCounter.h>
#include <storage/MemoryStore.h>

#include <QCoreApplication>
#include <QFont>
#include <QLocale>

#include <algorithm>

namespace memscope::ui {

namespace {
constexpr int kMaxValues = 200;
constexpr quintptr kGroupId = 0; // internalId of group rows; value rows carry their group's index + 1
} // namespace

FacetModel::FacetModel(StoreSession* session, FilterState* filters, QObject* parent)
    : QAbstractItemModel(parent)
    , m_session(session)
    , m_filters(filters)
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    for (const auto& field : fields())
        m_groups.push_back(Group{field, {}});
    connect(m_filters, &FilterState::changed, this, &FacetModel::refresh);
    connect(m_session, &StoreSession::storeChanged, this, &FacetModel::refresh);
    connect(m_session, &StoreSession::opened, this, &FacetModel::refresh);
}

FacetModel::~FacetModel() = default;

const QStringList& FacetModel::fields()
{
    static const QStringList list{QStringLiteral("collection"), QStringLiteral("user_id"),
                                  QStringLiteral("task_type"),  QStringLiteral("tool_name"),
                                  QStringLiteral("version"),    QStringLiteral("outcome_type"),
                                  QStringLiteral("state")};
    return list;
}

QString FacetModel::fieldTitle(const QString& field)
{
    if (field == QLatin1String("collection"))
        return tr("Collections");
    if (field == QLatin1String("user_id"))
        return tr("Users and scopes");
    if (field == QLatin1String("task_type"))
        return tr("Task types");
    if (field == QLatin1String("tool_name"))
        return tr("Tools");
    if (field == QLatin1String("version"))
        return tr("Versions");
    if (field == QLatin1String("outcome_type"))
        return tr("Outcomes");
    if (field == QLatin1String("state"))
        return tr("State");
    return field;
}

QModelIndex FacetModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroupId);
    return createIndex(row, column, static_cast<quintptr>(parent.row() + 1));
}

QModelIndex FacetModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kGroupId)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kGroupId);
}

int FacetModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_groups.size());
    if (parent.internalId() != kGroupId || parent.column() != 0)
        return 0;
    return static_cast<int>(m_groups[static_cast<std::size_t>(parent.row())].values.size());
}

int FacetModel::columnCount(const QModelIndex&) const { return ColumnCount; }

Qt::ItemFlags FacetModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QVariant FacetModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kGroupId) {
        const Group& g = m_groups[static_cast<std::size_t>(index.row())];
        const int selected = static_cast<int>(m_filters->selected(g.field).size());
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == NameColumn)
                return selected ? tr("%1 (%2 selected)").arg(fieldTitle(g.field)).arg(selected) : fieldTitle(g.field);
            return {};
        case Qt::FontRole: {
            QFont font;
            font.setBold(true);
            return font;
        }
        case FieldRole: return g.field;
        case IsGroupRole: return true;
        default: return {};
        }
    }
    const Group& g = m_groups[index.internalId() - 1];
    const Value& v = g.values[static_cast<std::size_t>(index.row())];
    const bool isOutcome = g.field == QLatin1String("outcome_type");
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == CountColumn)
            return QLocale().toString(static_cast<qlonglong>(v.count));
        if (v.value.isEmpty())
            return tr("(not set)");
        return isOutcome ? OutcomeStyle::label(v.value) : v.value;
    case Qt::ToolTipRole:
        return tr("%1 = %2: %3 records")
            .arg(g.field, v.value.isEmpty() ? tr("(not set)") : v.value,
                 QLocale().toString(static_cast<qlonglong>(v.count)));
    case Qt::CheckStateRole:
        if (index.column() == NameColumn)
            return m_filters->selected(g.field).contains(v.value) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::DecorationRole:
        if (isOutcome && index.column() == NameColumn)
            return OutcomeStyle::icon(v.value);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == CountColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (v.count == 0)
            return QVariant(); // views grey it through the palette's disabled role (see FacetSidebar)
        return {};
    case FieldRole: return g.field;
    case ValueRole: return v.value;
    case CountRole: return QVariant::fromValue<qint64>(v.count);
    case IsGroupRole: return false;
    default: return {};
    }
}

void FacetModel::toggle(const QModelIndex& index)
{
    if (!index.isValid() || index.internalId() == kGroupId)
        return;
    const Group& g = m_groups[index.internalId() - 1];
    // Copies: toggling emits FilterState::changed, which may update this model synchronously.
    const QString field = g.field;
    const QString value = g.values[static_cast<std::size_t>(index.row())].value;
    m_filters->toggle(field, value);
}

void FacetModel::refresh()
{
    if (!m_session->isOpen())
        return;
    const quint64 generation = ++m_generation;
    std::vector<std::pair<std::string, nlohmann::json>> questions;
    for (const auto& g : m_groups)
        questions.emplace_back(g.field.toStdString(), m_filters->filterExcept(g.field));
    if (!m_loading) {
        m_loading = true;
        emit loadingChanged(true);
    }
    m_latest->store(generation);
    m_session->counter()
        .run([questions, generation, latest = m_latest](MemoryStore& store) {
            FacetCounter counter(store.connection());
            Counts counts;
            for (const auto& [field, filter] : questions) {
                if (latest->load() != generation)
                    break; // superseded: the answer would be dropped anyway
                std::vector<Value> values;
                for (const auto& [value, n] : counter.count(field, filter, kMaxValues).values)
                    values.push_back(Value{QString::fromStdString(value), n});
                counts.push_back(std::move(values));
            }
            return counts;
        })
        .then(this, [this, generation](TaskResult<Counts> result) {
            if (generation != m_generation)
                return; // a newer question is on its way
            m_loading = false;
            emit loadingChanged(false);
            if (!result.ok()) {
                if (!result.cancelled())
                    emit countsFailed(*result.error);
                return;
            }
            apply(*result.value);
        });
}

void FacetModel::order(const QString& field, std::vector<Value>& values) const
{
    if (field == QLatin1String("outcome_type")) {
        const auto& known = OutcomeStyle::outcomes();
        auto rank = [&](const Value& v) {
            const auto i = known.indexOf(v.value);
            return i < 0 ? known.size() : i;
        };
        std::stable_sort(values.begin(), values.end(),
                         [&](const Value& a, const Value& b) { return rank(a) < rank(b); });
    } else if (field == QLatin1String("version")) {
        // Newest first in natural order: v1.10 after v1.9.
        std::stable_sort(values.begin(), values.end(),
                         [](const Value& a, const Value& b) { return NaturalOrder::compare(a.value, b.value) > 0; });
    }
    // Other fields keep the core's order: most frequent first.
}

void FacetModel::apply(const Counts& counts)
{
    for (std::size_t gi = 0; gi < m_groups.size() && gi < counts.size(); ++gi) {
        Group& g = m_groups[gi];
        std::vector<Value> next = counts[gi];
        // A selected value with no matches stays listed, so it can be unselected.
        for (const auto& s : m_filters->selected(g.field))
            if (std::none_of(next.begin(), next.end(), [&](const Value& v) { return v.value == s; }))
                next.push_back(Value{s, 0});
        order(g.field, next);
        const QModelIndex parent = index(static_cast<int>(gi), 0);
        const bool sameValues = next.size() == g.values.size() &&
                                std::equal(next.begin(), next.end(), g.values.begin(),
                                           [](const Value& a, const Value& b) { return a.value == b.value; });
        if (sameValues) {
            g.values = std::move(next);
            if (!g.values.empty())
                emit dataChanged(index(0, 0, parent),
                                 index(static_cast<int>(g.values.size()) - 1, CountColumn, parent));
        } else {
            if (!g.values.empty()) {
                beginRemoveRows(parent, 0, static_cast<int>(g.values.size()) - 1);
                g.values.clear();
                endRemoveRows();
            }
            if (!next.empty()) {
                beginInsertRows(parent, 0, static_cast<int>(next.size()) - 1);
                g.values = std::move(next);
                endInsertRows();
            }
        }
        emit dataChanged(parent, parent); // the "(n selected)" title
    }
}

} // namespace memscope::ui
