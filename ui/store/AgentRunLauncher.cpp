#include "store/AgentRunLauncher.h"

#include "settings/Settings.h"
#include "store/StoreSession.h"
#include "store/StoreWorker.h"

#include <agent/AgentRunner.h>
#include <agent/PackLibrary.h>
#include <agent/WritebackWorker.h>
#include <llm/OpenAiChatClient.h>
#include <storage/MemoryStore.h>
#include <util/Error.h>
#include <util/Ids.h>

namespace memscope::ui {

AgentRunLauncher::AgentRunLauncher(StoreSession* session, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_cancel(std::make_shared<std::atomic_bool>(false))
{
    connect(m_session, &StoreSession::closed, this, &AgentRunLauncher::stop);
}

AgentRunLauncher::~AgentRunLauncher()
{
    m_cancel->store(true);
    m_worker.reset(); // waits for the run in progress, which stops at its next cancel check
}

ProviderProfile AgentRunLauncher::profileFor(const Settings& settings, const QString& endpoint)
{
    ProviderProfile profile = ProviderProfile::fromEnvironment();
    const LlmEndpoint chosen = settings.llmEndpoint(endpoint);
    if (const QString url = chosen.baseUrl.trimmed(); !url.isEmpty())
        profile.baseUrl = url.toStdString();
    if (const QString model = chosen.model.trimmed(); !model.isEmpty())
        profile.model = model.toStdString();
    // The name also says whose keychain entry holds the key.
    profile.name = chosen.name.toStdString();
    return profile;
}

void AgentRunLauncher::stop()
{
    m_cancel->store(true);
    m_worker.reset();
    setRunning(false);
}

void AgentRunLauncher::cancel() { m_cancel->store(true); }

void AgentRunLauncher::setRunning(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    emit runningChanged(running);
}

bool AgentRunLauncher::start(const RunRequest& request, const ProviderProfile& profile)
{
    if (m_running || !m_session->isOpen()) {
        emit failed(m_running ? tr("A run is already in progress.") : tr("No store is open."));
        return false;
    }
    if (!m_worker) {
        try {
            m_worker = std::make_unique<StoreWorker>(m_session->uiStore().clone());
        } catch (const Error& e) {
            emit failed(QString::fromStdString(e.what()));
            return false;
        }
    }
    m_cancel = std::make_shared<std::atomic_bool>(false);
    setRunning(true);
    const int runs = request.runCount();
    // Made here, so the UI knows which batch a learning curve went to.
    const std::string batchId = runs > 1 ? "batch_" + newUuid().substr(0, 8) : std::string();
    auto* receiver = this;
    const auto post = [receiver](auto fn) { QMetaObject::invokeMethod(receiver, std::move(fn), Qt::QueuedConnection); };
    m_worker
        ->run([request, profile, batchId, runs, cancel = m_cancel, post, receiver](MemoryStore& store) -> int {
            const TaskPack pack = PackLibrary(PackLibrary::defaultFolders()).load(request.pack.toStdString());
            const std::vector<const PackTask*> tasks = pack.selectTasks(request.taskId.toStdString());
            OpenAiChatClient chat(profile);
            store.semantic().waitLoaded(60000); // complete semantic scores for the prefetch

            RunOptions options;
            options.userId = request.userId.isEmpty() ? std::string("global") : request.userId.toStdString();
            options.memory = request.memory || request.withControl;
            options.version = request.version.toStdString();
            options.model = profile.model;
            options.lessonBudgetTokens = std::max(0, request.lessonBudgetTokens);
            options.lessonsPerOutcome = std::max(0, request.lessonsPerOutcome);
            options.toolFilter = request.toolFilter.trimmed().toStdString();
            options.versionFilter = request.versionFilter.trimmed().toStdString();
            if (request.sinceDays > 0)
                options.since = nowMicros() - static_cast<Micros>(request.sinceDays) * 24 * 3600 * 1000000;
            options.writeback = request.writeback == RunOptions::Writeback::Queue ? RunOptions::Writeback::Queue
                                                                                  : RunOptions::Writeback::Inline;
            options.batchId = batchId;
            // The control arm: no prefetch, and no lesson either, or it would teach the memory arm.
            RunOptions control = options;
            control.memory = false;
            control.writeback = RunOptions::Writeback::Off;
            control.llmLesson = false; // its lesson would be thrown away: no tokens for it

            const AgentRunner::Observer observer = [post, receiver](AgentRunner::Event event, const RunTrace& trace,
                                                                    std::string_view delta) {
                if (event == AgentRunner::Event::Delta) {
                    post([receiver, id = QString::fromStdString(trace.runId),
                          text = QString::fromUtf8(delta.data(), static_cast<qsizetype>(delta.size()))] {
                        emit receiver->outputDelta(id, text);
                    });
                    return;
                }
                // A copy: the runner goes on changing its trace on this thread.
                post([receiver, event, copy = trace] {
                    emit receiver->traceUpdated(copy, static_cast<int>(event));
                    if (event == AgentRunner::Event::Finished)
                        emit receiver->runFinished(copy);
                });
            };
            AgentRunner runner(store, chat);
            const int episodes = std::max(1, request.episodes);
            int done = 0;
            for (int episode = 1; episode <= episodes && !cancel->load(); ++episode) {
                const PackTask& task = *tasks[static_cast<std::size_t>(episode - 1) % tasks.size()];
                for (RunOptions* arm : {&options, &control}) {
                    if ((arm == &control && !request.withControl) || cancel->load())
                        continue;
                    const int index = done + 1;
                    post([receiver, index, runs] { emit receiver->episodeStarted(index, runs); });
                    arm->episode = batchId.empty() ? 0 : episode;
                    const RunTrace trace = runner.run(pack, task, *arm, observer, cancel.get());
                    ++done;
                    // Queued lessons are written now, on this thread, so the next episode can retrieve them.
                    if (trace.writeback == "queued")
                        WritebackWorker::drainOnce(store, "agent:" + arm->agentId);
                }
            }
            return done;
        })
        .then(this, [this, runs, batchId, curve = request.withControl, cancel = m_cancel](TaskResult<int> result) {
            setRunning(false);
            if (!result.ok()) {
                emit failed(result.error->message);
                return;
            }
            emit batchFinished(*result.value, runs, cancel->load());
            if (curve && *result.value > 0)
                emit learningCurveFinished(QString::fromStdString(batchId));
        });
    return true;
}

} // namespace memscope::ui
