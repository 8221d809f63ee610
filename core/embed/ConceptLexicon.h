#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace memscope {

// A small built-in English lexicon that gives the hashing embedder a little meaning beyond spelling:
//
// - lemma(): irregular inflections to their dictionary form ("went" -> "go", "children" -> "child",
//   "bought" -> "buy"), which no suffix stripper can find;
// - concepts(): membership of a word (by its Porter stem) in hand-written groups of words about one
//   everyday or software-engineering topic ("pet dog cat puppy kitten ...", "error exception failure
//   crash ...", "database db sql postgres ..."), so "pets" meets "cat" and "postgres" meets "database".
//
// The groups are general English written from common knowledge, not taken from any evaluation set; they
// are deliberately narrow (a group is a topic a person would search by, not a broad category such as
// "emotion"), and very ambiguous words (play, run, class, table...) are left out or kept to their most
// common sense. Changing the lists changes vectors: bump the embedder's id version.
//
// Built once (builtin()), immutable afterwards, thread-safe.
class ConceptLexicon {
public:
    static const ConceptLexicon& builtin();

    // The dictionary form of an irregular word, or `word` itself.
    std::string_view lemma(std::string_view word) const;

    // The irregular forms whose lemma is `lemma` ("go" -> "went", "gone"), for expanding keyword queries.
    const std::vector<std::string>& irregularForms(std::string_view lemma) const;

    // The ids of the groups a Porter stem belongs to (empty for most words). Ids are stable for a given
    // version of the lists.
    const std::vector<std::uint32_t>& concepts(std::string_view stem) const;

    std::size_t groupCount() const { return m_groupCount; }

private:
    ConceptLexicon();

    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept;
    };
    struct Equal {
        using is_transparent = void;
        bool operator()(std::string_view a, std::string_view b) const noexcept { return a == b; }
    };

    std::unordered_map<std::string, std::string, Hash, Equal> m_lemmas;
    std::unordered_map<std::string, std::vector<std::string>, Hash, Equal> m_forms;
    std::unordered_map<std::string, std::vector<std::uint32_t>, Hash, Equal> m_concepts;
    std::size_t m_groupCount = 0;
};

} // namespace memscope
