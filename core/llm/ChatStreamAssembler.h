#pragma once

#include "llm/ChatClient.h"
#include "llm/ChatTypes.h"
#include "net/SseParser.h"

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace memscope {

// Builds one ChatResponse from the body of a Chat Completions answer, fed in whatever pieces the network
// delivers. A text/event-stream body ("data: {chunk}" ... "data: [DONE]") is decoded as it arrives: text
// deltas are appended and handed to onDelta, tool-call fragments are merged by their index (id and name
// usually come first, then the arguments in pieces), and the finish reason, model and usage (the chunk
// `stream_options.include_usage` asks for) are noted. A body that is plain JSON (a server ignoring
// "stream": true, or a request that did not ask for a stream) is collected and parsed whole at finish().
//
// Errors are ChatError naming `source`: Malformed (a chunk that is not JSON, with its first bytes),
// ServerError (an {"error": ...} event mid-stream), Truncated (finish() without [DONE] or a finish reason).
class ChatStreamAssembler {
public:
    using Clock = std::chrono::steady_clock;

    // `onDelta` may be null or empty; it must outlive the assembler.
    ChatStreamAssembler(std::string source, const ChatClient::DeltaCallback* onDelta);

    void feed(std::string_view bytes);
    // The body is complete: returns the answer (usage zero when the server reported none).
    ChatResponse finish();

    // Characters of text handed to onDelta so far.
    std::size_t deliveredChars() const { return m_delivered; }
    std::size_t receivedBytes() const { return m_received; }
    bool sawDone() const { return m_done; }
    bool reportedUsage() const { return m_hasUsage; }
    // When the first text or tool-call fragment arrived.
    std::optional<Clock::time_point> firstTokenAt() const { return m_firstToken; }

private:
    enum class Mode { Undecided, Events, Json };

    struct PendingCall {
        long index = -1;
        ToolCall call;
    };

    void handleEvent(const std::string& data);
    void mergeToolCall(const nlohmann::json& fragment);
    void noteToken();

    std::string m_source;
    const ChatClient::DeltaCallback* m_onDelta;
    Mode m_mode = Mode::Undecided;
    SseParser m_parser;
    std::string m_json; // Mode::Json: the whole body

    ChatResponse m_response;
    std::vector<PendingCall> m_calls;
    bool m_done = false;
    bool m_hasUsage = false;
    bool m_sawEvent = false;
    std::size_t m_delivered = 0;
    std::size_t m_received = 0;
    std::optional<Clock::time_point> m_firstToken;
};

} // namespace memscope
