#include "query/RecordListing.h"

#include "filter/FilterCompiler.h"
#include "query/RecordOrder.h"
#include "storage/Connection.h"
#include "storage/RecordTable.h"
#include "storage/Statement.h"
#include "util/Error.h"

#include <algorithm>

namespace memscope {

RecordListing::RecordListing(Connection& connection)
    : m_connection(connection)
{
}

namespace {

// Single-column indexes that give the time orders without sorting.
const char* timeIndex(const std::string& field)
{
    if (field == "created_at")
        return "memories_created";
    if (field == "updated_at")
        return "memories_updated";
    if (field == "timestamp")
        return "memories_ts";
    return nullptr;
}

// Above this many matches, walking the time index in order finds the first screen after a few thousand
// steps, while the planner's choice (a facet index, then a sort of every match) needs them all first.
constexpr std::int64_t kWalkIndexAbove = 20000;

} // namespace

std::vector<std::int64_t> RecordListing::firstRowIds(const CompiledFilter& compiled, const ListingOrder& order,
                                                     std::size_t count)
{
    const char* index = timeIndex(order.field);
    if (!index || compiled.empty())
        return {};
    auto many =
        m_connection.prepare("SELECT count(*) FROM (SELECT 1 FROM memories m WHERE " + compiled.sql + " LIMIT ?)");
    many.bindAll(compiled.params);
    many.bind(static_cast<int>(compiled.params.size()) + 1, kWalkIndexAbove);
    if (!many.step() || many.int64(0) < kWalkIndexAbove)
        return {};
    const std::string direction = order.descending ? " DESC" : " ASC";
    std::vector<std::int64_t> out;
    try {
        auto st = m_connection.prepare(std::string("SELECT m.rid FROM memories m INDEXED BY ") + index + " WHERE " +
                                       compiled.sql + " ORDER BY " + RecordOrder::column(order.field) + direction +
                                       ", m.rid" + direction + " LIMIT ?");
        st.bindAll(compiled.params);
        st.bind(static_cast<int>(compiled.params.size()) + 1, static_cast<std::int64_t>(count));
        while (st.step())
            out.push_back(st.int64(0));
    } catch (const Error& e) {
        if (e.kind() == Error::Kind::Cancelled)
            throw;
        return {}; // an older schema without the index: the full listing still answers
    }
    return out;
}

std::int64_t RecordListing::streamRowIds(const nlohmann::json& filter, const ListingOrder& order,
                                         const ChunkHandler& onChunk, std::size_t firstChunk, std::size_t chunkSize)
{
    const auto compiled = FilterCompiler::compile(filter);
    const std::string direction = order.descending ? " DESC" : " ASC";
    const std::size_t first = std::max<std::size_t>(1, firstChunk);
    // The first screen quickly when the full answer needs a sort; the full listing below then skips it.
    std::vector<std::int64_t> head = firstRowIds(compiled, order, first);
    std::int64_t delivered = 0;
    if (head.size() == first) {
        delivered = static_cast<std::int64_t>(head.size());
        if (!onChunk(std::vector<std::int64_t>(head)))
            return delivered;
    } else {
        head.clear();
    }
    // rid as the tie-breaker keeps the order total, so a refresh lists equal keys the same way.
    auto st = m_connection.prepare("SELECT m.rid FROM memories m WHERE " + compiled.sql + " ORDER BY " +
                                   RecordOrder::column(order.field) + direction + ", m.rid" + direction);
    st.bindAll(compiled.params);
    std::size_t want = head.empty() ? first : std::max<std::size_t>(1, chunkSize);
    std::size_t skip = head.size();
    std::vector<std::int64_t> chunk;
    chunk.reserve(want);
    while (st.step()) {
        const std::int64_t rid = st.int64(0);
        if (skip > 0) {
            // Rows written between the two statements would shift the order; the store's change
            // notification refreshes the view in that case.
            --skip;
            continue;
        }
        chunk.push_back(rid);
        if (chunk.size() >= want) {
            delivered += static_cast<std::int64_t>(chunk.size());
            if (!onChunk(std::move(chunk)))
                return delivered;
            want = std::max<std::size_t>(1, chunkSize);
            chunk = {};
            chunk.reserve(want);
        }
    }
    delivered += static_cast<std::int64_t>(chunk.size());
    // The last call may be empty: it tells the caller the stream is complete.
    onChunk(std::move(chunk));
    return delivered;
}

std::vector<MemoryRecord> RecordListing::records(const std::vector<std::int64_t>& rowIds)
{
    return RecordTable(m_connection).byRowIds(rowIds);
}

} // namespace memscope
