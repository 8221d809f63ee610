#include "agent/LessonWriter.h"

#include "agent/Evaluator.h"
#include "agent/TaskPack.h"
#include "llm/ChatClient.h"
#include "llm/TokenCounter.h"

namespace memscope {

namespace {

constexpr int kMaxLessonTokens = 120;

std::string trimmed(std::string s)
{
    const auto first = s.find_first_not_of(" \t\r\n\"'`");
    if (first == std::string::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r\n\"'`");
    return s.substr(first, last - first + 1);
}

} // namespace

LessonWriter::LessonWriter(ChatClient& chat, std::string model)
    : m_chat(chat)
    , m_model(std::move(model))
{
}

std::string LessonWriter::tidy(std::string text)
{
    text = trimmed(std::move(text));
    for (const char* prefix : {"Lesson:", "lesson:", "LESSON:", "**Lesson:**", "**Lesson**:"})
        if (text.rfind(prefix, 0) == 0)
            text = trimmed(text.substr(std::string_view(prefix).size()));
    std::string out;
    bool lastSpace = false;
    for (const char c : text) {
        const bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
        if (space && lastSpace)
            continue;
        out.push_back(space ? ' ' : c);
        lastSpace = space;
    }
    if (TokenCounter::estimate(out) > kMaxLessonTokens)
        out = TokenCounter::truncate(out, kMaxLessonTokens) + "…";
    return out;
}

std::string LessonWriter::write(const TaskPack& pack, const PackTask& task, const std::string& answer,
                                const Evaluation& evaluation, const std::atomic_bool* cancel, ChatResponse* response)
{
    ChatRequest request;
    request.model = m_model;
    request.stream = false;
    request.maxTokens = 200;
    request.messages.push_back(ChatMessage::system(
        "You write lessons for an AI agent's long-term memory. A lesson is read before the next attempt at a "
        "task of the same type, so it must be general enough to transfer and specific enough to act on."));
    request.messages.push_back(ChatMessage::user(
        "Task type: " + pack.taskType + "\nTask:\n" + TokenCounter::truncate(task.input, 600) +
        "\n\nThe agent's answer:\n" + TokenCounter::truncate(answer, 600) + "\n\nEvaluation: " + evaluation.outcome +
        " — " + evaluation.reason +
        "\n\nWrite one lesson of at most two sentences for the next attempt at a task of this type: what to do "
        "or what to avoid, and why. Name the concrete construct, tool or check. Reply with the lesson only."));
    ChatResponse answerResponse = m_chat.complete(request, {}, cancel);
    std::string lesson = tidy(answerResponse.message.content);
    if (response)
        *response = std::move(answerResponse);
    return lesson;
}

} // namespace memscope
