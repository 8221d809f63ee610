#pragma once

#include "llm/ChatTypes.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace memscope {

// The JSON of OpenAI's Chat Completions API, as OpenAI, Ollama, llama.cpp server, vLLM and LM Studio speak
// it: request bodies out, completions in. Parsing throws ChatError(Malformed) naming `source` (the URL).
class OpenAiChatFormat {
public:
    // {"model", "messages", "tools", "temperature", "max_tokens", "stream", "stream_options"}. Invalid UTF-8
    // is replaced, not refused: one damaged record must not make a prompt unsendable.
    static nlohmann::json requestBody(const ChatRequest& request, const std::string& model, bool includeUsage);
    static nlohmann::json messageJson(const ChatMessage& message);
    static nlohmann::json toolJson(const ToolSpec& tool);

    // A non-streamed completion: {"choices": [{"message": {...}, "finish_reason": ...}], "usage", "model"}.
    // Usage is left zero (estimated = false) when the server reports none; the client estimates it.
    static ChatResponse parseCompletion(const nlohmann::json& body, const std::string& source);
    static ChatResponse parseCompletion(std::string_view body, const std::string& source);

    // Tool call arguments as text: a string as is, anything else (some servers send an object) dumped.
    static std::string argumentsText(const nlohmann::json& arguments);

    // The first `maxBytes` of a server's bytes for an error message: one line, control bytes shown as '?',
    // "..." when cut. The caller scrubs secrets.
    static std::string quote(std::string_view bytes, std::size_t maxBytes = 120);
};

} // namespace memscope
