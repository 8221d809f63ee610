#pragma once

#include "agent/RunOptions.h"
#include "agent/RunTrace.h"

#include <atomic>
#include <functional>
#include <string>
#include <string_view>

namespace memscope {

class ChatClient;
class MemoryStore;
struct PackTask;
struct TaskPack;

// The continual-learning loop of one task, every step recorded: task intake → memory prefetch (successes
// and failures of the task type, global plus the user's scope, fitted to a token budget) → plan and act
// (the model, with the pack's tools, within its limits) → evaluate (the pack's evaluator) → writeback (a
// lesson with outcome_type, task_type, tool_name, version, run_id, timestamp, severity into task_outcomes).
//
// run() does not throw for what goes wrong inside a run (an endpoint that fails, a cancel, a judge that
// cannot be asked): the run is stored with status "failed" or "cancelled" and the reason, and returned.
// It throws only when the store itself cannot be written.
class AgentRunner {
public:
    enum class Event {
        Started,   // the trace has its run id, task and filters
        Retrieved, // lessons fetched and fitted
        Prompted,  // the prompt is built (before the first LLM call)
        Delta,     // answer text streaming in (`delta`)
        Step,      // an LLM or tool call finished (the last of trace.steps)
        Evaluated, // the evaluation and the lesson
        Finished,  // stored; status final
    };
    // Called on the thread that runs run(); must not call back into the runner.
    using Observer = std::function<void(Event event, const RunTrace& trace, std::string_view delta)>;

    AgentRunner(MemoryStore& store, ChatClient& chat);

    RunTrace run(const TaskPack& pack, const PackTask& task, const RunOptions& options, const Observer& observer = {},
                 const std::atomic_bool* cancel = nullptr);

private:
    MemoryStore& m_store;
    ChatClient& m_chat;
};

} // namespace memscope
