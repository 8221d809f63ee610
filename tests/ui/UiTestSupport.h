#pragma once

// Shared by the widget and model tests (tests/ui): a store session on a temporary database with records.

#include "TestStore.h"

#include <demo/DemoGenerator.h>
#include <io/RecordImporter.h>
#include <store/StoreSession.h>

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace memscope::test {

// Opens `path` in a session and waits until it is open (fails the test otherwise).
inline bool openSession(ui::StoreSession& session, const QString& path, bool readOnly = false)
{
    QSignalSpy opened(&session, &ui::StoreSession::opened);
    QSignalSpy failed(&session, &ui::StoreSession::openFailed);
    session.open(path, readOnly);
    if (!QTest::qWaitFor([&] { return !opened.isEmpty() || !failed.isEmpty(); }, 20000))
        return false;
    return !opened.isEmpty();
}

// Writes `n` records of the demo history (deterministic) into the store at `path`; returns how many.
inline std::int64_t writeDemo(const std::string& path, std::int64_t n, std::uint64_t seed = 7)
{
    auto store = MemoryStore::open(path);
    DemoOptions options;
    options.records = n;
    options.seed = seed;
    options.end = 1767225600000000; // 2026-01-01: the same records every run
    DemoGenerator generator(options);
    RecordImporter importer(*store);
    const auto report =
        importer.runRecords([&](const RecordImporter::RecordSink& sink) { generator.generate(sink); }, ImportOptions{});
    store->embedMissing();
    return report.added;
}

} // namespace memscope::test
