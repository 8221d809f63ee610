#include "views/MainWindow.h"

#include "curation/CurationActions.h"
#include "curation/CurationController.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/ArchiveStaleDialog.h"
#include "dialogs/ExportDialog.h"
#include "dialogs/ImportDialog.h"
#include "dialogs/SettingsDialog.h"
#include "dialogs/ShortcutsDialog.h"
#include "models/FacetModel.h"
#include "models/FilterState.h"
#include "models/RecordTableModel.h"
#include "settings/ApiKeyStore.h"
#include "settings/Settings.h"
#include "store/BackgroundEmbedder.h"
#include "store/StoreSession.h"
#include "store/StoreWorker.h"
#include "views/DetailPane.h"
#include "views/FacetSidebar.h"
#include "views/QueryBar.h"
#include "views/RecordTableView.h"
#include "views/RecordsView.h"
#include "views/RunsView.h"
#include "views/StartPage.h"
#include "views/TrendsView.h"
#include "widgets/ActionIcons.h"
#include "widgets/ErrorBanner.h"

#include <demo/DemoGenerator.h>
#include <embed/Embedder.h>
#include <embed/EmbedderFactory.h>
#include <io/RecordImporter.h>
#include <storage/MemoryStore.h>
#include <util/Paths.h>

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

#include <utility>

namespace memscope::ui {

namespace {

// A menu text as a tooltip: no mnemonic (also the "(&O)" of CJK menus) and no trailing ellipsis.
QString plainActionText(QString text)
{
    static const QRegularExpression cjkMnemonic(QStringLiteral("\\(&\\w\\)"));
    return text.remove(cjkMnemonic).remove(QLatin1Char('&')).remove(QStringLiteral("…")).trimmed();
}

} // namespace

MainWindow::MainWindow(StoreSession* session, Settings* settings, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_settings(settings)
    , m_filters(new FilterState(this))
    , m_stack(new QStackedWidget(this))
    , m_start(new StartPage(m_stack))
    , m_tabs(new QTabWidget(m_stack))
    , m_records(new RecordsView(session, m_filters, m_tabs))
    , m_trends(new TrendsView(session, m_filters, m_tabs))
    , m_runs(new RunsView(session, settings, m_tabs))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Memscope"));
    m_facets = new FacetModel(session, m_filters, this);
    m_records->setSidebar(new FacetSidebar(m_facets, m_filters, m_records));
    m_records->setQueryBar(new QueryBar(m_filters, settings, m_records));
    m_keys = new ApiKeyStore(this);
    m_embedder = new BackgroundEmbedder(session, this);
    m_curation = new CurationController(session, this);
    m_curationActions = new CurationActions(m_curation, m_records, session, this);
    m_detail = new DetailPane(session, m_records);
    m_records->setDetailPane(m_detail);
    connect(m_records, &RecordsView::currentRecordChanged, m_detail, &DetailPane::showRecord);
    connect(m_records, &RecordsView::selectionChanged, m_detail,
            [this] { m_detail->showSelection(m_records->selectedIds()); });
    connect(m_detail, &DetailPane::revertRequested, m_curation,
            [this](qint64 historyId) { m_curation->revertHistory(historyId); });
    connect(m_detail, &DetailPane::recordActivated, this, [this](const QString& id) {
        m_records->selectIds({id});
        m_detail->showRecord(id);
    });
    connect(m_detail, &DetailPane::runActivated, this, &MainWindow::openRun);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_records, tr("&Records"));
    m_tabs->addTab(m_trends, tr("&Trends"));
    m_tabs->addTab(m_runs, tr("R&uns"));
    // A memory a run retrieved, or the lesson it wrote, opens in Records.
    connect(m_runs, &RunsView::openRecordRequested, this, &MainWindow::openRecord);
    connect(m_trends, &TrendsView::openRecordRequested, this, &MainWindow::openRecord);
    connect(m_runs, &RunsView::preferencesRequested, this, &MainWindow::showPreferences);
    connect(m_records->model(), &RecordTableModel::queryFinished, this, [this] {
        if (!m_pendingRecord.isEmpty())
            m_records->selectIds({std::exchange(m_pendingRecord, QString())});
    });
    // A bar, point or cell of Trends opens exactly its records: the filters become that selection.
    connect(m_trends, &TrendsView::drillDownRequested, this,
            [this](const nlohmann::json& filter, const QString& description) {
                m_filters->restore({}, filter, {}, {}, {});
                m_tabs->setCurrentWidget(m_records);
                statusBar()->showMessage(description, 8000);
            });
    m_tabs->tabBar()->setObjectName(QStringLiteral("viewTabs"));
    m_stack->addWidget(m_start);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);
    createMenus();
    createEmbeddingStatus();
    connect(m_curation, &CurationController::changeApplied, this,
            [this](const QString& text) { statusBar()->showMessage(text, 6000); });
    connect(m_curation, &CurationController::changeFailed, this, [this](const TaskError& error) {
        m_records->banner()->showMessage(ErrorBanner::Level::Error, error.message);
    });

    connect(m_session, &StoreSession::opened, this, &MainWindow::onOpened);
    connect(m_session, &StoreSession::openFailed, this, &MainWindow::onOpenFailed);
    connect(m_start, &StartPage::openRequested, this, &MainWindow::chooseDatabase);
    connect(m_start, &StartPage::createRequested, this, &MainWindow::createDatabase);
    connect(m_start, &StartPage::loadDemoRequested, this, &MainWindow::loadDemo);
    connect(m_start, &StartPage::importRequested, this, [this] { importFile(); });
    connect(m_start, &StartPage::retryRequested, this, [this] { openDatabase(m_session->path()); });
    connect(m_start, &StartPage::openReadOnlyRequested, this, [this] { openDatabase(m_session->path(), true); });
    connect(m_start, &StartPage::configureRequested, this, &MainWindow::showPreferences);
    connect(m_start, &StartPage::continueEmptyRequested, this, [this] { m_stack->setCurrentWidget(m_tabs); });

    if (!m_settings->windowGeometry().isEmpty())
        restoreGeometry(m_settings->windowGeometry());
    else
        resize(1360, 820);
    restoreState(m_settings->windowState());
    if (!m_settings->recordColumns().isEmpty())
        m_records->table()->horizontalHeader()->restoreState(m_settings->recordColumns());
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    auto* open = file->addAction(tr("&Open Database…"), this, &MainWindow::chooseDatabase);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("&New Database…"), this, &MainWindow::createDatabase);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fillRecentMenu();
    file->addAction(tr("Load &Demo History"), this, &MainWindow::loadDemo);
    file->addSeparator();
    m_importAction = file->addAction(tr("&Import…"), this, [this] { importFile(); });
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_exportAction = file->addAction(tr("&Export…"), this, &MainWindow::exportRecords);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    auto* edit = menuBar()->addMenu(tr("&Edit"));
    auto* undo = m_curation->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    auto* redo = m_curation->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    m_curationActions->addToMenu(edit);
    edit->addSeparator();
    auto* preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);

    auto* tools = menuBar()->addMenu(tr("&Tools"));
    m_archiveStale = tools->addAction(tr("&Archive Stale Lessons…"), this, &MainWindow::archiveStale);
    m_archiveStale->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));

    auto* help = menuBar()->addMenu(tr("&Help"));
    auto* shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setShortcuts({QKeySequence::HelpContents, QKeySequence(Qt::Key_Question)});
    help->addAction(tr("&About Memscope"), this, &MainWindow::showAbout)->setMenuRole(QAction::AboutRole);
    m_shortcutSources = {undo, redo, open, quit, m_archiveStale, shortcuts};

    open->setIcon(ActionIcons::icon("open"));
    m_importAction->setIcon(ActionIcons::icon("import"));
    m_exportAction->setIcon(ActionIcons::icon("export"));
    undo->setIcon(ActionIcons::icon("undo"));
    redo->setIcon(ActionIcons::icon("redo"));
    preferences->setIcon(ActionIcons::icon("preferences"));
    m_archiveStale->setIcon(ActionIcons::icon("clean"));
    auto* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar")); // saveState() needs the name
    bar->setMovable(false);
    bar->setIconSize(QSize(20, 20));
    bar->addActions({open, m_importAction, m_exportAction});
    bar->addSeparator();
    bar->addActions({undo, redo});
    bar->addSeparator();
    bar->addActions(m_curationActions->toolbarActions());
    bar->addSeparator();
    bar->addActions({m_archiveStale, preferences});
    // Buttons show their shortcut in the tooltip: the keyboard is the fast way.
    for (QAction* a : bar->actions())
        if (!a->isSeparator() && !a->shortcut().isEmpty())
            a->setToolTip(
                tr("%1 (%2)").arg(plainActionText(a->text()), a->shortcut().toString(QKeySequence::NativeText)));
}

void MainWindow::importFile(const QString& given)
{
    if (!m_session->isOpen())
        return;
    const QString path = !given.isEmpty()
                             ? given
                             : QFileDialog::getOpenFileName(this, tr("Import Records"), QDir::homePath(),
                                                            tr("Records (*.jsonl *.json *.ndjson);;All files (*)"));
    if (path.isEmpty())
        return;
    auto* dialog = new ImportDialog(m_session, m_curation, path, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::finished, this, [this](bool ok) {
        if (ok)
            m_stack->setCurrentWidget(m_tabs);
    });
    dialog->open();
}

void MainWindow::exportRecords()
{
    if (!m_session->isOpen())
        return;
    auto* dialog = new ExportDialog(m_session, m_filters->filter(), m_records->selectedIds(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::exported, this, [this](const QString& path, qint64 n) {
        statusBar()->showMessage(tr("Exported %1 records to %2").arg(n).arg(QDir::toNativeSeparators(path)), 8000);
    });
    dialog->open();
}

void MainWindow::openRecord(const QString& id)
{
    // The record is selected once the table has it (now, if the filter was already this one).
    m_pendingRecord = id;
    m_filters->restore({}, nlohmann::json{{"id", id.toStdString()}, {"state", "*"}}, {}, {}, {});
    m_tabs->setCurrentWidget(m_records);
    m_records->selectIds({id});
    m_detail->showRecord(id);
    statusBar()->showMessage(tr("Showing record %1").arg(id), 8000);
}

void MainWindow::openRun(const QString& runId)
{
    m_tabs->setCurrentWidget(m_runs);
    m_runs->showRun(runId);
}

void MainWindow::showPreferences()
{
    SettingsDialog dialog(m_settings, m_keys, this);
    connect(&dialog, &SettingsDialog::saved, this, [this] {
        m_session->setOperatorName(m_settings->operatorName());
        m_runs->updateEndpointHint();
    });
    // The core picks its embedder when a store opens: reopening applies the new one, and the background
    // embedder then fills in every record's vector with progress and Stop.
    connect(&dialog, &SettingsDialog::reembedRequested, this, [this] {
        if (m_session->isOpen())
            openDatabase(m_session->path(), m_session->isReadOnly());
    });
    connect(&dialog, &SettingsDialog::keyError, this, [this](const QString& message) {
        m_records->banner()->showMessage(ErrorBanner::Level::Warning,
                                         tr("The API key was not stored: %1").arg(message));
    });
    dialog.exec();
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = m_settings->recentDatabases();
    for (const QString& path : recent) {
        // A vanished file is listed but not opened: opening it would quietly create a new, empty store.
        const bool exists = QFileInfo::exists(path);
        QString shown = QDir::toNativeSeparators(path);
        shown.replace(QLatin1Char('&'), QLatin1String("&&")); // a file name is no mnemonic
        auto* action = m_recentMenu->addAction(exists ? shown : tr("%1 (missing)").arg(shown));
        action->setEnabled(exists);
        connect(action, &QAction::triggered, this, [this, path] { openDatabase(path); });
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("No recent databases"))->setEnabled(false);
    m_recentMenu->addSeparator();
    auto* clear = m_recentMenu->addAction(tr("Clear Menu"), this, [this] { m_settings->clearRecentDatabases(); });
    clear->setEnabled(!recent.isEmpty());
}

void MainWindow::archiveStale()
{
    if (!m_session->isOpen())
        return;
    auto* dialog = new ArchiveStaleDialog(m_session, m_curation, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showShortcuts()
{
    QList<QAction*> actions = m_shortcutSources;
    actions += m_curationActions->actions();
    ShortcutsDialog dialog(actions, this);
    dialog.exec();
}

void MainWindow::openDatabase(const QString& path, bool readOnly)
{
    const QString target = path.isEmpty() ? QString::fromStdString(Paths::defaultDatabase()) : path;
    m_opening = true;
    m_start->showOpening(target);
    m_stack->setCurrentWidget(m_start);
    updateTitle();
    if (m_settings->embedderModel().isEmpty()) {
        m_session->open(target, readOnly);
        return;
    }
    // A configured endpoint needs its key first (keychain reads are asynchronous).
    m_keys->read(ApiKeyStore::Account::Embedder, [this, target, readOnly](const QString& key, ApiKeyStore::Source) {
        EmbedderFactory::Choice choice;
        choice.url = m_settings->embedderUrl().toStdString();
        choice.model = m_settings->embedderModel().toStdString();
        choice.apiKey = key.toStdString();
        std::shared_ptr<Embedder> embedder;
        try {
            embedder = EmbedderFactory::create(choice);
        } catch (const Error& e) {
            m_records->banner()->showMessage(
                ErrorBanner::Level::Warning,
                tr("The configured embedder cannot be used (%1); the built-in one is used instead.")
                    .arg(QString::fromStdString(e.what())));
        }
        m_session->open(target, readOnly, embedder);
    });
}

void MainWindow::createEmbeddingStatus()
{
    auto* label = new QLabel(this);
    label->setTextFormat(Qt::PlainText);
    auto* cancel = new QToolButton(this);
    cancel->setText(tr("Stop"));
    cancel->setAutoRaise(true);
    auto* widget = new QWidget(this);
    auto* layout = new QHBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(cancel);
    widget->hide();
    statusBar()->addPermanentWidget(widget);
    connect(cancel, &QToolButton::clicked, m_embedder, &BackgroundEmbedder::cancel);
    connect(m_embedder, &BackgroundEmbedder::runningChanged, widget, [widget, label](bool running) {
        label->setText(tr("Preparing search by meaning…"));
        widget->setVisible(running);
    });
    connect(m_embedder, &BackgroundEmbedder::progress, label, [label](qint64 done, qint64 total) {
        label->setText(tr("Embedding records for search by meaning: %1 of %2")
                           .arg(QLocale().toString(done), QLocale().toString(total)));
    });
    connect(m_embedder, &BackgroundEmbedder::finished, this, [this](qint64 n, bool cancelled) {
        if (n > 0 || cancelled)
            statusBar()->showMessage(cancelled ? tr("Embedding stopped; search by meaning covers the records "
                                                    "embedded so far.")
                                               : tr("%n record(s) embedded for search by meaning.", nullptr, int(n)),
                                     8000);
    });
    connect(m_embedder, &BackgroundEmbedder::failed, this, [this](const QString& message) {
        m_records->banner()->showMessage(ErrorBanner::Level::Warning,
                                         tr("Records could not be embedded: %1").arg(message));
    });
}

void MainWindow::onOpened()
{
    m_opening = false;
    m_settings->addRecentDatabase(m_session->path());
    fillRecentMenu();
    updateTitle();
    std::int64_t total = 0;
    try {
        total = m_session->uiStore().countUpTo(nlohmann::json::object({{"state", "*"}}), 1);
    } catch (const Error&) {
        // The table's own query reports a problem in its banner.
    }
    if (total == 0 && !m_demoRunning)
        m_start->showEmptyStore(m_session->path());
    else
        m_stack->setCurrentWidget(m_tabs);
    if (m_session->isReadOnly())
        m_records->banner()->showMessage(ErrorBanner::Level::Info,
                                         tr("Opened read-only: browsing works, changes are off."));
}

void MainWindow::onOpenFailed(const TaskError& error, const QString& path)
{
    m_opening = false;
    m_start->showProblem(error, path);
    m_stack->setCurrentWidget(m_start);
    updateTitle();
}

void MainWindow::chooseDatabase()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Memory Store"), QFileInfo(m_session->path()).absolutePath(),
                                     tr("Memscope databases (*.db *.sqlite);;All files (*)"));
    if (!path.isEmpty())
        openDatabase(path);
}

void MainWindow::createDatabase()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("New Memory Store"), QDir::home().filePath(QStringLiteral("memscope.db")),
                                     tr("Memscope databases (*.db)"));
    if (!path.isEmpty())
        openDatabase(path);
}

void MainWindow::loadDemo()
{
    if (!m_session->isOpen() || m_demoRunning)
        return;
    m_demoRunning = true;
    m_start->setBusy(tr("Writing the demo history…"));
    const ChangeContext context = m_session->changeContext(tr("demo history"));
    m_session->writer()
        .run([context](MemoryStore& store) {
            DemoGenerator generator(DemoOptions{});
            ImportOptions options;
            options.context = context;
            RecordImporter importer(store);
            const auto report =
                importer.runRecords([&](const RecordImporter::RecordSink& sink) { generator.generate(sink); }, options);
            store.embedMissing();
            return report.added;
        })
        .then(this, [this](TaskResult<std::int64_t> result) {
            m_demoRunning = false;
            if (!result.ok()) {
                m_start->showWriteFailure(tr("The demo history could not be written"), *result.error,
                                          m_session->path());
                return;
            }
            m_stack->setCurrentWidget(m_tabs);
            m_session->checkForChanges();
            m_records->requery();
            statusBar()->showMessage(
                tr("Demo history loaded: %n record(s).", nullptr, static_cast<int>(result.value.value_or(0))), 8000);
        });
}

bool MainWindow::showView(const QString& name)
{
    if (name == QLatin1String("archive-stale")) {
        m_stack->setCurrentWidget(m_tabs);
        archiveStale();
        return true;
    }
    if (name == QLatin1String("shortcuts")) {
        QMetaObject::invokeMethod(this, &MainWindow::showShortcuts, Qt::QueuedConnection);
        return true;
    }
    if (name == QLatin1String("lessons")) { // the Trends tab's lesson-effectiveness table
        m_tabs->setCurrentWidget(m_trends);
        m_stack->setCurrentWidget(m_tabs);
        m_trends->showLessonEffectiveness();
        return true;
    }
    if (name == QLatin1String("curve")) { // the Runs tab's learning curve
        m_tabs->setCurrentWidget(m_runs);
        m_stack->setCurrentWidget(m_tabs);
        m_runs->showLearningCurve();
        return true;
    }
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->objectName() == name + QLatin1String("View")) {
            m_tabs->setCurrentIndex(i);
            m_stack->setCurrentWidget(m_tabs);
            return true;
        }
    }
    return false;
}

bool MainWindow::isBusy() const
{
    return m_embedder->isRunning() || m_curation->isBusy() || m_detail->isLoading() || m_opening || m_demoRunning ||
           m_records->model()->isLoading() || m_facets->isLoading() || m_trends->isLoading() || m_runs->isLoading();
}

void MainWindow::updateTitle()
{
    const QString path = m_session->path();
    setWindowTitle(path.isEmpty() ? tr("Memscope")
                                  : tr("%1 — Memscope").arg(QDir::toNativeSeparators(QFileInfo(path).fileName())));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setRecordColumns(m_records->table()->horizontalHeader()->saveState());
    m_settings->sync();
    event->accept();
}

} // namespace memscope::ui
