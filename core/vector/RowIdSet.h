#pragma once

#include <cstdint>
#include <vector>

namespace memscope {

// A set of record rowids, such as a filter's matches, for O(1) membership tests in hot loops (the filtered
// graph walk, the keyword ranking). Rowids are dense from 1, so it is a bitmap: 125 KB per million rowids,
// cheaper to build and probe than a hash set. Rowids far beyond the count (a sparse set) are kept sorted and
// searched instead, so a stray huge rowid cannot blow the bitmap up.
class RowIdSet {
public:
    RowIdSet() = default;
    explicit RowIdSet(const std::vector<std::int64_t>& rowIds);

    bool contains(std::int64_t rowId) const
    {
        if (!m_sparse.empty() || m_words.empty())
            return containsSparse(rowId);
        const auto u = static_cast<std::uint64_t>(rowId);
        return (u >> 6) < m_words.size() && ((m_words[u >> 6] >> (u & 63)) & 1u);
    }
    std::size_t size() const { return m_count; }
    bool empty() const { return m_count == 0; }

    // Calls f(rowId) for every member, in ascending order.
    template <typename F> void forEach(F&& f) const
    {
        if (!m_sparse.empty() || m_words.empty()) {
            for (auto rid : m_sparse)
                f(rid);
            return;
        }
        for (std::size_t w = 0; w < m_words.size(); ++w)
            for (std::uint64_t bits = m_words[w]; bits != 0; bits &= bits - 1)
                f(static_cast<std::int64_t>(w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits))));
    }

private:
    bool containsSparse(std::int64_t rowId) const;

    std::vector<std::uint64_t> m_words;
    std::vector<std::int64_t> m_sparse; // sorted, unique; used instead of the bitmap when not empty
    std::size_t m_count = 0;
};

} // namespace memscope
