#pragma once

#include <atomic>
#include <string>

namespace memscope {

class ChatClient;
struct ChatResponse;
struct Evaluation;
struct PackTask;
struct TaskPack;

// Asks the model for the lesson of a finished run: one or two sentences for the next attempt at a task of
// this type, saying what to do or to avoid and why. The evaluator's own lesson is the fallback when no
// model is available or this call fails.
class LessonWriter {
public:
    LessonWriter(ChatClient& chat, std::string model);
    // Throws like ChatClient::complete. `response` (optional) receives the call's usage and timing.
    std::string write(const TaskPack& pack, const PackTask& task, const std::string& answer,
                      const Evaluation& evaluation, const std::atomic_bool* cancel, ChatResponse* response);

    // The model's reply tidied up: outer quotes, a "Lesson:" prefix and blank lines removed, cut to
    // ~120 tokens.
    static std::string tidy(std::string text);

private:
    ChatClient& m_chat;
    std::string m_model;
};

} // namespace memscope
