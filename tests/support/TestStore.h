#pragma once

#include <storage/MemoryStore.h>

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <string>

namespace memscope::test {

// A store in a fresh temporary folder, removed with the object.
class TestStore {
public:
    explicit TestStore(MemoryStore::Options options = {});

    MemoryStore& store() { return *m_store; }
    MemoryStore* operator->() { return m_store.get(); }
    std::string path() const { return m_path; }
    QString dir() const { return m_dir.path(); }
    // Closes and opens the file again (a new process would see the same).
    void reopen(MemoryStore::Options options = {});
    void close() { m_store.reset(); }

    // A record with outcome metadata, ready to add().
    static MemoryRecord outcome(const std::string& text, const std::string& outcome, const std::string& taskType,
                                const std::string& tool = "sql_runner", const std::string& user = "global");

private:
    QTemporaryDir m_dir;
    std::string m_path;
    std::unique_ptr<MemoryStore> m_store;
};

struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the built memscope-cli with these arguments (and optional standard input); waits up to `timeoutMs`.
CliResult runCli(const QStringList& args, const QByteArray& input = {}, int timeoutMs = 60000);

} // namespace memscope::test

// QCOMPARE cannot take nlohmann::json (Qt's overloads try to convert it); compare the serialised forms,
// which also prints both sides when they differ.
#define JSON_COMPARE(actual, expected)                                                                                 \
    QCOMPARE(QString::fromStdString(nlohmann::json(actual).dump()),                                                    \
             QString::fromStdString(nlohmann::json(expected).dump()))
