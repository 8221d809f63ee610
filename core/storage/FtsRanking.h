#pragma once

#include <cstdint>
#include <functional>

struct sqlite3;

namespace memscope {

// memscope_bm25(memories_fts, docsize, idf1, idf2, ...): bm25 exactly as FTS5's (k1 = 1.2, b = 0.75), but
// with the inverse document frequency of each phrase given by the caller. FTS5's own bm25() counts every
// phrase's documents by walking its whole posting list on each query, which for a common term at a million
// records costs tens of milliseconds even when only a few hundred rows are ranked; the search engine already
// knows those counts (cached), so ranking costs only the rows it ranks.
// `docsize` is the row's blob from the FTS5 docsize table (LEFT JOIN memories_fts_docsize d ON d.id =
// memories_fts.rowid), or NULL to have FTS5 look it up: FTS5's own lookup costs ~2 µs a row, about five
// times the join and the ranking together.
//
// memscope_rowid_in(filter, rowid): whether the RowFilter bound as `filter` (sqlite3_bind_pointer, type
// kRowFilterType) accepts the rowid. In the WHERE clause of a ranked full-text query it drops the rows a
// search filter excludes before memscope_bm25 runs, which costs several times the walk itself per row.
class FtsRanking {
public:
    using RowFilter = std::function<bool(std::int64_t)>;
    static constexpr const char* kRowFilterType = "memscope_row_filter";

    // Registers the functions on a connection; false when SQLite has no FTS5.
    static bool install(sqlite3* db);
};

} // namespace memscope
