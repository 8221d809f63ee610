#pragma once

#include "store/TaskResult.h"

#include <model/HistoryEntry.h>

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace memscope {
class Embedder;
class MemoryStore;
} // namespace memscope

namespace memscope::ui {

class StoreWorker;

// The open database as the window sees it: a connection for quick reads on the UI thread (a page of rows
// by primary key), a reader worker for queries that may take long (searches, listings), a counter worker
// for aggregates and a writer worker for changes, imports and exports. Notices commits by other processes (and by our
// own writer) through SQLite's data_version and announces them as storeChanged().
class StoreSession : public QObject {
    Q_OBJECT
public:
    explicit StoreSession(QObject* parent = nullptr);
    ~StoreSession() override;

    // Opens the file in the background; emits opened() or openFailed(). Closes the current store first.
    // `embedder`: the configured one (null: the built-in offline embedder).
    void open(const QString& path, bool readOnly = false, std::shared_ptr<Embedder> embedder = {});
    void close();

    bool isOpen() const { return m_ui != nullptr; }
    bool isReadOnly() const { return m_readOnly; }
    QString path() const { return m_path; }

    MemoryStore& uiStore() { return *m_ui; }
    StoreWorker& reader() { return *m_reader; }
    StoreWorker& writer() { return *m_writer; }
    // Aggregates (facet counts, trends) get their own connection so they never hold up the table.
    StoreWorker& counter() { return *m_counter; }
    // The selected record's details and neighbours: never in the way of the table's listing.
    StoreWorker& inspector() { return *m_inspector; }

    // Who curation changes are attributed to in history ("human:<name>").
    void setOperatorName(const QString& name);
    QString operatorName() const { return m_operator; }
    ChangeContext changeContext(const QString& reason = {}) const;

    // Checks for changes now instead of at the next poll (after our own writes, say).
    void checkForChanges();
    void setPollInterval(int ms);

signals:
    void opened();
    void openFailed(const memscope::ui::TaskError& error, const QString& path);
    void closed();
    // Records changed since the last check, by this process or another one.
    void storeChanged();

private:
    void finishOpen(std::unique_ptr<MemoryStore> store, const QString& path, bool readOnly);

    std::unique_ptr<MemoryStore> m_ui;
    std::unique_ptr<StoreWorker> m_reader;
    std::unique_ptr<StoreWorker> m_writer;
    std::unique_ptr<StoreWorker> m_counter;
    std::unique_ptr<StoreWorker> m_inspector;
    QString m_path;
    QString m_operator;
    bool m_readOnly = false;
    qint64 m_dataVersion = -1;
    quint64 m_openGeneration = 0;
    QTimer m_poll;
};

} // namespace memscope::ui
