#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace memscope::ui {

class FilterState;
class LessonEffectivenessModel;
class StoreSession;

// The Trends tab's "Lesson effectiveness" table: which lessons runs retrieved, and whether the runs that
// retrieved them succeeded more often than the runs of the same task type that did not. Computed in the
// core (LessonEffectiveness) off the UI thread; follows the task type chosen in the facets; a double-click
// opens the lesson in the Records view.
class LessonEffectivenessPanel : public QWidget {
    Q_OBJECT
public:
    LessonEffectivenessPanel(StoreSession* session, FilterState* filters, QWidget* parent = nullptr);

    LessonEffectivenessModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    bool isLoading() const { return m_loading; }

public slots:
    void refresh();

signals:
    void openRecordRequested(const QString& memoryId);
    void refreshed();

private:
    StoreSession* m_session;
    FilterState* m_filters;
    LessonEffectivenessModel* m_model;
    QTableView* m_table;
    QLabel* m_note;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_sized = false;
};

} // namespace memscope::ui
