#pragma once

#include "model/MemoryRecord.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace memscope {

class Connection;
struct CompiledFilter;

struct ListingOrder {
    std::string field = "created_at"; // see RecordOrder::fields()
    bool descending = true;
};

// The GUI's windowed view of a large result: the rowids of every matching record in display order (8 bytes
// a record, so a million fit in 8 MB), streamed in chunks, and records hydrated a page at a time by rowid.
// Jumping to any row is then one primary-key read of a page, never an OFFSET scan.
class RecordListing {
public:
    explicit RecordListing(Connection& connection);

    // Calls onChunk with consecutive runs of rowids (the first one small, so a view can show its first
    // screen at once). onChunk returns false to stop. Returns how many rowids were delivered. Throws
    // Error(InvalidArgument) for a bad filter or field, Error(Cancelled) when interrupted.
    using ChunkHandler = std::function<bool(std::vector<std::int64_t>&& rowIds)>;
    std::int64_t streamRowIds(const nlohmann::json& filter, const ListingOrder& order, const ChunkHandler& onChunk,
                              std::size_t firstChunk = 512, std::size_t chunkSize = 65536);

    // Records in the order of rowIds; rowids no longer present are skipped.
    std::vector<MemoryRecord> records(const std::vector<std::int64_t>& rowIds);

private:
    // The first `count` rowids by walking the order's index, when that is much faster than the full
    // listing's sort (a time order and a filter matching many records); empty otherwise.
    std::vector<std::int64_t> firstRowIds(const CompiledFilter& compiled, const ListingOrder& order, std::size_t count);

    Connection& m_connection;
};

} // namespace memscope
