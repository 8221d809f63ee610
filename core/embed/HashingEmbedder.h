#pragma once

#include "embed/Embedder.h"
#include "embed/TextTokenizer.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace memscope {

// The built-in, offline embedder: the default for every user, no model download, ~100k short texts per
// second on one core. It is a feature-hashing bag of words with a little built-in English knowledge:
//
// - words: TextTokenizer's words (FTS5-compatible splitting, case and diacritic folding), irregular forms
//   mapped to their lemma ("went" -> "go", "children" -> "child", ConceptLexicon) and Porter-stemmed
//   ("connecting", "connection" -> "connect"), the same stemmer the full-text index uses;
// - stop words (TextTokenizer::isStopWord) keep a small weight (stopWordWeight) instead of none, so a text
//   made of them still has a meaningful vector, without letting "the" and "did" decide similarity;
// - concepts: every content word that belongs to a ConceptLexicon topic group adds that group's feature,
//   so "pets" meets "cat", "postgres" meets "database", "crash" meets "exception"; a word in several
//   groups splits its weight (1/sqrt(groups));
// - optional character n-grams (charWeight, off by default) of each content word with boundary marks,
//   for typos and compounds;
// - sublinear term frequency: a feature seen tf times counts (1 + ln tf), so one repeated word cannot
//   dominate a long text;
// - signed feature hashing into `dimension` buckets with a stable 64-bit hash (FNV-1a + murmur3
//   finaliser; never std::hash), then L2 normalisation: vectors compare by dot product = cosine.
//
// Why this recipe (measured on locomo-dev, see docs/RETRIEVAL.md): an embedder that sees one text at a
// time cannot know corpus statistics (IDF), so alone it trails BM25; what it adds next to BM25 in a hybrid
// search is what BM25 cannot do: irregular forms and topic groups. Word bigrams and character n-grams were
// measured as neutral-to-harmful at dimension <= 384 (their many features raise hash-collision noise
// more than they add signal), hence bigrams are not offered and n-grams are off by default.
//
// Properties: deterministic across runs, machines and compilers (no std::hash, no floating-point
// reductions whose order varies); every vector has unit norm (a text without any word embeds as one
// fixed "empty" feature); linear in the input length (words are capped at 64 bytes). Thread-safe: the
// scratch buffers reused between calls are per thread, so store connections on several threads can share
// one instance.
class HashingEmbedder : public Embedder {
public:
    struct Config {
        int dimension = 256;         // 8..4096; the HNSW index keeps ~dimension bytes per record
        float wordWeight = 1.0f;     // lemmatised, stemmed words
        float conceptWeight = 1.0f;  // ConceptLexicon topic groups of content words
        float stopWordWeight = 0.1f; // multiplies wordWeight for stop words
        float charWeight = 0.0f;     // character n-grams of content words (0 = off)
        int charMin = 3;             // n-gram lengths, in characters, boundary marks included
        int charMax = 5;
    };

    HashingEmbedder();
    // Throws Error(InvalidArgument) for a dimension outside 8..4096, negative weights or bad n-gram bounds.
    explicit HashingEmbedder(Config config);

    // "builtin:hash-ngram-v1:<dim>" for the default weights; other weights are appended
    // ("builtin:hash-ngram-v1:256:w1:c0.5:s0.1:n0.2/3-5") because they change the vectors.
    std::string id() const override;
    int dimension() const override { return m_config.dimension; }
    std::vector<std::vector<float>> embed(const std::vector<std::string>& texts,
                                          const std::atomic_bool* cancel = nullptr) override;
    int preferredBatchSize() const override { return 256; }

    // One text into `out` (resized to dimension()): the allocation-free form for bulk indexing.
    void embedOne(std::string_view text, std::vector<float>& out) const;

    const Config& config() const { return m_config; }

private:
    struct Feature {
        std::uint64_t key;
        float weight;
    };

    // Buffers reused between calls on one thread (thread_local: no allocation per text, no sharing).
    struct Scratch {
        TextTokenizer::Words words;
        std::vector<std::string> stems;
        std::vector<unsigned char> stop;
        std::vector<Feature> features;
        std::vector<std::uint32_t> cpOffsets;
        std::string marked;
    };
    static Scratch& threadScratch();

    void addCharNgrams(std::string_view word, Scratch& s) const;

    Config m_config;
};

} // namespace memscope
