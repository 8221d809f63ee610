#pragma once

#include "vector/RowIdSet.h"

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace memscope {

// The rowids a filter matched, as the planner listed them.
struct FilterMatches {
    std::vector<std::int64_t> rowIds; // at most the listing limit
    RowIdSet set;                     // the same rowids as a bitmap, when the plan needs one
    bool overLimit = false;           // the filter matches more than the listing limit
};

// The last few filters' matches. Listing a filter's matches costs about 0.1-0.2 us per match (a covering
// index scan), 10-20 ms at 100k matches, while an agent tends to search again and again within the same
// scope: an entry is reused as long as the database is unchanged as its connection sees it (no commit by
// another connection: PRAGMA data_version; none by itself: total changes).
class FilterMatchCache {
public:
    struct Key {
        const void* connection = nullptr;
        std::string listing; // the SQL, its parameters and the limit
        std::int64_t dataVersion = 0;
        std::int64_t changes = 0;
        bool operator==(const Key&) const = default;
    };

    std::shared_ptr<const FilterMatches> find(const Key& key);
    void store(const Key& key, std::shared_ptr<const FilterMatches> matches);

private:
    static constexpr std::size_t kEntries = 4;
    std::mutex m_mutex;
    std::list<std::pair<Key, std::shared_ptr<const FilterMatches>>> m_entries; // most recent first
};

} // namespace memscope
