#pragma once

#include "llm/ChatTypes.h"

#include <atomic>
#include <functional>
#include <string_view>

namespace memscope {

// A chat model behind some transport. Implementations: OpenAiChatClient (any OpenAI-compatible endpoint);
// tests may provide their own.
class ChatClient {
public:
    using DeltaCallback = std::function<void(std::string_view text)>;

    virtual ~ChatClient() = default;

    // Sends the conversation and returns the model's answer. `onDelta` (may be empty) receives the answer's
    // text as it streams in, on the calling thread; exceptions it throws abort the request and propagate.
    // Raising `*cancel` from any thread aborts promptly with Error(Kind::Cancelled).
    //
    // Failures throw memscope::Error; OpenAiChatClient throws its subclass ChatError, whose reason() says
    // what went wrong (refused connection, API key, unknown model, rate limit, truncated or malformed
    // answer...) and whose message names the endpoint but never the key.
    virtual ChatResponse complete(const ChatRequest& request, const DeltaCallback& onDelta = {},
                                  const std::atomic_bool* cancel = nullptr) = 0;
};

} // namespace memscope
