#include "embed/TextTokenizer.h"

#include "embed/ConceptLexicon.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>

namespace memscope {

namespace {

// Base letters of U+0100..U+017F (Latin Extended-A), both cases: "Ā ā Ă ă Ą ą Ć ..." -> "aaaaaac...".
constexpr std::string_view kLatinExtendedA = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllllllln"
                                             "nnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kLatinExtendedA.size() == 0x80);

// Base letters of U+00C0..U+00FF; '*' marks letters kept as they are (æ, ð, þ, ß), '-' the two signs
// (× and ÷) that separate words. Upper and lower case rows are identical.
constexpr std::string_view kLatin1 = "aaaaaa*ceeeeiiii*nooooo-ouuuuy**"
                                     "aaaaaa*ceeeeiiii*nooooo-ouuuuy*y";
static_assert(kLatin1.size() == 0x40);

// Decodes one UTF-8 sequence at text[i]; returns the code point and advances i, or returns -1 (and
// advances by one byte) for an invalid sequence.
long decode(std::string_view text, std::size_t& i)
{
    const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        ++i;
        return lead;
    }
    int extra = 0;
    long cp = 0;
    long minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        extra = 1;
        cp = lead & 0x1F;
        minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        extra = 2;
        cp = lead & 0x0F;
        minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        extra = 3;
        cp = lead & 0x07;
        minimum = 0x10000;
    } else {
        ++i;
        return -1;
    }
    if (i + static_cast<std::size_t>(extra) >= text.size()) {
        ++i;
        return -1;
    }
    for (int n = 1; n <= extra; ++n) {
        const unsigned char next = byte(i + static_cast<std::size_t>(n));
        if ((next & 0xC0) != 0x80) {
            ++i;
            return -1;
        }
        cp = (cp << 6) | (next & 0x3F);
    }
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return -1;
    }
    i += static_cast<std::size_t>(extra) + 1;
    return cp;
}

void appendUtf8(std::string& out, long cp)
{
    const auto put = [&](long v) { out.push_back(static_cast<char>(static_cast<unsigned char>(v))); };
    if (cp < 0x80) {
        put(cp);
    } else if (cp < 0x800) {
        put(0xC0 | (cp >> 6));
        put(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        put(0xE0 | (cp >> 12));
        put(0x80 | ((cp >> 6) & 0x3F));
        put(0x80 | (cp & 0x3F));
    } else {
        put(0xF0 | (cp >> 18));
        put(0x80 | ((cp >> 12) & 0x3F));
        put(0x80 | ((cp >> 6) & 0x3F));
        put(0x80 | (cp & 0x3F));
    }
}

enum class CharClass { Separator, Mark, Letter };

// What a non-ASCII code point is to the word splitter, and its folded form for letters.
CharClass classify(long cp, long& folded)
{
    folded = cp;
    if (cp < 0xC0) // Latin-1 signs and punctuation (ª, µ, º count as letters)
        return (cp == 0xAA || cp == 0xB5 || cp == 0xBA) ? CharClass::Letter : CharClass::Separator;
    if (cp < 0x100) {
        const char base = kLatin1[static_cast<std::size_t>(cp - 0xC0)];
        if (base == '-')
            return CharClass::Separator;
        if (base == '*')
            folded = (cp < 0xE0 && cp != 0xDF) ? cp + 0x20 : cp; // Æ -> æ, Ð -> ð, Þ -> þ; ß stays
        else
            folded = base;
        return CharClass::Letter;
    }
    if (cp < 0x180) {
        folded = kLatinExtendedA[static_cast<std::size_t>(cp - 0x100)];
        return CharClass::Letter;
    }
    if ((cp >= 0x300 && cp <= 0x36F) || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
        (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF))
        return CharClass::Mark; // combining diacritics: dropped, the word goes on
    if (cp >= 0x391 && cp <= 0x3A9) {
        folded = cp + 0x20;
        return CharClass::Letter;
    }
    if (cp >= 0x410 && cp <= 0x42F) {
        folded = cp + 0x20;
        return CharClass::Letter;
    }
    if (cp >= 0x400 && cp <= 0x40F) {
        folded = cp + 0x50;
        return CharClass::Letter;
    }
    if ((cp >= 0x2000 && cp <= 0x2BFF) || // general punctuation, currency, arrows, math, shapes, dingbats
        (cp >= 0x2E00 && cp <= 0x2E7F) || // supplemental punctuation
        (cp >= 0x3000 && cp <= 0x303F) || // CJK punctuation
        (cp >= 0xFE30 && cp <= 0xFE6F) || // CJK compatibility forms, small forms
        (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
        (cp >= 0xFF5B && cp <= 0xFF65) ||   // full-width punctuation
        (cp >= 0xFFF0 && cp <= 0xFFFF) ||   // specials (replacement character)
        (cp >= 0x1F000 && cp <= 0x1FAFF) || // emoji and pictographs
        (cp >= 0xE0000))                    // tags, private use planes
        return CharClass::Separator;
    return CharClass::Letter;
}

// Cuts a word that grew past maxBytes back to its last whole character.
void capWord(std::string& chars, std::size_t start, std::size_t maxBytes)
{
    if (chars.size() - start <= maxBytes)
        return;
    std::size_t end = start + maxBytes;
    while (end > start && (static_cast<unsigned char>(chars[end]) & 0xC0) == 0x80)
        --end;
    chars.resize(end);
}

// Articles, pronouns, auxiliaries and modals, prepositions, conjunctions, question words, a few adverbs
// of degree and time, and the pieces contractions split into ("don't" -> "don", "t"). General English;
// nothing here comes from any evaluation set.
constexpr std::array kStopWords = {
    "a",          "about",   "above",    "after",      "again",   "against",   "ain",      "all",     "also",
    "am",         "an",      "and",      "any",        "are",     "aren",      "as",       "at",      "be",
    "because",    "been",    "before",   "being",      "below",   "between",   "both",     "but",     "by",
    "can",        "cannot",  "could",    "couldn",     "d",       "did",       "didn",     "do",      "does",
    "doesn",      "doing",   "don",      "down",       "during",  "each",      "either",   "else",    "ever",
    "every",      "few",     "for",      "from",       "further", "had",       "hadn",     "has",     "hasn",
    "have",       "haven",   "having",   "he",         "her",     "here",      "hers",     "herself", "him",
    "himself",    "his",     "how",      "however",    "i",       "if",        "in",       "into",    "is",
    "isn",        "it",      "its",      "itself",     "just",    "ll",        "m",        "may",     "me",
    "might",      "mightn",  "more",     "most",       "must",    "mustn",     "my",       "myself",  "neither",
    "no",         "nor",     "not",      "now",        "o",       "of",        "off",      "on",      "once",
    "only",       "or",      "other",    "our",        "ours",    "ourselves", "out",      "over",    "own",
    "re",         "s",       "same",     "shall",      "shan",    "she",       "should",   "shouldn", "so",
    "some",       "such",    "t",        "than",       "that",    "the",       "their",    "theirs",  "them",
    "themselves", "then",    "there",    "these",      "they",    "this",      "those",    "through", "thus",
    "to",         "too",     "under",    "until",      "up",      "upon",      "us",       "ve",      "very",
    "was",        "wasn",    "we",       "were",       "weren",   "what",      "whatever", "when",    "whenever",
    "where",      "whether", "which",    "while",      "who",     "whoever",   "whom",     "whose",   "why",
    "will",       "with",    "within",   "without",    "would",   "wouldn",    "y",        "yet",     "you",
    "your",       "yours",   "yourself", "yourselves",
};

const std::unordered_set<std::string_view>& stopWordSet()
{
    static const std::unordered_set<std::string_view> set(kStopWords.begin(), kStopWords.end());
    return set;
}

} // namespace

void TextTokenizer::split(std::string_view text, Words& out, std::size_t maxWordBytes)
{
    out.clear();
    if (maxWordBytes == 0)
        maxWordBytes = 1;
    std::size_t start = 0;
    bool inWord = false;
    const auto endWord = [&] {
        if (!inWord)
            return;
        inWord = false;
        capWord(out.chars, start, maxWordBytes);
        if (out.chars.size() > start)
            out.spans.push_back(
                {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(out.chars.size() - start)});
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (static_cast<unsigned char>(c) < 0x80) { // the fast path: ASCII
            ++i;
            const bool lower = c >= 'a' && c <= 'z';
            const bool upper = c >= 'A' && c <= 'Z';
            const bool digit = c >= '0' && c <= '9';
            if (!(lower || upper || digit)) {
                endWord();
                continue;
            }
            if (!inWord) {
                inWord = true;
                start = out.chars.size();
            }
            if (out.chars.size() - start <= maxWordBytes)
                out.chars.push_back(upper ? static_cast<char>(c - 'A' + 'a') : c);
            continue;
        }
        const long cp = decode(text, i);
        long folded = 0;
        const CharClass kind = cp < 0 ? CharClass::Separator : classify(cp, folded);
        if (kind == CharClass::Separator) {
            endWord();
            continue;
        }
        if (kind == CharClass::Mark)
            continue;
        if (!inWord) {
            inWord = true;
            start = out.chars.size();
        }
        if (out.chars.size() - start <= maxWordBytes)
            appendUtf8(out.chars, folded);
    }
    endWord();
}

std::vector<std::string> TextTokenizer::words(std::string_view text)
{
    Words words;
    split(text, words);
    std::vector<std::string> result;
    result.reserve(words.size());
    for (std::size_t i = 0; i < words.size(); ++i)
        result.emplace_back(words[i]);
    return result;
}

bool TextTokenizer::isStopWord(std::string_view word) { return stopWordSet().count(word) != 0; }

bool TextTokenizer::isStopWordAt(const Words& words, std::size_t i)
{
    const std::string_view word = words[i];
    if (word == "won")
        return i + 1 < words.size() && words[i + 1] == "t";
    return isStopWord(word);
}

std::string TextTokenizer::ftsOrQuery(std::string_view text) { return ftsOrQuery(text, FtsQueryOptions{}); }

std::string TextTokenizer::ftsOrQuery(std::string_view text, const FtsQueryOptions& options)
{
    Words words;
    split(text, words, 256);
    std::vector<std::string> terms;
    const auto add = [&terms](std::string term) {
        if (std::find(terms.begin(), terms.end(), term) == terms.end())
            terms.push_back(std::move(term));
    };
    const ConceptLexicon& lexicon = ConceptLexicon::builtin();
    const auto keep = [&](std::size_t i) { return !options.dropStopWords || !isStopWordAt(words, i); };
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!keep(i))
            continue;
        const std::string_view word = words[i];
        add(std::string(word));
        if (options.irregularForms) {
            const std::string_view lemma = lexicon.lemma(word);
            if (lemma != word)
                add(std::string(lemma));
            for (const std::string& form : lexicon.irregularForms(lemma))
                add(form);
        }
    }
    if (terms.empty()) // only stop words: keep them all
        for (std::size_t i = 0; i < words.size(); ++i)
            add(std::string(words[i]));
    if (options.adjacentPhrases)
        for (std::size_t i = 0; i + 1 < words.size(); ++i)
            if (keep(i) && keep(i + 1) && words[i] != words[i + 1])
                add(std::string(words[i]) + ' ' + std::string(words[i + 1]));

    std::string query;
    for (const std::string& term : terms) {
        if (!query.empty())
            query += " OR ";
        query += '"';
        for (const char c : term) { // words never hold quotes; doubled anyway should that ever change
            query += c;
            if (c == '"')
                query += '"';
        }
        query += '"';
    }
    return query;
}

} // namespace memscope
