#include "storage/MemoryStore.h"

#include "embed/Embedder.h"
#include "embed/EmbedderFactory.h"
#include "filter/FilterCompiler.h"
#include "history/HistoryLog.h"
#include "io/RecordJson.h"
#include "query/RecordOrder.h"
#include "search/SearchEngine.h"
#include "storage/Connection.h"
#include "storage/RecordTable.h"
#include "storage/Schema.h"
#include "util/Error.h"
#include "util/Ids.h"

#include <chrono>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

namespace memscope {

using nlohmann::json;

struct MemoryStore::Shared {
    std::string path;
    std::string uuid;
    bool readOnly = false;
    int busyTimeoutMs = 5000;
    std::unique_ptr<SemanticIndex> semantic;
};

namespace {

// 64 MiB of page cache per connection. Reads go through a memory map of up to 2 GB (the most Debian's
// SQLite allows): a search touches a few thousand pages it has not read before (full-text postings,
// docsizes, candidate rows), and reading them from the map instead of copying each into the page cache
// takes the first search of new words from ~19 to ~13 ms p95 at a million records. Writes still go
// through the page cache and the WAL.
void tuneConnection(Connection& connection)
{
    connection.exec("PRAGMA cache_size=-65536");
    connection.exec("PRAGMA temp_store=MEMORY");
    connection.exec("PRAGMA mmap_size=2147418112");
}

std::string parentDirectory(const std::string& path)
{
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

// A file counts as read-only when we cannot write it or when nobody may (mode without any w bit): the
// second rule makes "chmod a-w" mean read-only even for root, who may write anything.
bool fileIsReadOnly(const std::string& path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return false;
    return ::access(path.c_str(), W_OK) != 0 || (st.st_mode & 0222) == 0;
}

std::string readUuid(Connection& connection)
{
    auto st = connection.prepare("SELECT value FROM meta WHERE key='db_uuid'");
    return st.step() ? st.text(0) : std::string();
}

json fieldValue(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

} // namespace

std::unique_ptr<MemoryStore> MemoryStore::open(const std::string& path, Options options)
{
    if (path.empty())
        throw Error(Error::Kind::InvalidArgument, "no database path given");
    struct stat st {};
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode))
        throw Error(Error::Kind::Io, path + ": is a folder, not a database file");
    if (!exists) {
        if (!options.create || options.readOnly)
            throw Error(Error::Kind::NotFound, path + ": no such database");
        const auto dir = parentDirectory(path);
        if (::access(dir.c_str(), W_OK) != 0)
            throw Error(Error::Kind::ReadOnly,
                        path + ": cannot create the database: the folder " + dir + " is missing or not writable");
    }
    const bool readOnly = options.readOnly || (exists && fileIsReadOnly(path));

    auto connection =
        std::make_unique<Connection>(path, Connection::Options{readOnly, !readOnly, options.busyTimeoutMs});
    // Another application's file, a damaged one or a newer schema is refused before anything writes to it.
    Schema::check(*connection);
    if (!readOnly) {
        // WAL lets the GUI read while the CLI or an agent writes; NORMAL sync is crash-safe for processes.
        // Switching to WAL needs a moment alone with a new file and SQLite does not wait for it on its own
        // (two processes creating the same store at once), so retry within the busy timeout.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(options.busyTimeoutMs);
        for (;;) {
            try {
                connection->exec("PRAGMA journal_mode=WAL");
                break;
            } catch (const Error& e) {
                if (e.kind() != Error::Kind::Locked || std::chrono::steady_clock::now() >= deadline)
                    throw;
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
        }
        connection->exec("PRAGMA synchronous=NORMAL");
    }
    tuneConnection(*connection);
    Schema::prepare(*connection);

    auto shared = std::make_shared<Shared>();
    shared->path = path;
    shared->uuid = readUuid(*connection);
    shared->readOnly = readOnly;
    shared->busyTimeoutMs = options.busyTimeoutMs;
    auto embedder = options.embedder ? options.embedder : EmbedderFactory::builtin();
    shared->semantic =
        std::make_unique<SemanticIndex>(path, shared->uuid, std::move(embedder), readOnly, options.busyTimeoutMs);
    if (options.loadVectorIndex)
        shared->semantic->startLoading();
    return std::unique_ptr<MemoryStore>(new MemoryStore(std::move(shared), std::move(connection)));
}

MemoryStore::MemoryStore(std::shared_ptr<Shared> shared, std::unique_ptr<Connection> connection)
    : m_shared(std::move(shared))
    , m_connection(std::move(connection))
{
}

MemoryStore::~MemoryStore() = default;

std::unique_ptr<MemoryStore> MemoryStore::clone() const
{
    auto connection = std::make_unique<Connection>(
        m_shared->path, Connection::Options{m_shared->readOnly, false, m_shared->busyTimeoutMs});
    tuneConnection(*connection);
    return std::unique_ptr<MemoryStore>(new MemoryStore(m_shared, std::move(connection)));
}

const std::string& MemoryStore::path() const { return m_shared->path; }
bool MemoryStore::readOnly() const { return m_shared->readOnly; }
SemanticIndex& MemoryStore::semantic() { return *m_shared->semantic; }
void MemoryStore::interrupt() { m_connection->interrupt(); }

void MemoryStore::requireWritable(const char* action) const
{
    if (m_shared->readOnly)
        throw Error(Error::Kind::ReadOnly, m_shared->path + ": the database is read-only; cannot " + action);
}

void MemoryStore::embedAndStore(const std::vector<MemoryRecord>& records)
{
    // Embedding happens outside any write transaction (an HTTP embedder may take seconds). A failure leaves
    // the record without a vector: keyword search still finds it and embedMissing() fills it in later.
    std::vector<std::string> texts;
    std::vector<std::int64_t> rids;
    for (const auto& r : records) {
        texts.push_back(r.memory);
        rids.push_back(r.rowId);
    }
    std::vector<std::vector<float>> vectors;
    try {
        vectors = semantic().embedder().embed(texts);
    } catch (const Error&) {
        return;
    }
    Transaction tx(*m_connection);
    // Only vectors whose record still has the text they were computed from.
    std::vector<std::int64_t> keep;
    std::vector<std::vector<float>> keepVectors;
    auto& st = m_connection->cached("SELECT hash FROM memories WHERE rid=?1");
    for (std::size_t i = 0; i < records.size(); ++i) {
        st.reset();
        st.bind(1, rids[i]);
        if (st.step() && st.textView(0) == records[i].hash) {
            keep.push_back(rids[i]);
            keepVectors.push_back(std::move(vectors[i]));
        }
    }
    st.reset();
    semantic().storeVectors(*m_connection, keep, keepVectors);
    tx.commit();
    semantic().catchUp(*m_connection, false);
}

MemoryRecord MemoryStore::add(MemoryRecord record, const ChangeContext& context)
{
    requireWritable("add records");
    if (record.memory.find_first_not_of(" \t\r\n") == std::string::npos)
        throw Error(Error::Kind::InvalidArgument, "field 'memory': the text is empty");
    RecordJson::validateMetadata(record.metadata);
    if (record.id.empty())
        record.id = newTimeOrderedUuid();
    if (record.collection.empty())
        record.collection = kDefaultCollection;
    record.hash = md5Hex(record.memory);
    const Micros now = nowMicros();
    if (record.createdAt == 0)
        record.createdAt = now;
    if (record.updatedAt == 0)
        record.updatedAt = record.createdAt;
    {
        Transaction tx(*m_connection);
        RecordTable table(*m_connection);
        if (table.rowIdOf(record.id))
            throw Error(Error::Kind::InvalidArgument, "record " + record.id + " already exists");
        record.rowId = table.insert(record);
        HistoryLog(*m_connection).append(record.id, HistoryEvent::Add, nullptr, nullptr, context, now);
        tx.commit();
    }
    embedAndStore({record});
    return record;
}

std::optional<MemoryRecord> MemoryStore::get(const std::string& id) { return RecordTable(*m_connection).byId(id); }

MemoryRecord MemoryStore::require(const std::string& id)
{
    auto record = get(id);
    if (!record)
        throw Error(Error::Kind::NotFound, "no record with id " + id + " in " + m_shared->path);
    return std::move(*record);
}

void MemoryStore::writeRecordChange(const MemoryRecord&, const MemoryRecord& after, HistoryEvent event,
                                    const json& oldValue, const json& newValue, const ChangeContext& context)
{
    RecordTable(*m_connection).rewrite(after);
    HistoryLog(*m_connection).append(after.id, event, oldValue, newValue, context, after.updatedAt);
}

MemoryRecord MemoryStore::update(const std::string& id, const RecordPatch& patch, const ChangeContext& context)
{
    requireWritable("update records");
    MemoryRecord after;
    bool textChanged = false;
    {
        Transaction tx(*m_connection);
        const MemoryRecord before = require(id);
        after = before;
        json oldValue = json::object(), newValue = json::object();
        if (patch.memory && *patch.memory != before.memory) {
            if (patch.memory->find_first_not_of(" \t\r\n") == std::string::npos)
                throw Error(Error::Kind::InvalidArgument, "field 'memory': the text is empty");
            after.memory = *patch.memory;
            after.hash = md5Hex(after.memory);
            oldValue["memory"] = before.memory;
            newValue["memory"] = after.memory;
            textChanged = true;
        }
        if (patch.metadata)
            after.metadata = *patch.metadata;
        if (patch.metadataMerge) {
            if (!patch.metadataMerge->is_object())
                throw Error(Error::Kind::InvalidArgument, "field 'metadata': expected an object");
            for (auto it = patch.metadataMerge->begin(); it != patch.metadataMerge->end(); ++it) {
                if (it->is_null())
                    after.metadata.erase(it.key());
                else
                    after.metadata[it.key()] = it.value();
            }
        }
        RecordJson::validateMetadata(after.metadata);
        if (after.metadata != before.metadata) {
            oldValue["metadata"] = before.metadata;
            newValue["metadata"] = after.metadata;
        }
        auto setText = [&](const std::optional<std::string>& value, std::string& field, const char* key) {
            if (value && *value != field) {
                oldValue[key] = fieldValue(field);
                newValue[key] = fieldValue(*value);
                field = *value;
            }
        };
        setText(patch.userId, after.userId, "user_id");
        setText(patch.agentId, after.agentId, "agent_id");
        setText(patch.runId, after.runId, "run_id");
        setText(patch.collection, after.collection, "collection");
        if (after.collection.empty())
            after.collection = kDefaultCollection;
        if (patch.expirationDate && *patch.expirationDate != before.expirationDate) {
            oldValue["expiration_date"] = before.expirationDate ? json(formatIsoTime(*before.expirationDate)) : json();
            newValue["expiration_date"] = *patch.expirationDate ? json(formatIsoTime(**patch.expirationDate)) : json();
            after.expirationDate = *patch.expirationDate;
        }
        if (newValue.empty()) {
            tx.commit();
            return before;
        }
        after.updatedAt = std::max(nowMicros(), before.updatedAt + 1);
        // A change of nothing but the outcome label is a relabel, so history and trends can tell them apart.
        HistoryEvent event = HistoryEvent::Update;
        if (newValue.size() == 1 && newValue.contains("metadata")) {
            json a = before.metadata, b = after.metadata;
            a.erase("outcome_type");
            b.erase("outcome_type");
            if (a == b) {
                event = HistoryEvent::Relabel;
                oldValue = {{"outcome_type", before.metadata.value("outcome_type", json())}};
                newValue = {{"outcome_type", after.metadata.value("outcome_type", json())}};
            }
        }
        writeRecordChange(before, after, event, oldValue, newValue, context);
        tx.commit();
    }
    if (textChanged)
        embedAndStore({after});
    return after;
}

int MemoryStore::relabel(const std::vector<std::string>& ids, OutcomeType outcome, const ChangeContext& context)
{
    requireWritable("relabel records");
    int changed = 0;
    Transaction tx(*m_connection);
    const Micros now = nowMicros();
    for (const auto& id : ids) {
        const MemoryRecord before = require(id);
        if (before.metaString("outcome_type") == outcomeName(outcome))
            continue;
        MemoryRecord after = before;
        after.metadata["outcome_type"] = outcomeName(outcome);
        after.updatedAt = std::max(now, before.updatedAt + 1);
        writeRecordChange(before, after, HistoryEvent::Relabel,
                          {{"outcome_type", before.metadata.value("outcome_type", json())}},
                          {{"outcome_type", outcomeName(outcome)}}, context);
        ++changed;
    }
    tx.commit();
    return changed;
}

namespace {
HistoryEvent eventForState(RecordState state)
{
    switch (state) {
    case RecordState::Archived: return HistoryEvent::Archive;
    case RecordState::Deleted: return HistoryEvent::Delete;
    case RecordState::Active: break;
    }
    return HistoryEvent::Restore;
}
} // namespace

int MemoryStore::setState(const std::vector<std::string>& ids, RecordState state, const ChangeContext& context)
{
    requireWritable("change record states");
    int changed = 0;
    Transaction tx(*m_connection);
    const Micros now = nowMicros();
    RecordTable table(*m_connection);
    HistoryLog log(*m_connection);
    for (const auto& id : ids) {
        const MemoryRecord before = require(id);
        if (before.state == state)
            continue;
        table.setState(before.rowId, state, std::max(now, before.updatedAt + 1));
        log.append(id, eventForState(state), {{"state", stateName(before.state)}}, {{"state", stateName(state)}},
                   context, now);
        ++changed;
    }
    tx.commit();
    return changed;
}

int MemoryStore::purge(const std::vector<std::string>& ids, const ChangeContext& context)
{
    requireWritable("purge records");
    int changed = 0;
    Transaction tx(*m_connection);
    const Micros now = nowMicros();
    RecordTable table(*m_connection);
    HistoryLog log(*m_connection);
    std::vector<std::int64_t> removed;
    for (const auto& id : ids) {
        const auto before = get(id);
        if (!before)
            continue;
        table.erase(before->rowId);
        log.append(id, HistoryEvent::Purge, RecordJson::toJson(*before), nullptr, context, now);
        removed.push_back(before->rowId);
        ++changed;
    }
    tx.commit();
    if (auto index = semantic().index())
        for (auto rid : removed)
            index->remove(rid);
    return changed;
}

std::vector<HistoryEntry> MemoryStore::history(const std::string& memoryId)
{
    return HistoryLog(*m_connection).forMemory(memoryId);
}

std::string MemoryStore::revert(std::int64_t historyId, const ChangeContext& context)
{
    requireWritable("revert changes");
    const auto entry = HistoryLog(*m_connection).entry(historyId);
    if (!entry)
        throw Error(Error::Kind::NotFound, "no history entry #" + std::to_string(historyId) + " in " + m_shared->path);
    ChangeContext ctx = context;
    if (ctx.reason.empty())
        ctx.reason = "revert of #" + std::to_string(historyId);

    switch (entry->event) {
    case HistoryEvent::Add: setState({entry->memoryId}, RecordState::Deleted, ctx); break;
    case HistoryEvent::Purge: {
        if (get(entry->memoryId))
            throw Error(Error::Kind::InvalidArgument, "record " + entry->memoryId + " exists again; history #" +
                                                          std::to_string(historyId) + " cannot re-add it");
        MemoryRecord record = RecordJson::fromJson(entry->oldValue);
        add(record, ctx);
        break;
    }
    case HistoryEvent::Archive:
    case HistoryEvent::Restore:
    case HistoryEvent::Delete: {
        const auto state = parseState(entry->oldValue.value("state", "active")).value_or(RecordState::Active);
        setState({entry->memoryId}, state, ctx);
        break;
    }
    case HistoryEvent::Relabel: {
        const json old = entry->oldValue.value("outcome_type", json());
        RecordPatch patch;
        patch.metadataMerge = json{{"outcome_type", old}};
        update(entry->memoryId, patch, ctx);
        break;
    }
    case HistoryEvent::Update: {
        RecordPatch patch;
        const json& old = entry->oldValue;
        if (old.contains("memory"))
            patch.memory = old["memory"].get<std::string>();
        if (old.contains("metadata"))
            patch.metadata = old["metadata"];
        auto text = [&old](const char* key) -> std::optional<std::string> {
            if (!old.contains(key))
                return std::nullopt;
            return old[key].is_string() ? old[key].get<std::string>() : std::string();
        };
        patch.userId = text("user_id");
        patch.agentId = text("agent_id");
        patch.runId = text("run_id");
        patch.collection = text("collection");
        if (old.contains("expiration_date")) {
            std::optional<Micros> t;
            if (old["expiration_date"].is_string())
                t = parseIsoTime(old["expiration_date"].get<std::string>());
            patch.expirationDate = t;
        }
        update(entry->memoryId, patch, ctx);
        break;
    }
    }
    return entry->memoryId;
}

int MemoryStore::revertBatch(const std::string& batchId, const ChangeContext& context)
{
    const auto entries = HistoryLog(*m_connection).batch(batchId);
    if (entries.empty())
        throw Error(Error::Kind::NotFound, "no history batch " + batchId + " in " + m_shared->path);
    // Each revert nests inside this transaction: the batch is reverted whole or not at all.
    Transaction tx(*m_connection);
    int reverted = 0;
    for (const auto& e : entries) {
        revert(e.id, context);
        ++reverted;
    }
    tx.commit();
    return reverted;
}

std::vector<MemoryRecord> MemoryStore::list(const ListQuery& query)
{
    const auto filter = FilterCompiler::compile(query.filter);
    const std::string direction = query.descending ? " DESC" : " ASC";
    const std::string sql = std::string("SELECT ") + RecordTable::kColumns + " FROM memories m WHERE " + filter.sql +
                            " ORDER BY " + RecordOrder::column(query.orderBy) + direction + ", m.rid" + direction +
                            " LIMIT ? OFFSET ?";
    auto st = m_connection->prepare(sql);
    st.bindAll(filter.params);
    const int n = static_cast<int>(filter.params.size());
    st.bind(n + 1, query.limit < 0 ? std::int64_t(-1) : query.limit).bind(n + 2, query.offset);
    std::vector<MemoryRecord> out;
    while (st.step())
        out.push_back(RecordTable::read(st));
    return out;
}

std::int64_t MemoryStore::count(const json& filter)
{
    const auto compiled = FilterCompiler::compile(filter);
    auto st = m_connection->prepare("SELECT count(*) FROM memories m WHERE " + compiled.sql);
    st.bindAll(compiled.params);
    st.step();
    return st.int64(0);
}

std::int64_t MemoryStore::countUpTo(const json& filter, std::int64_t cap)
{
    const auto compiled = FilterCompiler::compile(filter);
    auto st =
        m_connection->prepare("SELECT count(*) FROM (SELECT 1 FROM memories m WHERE " + compiled.sql + " LIMIT ?)");
    st.bindAll(compiled.params);
    st.bind(static_cast<int>(compiled.params.size()) + 1, cap);
    st.step();
    return st.int64(0);
}

std::vector<std::string> MemoryStore::matchingIds(const json& filter, std::int64_t limit)
{
    const auto compiled = FilterCompiler::compile(filter);
    auto st = m_connection->prepare("SELECT m.id FROM memories m WHERE " + compiled.sql + " ORDER BY m.rid LIMIT ?");
    st.bindAll(compiled.params);
    st.bind(static_cast<int>(compiled.params.size()) + 1, limit);
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.text(0));
    return out;
}

SearchResponse MemoryStore::search(const SearchRequest& request)
{
    return SearchEngine(*m_connection, semantic()).search(request);
}

SemanticIndex::Status MemoryStore::indexStatus() { return semantic().status(*m_connection); }

std::int64_t MemoryStore::embedMissing(const SemanticIndex::Progress& progress, const std::atomic_bool* cancel)
{
    requireWritable("store embeddings");
    return semantic().embedMissing(*m_connection, progress, cancel);
}

} // namespace memscope
