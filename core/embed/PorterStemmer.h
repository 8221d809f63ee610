#pragma once

#include <string>
#include <string_view>

namespace memscope {

// The original Porter (1980) suffix stripper, the same algorithm SQLite's FTS5 `porter` tokenizer applies,
// so the built-in embedder and the full-text index agree on word families ("connecting", "connected",
// "connection" -> "connect"). Input is one lower-case word; words that are not plain ASCII letters, and
// words of one or two letters, come back unchanged. Stateless and thread-safe.
class PorterStemmer {
public:
    static std::string stem(std::string_view word);

    // Stems in place into `out` (reusing its capacity): the allocation-free form for hot loops.
    static void stem(std::string_view word, std::string& out);
};

} // namespace memscope
