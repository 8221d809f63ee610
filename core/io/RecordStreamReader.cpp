#include "io/RecordStreamReader.h"

#include <streambuf>
#include <vector>

namespace memscope {

using nlohmann::json;

namespace {

// Serves `prefix` and then the wrapped stream, and tells on which line the reader is: newlines are counted
// lazily between the last query and the current read position, so the cost is one pass over the input.
class LineCountingBuffer : public std::streambuf {
public:
    LineCountingBuffer(std::streambuf* source, std::string prefix, std::int64_t firstLine)
        : m_source(source)
        , m_buffer(std::move(prefix))
        , m_line(firstLine)
    {
        setg(m_buffer.data(), m_buffer.data(), m_buffer.data() + m_buffer.size());
        m_scan = m_buffer.data();
    }

    std::int64_t line()
    {
        for (const char* p = m_scan; p < gptr(); ++p)
            m_line += *p == '\n';
        m_scan = gptr();
        return m_line;
    }

protected:
    int_type underflow() override
    {
        line();
        m_buffer.resize(64 * 1024);
        const auto n = m_source->sgetn(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
        if (n <= 0)
            return traits_type::eof();
        setg(m_buffer.data(), m_buffer.data(), m_buffer.data() + n);
        m_scan = m_buffer.data();
        return traits_type::to_int_type(m_buffer[0]);
    }

private:
    std::streambuf* m_source;
    std::string m_buffer;
    const char* m_scan = nullptr;
    std::int64_t m_line;
};

// Builds a DOM only for one record at a time: the elements of a top-level array, or of the "results" array
// of a top-level object. A top-level object without "results" is itself a record.
class RecordSax : public json::json_sax_t {
public:
    RecordSax(LineCountingBuffer& lines, const RecordStreamReader::RecordSink& sink)
        : m_lines(lines)
        , m_sink(sink)
    {
    }

    RecordStreamReader::Format format = RecordStreamReader::Format::Unknown;
    std::string error;
    std::int64_t errorLine = 0;
    bool stopped = false;

    bool null() override { return value(json(nullptr)); }
    bool boolean(bool v) override { return value(json(v)); }
    bool number_integer(number_integer_t v) override { return value(json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return value(json(v)); }
    bool number_float(number_float_t v, const string_t&) override { return value(json(v)); }
    bool string(string_t& v) override { return value(json(std::move(v))); }
    bool binary(binary_t& v) override { return value(json(std::move(v))); }

    bool start_object(std::size_t) override { return open(json::object()); }
    bool key(string_t& k) override
    {
        if (m_depth == 1 && m_stack.empty() && format != RecordStreamReader::Format::Mem0Results) {
            // Keys of the top-level object: its "results" array holds the records.
            m_topKey = k;
            m_topObject[k] = nullptr;
            return true;
        }
        if (!m_stack.empty())
            m_keys.back() = k;
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(json::array()); }
    bool end_array() override { return close(); }

    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) override
    {
        error = ex.what();
        errorLine = m_lines.line();
        return false;
    }

private:
    // Depth 0: nothing open. A record is built while m_stack is non-empty.
    bool open(json container)
    {
        ++m_depth;
        if (m_stack.empty()) {
            if (m_depth == 1) {
                if (container.is_array()) {
                    format = RecordStreamReader::Format::JsonArray;
                    m_recordDepth = 2;
                    return true;
                }
                format = RecordStreamReader::Format::SingleObject;
                m_topObject = json::object();
                m_topLine = m_lines.line();
                return true;
            }
            if (m_depth == 2 && format == RecordStreamReader::Format::SingleObject && m_topKey == "results" &&
                container.is_array()) {
                format = RecordStreamReader::Format::Mem0Results;
                m_recordDepth = 3;
                return true;
            }
            if (m_depth == m_recordDepth)
                m_recordLine = m_lines.line();
        }
        m_stack.push_back(std::move(container));
        m_keys.emplace_back();
        return true;
    }

    bool close()
    {
        --m_depth;
        if (m_stack.empty()) {
            if (m_depth == 0 && format == RecordStreamReader::Format::SingleObject)
                return emit(std::move(m_topObject), m_topLine);
            return true;
        }
        json done = std::move(m_stack.back());
        m_stack.pop_back();
        m_keys.pop_back();
        return value(std::move(done), true);
    }

    bool value(json v, bool container = false)
    {
        if (m_stack.empty()) {
            // m_depth counts the containers still open around this value.
            const bool isRecordLevel = m_depth + 1 == m_recordDepth;
            if (isRecordLevel)
                return emit(std::move(v), container ? m_recordLine : m_lines.line());
            if (format == RecordStreamReader::Format::SingleObject && m_depth == 1)
                m_topObject[m_topKey] = std::move(v);
            return true;
        }
        auto& parent = m_stack.back();
        if (parent.is_array())
            parent.push_back(std::move(v));
        else
            parent[m_keys.back()] = std::move(v);
        return true;
    }

    bool emit(json v, std::int64_t line)
    {
        if (!m_sink(std::move(v), line)) {
            stopped = true;
            return false;
        }
        return true;
    }

    LineCountingBuffer& m_lines;
    const RecordStreamReader::RecordSink& m_sink;
    std::vector<json> m_stack;
    std::vector<std::string> m_keys;
    int m_depth = 0;
    int m_recordDepth = -1;
    std::int64_t m_recordLine = 0;
    json m_topObject;
    std::string m_topKey;
    std::int64_t m_topLine = 0;
};

bool isBlank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

} // namespace

RecordStreamReader::RecordStreamReader(std::istream& input, RecordSink onRecord, ErrorSink onError)
    : m_input(input)
    , m_onRecord(std::move(onRecord))
    , m_onError(std::move(onError))
{
}

bool RecordStreamReader::emitLineValue(json&& value, std::int64_t line)
{
    // Mem0's {"results": [...]} on one line of a JSONL stream.
    if (value.is_object() && value.size() <= 2 && value.contains("results") && value["results"].is_array() &&
        !value.contains("memory") && !value.contains("content")) {
        for (auto& item : value["results"])
            if (!m_onRecord(std::move(item), line))
                return false;
        return true;
    }
    return m_onRecord(std::move(value), line);
}

RecordStreamReader::Format RecordStreamReader::run()
{
    std::string first;
    std::int64_t line = 0;
    // The first non-blank line decides: an object that parses on its own line means JSON Lines.
    while (std::getline(m_input, first)) {
        ++line;
        m_bytes += static_cast<std::int64_t>(first.size()) + 1;
        if (line == 1 && first.size() >= 3 && first.compare(0, 3, "\xEF\xBB\xBF") == 0)
            first.erase(0, 3);
        if (!isBlank(first))
            break;
    }
    if (isBlank(first))
        return m_format;
    const auto start = first.find_first_not_of(" \t\r");
    if (first[start] == '{') {
        json value = json::parse(first, nullptr, false);
        if (!value.is_discarded()) {
            m_format = Format::JsonLines;
            if (!emitLineValue(std::move(value), line))
                return m_format;
            readLines(line);
            return m_format;
        }
    }
    if (first[start] != '{' && first[start] != '[') {
        // Not JSON at all: report it as JSON Lines would, and carry on line by line.
        m_format = Format::JsonLines;
        m_onError(line, "invalid JSON: a record must be a JSON object");
        readLines(line);
        return m_format;
    }
    // A pretty-printed document: stream it with the lines already read in front.
    std::string prefix;
    for (std::int64_t i = 1; i < line; ++i)
        prefix += '\n';
    prefix += first + "\n";
    readDocument(prefix);
    return m_format;
}

void RecordStreamReader::readLines(std::int64_t line)
{
    std::string text;
    while (std::getline(m_input, text)) {
        ++line;
        m_bytes += static_cast<std::int64_t>(text.size()) + 1;
        if (isBlank(text))
            continue;
        json value;
        try {
            value = json::parse(text);
        } catch (const json::parse_error& e) {
            // nlohmann's message names the column; drop its "[json.exception.parse_error.101] " prefix.
            const std::string what = e.what();
            const auto bracket = what.find("] ");
            m_onError(line, "invalid JSON: " + (bracket == std::string::npos ? what : what.substr(bracket + 2)));
            continue;
        }
        if (!emitLineValue(std::move(value), line))
            return;
    }
}

void RecordStreamReader::readDocument(const std::string& alreadyRead)
{
    LineCountingBuffer buffer(m_input.rdbuf(), alreadyRead, 1);
    std::istream stream(&buffer);
    RecordSax sax(buffer, m_onRecord);
    json::sax_parse(stream, &sax);
    m_format = sax.format == Format::Unknown ? Format::SingleObject : sax.format;
    if (!sax.error.empty() && !sax.stopped)
        m_onError(sax.errorLine, "invalid JSON: " + sax.error);
}

} // namespace memscope
