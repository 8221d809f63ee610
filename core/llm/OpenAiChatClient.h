#pragma once

#include "llm/ChatClient.h"
#include "llm/ProviderProfile.h"
#include "net/HttpClient.h"

#include <string>

namespace memscope {

class ChatError;
class HttpError;

// Chat Completions over libcurl against any OpenAI-compatible endpoint: OpenAI, Ollama
// (http://localhost:11434/v1), llama.cpp server, vLLM, LM Studio. POST {baseUrl}/chat/completions.
//
// - Streams (SSE) by default, asking for `stream_options.include_usage`; a server that refuses that option
//   (400 naming it) is asked again without it, and a server that reports no usage gets TokenCounter's
//   estimate (usage.estimated). A server that answers plain JSON to a stream request is understood too.
// - Tool calls, streamed in fragments by index, come back whole in ChatResponse::message.toolCalls.
// - 429, 5xx and failed connections are retried with exponential back-off (jittered; Retry-After and
//   retry-after-ms honoured) as long as no answer byte has arrived; once streamed text has reached
//   onDelta nothing is retried, and the error says how much had been delivered.
// - Timeouts: connect, total per attempt (profile.timeoutMs), and for streams a stall timeout.
// - Cancellation: the flag is polled every ~50 ms during the transfer and the back-off waits.
// - Errors are ChatError with a reason and a message naming the base URL: "could not connect to <url> (is
//   the server running?)", "the endpoint refused the API key", "unknown model 'X' at <url>", truncated
//   and malformed answers with their first bytes. The key never appears in a message.
//
// One call at a time per client (it keeps its connection open between calls); use one per thread.
class OpenAiChatClient : public ChatClient {
public:
    // Throws ChatError(InvalidRequest) for a missing or non-http(s) base URL or a key with line breaks. The
    // model may be empty when every request names its own.
    explicit OpenAiChatClient(ProviderProfile profile);

    ChatResponse complete(const ChatRequest& request, const DeltaCallback& onDelta = {},
                          const std::atomic_bool* cancel = nullptr) override;

    const ProviderProfile& profile() const { return m_profile; }
    // "<baseUrl>/chat/completions"
    const std::string& endpoint() const { return m_endpoint; }

private:
    ChatResponse attempt(const ChatRequest& request, const std::string& model, bool includeUsage,
                         const DeltaCallback& onDelta, const std::atomic_bool* cancel);
    ChatError statusError(const HttpClient::Response& response, const HttpClient::Headers& sent,
                          const std::string& model) const;
    ChatError transportError(const HttpError& error, std::size_t receivedBytes, std::size_t deliveredChars) const;

    ProviderProfile m_profile;
    std::string m_base; // displayBaseUrl(), for messages
    std::string m_endpoint;
    bool m_askForUsage = true; // cleared for servers that refuse stream_options
    HttpClient m_http;
};

} // namespace memscope
