#include "views/DetailPane.h"

#include "models/HistoryModel.h"
#include "models/NeighbourModel.h"
#include "models/OutcomeStyle.h"
#include "models/RecordRunsModel.h"
#include "store/StoreSession.h"
#include "store/StoreWorker.h"

#include <agent/RunStore.h>
#include <search/SearchTypes.h>
#include <storage/MemoryStore.h>

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <map>

namespace memscope::ui {

using nlohmann::json;

namespace {

struct Loaded {
    std::optional<MemoryRecord> record;
    std::vector<HistoryEntry> history;
    std::vector<SearchHit> neighbours;
    std::vector<MemoryRetrieval> retrievals;
};

constexpr int kNeighbours = 8;
constexpr int kRetrievals = 200;

void fillMetadata(QTreeWidgetItem* parent, QTreeWidget* tree, const json& value)
{
    for (const auto& [key, v] : value.items()) {
        auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree);
        item->setText(0, QString::fromStdString(key));
        if (v.is_object()) {
            fillMetadata(item, tree, v);
        } else if (v.is_array() && std::all_of(v.begin(), v.end(), [](const json& x) { return x.is_string(); })) {
            QStringList list;
            for (const auto& x : v)
                list << QString::fromStdString(x.get<std::string>());
            item->setText(1, list.join(QStringLiteral(", ")));
        } else {
            item->setText(1, v.is_string() ? QString::fromStdString(v.get<std::string>())
                                           : QString::fromStdString(v.dump()));
        }
    }
}

QTableView* makeTable(QAbstractItemModel* model, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

DetailPane::DetailPane(StoreSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_stack(new QStackedWidget(this))
    , m_message(new QLabel(m_stack))
    , m_recordPage(new QWidget(m_stack))
    , m_title(new QLabel(m_recordPage))
    , m_facts(new QLabel(m_recordPage))
    , m_text(new QPlainTextEdit(m_recordPage))
    , m_metadata(new QTreeWidget(m_recordPage))
    , m_idField(new QLineEdit(m_recordPage))
    , m_tabs(new QTabWidget(m_recordPage))
    , m_history(new HistoryModel(this))
    , m_revert(new QPushButton(tr("Revert this change"), m_recordPage))
    , m_neighbours(new NeighbourModel(this))
    , m_runs(new RecordRunsModel(this))
{
    setObjectName(QStringLiteral("detailPane"));
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(50);
    connect(&m_debounce, &QTimer::timeout, this, &DetailPane::load);

    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setForegroundRole(QPalette::PlaceholderText);
    m_message->setText(tr("Select a record to see its lesson, history and similar lessons."));

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);
    m_facts->setTextFormat(Qt::PlainText);
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setObjectName(QStringLiteral("lessonText"));
    m_text->setReadOnly(true); // a QPlainTextEdit never interprets markup: user text shows as written
    m_text->setMaximumHeight(m_text->fontMetrics().lineSpacing() * 7 + 12);
    m_metadata->setColumnCount(2);
    m_metadata->setHeaderLabels({tr("Key"), tr("Value")});
    m_metadata->setRootIsDecorated(true);
    m_metadata->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_idField->setReadOnly(true);
    m_idField->setObjectName(QStringLiteral("recordId"));

    m_historyView = makeTable(m_history, m_recordPage);
    m_historyView->setObjectName(QStringLiteral("historyView"));
    m_neighbourView = makeTable(m_neighbours, m_recordPage);
    m_neighbourView->setObjectName(QStringLiteral("neighbourView"));
    m_runsView = makeTable(m_runs, m_recordPage);
    m_runsView->setObjectName(QStringLiteral("recordRunsView"));
    m_revert->setObjectName(QStringLiteral("revertButton"));
    m_revert->setToolTip(tr("Put back the values this change replaced (itself a change, kept in the history)"));
    connect(m_historyView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DetailPane::updateRevertButton);
    connect(m_revert, &QPushButton::clicked, this, [this] {
        if (const auto* e = m_history->entry(m_historyView->currentIndex().row()))
            emit revertRequested(e->id);
    });
    connect(m_neighbourView, &QTableView::activated, this, [this](const QModelIndex& index) {
        const QString id = m_neighbours->recordId(index.row());
        if (!id.isEmpty())
            emit recordActivated(id);
    });

    auto* historyPage = new QWidget(m_tabs);
    auto* historyLayout = new QVBoxLayout(historyPage);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(m_historyView);
    historyLayout->addWidget(m_revert, 0, Qt::AlignRight);
    m_tabs->addTab(historyPage, tr("History"));
    m_tabs->addTab(m_neighbourView, tr("Similar lessons"));
    m_tabs->addTab(m_runsView, tr("Retrieved by"));
    connect(m_runsView, &QTableView::activated, this, [this](const QModelIndex& index) {
        const QString runId = m_runs->runId(index.row());
        if (!runId.isEmpty())
            emit runActivated(runId);
    });

    auto* page = new QVBoxLayout(m_recordPage);
    page->setContentsMargins(0, 0, 0, 0);
    page->addWidget(m_title);
    page->addWidget(m_facts);
    page->addWidget(m_text);
    page->addWidget(m_metadata, 1);
    page->addWidget(m_idField);
    page->addWidget(m_tabs, 2);
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_recordPage);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 0, 0);
    layout->addWidget(m_stack);
    setMinimumWidth(340);

    connect(m_session, &StoreSession::storeChanged, this, [this] {
        if (!m_id.isEmpty())
            load();
    });
    updateRevertButton();
}

QString DetailPane::headline() const
{
    return m_stack->currentWidget() == m_message ? m_message->text() : m_title->text();
}

void DetailPane::showRecord(const QString& id)
{
    if (id == m_id && m_stack->currentWidget() == m_recordPage)
        return;
    m_id = id;
    if (id.isEmpty()) {
        ++m_generation;
        m_debounce.stop();
        m_message->setText(tr("Select a record to see its lesson, history and similar lessons."));
        m_stack->setCurrentWidget(m_message);
        return;
    }
    m_debounce.start();
}

void DetailPane::showSelection(const QStringList& ids)
{
    if (ids.size() <= 1) {
        showRecord(ids.value(0));
        return;
    }
    ++m_generation;
    m_debounce.stop();
    m_id.clear();
    std::map<QString, int> outcomes;
    int counted = 0;
    for (const auto& id : ids.mid(0, 500)) {
        if (auto r = m_session->uiStore().get(id.toStdString())) {
            ++outcomes[OutcomeStyle::label(QString::fromStdString(r->metaString("outcome_type")))];
            ++counted;
        }
    }
    QStringList parts;
    for (const auto& [name, n] : outcomes)
        parts << QStringLiteral("%1 %2").arg(n).arg(name.isEmpty() ? tr("unlabelled") : name);
    m_message->setText(tr("%n records selected", nullptr, static_cast<int>(ids.size())) +
                       (parts.isEmpty() ? QString() : QStringLiteral("\n") + parts.join(QStringLiteral(" · "))) +
                       (counted < ids.size() ? tr("\n(outcomes of the first %1)").arg(counted) : QString()));
    m_stack->setCurrentWidget(m_message);
}

void DetailPane::load()
{
    if (!m_session->isOpen() || m_id.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    m_loading = true;
    m_session->inspector()
        .run([id = m_id.toStdString()](MemoryStore& store) {
            Loaded loaded;
            loaded.record = store.get(id);
            if (!loaded.record)
                return loaded;
            loaded.history = store.history(id);
            SearchRequest request;
            request.query = loaded.record->memory;
            request.filter = json{{"collection", loaded.record->collection}, {"id", {{"ne", id}}}};
            request.limit = kNeighbours;
            loaded.neighbours = store.search(request).hits;
            loaded.retrievals = RunStore(store).retrievalsOf(id, kRetrievals);
            return loaded;
        })
        .then(this, [this, generation](TaskResult<Loaded> result) {
            if (generation != m_generation)
                return;
            m_loading = false;
            if (!result.ok()) {
                m_message->setText(result.error->message);
                m_stack->setCurrentWidget(m_message);
                return;
            }
            if (!result.value->record) {
                m_message->setText(tr("This record is no longer in the store."));
                m_stack->setCurrentWidget(m_message);
                return;
            }
            m_history->setEntries(std::move(result.value->history));
            m_neighbours->setNeighbours(*result.value->record, std::move(result.value->neighbours));
            const int retrievals = static_cast<int>(result.value->retrievals.size());
            m_runs->setRetrievals(std::move(result.value->retrievals));
            m_tabs->setTabText(m_tabs->indexOf(m_runsView), retrievals == 0 ? tr("Retrieved by")
                                                            : retrievals >= kRetrievals
                                                                ? tr("Retrieved by (%1+)").arg(kRetrievals)
                                                                : tr("Retrieved by (%1)").arg(retrievals));
            showLoaded(*result.value->record);
        });
}

void DetailPane::showLoaded(const MemoryRecord& r)
{
    const QString outcome = QString::fromStdString(r.metaString("outcome_type"));
    QString title = outcome.isEmpty() ? tr("Unlabelled") : OutcomeStyle::label(outcome);
    if (r.state != RecordState::Active)
        title += QStringLiteral(" — ") + (r.state == RecordState::Archived ? tr("ARCHIVED") : tr("DELETED"));
    m_title->setText(title);
    QStringList facts;
    for (const char* key : {"task_type", "tool_name", "version"})
        if (const auto v = r.metaString(key); !v.empty())
            facts << QString::fromStdString(v);
    facts << (r.userId.empty() ? tr("no user") : tr("user %1").arg(QString::fromStdString(r.userId)));
    facts << QString::fromStdString(r.collection);
    facts << tr("stored %1").arg(QDateTime::fromMSecsSinceEpoch(r.createdAt / 1000).toString(Qt::ISODate));
    if (r.updatedAt != r.createdAt)
        facts << tr("updated %1").arg(QDateTime::fromMSecsSinceEpoch(r.updatedAt / 1000).toString(Qt::ISODate));
    m_facts->setText(facts.join(QStringLiteral(" · ")));
    m_text->setPlainText(QString::fromStdString(r.memory));
    m_metadata->clear();
    fillMetadata(nullptr, m_metadata, r.metadata);
    m_metadata->expandAll();
    m_idField->setText(QString::fromStdString(r.id));
    m_stack->setCurrentWidget(m_recordPage);
    for (int c = HistoryModel::TimeColumn; c < HistoryModel::ChangeColumn; ++c)
        m_historyView->resizeColumnToContents(c);
    for (int c = RecordRunsModel::TimeColumn; c < RecordRunsModel::RunColumn; ++c)
        m_runsView->resizeColumnToContents(c);
    updateRevertButton();
}

void DetailPane::updateRevertButton()
{
    const auto* e = m_history->entry(m_historyView->currentIndex().row());
    m_revert->setEnabled(e && e->event != HistoryEvent::Add && !m_session->isReadOnly());
}

} // namespace memscope::ui
