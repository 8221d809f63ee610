#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace memscope {

// Splits free text into lower-case words the way the full-text index does (SQLite FTS5 `unicode61
// remove_diacritics 2`): letters and digits make words, everything else separates them; ASCII, Latin-1,
// Latin Extended-A, Greek and Cyrillic are case-folded, and Latin letters lose their diacritics ("Café"
// -> "cafe"). Other scripts are kept as they are (a run of CJK characters is one word). Apostrophes
// separate, as in FTS5: "Caroline's" -> "caroline", "s". Invalid UTF-8 bytes separate too.
//
// Shared by the built-in embedder and the search engine (ftsOrQuery), so both see the same words.
// Stateless and thread-safe.
class TextTokenizer {
public:
    // The words of a text, in order, without allocating per word: word i is
    // chars.substr(spans[i].offset, spans[i].length).
    struct Words {
        struct Span {
            std::uint32_t offset;
            std::uint32_t length;
        };
        std::string chars;
        std::vector<Span> spans;

        std::size_t size() const { return spans.size(); }
        std::string_view operator[](std::size_t i) const
        {
            return std::string_view(chars).substr(spans[i].offset, spans[i].length);
        }
        void clear()
        {
            chars.clear();
            spans.clear();
        }
    };

    // Fills `out` (clearing it first, keeping its capacity) with the words of `text`. Words longer than
    // maxWordBytes are cut at a character boundary (an embedded base64 blob must not cost more than a word).
    static void split(std::string_view text, Words& out, std::size_t maxWordBytes = 64);
    static std::vector<std::string> words(std::string_view text);

    // A small, general English stop-word list (articles, pronouns, auxiliaries, prepositions, conjunctions,
    // question words and the pieces contractions split into: "s", "t", "ll", "don"...). `word` is
    // lower-case, as split() returns it.
    static bool isStopWord(std::string_view word);
    // isStopWord() for word i of a split text, which also knows the contraction "won't" -> "won", "t" (so
    // "won" is a stop word there, and the past of "win" elsewhere).
    static bool isStopWordAt(const Words& words, std::size_t i);

    struct FtsQueryOptions {
        bool dropStopWords = true;   // leave stop words out (all kept when the query has nothing else)
        bool irregularForms = true;  // "go" adds "went", "gone", "goes"; "went" adds "go" (ConceptLexicon)
        bool adjacentPhrases = true; // each pair of adjacent content words also as a phrase: "support group"
    };

    // A safe FTS5 MATCH expression for a free-text query: each distinct word as a quoted string, joined by
    // OR, plus (by default) the irregular forms of each word and each pair of adjacent content words as a
    // phrase, which BM25 then scores as one more term (a cheap proximity bonus):
    //   "When did Caroline go to the LGBTQ support group?" ->
    //   "caroline" OR "go" OR "went" OR "gone" OR "goes" OR "lgbtq" OR "support" OR "group" OR "caroline go" OR
    //   "lgbtq support" OR "support group"
    // When every word is a stop word they are all kept, so a query with words never yields an empty
    // expression; a query with no word at all (empty, punctuation only) yields "". FTS5 applies its own
    // tokenizer (and porter stemming) to each quoted string, so the terms match the index exactly, and FTS5
    // syntax in the input (AND, NEAR, *, :, ^, quotes, parentheses) is neutralised.
    static std::string ftsOrQuery(std::string_view text);
    static std::string ftsOrQuery(std::string_view text, const FtsQueryOptions& options);
};

} // namespace memscope
