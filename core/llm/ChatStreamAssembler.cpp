#include "llm/ChatStreamAssembler.h"

#include "llm/ChatError.h"
#include "llm/OpenAiChatFormat.h"

#include <utility>

namespace memscope {

using nlohmann::json;
using Reason = ChatError::Reason;

namespace {

// OpenAI's error event, Ollama's {"error": "..."}: the human part.
std::string errorText(const json& error)
{
    if (error.is_string())
        return error.get<std::string>();
    if (error.is_object()) {
        if (const auto message = error.find("message"); message != error.end() && message->is_string())
            return message->get<std::string>();
    }
    return error.dump(-1, ' ', false, json::error_handler_t::replace);
}

// A number field as an int; 0 when absent, null or not a number (servers send all three).
int intField(const json& object, const char* key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_number() ? static_cast<int>(it->get<double>()) : 0;
}

} // namespace

ChatStreamAssembler::ChatStreamAssembler(std::string source, const ChatClient::DeltaCallback* onDelta)
    : m_source(std::move(source))
    , m_onDelta(onDelta && *onDelta ? onDelta : nullptr)
{
    m_response.message.role = "assistant";
}

void ChatStreamAssembler::feed(std::string_view bytes)
{
    m_received += bytes.size();
    if (m_mode == Mode::Undecided) {
        // An event stream starts with a field name or ':', a JSON document with '{'. Anything else is taken
        // for a document too, so finish() reports it as "not JSON" with its first bytes.
        m_json.append(bytes);
        const auto first = m_json.find_first_not_of(" \t\r\n");
        if (first == std::string::npos)
            return;
        const std::string_view head = std::string_view(m_json).substr(first);
        Mode mode = Mode::Json;
        if (head.front() != '{' && head.front() != '[') {
            for (const std::string_view field : {"data:", "event:", "id:", "retry:", ":"}) {
                if (head.starts_with(field))
                    mode = Mode::Events;
                else if (field.starts_with(head))
                    return; // too few bytes to tell yet
            }
        }
        m_mode = mode;
        if (m_mode == Mode::Json)
            return;
        const std::string held = std::exchange(m_json, {});
        for (const auto& event : m_parser.feed(held))
            handleEvent(event.data);
        return;
    }
    if (m_mode == Mode::Json) {
        m_json.append(bytes);
        return;
    }
    for (const auto& event : m_parser.feed(bytes))
        handleEvent(event.data);
}

void ChatStreamAssembler::noteToken()
{
    if (!m_firstToken)
        m_firstToken = Clock::now();
}

void ChatStreamAssembler::handleEvent(const std::string& data)
{
    if (m_done)
        return; // nothing counts after [DONE]
    m_sawEvent = true;
    if (data == "[DONE]") {
        m_done = true;
        return;
    }
    const json chunk = json::parse(data, nullptr, false);
    if (chunk.is_discarded() || !chunk.is_object())
        throw ChatError(Reason::Malformed,
                        "malformed event in the stream from " + m_source + ": not a JSON object (first bytes: \"" +
                            OpenAiChatFormat::quote(data) + "\")",
                        0, m_delivered);
    if (const auto error = chunk.find("error"); error != chunk.end() && !error->is_null())
        throw ChatError(Reason::ServerError,
                        "the server at " + m_source + " reported an error in the middle of the stream: " +
                            OpenAiChatFormat::quote(errorText(*error), 300),
                        0, m_delivered);
    if (const auto model = chunk.find("model"); model != chunk.end() && model->is_string() && !model->empty())
        m_response.model = model->get<std::string>();
    if (const auto usage = chunk.find("usage"); usage != chunk.end() && usage->is_object()) {
        m_hasUsage = true;
        m_response.usage.promptTokens = intField(*usage, "prompt_tokens");
        m_response.usage.completionTokens = intField(*usage, "completion_tokens");
    }
    const auto choices = chunk.find("choices");
    if (choices == chunk.end() || !choices->is_array())
        return; // the usage chunk has "choices": []; keep-alive objects have none
    for (const auto& choice : *choices) {
        if (!choice.is_object() || intField(choice, "index") != 0)
            continue; // n > 1 is never asked for: only the first choice counts
        const auto delta = choice.find("delta");
        if (delta != choice.end() && delta->is_object()) {
            if (const auto content = delta->find("content"); content != delta->end() && content->is_string()) {
                const std::string& text = content->get_ref<const std::string&>();
                if (!text.empty()) {
                    noteToken();
                    m_response.message.content += text;
                    m_delivered += text.size();
                    if (m_onDelta)
                        (*m_onDelta)(text);
                }
            }
            if (const auto calls = delta->find("tool_calls"); calls != delta->end() && calls->is_array()) {
                for (const auto& fragment : *calls)
                    mergeToolCall(fragment);
            }
        }
        if (const auto reason = choice.find("finish_reason"); reason != choice.end() && reason->is_string())
            m_response.finishReason = reason->get<std::string>();
    }
}

void ChatStreamAssembler::mergeToolCall(const json& fragment)
{
    if (!fragment.is_object())
        return;
    noteToken();
    const long index =
        fragment.contains("index") && fragment["index"].is_number_integer() ? fragment["index"].get<long>() : -1;
    const std::string id = fragment.value("id", json()).is_string() ? fragment["id"].get<std::string>() : "";
    const json function = fragment.value("function", json::object());

    // The call this fragment continues: the last one with its index (a new id there starts another call, as
    // some servers reuse index 0), or without an index the last call unless the id is new.
    PendingCall* target = nullptr;
    for (auto it = m_calls.rbegin(); it != m_calls.rend(); ++it) {
        if (index >= 0 ? it->index == index : true) {
            target = &*it;
            break;
        }
    }
    if (target && !id.empty() && !target->call.id.empty() && target->call.id != id)
        target = nullptr;
    if (!target) {
        m_calls.push_back({index, {}});
        target = &m_calls.back();
    }
    if (!id.empty())
        target->call.id = id;
    if (function.is_object()) {
        if (const auto name = function.find("name"); name != function.end() && name->is_string()) {
            const std::string& part = name->get_ref<const std::string&>();
            if (target->call.name != part)
                target->call.name += part; // a name sent in pieces; a repeated whole name changes nothing
        }
        if (const auto arguments = function.find("arguments"); arguments != function.end()) {
            if (arguments->is_string())
                target->call.arguments += arguments->get<std::string>();
            else if (!arguments->is_null())
                target->call.arguments = OpenAiChatFormat::argumentsText(*arguments);
        }
    }
}

ChatResponse ChatStreamAssembler::finish()
{
    if (m_mode == Mode::Json || m_mode == Mode::Undecided) {
        if (m_json.find_first_not_of(" \t\r\n") == std::string::npos)
            throw ChatError(Reason::Truncated, "empty answer from " + m_source + " (no completion, no [DONE])");
        json parsed;
        try {
            parsed = json::parse(m_json);
        } catch (const json::parse_error& e) {
            if (e.byte >= m_json.size())
                throw ChatError(Reason::Truncated, "the answer from " + m_source +
                                                       " ends in the middle of its JSON after " +
                                                       std::to_string(m_json.size()) + " bytes (truncated)");
            throw ChatError(Reason::Malformed, "malformed answer from " + m_source + ": not JSON (first bytes: \"" +
                                                   OpenAiChatFormat::quote(m_json) + "\")");
        }
        ChatResponse response = OpenAiChatFormat::parseCompletion(parsed, m_source);
        m_hasUsage = response.usage.promptTokens > 0 || response.usage.completionTokens > 0;
        if (!response.message.content.empty() || !response.message.toolCalls.empty())
            noteToken();
        return response;
    }

    for (const auto& event : m_parser.finish())
        handleEvent(event.data);
    if (!m_done && m_response.finishReason.empty()) {
        std::string message = m_sawEvent ? "the stream from " + m_source + " ended without [DONE] or a finish reason"
                                         : "the stream from " + m_source + " ended without a single event";
        if (m_delivered > 0)
            message += " after " + std::to_string(m_delivered) + " characters; the answer is truncated";
        throw ChatError(Reason::Truncated, message, 0, m_delivered);
    }
    for (auto& pending : m_calls) {
        if (pending.call.name.empty())
            throw ChatError(Reason::Malformed,
                            "the stream from " + m_source + " sent a tool call without a function name", 0,
                            m_delivered);
        if (pending.call.id.empty())
            pending.call.id = "call_" + std::to_string(m_response.message.toolCalls.size());
        m_response.message.toolCalls.push_back(std::move(pending.call));
    }
    m_calls.clear();
    return std::move(m_response);
}

} // namespace memscope
