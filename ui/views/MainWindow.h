#pragma once

#include <QMainWindow>

class QMenu;
class QStackedWidget;
class QTabWidget;

namespace memscope::ui {

class ApiKeyStore;
class BackgroundEmbedder;
class CurationActions;
class CurationController;
class DetailPane;
class FacetModel;
class FilterState;
class RecordsView;
class RunsView;
class Settings;
class StartPage;
class StoreSession;
class TrendsView;
struct TaskError;

// The workbench window: a start page (empty store, problems opening a file) or the workspace with its
// views. Menus and actions are wired here; the work itself lives in the views, models and controllers.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(StoreSession* session, Settings* settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a database (empty: the default store) and shows it when ready.
    void openDatabase(const QString& path, bool readOnly = false);
    // Brings a named view forward: "records", "trends", "runs", ...
    bool showView(const QString& name);
    // True while something is still loading (used by --screenshot to wait for a settled window).
    bool isBusy() const;

    RecordsView* recordsView() const { return m_records; }
    TrendsView* trendsView() const { return m_trends; }
    RunsView* runsView() const { return m_runs; }
    FilterState* filters() const { return m_filters; }
    FacetModel* facets() const { return m_facets; }
    CurationController* curation() const { return m_curation; }
    DetailPane* detail() const { return m_detail; }
    void showShortcuts();
    void archiveStale();
    void showPreferences();
    // Opens the import dialog for `path` (asks for a file when empty).
    void importFile(const QString& path = {});
    void exportRecords();
    // Shows exactly this record (whatever its state) in Records: the filters become its id.
    void openRecord(const QString& id);
    // The Runs tab with the run selected (its filters cleared when they hide it).
    void openRun(const QString& runId);
    void showAbout();
    QMenu* recentMenu() const { return m_recentMenu; }
    StartPage* startPage() const { return m_start; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void createEmbeddingStatus();
    void onOpened();
    void onOpenFailed(const TaskError& error, const QString& path);
    void chooseDatabase();
    void createDatabase();
    void loadDemo();
    void updateTitle();
    void fillRecentMenu();

    StoreSession* m_session;
    Settings* m_settings;
    FilterState* m_filters;
    QStackedWidget* m_stack;
    StartPage* m_start;
    QTabWidget* m_tabs;
    RecordsView* m_records;
    TrendsView* m_trends;
    RunsView* m_runs;
    FacetModel* m_facets;
    CurationController* m_curation;
    DetailPane* m_detail;
    CurationActions* m_curationActions;
    QList<QAction*> m_shortcutSources;
    QAction* m_archiveStale = nullptr;
    ApiKeyStore* m_keys = nullptr;
    BackgroundEmbedder* m_embedder = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_exportAction = nullptr;
    QMenu* m_recentMenu = nullptr;
    QString m_pendingRecord; // openRecord(): selected when the table has it
    bool m_opening = false;
    bool m_demoRunning = false;
};

} // namespace memscope::ui
