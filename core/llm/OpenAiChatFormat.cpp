#include "llm/OpenAiChatFormat.h"

#include "llm/ChatError.h"

namespace memscope {

using nlohmann::json;

namespace {

std::string stringOr(const json& object, const char* key, std::string fallback = {})
{
    if (!object.is_object())
        return fallback;
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : fallback;
}

int intOr(const json& object, const char* key)
{
    if (!object.is_object())
        return 0;
    const auto it = object.find(key);
    return it != object.end() && it->is_number() ? static_cast<int>(it->get<double>()) : 0;
}

// "content" may be a string, null (tool calls only), or a list of parts [{"type":"text","text":...}].
std::string contentText(const json& content)
{
    if (content.is_string())
        return content.get<std::string>();
    std::string text;
    if (content.is_array()) {
        for (const auto& part : content)
            text += part.is_string() ? part.get<std::string>() : stringOr(part, "text");
    }
    return text;
}

} // namespace

json OpenAiChatFormat::messageJson(const ChatMessage& message)
{
    json out = {{"role", message.role}};
    if (message.role == "assistant" && !message.toolCalls.empty()) {
        // OpenAI wants null, not "", beside tool calls; the others accept both.
        out["content"] = message.content.empty() ? json(nullptr) : json(message.content);
        json calls = json::array();
        for (const auto& call : message.toolCalls)
            calls.push_back({{"id", call.id},
                             {"type", "function"},
                             {"function", {{"name", call.name}, {"arguments", call.arguments}}}});
        out["tool_calls"] = std::move(calls);
    } else {
        out["content"] = message.content;
    }
    if (!message.toolCallId.empty())
        out["tool_call_id"] = message.toolCallId;
    if (!message.name.empty())
        out["name"] = message.name;
    return out;
}

json OpenAiChatFormat::toolJson(const ToolSpec& tool)
{
    json function = {{"name", tool.name}};
    if (!tool.description.empty())
        function["description"] = tool.description;
    function["parameters"] =
        tool.parameters.is_null() ? json{{"type", "object"}, {"properties", json::object()}} : tool.parameters;
    return {{"type", "function"}, {"function", std::move(function)}};
}

json OpenAiChatFormat::requestBody(const ChatRequest& request, const std::string& model, bool includeUsage)
{
    json messages = json::array();
    for (const auto& message : request.messages)
        messages.push_back(messageJson(message));
    json body = {{"model", model}, {"messages", std::move(messages)}, {"temperature", request.temperature}};
    if (request.maxTokens > 0)
        body["max_tokens"] = request.maxTokens;
    if (!request.tools.empty()) {
        json tools = json::array();
        for (const auto& tool : request.tools)
            tools.push_back(toolJson(tool));
        body["tools"] = std::move(tools);
    }
    body["stream"] = request.stream;
    if (request.stream && includeUsage)
        body["stream_options"] = {{"include_usage", true}};
    return body;
}

std::string OpenAiChatFormat::argumentsText(const json& arguments)
{
    if (arguments.is_string())
        return arguments.get<std::string>();
    if (arguments.is_null())
        return {};
    return arguments.dump(-1, ' ', false, json::error_handler_t::replace);
}

ChatResponse OpenAiChatFormat::parseCompletion(const json& body, const std::string& source)
{
    const auto malformed = [&](const std::string& what) {
        return ChatError(ChatError::Reason::Malformed, "malformed chat completion from " + source + ": " + what +
                                                           " (first bytes: \"" + quote(body.dump()) + "\")");
    };
    if (!body.is_object())
        throw malformed("not a JSON object");
    if (const auto error = body.find("error"); error != body.end() && !error->is_null()) {
        const std::string said = error->is_string() ? error->get<std::string>() : stringOr(*error, "message");
        throw ChatError(ChatError::Reason::ServerError,
                        "the server at " + source + " answered with an error: " + quote(said, 300));
    }
    const auto choices = body.find("choices");
    if (choices == body.end() || !choices->is_array() || choices->empty())
        throw malformed("no \"choices\"");
    const json& choice = choices->front();
    const auto message = choice.find("message");
    if (!choice.is_object() || message == choice.end() || !message->is_object())
        throw malformed("the first choice has no \"message\" object");

    ChatResponse response;
    response.message.role = stringOr(*message, "role", "assistant");
    if (const auto content = message->find("content"); content != message->end())
        response.message.content = contentText(*content);
    if (const auto calls = message->find("tool_calls"); calls != message->end() && calls->is_array()) {
        for (const auto& call : *calls) {
            const json function = call.is_object() ? call.value("function", json::object()) : json::object();
            ToolCall toolCall{stringOr(call, "id"), stringOr(function, "name"),
                              argumentsText(function.is_object() ? function.value("arguments", json()) : json())};
            if (toolCall.name.empty())
                throw malformed("a tool call without a function name");
            if (toolCall.id.empty())
                toolCall.id = "call_" + std::to_string(response.message.toolCalls.size());
            response.message.toolCalls.push_back(std::move(toolCall));
        }
    }
    response.finishReason = stringOr(choice, "finish_reason");
    response.model = stringOr(body, "model");
    if (const auto usage = body.find("usage"); usage != body.end() && usage->is_object()) {
        response.usage.promptTokens = intOr(*usage, "prompt_tokens");
        response.usage.completionTokens = intOr(*usage, "completion_tokens");
    }
    return response;
}

ChatResponse OpenAiChatFormat::parseCompletion(std::string_view body, const std::string& source)
{
    const json parsed = json::parse(body, nullptr, false);
    if (parsed.is_discarded())
        throw ChatError(
            ChatError::Reason::Malformed,
            (body.empty() ? "empty answer from " + source
                          : "malformed answer from " + source + ": not JSON (first bytes: \"" + quote(body) + "\")"));
    return parseCompletion(parsed, source);
}

std::string OpenAiChatFormat::quote(std::string_view bytes, std::size_t maxBytes)
{
    std::string out;
    std::size_t i = 0;
    while (i < bytes.size() && out.size() < maxBytes) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x80) {
            out += c == '\n' || c == '\r' || c == '\t' ? ' ' : c < 0x20 || c == 0x7f ? '?' : c == '"' ? '\'' : bytes[i];
            ++i;
            continue;
        }
        // Copy whole, valid UTF-8 sequences only: raw server bytes may be anything.
        const std::size_t length = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        bool valid = length > 0 && i + length <= bytes.size();
        for (std::size_t k = 1; valid && k < length; ++k)
            valid = (static_cast<unsigned char>(bytes[i + k]) & 0xC0) == 0x80;
        if (valid) {
            out.append(bytes.substr(i, length));
            i += length;
        } else {
            out += '?';
            ++i;
        }
    }
    if (i < bytes.size())
        out += "...";
    return out;
}

} // namespace memscope
