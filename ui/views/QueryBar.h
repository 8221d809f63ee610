#pragma once

#include <QDateTime>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace memscope::ui {

class FilterState;
class Settings;

// Above the record table: free text (hybrid search), a time range, saved views, and an advanced Mem0
// filter editor that validates as the operator types and names the key and operator at fault.
class QueryBar : public QWidget {
    Q_OBJECT
public:
    enum Range { AllTime, Last24Hours, Last7Days, Last30Days, Last90Days, ThisYear, Custom };

    QueryBar(FilterState* filters, Settings* settings, QWidget* parent = nullptr);

    QLineEdit* searchField() const { return m_search; }
    QPlainTextEdit* filterEditor() const { return m_editor; }
    QPushButton* applyButton() const { return m_apply; }
    QComboBox* rangeBox() const { return m_range; }
    QComboBox* viewsBox() const { return m_views; }
    QString validationMessage() const;

    void setAdvancedVisible(bool visible);
    // Chooses a preset range relative to `now` (tests pass a fixed time).
    void selectRange(Range range, const QDateTime& now = {});
    // Saves the current question under a name (replacing a view of the same name).
    void saveView(const QString& name);
    bool applyView(const QString& name);
    void deleteView(const QString& name);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void validate();
    void applyAdvanced();
    void applyText();
    void onRangeChosen(int index);
    void chooseCustomRange();
    void reloadViews();
    void syncFromState();
    void promptSaveView();

    FilterState* m_filters;
    Settings* m_settings;
    QLineEdit* m_search;
    QComboBox* m_range;
    QToolButton* m_advancedToggle;
    QComboBox* m_views;
    QToolButton* m_viewMenu;
    QWidget* m_advanced;
    QPlainTextEdit* m_editor;
    QLabel* m_validation;
    QPushButton* m_apply;
    QLabel* m_summary;
    QTimer m_typing;
    bool m_valid = true;
    bool m_syncing = false;
};

} // namespace memscope::ui
