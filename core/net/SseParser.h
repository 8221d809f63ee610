#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace memscope {

// Splits a text/event-stream (Server-Sent Events) body into events, fed in whatever pieces the network
// delivers: a line or even a CRLF may be split across chunks. Follows the WHATWG rules: lines end in LF,
// CR or CRLF; "data:" lines of one event are joined with "\n"; a blank line ends the event; ":" starts a
// comment (keep-alive); one space after the colon is dropped; unknown fields are ignored.
class SseParser {
public:
    struct Event {
        std::string type = "message"; // the "event:" field
        std::string data;
        std::string id; // the last "id:" seen so far, as the spec carries it over
    };

    explicit SseParser(std::size_t maxEventBytes = 16 * 1024 * 1024);

    // The events completed by this chunk, in order. Throws Error(Network) when one event grows past
    // maxEventBytes (a server that never sends a blank line must not eat all memory).
    std::vector<Event> feed(std::string_view chunk);

    // At end of stream: the event still open, if it has data. The spec drops it; we deliver it, so a server
    // that closes right after its last "data:" line loses nothing. Resets the parser.
    std::vector<Event> finish();

    // The "retry:" reconnection delay the server last asked for, in ms; -1 when none.
    long long retryMs() const { return m_retryMs; }

private:
    void splitLines(std::string_view chunk, std::vector<Event>& out);
    void processLine(std::string_view line, std::vector<Event>& out);
    void dispatch(std::vector<Event>& out);

    std::size_t m_maxEventBytes;
    std::string m_line;    // the unfinished line
    bool m_skipLf = false; // the last chunk ended in CR: a leading LF belongs to it
    bool m_bomChecked = false;
    std::string m_bomPrefix; // leading bytes that may still turn out to be a BOM
    bool m_hasData = false;
    std::string m_type;
    std::string m_data;
    std::string m_lastId;
    long long m_retryMs = -1;
};

} // namespace memscope
