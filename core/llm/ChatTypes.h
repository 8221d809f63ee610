#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace memscope {

// The OpenAI Chat Completions vocabulary, independent of any transport.

// A function call the model asked for. `arguments` is the JSON text exactly as the model wrote it (it may be
// invalid JSON: models make mistakes, and the caller decides what to do about them).
struct ToolCall {
    std::string id; // "call_..."; filled in as "call_<n>" when a server sends none
    std::string name;
    std::string arguments;
};

// One message of the conversation. role: "system", "user", "assistant" or "tool".
struct ChatMessage {
    std::string role;
    std::string content;
    std::vector<ToolCall> toolCalls; // assistant messages that call tools
    std::string toolCallId;          // tool messages: the ToolCall::id this answers
    std::string name;                // optional participant or tool name

    static ChatMessage system(std::string text) { return {"system", std::move(text), {}, {}, {}}; }
    static ChatMessage user(std::string text) { return {"user", std::move(text), {}, {}, {}}; }
    static ChatMessage assistant(std::string text, std::vector<ToolCall> calls = {})
    {
        return {"assistant", std::move(text), std::move(calls), {}, {}};
    }
    // The result of a tool call, sent back to the model.
    static ChatMessage tool(std::string callId, std::string toolName, std::string result)
    {
        return {"tool", std::move(result), {}, std::move(callId), std::move(toolName)};
    }
};

// A tool the model may call; `parameters` is a JSON schema ({"type": "object", "properties": {...}}).
struct ToolSpec {
    std::string name;
    std::string description;
    nlohmann::json parameters;
};

struct ChatRequest {
    std::string model; // empty: the profile's model
    std::vector<ChatMessage> messages;
    std::vector<ToolSpec> tools;
    double temperature = 0;
    int maxTokens = 0; // 0: the server's default (not sent)
    bool stream = true;
};

struct ChatUsage {
    int promptTokens = 0;
    int completionTokens = 0;
    bool estimated = false; // the server reported none: TokenCounter's estimate

    int totalTokens() const { return promptTokens + completionTokens; }
};

struct ChatResponse {
    ChatMessage message;      // role "assistant": the text and/or the tool calls
    std::string finishReason; // "stop", "length", "tool_calls", "content_filter", ... as the server said
    ChatUsage usage;
    std::string model;       // as the server reported it (else the one asked for)
    double latencyMs = 0;    // request sent to answer complete
    double firstTokenMs = 0; // request sent to the first text or tool-call fragment (= latencyMs unstreamed)
    int attempts = 1;        // HTTP attempts, retries included
};

} // namespace memscope
