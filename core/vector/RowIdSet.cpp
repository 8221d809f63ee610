#include "vector/RowIdSet.h"

#include <algorithm>

namespace memscope {

RowIdSet::RowIdSet(const std::vector<std::int64_t>& rowIds)
{
    if (rowIds.empty())
        return;
    const auto [lo, hi] = std::minmax_element(rowIds.begin(), rowIds.end());
    // A bitmap up to 64 bits per member (or 1 Mi rowids, 128 KB, whichever is larger) stays small.
    const auto limit = std::max<std::uint64_t>(std::uint64_t(1) << 20, std::uint64_t(64) * rowIds.size());
    if (*lo >= 0 && static_cast<std::uint64_t>(*hi) < limit) {
        m_words.assign((static_cast<std::size_t>(*hi) >> 6) + 1, 0);
        for (auto rid : rowIds) {
            auto& word = m_words[static_cast<std::size_t>(rid) >> 6];
            const auto bit = std::uint64_t(1) << (static_cast<std::uint64_t>(rid) & 63);
            m_count += (word & bit) == 0;
            word |= bit;
        }
        return;
    }
    m_sparse = rowIds;
    std::sort(m_sparse.begin(), m_sparse.end());
    m_sparse.erase(std::unique(m_sparse.begin(), m_sparse.end()), m_sparse.end());
    m_count = m_sparse.size();
}

bool RowIdSet::containsSparse(std::int64_t rowId) const
{
    return std::binary_search(m_sparse.begin(), m_sparse.end(), rowId);
}

} // namespace memscope
