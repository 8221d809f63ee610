#include "embed/HashingEmbedder.h"

#include "embed/ConceptLexicon.h"
#include "embed/PorterStemmer.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace memscope {

namespace {

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

// murmur3's 64-bit finaliser: spreads FNV's weak low bits over the whole word.
constexpr std::uint64_t mix64(std::uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

std::uint64_t hashBytes(std::string_view bytes, std::uint64_t seed)
{
    std::uint64_t h = kFnvOffset ^ seed;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= kFnvPrime;
    }
    return mix64(h);
}

// One seed per feature family, so a word, a concept and an n-gram with the same bytes never collide by
// construction.
constexpr std::uint64_t kWordSeed = 0x9e3779b97f4a7c15ULL;
constexpr std::uint64_t kConceptSeed = 0xbf58476d1ce4e5b9ULL;
constexpr std::uint64_t kCharSeed = 0x94d049bb133111ebULL;
constexpr std::uint64_t kEmptyKey = 0x2545f4914f6cdd1dULL;

// 1 + ln(tf) for tf = 1..32, as literals so vectors do not depend on the platform's libm; counts beyond
// 32 saturate (a word repeated 33 times is not worth more than one repeated 32 times).
constexpr float kDampedCount[] = {
    1.000000000f, 1.693147181f, 2.098612289f, 2.386294361f, 2.609437912f, 2.791759469f, 2.945910149f, 3.079441542f,
    3.197224577f, 3.302585093f, 3.397895273f, 3.484906650f, 3.564949357f, 3.639057330f, 3.708050201f, 3.772588722f,
    3.833213344f, 3.890371758f, 3.944438979f, 3.995732274f, 4.044522438f, 4.091042453f, 4.135494216f, 4.178053830f,
    4.218875825f, 4.258096538f, 4.295836866f, 4.332204510f, 4.367295830f, 4.401197382f, 4.433987204f, 4.465735903f,
};
constexpr std::size_t kMaxCount = sizeof kDampedCount / sizeof kDampedCount[0];

std::string formatWeight(float value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", static_cast<double>(value));
    return buffer;
}

} // namespace

HashingEmbedder::HashingEmbedder()
    : HashingEmbedder(Config{})
{
}

HashingEmbedder::HashingEmbedder(Config config)
    : m_config(config)
{
    const Config& c = m_config;
    if (c.dimension < 8 || c.dimension > 4096)
        throw Error(Error::Kind::InvalidArgument,
                    "HashingEmbedder: dimension must be 8..4096, not " + std::to_string(c.dimension));
    const auto valid = [](float w) { return std::isfinite(w) && w >= 0.0f; };
    if (!valid(c.wordWeight) || !valid(c.conceptWeight) || !valid(c.stopWordWeight) || !valid(c.charWeight))
        throw Error(Error::Kind::InvalidArgument, "HashingEmbedder: feature weights must be finite and >= 0");
    if (c.charWeight > 0 && (c.charMin < 1 || c.charMax < c.charMin || c.charMax > 16))
        throw Error(Error::Kind::InvalidArgument, "HashingEmbedder: character n-gram lengths must satisfy "
                                                  "1 <= charMin <= charMax <= 16");
}

std::string HashingEmbedder::id() const
{
    const Config& c = m_config;
    const Config d;
    std::string id = "builtin:hash-ngram-v1:" + std::to_string(c.dimension);
    if (c.wordWeight != d.wordWeight || c.conceptWeight != d.conceptWeight || c.stopWordWeight != d.stopWordWeight ||
        c.charWeight != d.charWeight) {
        id += ":w" + formatWeight(c.wordWeight) + ":c" + formatWeight(c.conceptWeight) + ":s" +
              formatWeight(c.stopWordWeight);
        if (c.charWeight > 0)
            id += ":n" + formatWeight(c.charWeight) + "/" + std::to_string(c.charMin) + "-" + std::to_string(c.charMax);
    }
    return id;
}

std::vector<std::vector<float>> HashingEmbedder::embed(const std::vector<std::string>& texts,
                                                       const std::atomic_bool* cancel)
{
    std::vector<std::vector<float>> result(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (cancel && (i % 64) == 0 && cancel->load(std::memory_order_relaxed))
            throw Error(Error::Kind::Cancelled, "embedding cancelled");
        embedOne(texts[i], result[i]);
    }
    return result;
}

HashingEmbedder::Scratch& HashingEmbedder::threadScratch()
{
    thread_local Scratch scratch;
    return scratch;
}

void HashingEmbedder::addCharNgrams(std::string_view word, Scratch& s) const
{
    const Config& c = m_config;
    s.marked.clear();
    s.marked.push_back('\x01'); // word-boundary marks: "<po" (a prefix) differs from "po" inside a word
    s.marked.append(word);
    s.marked.push_back('\x02');
    s.cpOffsets.clear();
    for (std::size_t b = 0; b < s.marked.size(); ++b)
        if ((static_cast<unsigned char>(s.marked[b]) & 0xC0) != 0x80)
            s.cpOffsets.push_back(static_cast<std::uint32_t>(b));
    const std::size_t characters = s.cpOffsets.size();
    s.cpOffsets.push_back(static_cast<std::uint32_t>(s.marked.size()));
    const auto minLength = static_cast<std::size_t>(c.charMin);
    const auto maxLength = static_cast<std::size_t>(c.charMax);
    for (std::size_t length = minLength; length <= maxLength && length <= characters; ++length)
        for (std::size_t start = 0; start + length <= characters; ++start) {
            const std::uint32_t from = s.cpOffsets[start];
            const std::uint32_t to = s.cpOffsets[start + length];
            s.features.push_back(
                {hashBytes(std::string_view(s.marked).substr(from, to - from), kCharSeed), c.charWeight});
        }
}

void HashingEmbedder::embedOne(std::string_view text, std::vector<float>& out) const
{
    Scratch& s = threadScratch();
    const Config& c = m_config;
    const auto dim = static_cast<std::size_t>(c.dimension);
    const ConceptLexicon& lexicon = ConceptLexicon::builtin();

    TextTokenizer::split(text, s.words);
    const std::size_t n = s.words.size();
    if (s.stems.size() < n)
        s.stems.resize(n);
    s.stop.assign(n, 0);
    s.features.clear();

    for (std::size_t i = 0; i < n; ++i) {
        const std::string_view word = s.words[i];
        const bool stop = TextTokenizer::isStopWordAt(s.words, i);
        s.stop[i] = stop ? 1 : 0;
        PorterStemmer::stem(lexicon.lemma(word), s.stems[i]);
        const float weight = c.wordWeight * (stop ? c.stopWordWeight : 1.0f);
        if (weight > 0)
            s.features.push_back({hashBytes(s.stems[i], kWordSeed), weight});
        if (stop)
            continue;
        if (c.conceptWeight > 0) {
            const auto& groups = lexicon.concepts(s.stems[i]);
            if (!groups.empty()) {
                const float share = c.conceptWeight / std::sqrt(static_cast<float>(groups.size()));
                for (const std::uint32_t group : groups)
                    s.features.push_back({mix64(kConceptSeed + group), share});
            }
        }
        if (c.charWeight > 0)
            addCharNgrams(word, s);
    }
    if (s.features.empty())
        s.features.push_back({kEmptyKey, 1.0f});

    // Merge repeated features: the mean weight times a damped count (1 + ln tf). Sorting by weight too
    // fixes the summation order, so the float result is the same with every standard library.
    std::sort(s.features.begin(), s.features.end(),
              [](const Feature& a, const Feature& b) { return a.key != b.key ? a.key < b.key : a.weight < b.weight; });
    out.assign(dim, 0.0f);
    for (std::size_t i = 0; i < s.features.size();) {
        std::size_t j = i;
        float sum = 0;
        while (j < s.features.size() && s.features[j].key == s.features[i].key) {
            sum += s.features[j].weight;
            ++j;
        }
        const std::size_t tf = j - i;
        const float value = (sum / static_cast<float>(tf)) * kDampedCount[std::min(tf, kMaxCount) - 1];
        const std::uint64_t key = s.features[i].key;
        out[static_cast<std::size_t>((key >> 1) % dim)] += (key & 1) ? value : -value;
        i = j;
    }

    double norm = 0;
    for (const float v : out)
        norm += static_cast<double>(v) * v;
    if (norm <= 0) { // features of equal weight and opposite sign cancelled in their buckets: rare, still defined
        out[static_cast<std::size_t>((kEmptyKey >> 1) % dim)] = 1.0f;
        return;
    }
    const auto scale = static_cast<float>(1.0 / std::sqrt(norm));
    for (float& v : out)
        v *= scale;
}

} // namespace memscope
