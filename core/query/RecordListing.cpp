#include "query/RecordListing.h"

#include "filter/FilterCompiler.h"
#include "query/RecordOrder.h"
#include "storage/Connection.h"
#include "storage/RecordTable.h"
#include "storage/Statement.h"

#include <algorithm>

namespace memscope {

RecordListing::RecordListing(Connection& connection)
    : m_connection(connection)
{
}

std::int64_t RecordListing::streamRowIds(const nlohmann::json& filter, const ListingOrder& order,
                                         const ChunkHandler& onChunk, std::size_t firstChunk, std::size_t chunkSize)
{
    const auto compiled = FilterCompiler::compile(filter);
    const std::string direction = order.descending ? " DESC" : " ASC";
    // rid as the tie-breaker keeps the order total, so a refresh lists equal keys the same way.
    auto st = m_connection.prepare("SELECT m.rid FROM memories m WHERE " + compiled.sql + " ORDER BY " +
                                   RecordOrder::column(order.field) + direction + ", m.rid" + direction);
    st.bindAll(compiled.params);
    std::int64_t delivered = 0;
    std::size_t want = std::max<std::size_t>(1, firstChunk);
    std::vector<std::int64_t> chunk;
    chunk.reserve(want);
    while (st.step()) {
        chunk.push_back(st.int64(0));
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
