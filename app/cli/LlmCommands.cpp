// llm-check: is the configured chat endpoint usable? Lists its models, sends a one-line prompt, times it.
#include "Command.h"

#include <llm/ChatError.h>
#include <llm/EndpointProbe.h>
#include <llm/OpenAiChatClient.h>
#include <llm/ProviderProfile.h>
#include <util/Error.h>

#include <algorithm>
#include <cmath>
#include <ostream>

namespace memscope::cli {

using nlohmann::json;

namespace {

constexpr const char* kDefaultPrompt = "Reply with the single word: pong";
constexpr std::size_t kModelsShown = 12;

std::string joinModels(const std::vector<std::string>& models)
{
    std::string text;
    for (std::size_t i = 0; i < models.size() && i < kModelsShown; ++i)
        text += (i ? ", " : "") + models[i];
    if (models.size() > kModelsShown)
        text += ", ... (" + std::to_string(models.size() - kModelsShown) + " more)";
    return text;
}

long long roundMs(double ms) { return std::llround(ms); }

} // namespace

// No endpoint: say how to configure one, and whether a local Ollama is there to be used.
int reportNoEndpoint(CommandEnv& env, bool asJson)
{
    const EndpointProbeResult ollama = EndpointProbe::detectOllama();
    const bool found = ollama.reachable && ollama.ok();
    if (asJson) {
        json out = {{"ok", false},
                    {"configured", false},
                    {"error", {{"reason", "not_configured"}, {"message", "no LLM endpoint configured"}}},
                    {"ollama", {{"base_url", ollama.baseUrl}, {"running", found}, {"models", ollama.models}}},
                    {"hint", "set OPENAI_BASE_URL and MEMSCOPE_MODEL (and OPENAI_API_KEY if the endpoint wants a "
                             "key), or pass --base-url and --model"}};
        *env.out << out.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
        return 1;
    }
    std::ostream& err = *env.err;
    err << "No LLM endpoint configured. Set one in the environment (or in the workbench, Edit > Preferences):\n"
           "  export OPENAI_BASE_URL=http://localhost:11434/v1   # Ollama; llama.cpp server, vLLM, LM Studio: "
           "their /v1 URL;\n"
           "                                                     # OpenAI: https://api.openai.com/v1\n"
           "  export MEMSCOPE_MODEL=llama3.1                     # or OPENAI_MODEL, or --model\n"
           "  export OPENAI_API_KEY=...                          # only if the endpoint wants a key; never put it "
           "in a file\n";
    if (found) {
        err << "A local Ollama is running at " << ollama.baseUrl;
        if (ollama.models.empty())
            err << " but has no models yet: run 'ollama pull llama3.1'.\n";
        else
            err << " with " << ollama.models.size() << " model" << (ollama.models.size() == 1 ? "" : "s") << ": "
                << joinModels(ollama.models) << ".\nTo use it:\n  export OPENAI_BASE_URL=" << ollama.baseUrl
                << " MEMSCOPE_MODEL=" << ollama.models.front() << "\n";
    } else {
        err << "No local Ollama answers at " << ollama.baseUrl
            << " (https://ollama.com; then 'ollama pull llama3.1').\n";
    }
    return 1;
}

namespace {

int llmCheckCommand(CommandEnv& env, const CliArgs& args)
{
    const bool asJson = args.flag("json");
    ProviderProfile profile = chatProfile(args);
    profile.timeoutMs = args.integer("timeout", 60000, 1, 3600000);
    profile.stallTimeoutMs = std::min<long>(profile.timeoutMs, 30000);
    profile.maxRetries = static_cast<int>(args.integer("retries", 1, 0, 10));
    if (profile.baseUrl.empty())
        return reportNoEndpoint(env, asJson);

    json out = {{"configured", true}, {"base_url", profile.displayBaseUrl()}, {"provider", profile.name}};
    std::ostream& text = *env.out;
    if (!asJson)
        text << "endpoint:  " << profile.displayBaseUrl() << " (" << profile.name << ")\n";

    const EndpointProbeResult listing = EndpointProbe::listModels(profile.baseUrl, profile.apiKey);
    out["models"] = listing.models;
    if (!listing.ok())
        out["models_error"] = listing.error;
    if (!asJson) {
        if (listing.ok())
            text << "models:    " << listing.models.size() << " listed in " << roundMs(listing.latencyMs)
                 << " ms: " << (listing.models.empty() ? std::string("(none)") : joinModels(listing.models)) << '\n';
        else
            text << "models:    not listed (" << listing.error << ")\n";
    }

    std::string note;
    if (profile.model.empty() && !listing.models.empty()) {
        profile.model = listing.models.front();
        note = "no model configured; trying the first one listed (set MEMSCOPE_MODEL or pass --model)";
    } else if (!profile.model.empty() && !listing.models.empty() &&
               std::find(listing.models.begin(), listing.models.end(), profile.model) == listing.models.end()) {
        note = "'" + profile.model + "' is not among the models the endpoint lists";
    }
    out["model"] = profile.model;
    if (!note.empty())
        out["note"] = note;
    if (!asJson)
        text << "model:     " << (profile.model.empty() ? std::string("(none)") : profile.model)
             << (note.empty() ? std::string() : "  -- " + note) << '\n'
             << std::flush;

    ChatRequest request;
    request.messages = {ChatMessage::user(args.value("prompt", kDefaultPrompt))};
    request.maxTokens = static_cast<int>(args.integer("max-tokens", 64, 1, 100000));
    request.stream = !args.flag("no-stream");
    try {
        OpenAiChatClient client(profile);
        const ChatResponse response = client.complete(request);
        out["ok"] = true;
        out["reply"] = response.message.content;
        out["finish_reason"] = response.finishReason;
        out["streamed"] = request.stream;
        out["latency_ms"] = roundMs(response.latencyMs);
        out["first_token_ms"] = roundMs(response.firstTokenMs);
        out["usage"] = {{"prompt_tokens", response.usage.promptTokens},
                        {"completion_tokens", response.usage.completionTokens},
                        {"estimated", response.usage.estimated}};
        if (asJson) {
            *env.out << out.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
            return 0;
        }
        text << "reply:     " << oneLine(response.message.content)
             << (response.finishReason.empty() ? std::string() : "  [" + response.finishReason + "]") << '\n'
             << "latency:   " << roundMs(response.latencyMs) << " ms, first token after "
             << roundMs(response.firstTokenMs) << " ms (" << (request.stream ? "streamed" : "not streamed") << ")\n"
             << "tokens:    " << response.usage.promptTokens << " prompt + " << response.usage.completionTokens
             << " completion" << (response.usage.estimated ? " (estimated; the server reported none)" : "") << '\n'
             << "OK\n";
        return 0;
    } catch (const ChatError& e) {
        if (!asJson)
            throw;
        out["ok"] = false;
        out["error"] = {{"reason", chatErrorReasonName(e.reason())}, {"message", e.what()}};
        if (e.status())
            out["error"]["status"] = e.status();
        *env.out << out.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
        return e.kind() == Error::Kind::InvalidArgument ? 2 : 1;
    }
}

} // namespace

void addLlmCommands(std::vector<Command>& commands)
{
    commands.push_back({"llm-check",
                        "check the chat (LLM) endpoint: list its models, send a one-line prompt, time it",
                        "llm-check [--base-url URL] [--model M] [--prompt TEXT] [--timeout MS] [--retries N]\n"
                        "                 [--max-tokens N] [--no-stream] [--json]\n\n"
                        "The endpoint is any OpenAI-compatible /v1 URL (OpenAI, Ollama, llama.cpp server, vLLM,\n"
                        "LM Studio): --base-url, else $OPENAI_BASE_URL; the model --model, else $MEMSCOPE_MODEL or\n"
                        "$OPENAI_MODEL (else the first the endpoint lists); the key comes from $OPENAI_API_KEY only.\n"
                        "With no endpoint configured it says how to set one and whether a local Ollama is running\n"
                        "($OLLAMA_HOST, else localhost:11434). Exit status 0 when the model answered.",
                        {{"base-url", "model", "prompt", "timeout", "retries", "max-tokens"}, {"json", "no-stream"}},
                        llmCheckCommand});
}

} // namespace memscope::cli
