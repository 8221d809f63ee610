#pragma once

#include <string>
#include <vector>

namespace memscope {

class Connection;

// A free-text query as the full-text index sees it: run through FTS5's own tokenizer (porter, unicode61),
// so each term's stem is exactly what the index stores and its document frequency can be looked up.
struct FtsTerm {
    std::string surface; // the word as typed, quoted into the MATCH expression
    std::string stem;    // the token the index stores
    std::int64_t documents = 0;
};

class FtsQuery {
public:
    // Unique terms of `text` in order of appearance, with the documents holding each: counted exactly up to
    // 2,000, estimated beyond that from the word's density among the newest 2,000 that hold it.
    static std::vector<FtsTerm> terms(Connection& connection, const std::string& text);
    // "a" OR "b" OR ...: every term quoted, so no query text is ever parsed as FTS5 syntax.
    static std::string matchExpression(const std::vector<FtsTerm>& terms);
};

} // namespace memscope
