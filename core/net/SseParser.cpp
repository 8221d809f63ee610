#include "net/SseParser.h"

#include "util/Error.h"

#include <algorithm>

namespace memscope {

SseParser::SseParser(std::size_t maxEventBytes)
    : m_maxEventBytes(maxEventBytes)
{
}

std::vector<SseParser::Event> SseParser::feed(std::string_view chunk)
{
    std::vector<Event> out;
    if (!m_bomChecked) {
        // A UTF-8 byte order mark may open the stream, and may itself arrive split across chunks.
        static constexpr std::string_view bom = "\xEF\xBB\xBF";
        while (!chunk.empty() && m_bomPrefix.size() < bom.size() && chunk.front() == bom[m_bomPrefix.size()]) {
            m_bomPrefix += chunk.front();
            chunk.remove_prefix(1);
        }
        if (m_bomPrefix.size() == bom.size()) {
            m_bomPrefix.clear();
            m_bomChecked = true;
        } else if (chunk.empty()) {
            return out;
        } else {
            m_bomChecked = true; // not a BOM after all: what was held back is ordinary content
            const std::string held = std::move(m_bomPrefix);
            m_bomPrefix.clear();
            splitLines(held, out);
        }
    }
    splitLines(chunk, out);
    if (m_line.size() + m_data.size() > m_maxEventBytes)
        throw Error(Error::Kind::Network,
                    "server-sent event larger than " + std::to_string(m_maxEventBytes) + " bytes; stream refused");
    return out;
}

std::vector<SseParser::Event> SseParser::finish()
{
    std::vector<Event> out;
    splitLines(m_bomPrefix, out);
    if (!m_line.empty())
        processLine(m_line, out);
    dispatch(out);
    *this = SseParser(m_maxEventBytes);
    return out;
}

void SseParser::splitLines(std::string_view chunk, std::vector<Event>& out)
{
    while (!chunk.empty()) {
        if (m_skipLf) {
            m_skipLf = false;
            if (chunk.front() == '\n') {
                chunk.remove_prefix(1);
                continue;
            }
        }
        const auto end = chunk.find_first_of("\r\n");
        if (end == std::string_view::npos) {
            m_line.append(chunk);
            return;
        }
        m_line.append(chunk.substr(0, end));
        m_skipLf = chunk[end] == '\r';
        chunk.remove_prefix(end + 1);
        processLine(m_line, out);
        m_line.clear();
    }
}

void SseParser::processLine(std::string_view line, std::vector<Event>& out)
{
    if (line.empty()) {
        dispatch(out);
        return;
    }
    if (line.front() == ':')
        return; // comment, usually a keep-alive
    const auto colon = line.find(':');
    const std::string_view field = line.substr(0, colon);
    std::string_view value = colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1);
    if (!value.empty() && value.front() == ' ')
        value.remove_prefix(1);

    if (field == "data") {
        if (m_hasData)
            m_data += '\n';
        m_data.append(value);
        m_hasData = true;
    } else if (field == "event") {
        m_type = value;
    } else if (field == "id") {
        if (value.find('\0') == std::string_view::npos)
            m_lastId = value;
    } else if (field == "retry") {
        if (!value.empty() && value.size() < 12 &&
            std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
            m_retryMs = std::stoll(std::string(value));
    }
}

void SseParser::dispatch(std::vector<Event>& out)
{
    // An event without data lines is not dispatched; its "event:" name does not carry over.
    if (m_hasData)
        out.push_back(Event{m_type.empty() ? std::string("message") : m_type, std::move(m_data), m_lastId});
    m_data.clear();
    m_type.clear();
    m_hasData = false;
}

} // namespace memscope
