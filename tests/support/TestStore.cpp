#include "TestStore.h"

#include <QProcess>

namespace memscope::test {

TestStore::TestStore(MemoryStore::Options options)
    : m_path((m_dir.path() + "/test.db").toStdString())
{
    m_store = MemoryStore::open(m_path, options);
    // Tests compare results: start from a settled index rather than race the background load.
    m_store->semantic().waitLoaded(60000);
}

void TestStore::reopen(MemoryStore::Options options)
{
    m_store.reset();
    m_store = MemoryStore::open(m_path, options);
    m_store->semantic().waitLoaded(60000);
}

MemoryRecord TestStore::outcome(const std::string& text, const std::string& outcome, const std::string& taskType,
                                const std::string& tool, const std::string& user)
{
    MemoryRecord r;
    r.memory = text;
    r.userId = user;
    r.metadata = {{"outcome_type", outcome},
                  {"task_type", taskType},
                  {"tool_name", tool},
                  {"user_scope", user == "global" ? "global" : "user_specific"}};
    return r;
}

CliResult runCli(const QStringList& args, const QByteArray& input, int timeoutMs)
{
    QProcess process;
    process.setProgram(QStringLiteral(MEMSCOPE_CLI_PATH));
    process.setArguments(args);
    process.start();
    CliResult result;
    if (!process.waitForStarted(10000))
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("timed out");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace memscope::test
