#pragma once

#include <QWidget>

class QLabel;
class QSplitter;
class QVBoxLayout;

namespace memscope::ui {

class ErrorBanner;
class FilterState;
class RecordTableModel;
class RecordTableView;
class StoreSession;

// The Records workspace: facets on the left, the query bar, banner and table in the middle, the selected
// record on the right. Owns the table model; follows the shared FilterState and the store's changes.
class RecordsView : public QWidget {
    Q_OBJECT
public:
    RecordsView(StoreSession* session, FilterState* filters, QWidget* parent = nullptr);
    ~RecordsView() override;

    RecordTableModel* model() const { return m_model; }
    RecordTableView* table() const { return m_table; }
    ErrorBanner* banner() const { return m_banner; }
    QSplitter* splitter() const { return m_splitter; }

    // Ids of the selected records, in table order.
    QStringList selectedIds() const;
    // Selects these records (those present) and keeps the current one in view.
    void selectIds(const QStringList& ids);

    // Inserts the side panels (built elsewhere) into the layout.
    void setSidebar(QWidget* sidebar);
    void setQueryBar(QWidget* queryBar);
    void setDetailPane(QWidget* detail);

public slots:
    void requery();

signals:
    // The record under the cursor changed (empty id: none).
    void currentRecordChanged(const QString& id);
    void selectionChanged();

private:
    void onStoreChanged();
    void updateStatus();

    StoreSession* m_session;
    FilterState* m_filters;
    RecordTableModel* m_model;
    RecordTableView* m_table;
    ErrorBanner* m_banner;
    QLabel* m_status;
    QSplitter* m_splitter;
    QVBoxLayout* m_centre;
    QWidget* m_sidebar = nullptr;
    QWidget* m_detail = nullptr;
};

} // namespace memscope::ui
