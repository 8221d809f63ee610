#include "search/FtsQuery.h"

#include "embed/TextTokenizer.h"
#include "storage/Connection.h"
#include "util/Error.h"

#include <sqlite3.h>

#include <algorithm>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace memscope {

namespace {

fts5_api* ftsApi(sqlite3* db)
{
    fts5_api* api = nullptr;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK)
        return nullptr;
    sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return api;
}

struct TokenizeContext {
    const std::string* text;
    std::vector<FtsTerm>* out;
    std::unordered_set<std::string> seen;
};

int collectToken(void* ctx, int flags, const char* token, int tokenBytes, int start, int end)
{
    if (flags & FTS5_TOKEN_COLOCATED)
        return SQLITE_OK;
    auto* c = static_cast<TokenizeContext*>(ctx);
    std::string stem(token, static_cast<std::size_t>(tokenBytes));
    if (!c->seen.insert(stem).second)
        return SQLITE_OK;
    FtsTerm term;
    term.surface = c->text->substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
    term.stem = std::move(stem);
    c->out->push_back(std::move(term));
    return SQLITE_OK;
}

} // namespace

namespace {

// Document frequencies by stem, shared by the searches of a process. Counting a word's documents walks its
// postings, and the counts change slowly: an entry is reused until the store has grown by more than 5%
// since it was counted.
class DocumentFrequencyCache {
public:
    static DocumentFrequencyCache& instance()
    {
        static DocumentFrequencyCache cache;
        return cache;
    }
    std::optional<std::int64_t> find(const std::string& db, const std::string& stem, std::int64_t size)
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_entries.find(db + '\n' + stem);
        if (it == m_entries.end() || size > it->second.size + it->second.size / 20 + 100 || size < it->second.size)
            return std::nullopt;
        return it->second.documents;
    }
    void store(const std::string& db, const std::string& stem, std::int64_t size, std::int64_t documents)
    {
        std::lock_guard lock(m_mutex);
        if (m_entries.size() > 200000)
            m_entries.clear();
        m_entries[db + '\n' + stem] = {size, documents};
    }

private:
    struct Entry {
        std::int64_t size;
        std::int64_t documents;
    };
    std::mutex m_mutex;
    std::unordered_map<std::string, Entry> m_entries;
};

// Words in up to this many documents are counted exactly.
constexpr std::int64_t kExactDocuments = 2000;

// The quoted items of an expression from TextTokenizer::ftsOrQuery: "a" OR "b" OR "c d" -> a, b, c d.
std::vector<std::string> splitOrQuery(const std::string& expression)
{
    std::vector<std::string> items;
    std::string current;
    bool inQuote = false;
    for (std::size_t i = 0; i < expression.size(); ++i) {
        const char c = expression[i];
        if (!inQuote) {
            if (c == '"') {
                inQuote = true;
                current.clear();
            }
            continue;
        }
        if (c == '"') {
            if (i + 1 < expression.size() && expression[i + 1] == '"') {
                current += '"';
                ++i;
            } else {
                inQuote = false;
                items.push_back(current);
            }
        } else {
            current += c;
        }
    }
    return items;
}

} // namespace

std::vector<FtsTerm> FtsQuery::terms(Connection& connection, const std::string& text)
{
    fts5_api* api = ftsApi(connection.handle());
    if (!api)
        throw Error(Error::Kind::Internal, connection.path() + ": SQLite was built without FTS5");
    void* userData = nullptr;
    fts5_tokenizer tokenizer{};
    if (api->xFindTokenizer(api, "porter", &userData, &tokenizer) != SQLITE_OK)
        throw Error(Error::Kind::Internal, connection.path() + ": the FTS5 porter tokenizer is missing");
    // Must match the tokenize= option of memories_fts in Schema.cpp.
    const char* args[] = {"unicode61", "remove_diacritics", "2"};
    Fts5Tokenizer* instance = nullptr;
    if (tokenizer.xCreate(userData, args, 3, &instance) != SQLITE_OK)
        throw Error(Error::Kind::Internal, connection.path() + ": cannot create the FTS5 tokenizer");

    // The query items (content words, their irregular forms, adjacent pairs as phrases) come from the
    // tokenizer the embedder shares; each item's document count is that of its rarest stem.
    std::vector<FtsTerm> out;
    // Newest first, at most kExactDocuments: a count of every posting costs ~65 ns each, 10 ms for a word in
    // 15% of a million records, paid by the first query that uses it.
    auto& walk = connection.cached("SELECT count(*), min(rowid) FROM (SELECT rowid FROM memories_fts WHERE "
                                   "memories_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2)");
    auto& maxRid = connection.cached("SELECT coalesce(max(rid), 0) FROM memories");
    maxRid.step();
    const std::int64_t size = maxRid.int64(0);
    maxRid.reset();
    auto documentsOf = [&](const FtsTerm& word) {
        if (auto cached = DocumentFrequencyCache::instance().find(connection.path(), word.stem, size))
            return *cached;
        walk.reset();
        walk.bind(1, matchExpression({word})).bind(2, kExactDocuments);
        std::int64_t df = 0;
        if (walk.step()) {
            df = walk.int64(0);
            // A word in more documents is counted by its density among the newest: the keyword ranking walks
            // the newest postings of such a word, and its idf is small and changes slowly with df.
            if (df >= kExactDocuments && size > 0) {
                const double span = static_cast<double>(size - walk.int64(1) + 1);
                df = std::min<std::int64_t>(size,
                                            static_cast<std::int64_t>(static_cast<double>(kExactDocuments) *
                                                                      static_cast<double>(size) / std::max(1.0, span)));
            }
        }
        walk.reset();
        DocumentFrequencyCache::instance().store(connection.path(), word.stem, size, df);
        return df;
    };
    for (const auto& item : splitOrQuery(TextTokenizer::ftsOrQuery(text))) {
        std::vector<FtsTerm> stems;
        TokenizeContext ctx{&item, &stems, {}};
        tokenizer.xTokenize(instance, &ctx, FTS5_TOKENIZE_QUERY, item.data(), static_cast<int>(item.size()),
                            collectToken);
        if (stems.empty())
            continue;
        FtsTerm term;
        term.surface = item;
        term.documents = -1;
        for (const auto& stem : stems) {
            const std::int64_t df = documentsOf(stem);
            term.documents = term.documents < 0 ? df : std::min(term.documents, df);
            term.stem += (term.stem.empty() ? "" : " ") + stem.stem;
        }
        out.push_back(std::move(term));
    }
    tokenizer.xDelete(instance);
    return out;
}

std::string FtsQuery::matchExpression(const std::vector<FtsTerm>& terms)
{
    std::string expr;
    for (const auto& term : terms) {
        if (!expr.empty())
            expr += " OR ";
        expr += '"';
        for (char c : term.surface) {
            if (c == '"')
                expr += '"';
            expr += c;
        }
        expr += '"';
    }
    return expr;
}

} // namespace memscope
