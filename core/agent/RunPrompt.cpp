#include "agent/RunPrompt.h"

#include "agent/TaskPack.h"
#include "llm/TokenCounter.h"

#include <algorithm>

namespace memscope {

namespace {

constexpr const char* kMemoryInstructions =
    "\n\nBefore the task you get lessons recorded after earlier attempts at this task type, labelled [L1], "
    "[L2], ... Reuse what worked. The lessons under \"What failed\" describe mistakes that were made before: "
    "do not repeat those failure patterns. Lessons can be wrong or outdated; the task text wins over them.";

std::string section(const std::vector<RetrievedMemory>& lessons, const std::string& outcome, const char* title)
{
    std::string out;
    for (const auto& l : lessons)
        if (l.used && l.outcomeType == outcome)
            out += RunPrompt::lessonLine(l) + "\n";
    return out.empty() ? out : std::string(title) + "\n" + out;
}

} // namespace

std::string RunPrompt::lessonLine(const RetrievedMemory& lesson)
{
    return "[L" + std::to_string(lesson.rank) + "] (" + lesson.outcomeType + ") " + lesson.text;
}

std::vector<RetrievedMemory> RunPrompt::fitLessons(const RelevantOutcomes& outcomes, int budgetTokens)
{
    std::vector<RetrievedMemory> all;
    const auto add = [&](const std::vector<SearchHit>& hits, const char* outcome) {
        for (const auto& h : hits) {
            RetrievedMemory m;
            m.memoryId = h.record.id;
            m.outcomeType = outcome;
            m.text = h.record.memory;
            m.score = h.score;
            m.semantic = h.parts.semantic;
            m.keyword = h.parts.keyword;
            m.recency = h.parts.recency;
            all.push_back(std::move(m));
        }
    };
    add(outcomes.successes, "success");
    add(outcomes.failures, "failure");
    std::stable_sort(all.begin(), all.end(),
                     [](const RetrievedMemory& a, const RetrievedMemory& b) { return a.score > b.score; });
    int used = 0;
    int rank = 0;
    for (auto& m : all) {
        m.rank = ++rank;
        m.tokens = TokenCounter::estimate(lessonLine(m)) + 1;
        if (used + m.tokens <= budgetTokens) {
            m.used = true;
            used += m.tokens;
        } else if (used == 0 && budgetTokens > 16) {
            // The best lesson alone is longer than the budget: a cut lesson beats none.
            RetrievedMemory bare;
            bare.rank = m.rank;
            bare.outcomeType = m.outcomeType;
            const int overhead = TokenCounter::estimate(lessonLine(bare));
            m.text = TokenCounter::truncate(m.text, budgetTokens - overhead - 2) + "…";
            m.tokens = TokenCounter::estimate(lessonLine(m)) + 1;
            m.used = true;
            used += m.tokens;
        }
    }
    return all;
}

RunPrompt::Built RunPrompt::build(const TaskPack& pack, const PackTask& task, const std::string& schema,
                                  const std::vector<RetrievedMemory>& lessons, bool memory)
{
    Built b;
    const std::string system = pack.systemPrompt + (memory ? kMemoryInstructions : "");
    b.messages.push_back(ChatMessage::system(system));
    b.sections.push_back({"system", TokenCounter::estimate(b.messages.back())});

    std::string lessonsText;
    if (memory) {
        lessonsText = section(lessons, "success", "What worked before:") +
                      section(lessons, "failure", "What failed before (avoid these patterns):");
        if (lessonsText.empty())
            lessonsText = "(No lessons recorded yet for this task type.)\n";
        lessonsText = "Lessons from earlier runs of task type " + pack.taskType + ":\n" + lessonsText + "\n";
        b.sections.push_back({"lessons", TokenCounter::estimate(lessonsText)});
    }
    const std::string taskText = pack.renderPrompt(task, schema);
    b.sections.push_back({"task", TokenCounter::estimate(taskText)});
    b.messages.push_back(ChatMessage::user(lessonsText + taskText));
    return b;
}

} // namespace memscope
