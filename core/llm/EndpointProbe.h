#pragma once

#include <atomic>
#include <string>
#include <vector>

namespace memscope {

// What an endpoint answered to "which models do you serve?".
struct EndpointProbeResult {
    std::string baseUrl;             // what was probed (display form, no credentials)
    bool reachable = false;          // something answered HTTP
    bool authRequired = false;       // it answered 401/403
    bool ollama = false;             // the models came from Ollama's own /api/tags
    std::vector<std::string> models; // ids as the endpoint lists them, in its order
    long status = 0;                 // HTTP status of the listing; 0 when nothing answered
    double latencyMs = 0;
    std::string error; // why there is no listing, in words; empty on success

    bool ok() const { return error.empty(); }
};

// Looks for model endpoints without ever throwing for "nothing there" (only Error(Cancelled) when the
// flag is raised): a refused connection, a timeout, a 404 or a body that is no model list come back as
// EndpointProbeResult::error.
class EndpointProbe {
public:
    static constexpr long kDefaultTimeoutMs = 3000;
    static constexpr long kOllamaTimeoutMs = 800; // on this machine: answers in milliseconds or not at all

    // GET {baseUrl}/models, OpenAI's {"data": [{"id": ...}]} (Ollama's {"models": [{"name": ...}]} accepted).
    static EndpointProbeResult listModels(const std::string& baseUrl, const std::string& apiKey = {},
                                          long timeoutMs = kDefaultTimeoutMs, const std::atomic_bool* cancel = nullptr);

    // Where a local Ollama would be: $OLLAMA_HOST ("host:port" or a URL, as Ollama reads it), else
    // http://localhost:11434; returned with "/v1" appended, ready as an OpenAI base URL.
    static std::string ollamaBaseUrl();

    // Is a local Ollama running? Tries {ollamaBaseUrl()}/models, then Ollama's /api/tags (versions before
    // the /v1/models listing). reachable && ok() means yes; baseUrl is then the one to configure.
    static EndpointProbeResult detectOllama(long timeoutMs = kOllamaTimeoutMs,
                                            const std::atomic_bool* cancel = nullptr);
    static EndpointProbeResult detectOllama(const std::string& baseUrl, long timeoutMs,
                                            const std::atomic_bool* cancel = nullptr);
};

} // namespace memscope
