#include "views/LessonEffectivenessPanel.h"

#include "models/FilterState.h"
#include "models/LessonEffectivenessModel.h"
#include "store/StoreSession.h"
#include "store/StoreWorker.h"

#include <stats/LessonEffectiveness.h>
#include <storage/MemoryStore.h>

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace memscope::ui {

namespace {
constexpr int kMaxLessons = 500;
}

LessonEffectivenessPanel::LessonEffectivenessPanel(StoreSession* session, FilterState* filters, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_filters(filters)
    , m_model(new LessonEffectivenessModel(this))
    , m_table(new QTableView(this))
    , m_note(new QLabel(this))
{
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_table->setObjectName(QStringLiteral("lessonEffectivenessTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->setColumnWidth(LessonEffectivenessModel::Lesson, 420);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit openRecordRequested(index.data(LessonEffectivenessModel::MemoryIdRole).toString());
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_note);
    layout->addWidget(m_table, 1);
    connect(m_filters, &FilterState::changed, this, &LessonEffectivenessPanel::refresh);
    connect(m_session, &StoreSession::storeChanged, this, &LessonEffectivenessPanel::refresh);
    connect(m_session, &StoreSession::opened, this, &LessonEffectivenessPanel::refresh);
}

void LessonEffectivenessPanel::refresh()
{
    if (!m_session->isOpen())
        return;
    const quint64 generation = ++m_generation;
    LessonEffectiveness::Query query;
    query.limit = kMaxLessons;
    const QStringList taskTypes = m_filters->selected(QStringLiteral("task_type"));
    if (taskTypes.size() == 1)
        query.taskType = taskTypes.front().toStdString();
    m_loading = true;
    m_session->counter()
        .run([query](MemoryStore& store) { return LessonEffectiveness(store.connection()).compute(query); })
        .then(this, [this, generation, query](TaskResult<std::vector<LessonEffectiveness::Row>> result) {
            if (generation != m_generation)
                return; // a newer question is on its way
            m_loading = false;
            if (!result.ok()) {
                m_note->setText(tr("Lesson effectiveness could not be computed: %1").arg(result.error->message));
                emit refreshed();
                return;
            }
            const bool empty = result.value->empty();
            m_model->setRows(std::move(*result.value));
            if (!empty && !m_sized) { // at most 500 rows: fitting the columns once is cheap
                m_sized = true;
                m_table->resizeColumnsToContents();
                m_table->setColumnWidth(LessonEffectivenessModel::Lesson, 420);
            }
            if (empty)
                m_note->setText(tr("No lesson has been retrieved by a run yet. Agent runs (the Runs tab, or "
                                   "memscope-cli run) and outside agents searching with --run-id fill this in."));
            else
                m_note->setText(
                    query.taskType.empty()
                        ? tr("Success rate of the runs that retrieved each lesson against the runs of its task "
                             "type that did not. Double-click a lesson to open it.")
                        : tr("Lessons of task type %1: success rate of the runs that retrieved each against the "
                             "runs that did not. Double-click a lesson to open it.")
                              .arg(QString::fromStdString(query.taskType)));
            emit refreshed();
        });
}

} // namespace memscope::ui
