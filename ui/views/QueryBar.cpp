#include "views/QueryBar.h"

#include "models/FilterState.h"
#include "models/SavedViewCodec.h"
#include "settings/Settings.h"

#include <filter/FilterCompiler.h>

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

namespace memscope::ui {

using nlohmann::json;

QueryBar::QueryBar(FilterState* filters, Settings* settings, QWidget* parent)
    : QWidget(parent)
    , m_filters(filters)
    , m_settings(settings)
    , m_search(new QLineEdit(this))
    , m_range(new QComboBox(this))
    , m_advancedToggle(new QToolButton(this))
    , m_views(new QComboBox(this))
    , m_viewMenu(new QToolButton(this))
    , m_advanced(new QWidget(this))
    , m_editor(new QPlainTextEdit(m_advanced))
    , m_validation(new QLabel(m_advanced))
    , m_apply(new QPushButton(tr("Apply filter"), m_advanced))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("queryBar"));
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Search lessons by words and meaning…  (Enter)"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_typing.setSingleShot(true);
    m_typing.setInterval(450);
    connect(&m_typing, &QTimer::timeout, this, &QueryBar::applyText);
    connect(m_search, &QLineEdit::textEdited, this, [this] { m_typing.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, &QueryBar::applyText);
    // The clear button empties the field without a textEdited signal.
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty() && !m_syncing)
            applyText();
    });

    m_range->setObjectName(QStringLiteral("timeRange"));
    m_range->addItems({tr("All time"), tr("Last 24 hours"), tr("Last 7 days"), tr("Last 30 days"), tr("Last 90 days"),
                       tr("This year"), tr("Custom…")});
    m_range->setToolTip(tr("Time range (by the time a record was stored)"));
    connect(m_range, &QComboBox::activated, this, &QueryBar::onRangeChosen);

    m_advancedToggle->setText(tr("Filter JSON"));
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setToolTip(tr("Write a Mem0 filter: AND/OR/NOT, eq ne in nin gt gte lt lte contains icontains"));
    connect(m_advancedToggle, &QToolButton::toggled, this, &QueryBar::setAdvancedVisible);

    m_views->setObjectName(QStringLiteral("savedViews"));
    m_views->setMinimumContentsLength(12);
    m_views->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_views->setToolTip(tr("Saved views"));
    connect(m_views, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            applyView(m_views->itemText(index));
    });
    m_viewMenu->setText(tr("Views"));
    m_viewMenu->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(m_viewMenu);
    menu->addAction(tr("Save current view…"), this, &QueryBar::promptSaveView);
    menu->addAction(tr("Delete selected view"), this, [this] {
        if (m_views->currentIndex() > 0)
            deleteView(m_views->currentText());
    });
    m_viewMenu->setMenu(menu);

    m_editor->setObjectName(QStringLiteral("filterEditor"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlaceholderText(QStringLiteral("{\"AND\": [{\"task_type\": \"sql_query_debug\"}, "
                                                "{\"outcome_type\": {\"in\": [\"failure\", \"partial\"]}}]}"));
    m_editor->setTabChangesFocus(true);
    m_editor->setMaximumHeight(m_editor->fontMetrics().lineSpacing() * 6 + 12);
    m_editor->installEventFilter(this);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &QueryBar::validate);
    m_validation->setObjectName(QStringLiteral("filterValidation"));
    m_validation->setTextFormat(Qt::PlainText);
    m_validation->setWordWrap(true);
    m_apply->setToolTip(tr("Apply the filter (Ctrl+Enter)"));
    connect(m_apply, &QPushButton::clicked, this, &QueryBar::applyAdvanced);
    auto* clearFilter = new QPushButton(tr("Clear"), m_advanced);
    connect(clearFilter, &QPushButton::clicked, this, [this] {
        m_editor->clear();
        applyAdvanced();
    });

    m_summary->setObjectName(QStringLiteral("filterSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    auto* clearAll = new QToolButton(this);
    clearAll->setText(tr("Clear all"));
    clearAll->setAutoRaise(true);
    connect(clearAll, &QToolButton::clicked, this, [this] { m_filters->restore({}, json::object(), {}, {}, {}); });

    auto* row = new QHBoxLayout;
    row->addWidget(m_search, 1);
    row->addWidget(m_range);
    row->addWidget(m_advancedToggle);
    row->addWidget(m_views);
    row->addWidget(m_viewMenu);
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(m_apply);
    buttons->addWidget(clearFilter);
    buttons->addStretch(1);
    auto* editorRow = new QHBoxLayout;
    editorRow->addWidget(m_editor, 1);
    editorRow->addLayout(buttons);
    auto* advancedLayout = new QVBoxLayout(m_advanced);
    advancedLayout->setContentsMargins(0, 0, 0, 0);
    advancedLayout->addLayout(editorRow);
    advancedLayout->addWidget(m_validation);
    auto* summaryRow = new QHBoxLayout;
    summaryRow->addWidget(m_summary, 1);
    summaryRow->addWidget(clearAll);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(row);
    layout->addWidget(m_advanced);
    layout->addLayout(summaryRow);
    m_advanced->hide();

    connect(m_filters, &FilterState::changed, this, &QueryBar::syncFromState);
    reloadViews();
    validate();
    syncFromState();
}

QString QueryBar::validationMessage() const { return m_valid ? QString() : m_validation->text(); }

void QueryBar::setAdvancedVisible(bool visible)
{
    m_advanced->setVisible(visible);
    if (m_advancedToggle->isChecked() != visible)
        m_advancedToggle->setChecked(visible);
    if (visible)
        m_editor->setFocus();
}

bool QueryBar::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (watched == m_editor && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers().testFlag(Qt::ControlModifier)) {
            applyAdvanced();
            return true;
        }
        if (watched == m_search && key->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
            m_search->clear();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void QueryBar::validate()
{
    const QString text = m_editor->toPlainText().trimmed();
    QString message;
    if (!text.isEmpty()) {
        try {
            const json filter = json::parse(text.toStdString());
            if (!filter.is_object())
                message = tr("The filter must be a JSON object, such as {\"task_type\": \"sql_query_debug\"}.");
            else
                message = QString::fromStdString(FilterCompiler::validate(filter));
        } catch (const json::parse_error& e) {
            // Report a line and column: the byte offset alone means little in a multi-line editor.
            const auto offset = static_cast<qsizetype>(e.byte);
            const QByteArray utf8 = text.toUtf8().left(offset > 0 ? offset - 1 : 0);
            const qsizetype line = utf8.count('\n') + 1;
            const qsizetype column = utf8.size() - (utf8.lastIndexOf('\n') + 1) + 1;
            message = tr("Not valid JSON at line %1, column %2.").arg(line).arg(column);
        }
    }
    m_valid = message.isEmpty();
    m_validation->setText(m_valid ? (text.isEmpty() ? tr("No filter.") : tr("Valid filter.")) : message);
    QPalette pal = m_validation->palette();
    pal.setColor(QPalette::WindowText, m_valid ? palette().color(QPalette::PlaceholderText) : QColor(0xd6, 0x3a, 0x3a));
    m_validation->setPalette(pal);
    m_apply->setEnabled(m_valid);
}

void QueryBar::applyAdvanced()
{
    validate();
    if (!m_valid)
        return;
    const QString text = m_editor->toPlainText().trimmed();
    m_filters->setAdvancedFilter(text.isEmpty() ? json::object() : json::parse(text.toStdString()));
}

void QueryBar::applyText()
{
    m_typing.stop();
    m_filters->setText(m_search->text().trimmed());
}

void QueryBar::selectRange(Range range, const QDateTime& now)
{
    const QDateTime t = now.isValid() ? now : QDateTime::currentDateTime();
    QDateTime from;
    switch (range) {
    case AllTime: break;
    case Last24Hours: from = t.addSecs(-24 * 3600); break;
    case Last7Days: from = t.addDays(-7); break;
    case Last30Days: from = t.addDays(-30); break;
    case Last90Days: from = t.addDays(-90); break;
    case ThisYear: from = QDateTime(QDate(t.date().year(), 1, 1), QTime(0, 0), t.timeZone()); break;
    case Custom: chooseCustomRange(); return;
    }
    m_range->setCurrentIndex(range);
    m_filters->setTimeRange(from, {});
}

void QueryBar::onRangeChosen(int index) { selectRange(static_cast<Range>(index)); }

void QueryBar::chooseCustomRange()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Time Range"));
    auto* from = new QDateTimeEdit(
        m_filters->from().isValid() ? m_filters->from() : QDateTime::currentDateTime().addDays(-30), &dialog);
    auto* to = new QDateTimeEdit(m_filters->to().isValid() ? m_filters->to() : QDateTime::currentDateTime(), &dialog);
    for (auto* edit : {from, to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto check = [&] { buttons->button(QDialogButtonBox::Ok)->setEnabled(from->dateTime() < to->dateTime()); };
    connect(from, &QDateTimeEdit::dateTimeChanged, &dialog, check);
    connect(to, &QDateTimeEdit::dateTimeChanged, &dialog, check);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("From:"), from);
    form->addRow(tr("Until:"), to);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted) {
        syncFromState();
        return;
    }
    m_range->setCurrentIndex(Custom);
    m_filters->setTimeRange(from->dateTime(), to->dateTime());
}

void QueryBar::reloadViews()
{
    const QString current = m_views->currentText();
    m_views->clear();
    m_views->addItem(tr("Saved views"));
    for (const auto& view : m_settings->savedViews())
        m_views->addItem(view.name);
    const int index = m_views->findText(current);
    m_views->setCurrentIndex(index > 0 ? index : 0);
}

void QueryBar::promptSaveView()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save View"), tr("Name of this view:"), QLineEdit::Normal,
                                               m_views->currentIndex() > 0 ? m_views->currentText() : QString(), &ok)
                             .trimmed();
    if (ok && !name.isEmpty())
        saveView(name);
}

void QueryBar::saveView(const QString& name)
{
    auto views = m_settings->savedViews();
    views.erase(std::remove_if(views.begin(), views.end(), [&](const SavedView& v) { return v.name == name; }),
                views.end());
    views.append(SavedView{name, SavedViewCodec::encode(*m_filters)});
    m_settings->setSavedViews(views);
    reloadViews();
    m_views->setCurrentIndex(m_views->findText(name));
}

bool QueryBar::applyView(const QString& name)
{
    for (const auto& view : m_settings->savedViews()) {
        if (view.name != name)
            continue;
        const auto decoded = SavedViewCodec::decode(view.state);
        if (!decoded)
            return false;
        SavedViewCodec::apply(*decoded, *m_filters);
        m_views->setCurrentIndex(m_views->findText(name));
        return true;
    }
    return false;
}

void QueryBar::deleteView(const QString& name)
{
    auto views = m_settings->savedViews();
    views.erase(std::remove_if(views.begin(), views.end(), [&](const SavedView& v) { return v.name == name; }),
                views.end());
    m_settings->setSavedViews(views);
    m_views->setCurrentIndex(0);
    reloadViews();
}

void QueryBar::syncFromState()
{
    m_syncing = true;
    if (m_search->text().trimmed() != m_filters->text())
        m_search->setText(m_filters->text());
    const json advanced = m_filters->advancedFilter();
    const QString editorText = m_editor->toPlainText().trimmed();
    const json shown = editorText.isEmpty() ? json::object() : json::parse(editorText.toStdString(), nullptr, false);
    if (shown != advanced)
        m_editor->setPlainText(advanced.empty() ? QString() : QString::fromStdString(advanced.dump(2)));
    if (!m_filters->from().isValid() && !m_filters->to().isValid())
        m_range->setCurrentIndex(AllTime);
    else if (m_filters->to().isValid())
        m_range->setCurrentIndex(Custom);
    m_syncing = false;

    QStringList parts;
    if (!m_filters->text().isEmpty())
        parts << tr("search \"%1\"").arg(m_filters->text());
    const auto facets = m_filters->facetSelections();
    for (auto it = facets.cbegin(); it != facets.cend(); ++it)
        parts << QStringLiteral("%1: %2").arg(it.key(), it.value().join(QStringLiteral(", ")));
    if (!advanced.empty())
        parts << tr("filter %1").arg(QString::fromStdString(advanced.dump()));
    if (m_filters->from().isValid())
        parts << tr("from %1").arg(QLocale().toString(m_filters->from(), QLocale::ShortFormat));
    if (m_filters->to().isValid())
        parts << tr("until %1").arg(QLocale().toString(m_filters->to(), QLocale::ShortFormat));
    m_summary->setText(parts.isEmpty() ? tr("Showing active records; no filters.")
                                       : tr("Filters: %1").arg(parts.join(QStringLiteral(" · "))));
}

} // namespace memscope::ui
