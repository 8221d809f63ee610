#include "vector/SemanticIndex.h"

#include "embed/Embedder.h"
#include "storage/Connection.h"
#include "util/Error.h"

#include <cstring>
#include <unistd.h>

namespace memscope {

namespace {

constexpr int kCatchUpBatch = 4096;

std::vector<float> decodeVector(const Statement& st, int column)
{
    const auto bytes = static_cast<std::size_t>(st.blobSize(column));
    std::vector<float> v(bytes / sizeof(float));
    if (!v.empty())
        std::memcpy(v.data(), st.blob(column), v.size() * sizeof(float));
    return v;
}

std::int64_t lookupEmbedder(Connection& connection, const std::string& name, int* dim = nullptr)
{
    auto& st = connection.cached("SELECT id, dim FROM embedders WHERE name=?1");
    st.bind(1, name);
    if (!st.step()) {
        st.reset();
        return 0;
    }
    const auto id = st.int64(0);
    if (dim)
        *dim = static_cast<int>(st.int64(1));
    st.reset();
    return id;
}

int hardwareThreads()
{
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : static_cast<int>(std::min(n, 8u));
}

} // namespace

SemanticIndex::SemanticIndex(std::string databasePath, std::string databaseUuid, std::shared_ptr<Embedder> embedder,
                             bool readOnly, int busyTimeoutMs)
    : m_databasePath(std::move(databasePath))
    , m_databaseUuid(std::move(databaseUuid))
    , m_embedder(std::move(embedder))
    , m_embedderName(m_embedder->id())
    , m_readOnly(readOnly)
    , m_busyTimeoutMs(busyTimeoutMs)
{
}

SemanticIndex::~SemanticIndex()
{
    m_stop = true;
    if (m_loader.joinable())
        m_loader.join();
    try {
        saveIfChanged();
    } catch (const std::exception&) {
        // The cache is an optimisation: failing to write it costs indexing time on the next open, nothing else.
    }
}

std::string SemanticIndex::cacheTag() const { return m_databaseUuid + "|" + m_embedderName; }

std::int64_t SemanticIndex::embedderId(Connection& connection)
{
    if (m_embedderId > 0)
        return m_embedderId;
    std::int64_t id = lookupEmbedder(connection, m_embedderName);
    if (id == 0 && !m_readOnly) {
        auto& st = connection.cached(
            "INSERT OR IGNORE INTO embedders(name, dim, created_at) VALUES (?1, ?2, strftime('%s','now')*1000000)");
        st.bind(1, m_embedderName).bind(2, static_cast<std::int64_t>(m_embedder->dimension())).run();
        id = lookupEmbedder(connection, m_embedderName);
    }
    m_embedderId = id;
    return id;
}

std::shared_ptr<VectorIndex> SemanticIndex::index() const
{
    std::lock_guard lock(m_indexPointerMutex);
    return m_index;
}

void SemanticIndex::startLoading()
{
    if (m_loader.joinable() || m_loading)
        return;
    m_loading = true;
    m_loader = std::thread([this] { loadAndCatchUp(); });
}

bool SemanticIndex::waitLoaded(int timeoutMs)
{
    std::unique_lock lock(m_loadedMutex);
    return m_loadedCv.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return !m_loading.load(); });
}

void SemanticIndex::loadAndCatchUp()
{
    std::unique_lock sync(m_syncMutex);
    try {
        Connection connection(m_databasePath, {true, false, m_busyTimeoutMs});
        int dim = 0;
        const auto id = lookupEmbedder(connection, m_embedderName, &dim);
        if (id > 0) {
            if (auto loaded = VectorIndex::load(cachePath(), cacheTag(), dim)) {
                auto& st = connection.cached("SELECT coalesce(max(seq), 0) FROM vectors WHERE embedder_id=?1");
                st.bind(1, id);
                st.step();
                const auto maxSeq = st.int64(0);
                st.reset();
                // A cache ahead of the table belongs to a database that was replaced: rebuild.
                if (loaded->sequence <= maxSeq) {
                    std::lock_guard lock(m_indexPointerMutex);
                    m_index = std::move(loaded->index);
                    m_sequence = loaded->sequence;
                    m_savedSequence = loaded->sequence;
                }
            }
            catchUpLocked(connection);
        }
        // Writers that found the index busy asked for another round; the check after unlocking closes the
        // window between a writer's failed try_lock and this thread letting go.
        for (;;) {
            while (m_catchUpRequested.exchange(false))
                catchUpLocked(connection);
            sync.unlock();
            if (!m_catchUpRequested.exchange(false))
                break;
            sync.lock();
            catchUpLocked(connection);
        }
    } catch (const std::exception&) {
        // Searches go on with keyword scores and whatever was indexed; the next catch-up tries again.
        if (sync.owns_lock())
            sync.unlock();
    }
    {
        std::lock_guard lock(m_loadedMutex);
        m_loading = false;
    }
    m_loadedCv.notify_all();
}

void SemanticIndex::catchUp(Connection& connection, bool wait)
{
    std::unique_lock sync(m_syncMutex, std::defer_lock);
    if (wait) {
        sync.lock();
    } else {
        m_catchUpRequested = true; // before try_lock: the background load looks at it after letting go
        if (!sync.try_lock())
            return;
        m_catchUpRequested = false;
    }
    catchUpLocked(connection);
}

std::int64_t SemanticIndex::catchUpLocked(Connection& connection, const Progress& progress)
{
    int dim = 0;
    const auto id = lookupEmbedder(connection, m_embedderName, &dim);
    if (id == 0)
        return 0;
    m_embedderId = id;
    std::int64_t added = 0;
    auto& st =
        connection.cached("SELECT seq, rid, vec FROM vectors WHERE embedder_id=?1 AND seq>?2 ORDER BY seq LIMIT ?3");
    while (!m_stop) {
        st.reset();
        st.bind(1, id).bind(2, m_sequence.load()).bind(3, kCatchUpBatch);
        std::vector<std::pair<std::int64_t, std::vector<float>>> batch;
        std::int64_t lastSeq = m_sequence;
        while (st.step()) {
            lastSeq = st.int64(0);
            auto v = decodeVector(st, 2);
            if (static_cast<int>(v.size()) == dim)
                batch.emplace_back(st.int64(1), std::move(v));
        }
        st.reset();
        if (lastSeq == m_sequence)
            break;
        std::shared_ptr<VectorIndex> target = index();
        if (!target) {
            target =
                std::make_shared<VectorIndex>(dim, VectorIndex::Params{}, std::max<std::size_t>(batch.size(), 1024));
            std::lock_guard lock(m_indexPointerMutex);
            m_index = target;
        }
        // Small slices keep the exclusive lock short, so searches running meanwhile are not stalled.
        constexpr std::size_t kSlice = 256;
        for (std::size_t i = 0; i < batch.size() && !m_stop; i += kSlice) {
            const auto end = std::min(batch.size(), i + kSlice);
            std::vector<std::pair<std::int64_t, std::vector<float>>> slice(
                std::make_move_iterator(batch.begin() + static_cast<std::ptrdiff_t>(i)),
                std::make_move_iterator(batch.begin() + static_cast<std::ptrdiff_t>(end)));
            target->add(slice, hardwareThreads());
        }
        if (m_stop)
            break;
        added += static_cast<std::int64_t>(batch.size());
        m_sequence = lastSeq;
        if (progress)
            progress(added, -1);
    }
    return added;
}

void SemanticIndex::storeVectors(Connection& connection, const std::vector<std::int64_t>& rowIds,
                                 const std::vector<std::vector<float>>& vectors)
{
    if (rowIds.empty())
        return;
    const auto id = embedderId(connection);
    if (id == 0)
        return;
    // REPLACE gives a replaced vector a new seq, so other processes' catch-up sees the change.
    auto& st = connection.cached("INSERT OR REPLACE INTO vectors(rid, embedder_id, vec) VALUES (?1, ?2, ?3)");
    for (std::size_t i = 0; i < rowIds.size(); ++i) {
        st.reset();
        st.bind(1, rowIds[i]).bind(2, id).bindBlob(3, vectors[i].data(), vectors[i].size() * sizeof(float));
        st.run();
    }
}

std::int64_t SemanticIndex::embedMissing(Connection& connection, const Progress& progress,
                                         const std::atomic_bool* cancel)
{
    if (m_readOnly)
        throw Error(Error::Kind::ReadOnly, m_databasePath + ": read-only; cannot store embeddings");
    const auto id = embedderId(connection);
    std::int64_t total = 0;
    {
        auto& st = connection.cached("SELECT count(*) FROM memories m WHERE NOT EXISTS "
                                     "(SELECT 1 FROM vectors v WHERE v.rid = m.rid AND v.embedder_id = ?1)");
        st.bind(1, id);
        st.step();
        total = st.int64(0);
        st.reset();
    }
    const int batchSize = std::max(1, m_embedder->preferredBatchSize());
    std::int64_t done = 0;
    std::int64_t lastRid = 0;
    while (done < total) {
        if (cancel && *cancel)
            throw Error(Error::Kind::Cancelled, m_databasePath + ": embedding cancelled");
        std::vector<std::int64_t> rids;
        std::vector<std::string> texts, hashes;
        {
            auto& st = connection.cached(
                "SELECT m.rid, m.memory, m.hash FROM memories m WHERE m.rid > ?1 AND NOT EXISTS "
                "(SELECT 1 FROM vectors v WHERE v.rid = m.rid AND v.embedder_id = ?2) ORDER BY m.rid LIMIT ?3");
            st.bind(1, lastRid).bind(2, id).bind(3, batchSize);
            while (st.step()) {
                rids.push_back(st.int64(0));
                texts.push_back(st.text(1));
                hashes.push_back(st.text(2));
            }
            st.reset();
        }
        if (rids.empty())
            break;
        lastRid = rids.back();
        const auto vectors = m_embedder->embed(texts, cancel);
        {
            Transaction tx(connection);
            // Skip a record whose text changed while we embedded it: its new text gets its own vector.
            auto& st = connection.cached("INSERT OR IGNORE INTO vectors(rid, embedder_id, vec) SELECT ?1, ?2, ?3 "
                                         "WHERE EXISTS (SELECT 1 FROM memories WHERE rid = ?1 AND hash = ?4)");
            for (std::size_t i = 0; i < rids.size(); ++i) {
                st.reset();
                st.bind(1, rids[i]).bind(2, id).bindBlob(3, vectors[i].data(), vectors[i].size() * sizeof(float));
                st.bind(4, hashes[i]);
                st.run();
            }
            tx.commit();
        }
        done += static_cast<std::int64_t>(rids.size());
        catchUp(connection, false);
        if (progress)
            progress(done, total);
    }
    catchUp(connection, true);
    return done;
}

SemanticIndex::Status SemanticIndex::status(Connection& connection)
{
    Status s;
    s.embedder = m_embedderName;
    s.loading = m_loading;
    if (auto idx = index())
        s.indexed = static_cast<std::int64_t>(idx->size());
    const auto id = lookupEmbedder(connection, m_embedderName);
    if (id > 0) {
        auto& st = connection.cached("SELECT count(*) FROM vectors WHERE embedder_id=?1");
        st.bind(1, id);
        st.step();
        s.embedded = st.int64(0);
        st.reset();
    }
    auto& st = connection.cached("SELECT count(*) FROM memories");
    st.step();
    s.records = st.int64(0);
    st.reset();
    return s;
}

void SemanticIndex::saveIfChanged()
{
    if (m_readOnly)
        return;
    auto idx = index();
    if (!idx || m_sequence == m_savedSequence)
        return;
    std::unique_lock sync(m_syncMutex);
    const auto seq = m_sequence.load();
    idx->save(cachePath(), cacheTag(), seq);
    m_savedSequence = seq;
}

} // namespace memscope
