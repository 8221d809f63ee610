#include "search/FilterMatchCache.h"

namespace memscope {

std::shared_ptr<const FilterMatches> FilterMatchCache::find(const Key& key)
{
    std::lock_guard lock(m_mutex);
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->first == key) {
            m_entries.splice(m_entries.begin(), m_entries, it);
            return m_entries.front().second;
        }
    }
    return nullptr;
}

void FilterMatchCache::store(const Key& key, std::shared_ptr<const FilterMatches> matches)
{
    std::lock_guard lock(m_mutex);
    // An entry of the same listing from an older database state can never be used again.
    m_entries.remove_if(
        [&key](const auto& e) { return e.first.connection == key.connection && e.first.listing == key.listing; });
    m_entries.emplace_front(key, std::move(matches));
    if (m_entries.size() > kEntries)
        m_entries.pop_back();
}

} // namespace memscope
