#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <istream>
#include <string>

namespace memscope {

// Reads records from the formats users bring, in constant memory: JSONL (one object per line), a JSON array
// of objects, or Mem0's output object {"results": [...]} (pretty-printed or on one line). Each record
// reaches the callback with the line it starts on; a line that is not valid JSON is reported and skipped in
// JSONL, while in a JSON document it ends the reading (nothing after a syntax error can be trusted).
class RecordStreamReader {
public:
    enum class Format { Unknown, JsonLines, JsonArray, Mem0Results, SingleObject };

    // Return false to stop reading.
    using RecordSink = std::function<bool(nlohmann::json&& record, std::int64_t line)>;
    using ErrorSink = std::function<void(std::int64_t line, const std::string& message)>;

    RecordStreamReader(std::istream& input, RecordSink onRecord, ErrorSink onError);

    // Reads to the end; returns the format it found.
    Format run();
    std::int64_t bytesRead() const { return m_bytes; }

private:
    void readLines(std::int64_t line);
    void readDocument(const std::string& alreadyRead);
    bool emitLineValue(nlohmann::json&& value, std::int64_t line);

    std::istream& m_input;
    RecordSink m_onRecord;
    ErrorSink m_onError;
    std::int64_t m_bytes = 0;
    Format m_format = Format::Unknown;
};

} // namespace memscope
