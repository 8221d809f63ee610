#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

namespace memscope {

class MemoryStore;

// Writes records to JSONL (every field: export then import gives back the same records) or CSV (one column
// per field and outcome key, for spreadsheets), streaming in rowid order.
class RecordExporter {
public:
    enum class Format { JsonLines, Csv };

    explicit RecordExporter(MemoryStore& store);

    // Returns the number of records written. Throws Error(InvalidArgument) for a bad filter.
    std::int64_t run(std::ostream& out, const nlohmann::json& filter, Format format,
                     const std::function<void(std::int64_t)>& progress = {});

    static std::string csvField(const std::string& text);

private:
    MemoryStore& m_store;
};

} // namespace memscope
