#include "storage/FtsRanking.h"

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace memscope {

namespace {

struct QueryTotals {
    sqlite3_int64 rows = 0;
    sqlite3_int64 tokens = 0;
};

// The sum of an FTS5 docsize blob: one SQLite varint per column. -1 when the blob is malformed.
long long docsizeTotal(const unsigned char* p, int bytes)
{
    long long total = 0;
    int i = 0;
    while (i < bytes) {
        std::uint64_t v = 0;
        bool complete = false;
        for (int n = 0; n < 9 && i < bytes && !complete; ++n) {
            const unsigned char byte = p[i++];
            if (n == 8) { // the ninth byte contributes all 8 bits
                v = (v << 8) | byte;
                complete = true;
            } else {
                v = (v << 7) | (byte & 0x7f);
                complete = !(byte & 0x80);
            }
        }
        if (!complete || v > (1u << 30))
            return -1;
        total += static_cast<long long>(v);
    }
    return total;
}

void bm25WithIdf(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int nVal, sqlite3_value** values)
{
    const int phrases = api->xPhraseCount(fts);
    // The average document length is the same for every row of a query: read once, kept with the query.
    auto* totals = static_cast<QueryTotals*>(api->xGetAuxdata(fts, 0));
    if (!totals) {
        auto fresh = std::make_unique<QueryTotals>();
        if (api->xRowCount(fts, &fresh->rows) != SQLITE_OK ||
            api->xColumnTotalSize(fts, -1, &fresh->tokens) != SQLITE_OK) {
            sqlite3_result_error(ctx, "memscope_bm25: cannot read the full-text statistics", -1);
            return;
        }
        totals = fresh.get();
        if (api->xSetAuxdata(fts, fresh.release(), [](void* p) { delete static_cast<QueryTotals*>(p); }) != SQLITE_OK) {
            sqlite3_result_error_nomem(ctx);
            return;
        }
    }
    const sqlite3_int64 rows = totals->rows, tokens = totals->tokens;
    if (nVal < 1) {
        sqlite3_result_error(ctx, "memscope_bm25: the row's docsize blob (or NULL) is missing", -1);
        return;
    }
    long long length = 0;
    int instances = 0;
    // FTS5's own xColumnSize looks the row up in the docsize table through a statement of its own, which
    // costs several times the rest of the ranking; a join hands the same blob over for a fraction of that.
    const bool joined = sqlite3_value_type(values[0]) == SQLITE_BLOB;
    if (joined) {
        length = docsizeTotal(static_cast<const unsigned char*>(sqlite3_value_blob(values[0])),
                              sqlite3_value_bytes(values[0]));
    } else {
        int size = 0;
        if (api->xColumnSize(fts, -1, &size) != SQLITE_OK) {
            sqlite3_result_error(ctx, "memscope_bm25: cannot read the full-text statistics", -1);
            return;
        }
        length = size;
    }
    if (length < 0 || api->xInstCount(fts, &instances) != SQLITE_OK) {
        sqlite3_result_error(ctx, "memscope_bm25: cannot read the full-text statistics", -1);
        return;
    }
    ++values;
    --nVal;
    std::vector<double> tf(static_cast<std::size_t>(phrases), 0.0);
    for (int i = 0; i < instances; ++i) {
        int phrase = 0, column = 0, offset = 0;
        if (api->xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK && phrase >= 0 && phrase < phrases)
            tf[static_cast<std::size_t>(phrase)] += 1.0;
    }
    const double avgLength = rows > 0 && tokens > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 1.0;
    constexpr double k1 = 1.2, b = 0.75;
    double score = 0;
    for (int p = 0; p < phrases; ++p) {
        if (tf[static_cast<std::size_t>(p)] == 0)
            continue;
        const double idf = p < nVal ? sqlite3_value_double(values[p]) : 1e-6;
        const double t = tf[static_cast<std::size_t>(p)];
        score += idf * t * (k1 + 1) / (t + k1 * (1 - b + b * static_cast<double>(length) / avgLength));
    }
    sqlite3_result_double(ctx, score);
}

void rowIdIn(sqlite3_context* ctx, int, sqlite3_value** values)
{
    const auto* filter =
        static_cast<const FtsRanking::RowFilter*>(sqlite3_value_pointer(values[0], FtsRanking::kRowFilterType));
    if (!filter) {
        sqlite3_result_error(ctx, "memscope_rowid_in: no row filter bound", -1);
        return;
    }
    sqlite3_result_int(ctx, (*filter)(sqlite3_value_int64(values[1])) ? 1 : 0);
}

} // namespace

bool FtsRanking::install(sqlite3* db)
{
    sqlite3_create_function_v2(db, "memscope_rowid_in", 2, SQLITE_UTF8 | SQLITE_INNOCUOUS, nullptr, rowIdIn, nullptr,
                               nullptr, nullptr);
    fts5_api* api = nullptr;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK)
        return false;
    sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
    sqlite3_finalize(st);
    if (!api)
        return false;
    return api->xCreateFunction(api, "memscope_bm25", nullptr, bm25WithIdf, nullptr) == SQLITE_OK;
}

} // namespace memscope
