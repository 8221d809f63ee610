#pragma once

#include <nlohmann/json.hpp>

#include <QDialog>
#include <QStringList>

class QComboBox;
class QLabel;
class QPushButton;
class QRadioButton;

namespace memscope::ui {

class StoreSession;

// File → Export: all records, those matching the current filter, or the selection, as JSONL (imports back
// unchanged) or CSV (for spreadsheets); written on a worker with a count and a Cancel that stops it and
// removes the partial file.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(StoreSession* session, const nlohmann::json& currentFilter, const QStringList& selectedIds,
                 QWidget* parent = nullptr);
    ~ExportDialog() override;

    // Writes to `path` (asks for one when empty).
    void exportTo(QString path);
    bool isRunning() const { return m_running; }
    QString status() const;
    nlohmann::json chosenFilter() const;

signals:
    void exported(const QString& path, qint64 records);

protected:
    void reject() override;

private:
    StoreSession* m_session;
    nlohmann::json m_currentFilter;
    QStringList m_selected;
    QRadioButton* m_all;
    QRadioButton* m_filtered;
    QRadioButton* m_selection;
    QComboBox* m_format;
    QLabel* m_status;
    QPushButton* m_export;
    QPushButton* m_cancel;
    bool m_running = false;
};

} // namespace memscope::ui
