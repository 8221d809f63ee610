#include "search/FtsQuery.h"

#include "storage/Connection.h"
#include "util/Error.h"

#include <sqlite3.h>

#include <algorithm>
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

std::vector<FtsTerm> FtsQuery::terms(Connection& connection, const std::string& text)
{
    std::vector<FtsTerm> out;
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
    TokenizeContext ctx{&text, &out, {}};
    tokenizer.xTokenize(instance, &ctx, FTS5_TOKENIZE_QUERY, text.data(), static_cast<int>(text.size()),
                        collectToken);
    tokenizer.xDelete(instance);

    auto& st = connection.cached("SELECT doc FROM memories_vocab WHERE term = ?1");
    for (auto& term : out) {
        st.reset();
        st.bind(1, term.stem);
        term.documents = st.step() ? st.int64(0) : 0;
    }
    st.reset();
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
