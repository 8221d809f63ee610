#include "llm/EndpointProbe.h"

#include "llm/OpenAiChatFormat.h"
#include "net/HttpClient.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdlib>

namespace memscope {

using nlohmann::json;

namespace {

std::string withoutTrailingSlashes(std::string url)
{
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    return url;
}

std::string trimmed(std::string text)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && isSpace(text.back()))
        text.pop_back();
    std::size_t start = 0;
    while (start < text.size() && isSpace(text[start]))
        ++start;
    return text.substr(start);
}

// Model ids from OpenAI's {"data": [{"id"}]} or Ollama's {"models": [{"name"|"model"}]}; false when neither.
bool readModels(const json& body, std::vector<std::string>& models)
{
    if (!body.is_object())
        return false;
    const auto collect = [&](const char* listKey, std::initializer_list<const char*> idKeys) {
        const auto list = body.find(listKey);
        if (list == body.end() || !list->is_array())
            return false;
        for (const auto& item : *list) {
            for (const char* key : idKeys) {
                if (item.is_object() && item.contains(key) && item[key].is_string()) {
                    models.push_back(item[key].get<std::string>());
                    break;
                }
            }
            if (item.is_string())
                models.push_back(item.get<std::string>());
        }
        return true;
    };
    return collect("data", {"id", "name"}) || collect("models", {"name", "model", "id"});
}

EndpointProbeResult get(const std::string& url, const std::string& shownBase, const std::string& apiKey, long timeoutMs,
                        const std::atomic_bool* cancel)
{
    EndpointProbeResult result;
    result.baseUrl = shownBase;
    HttpClient::Request request;
    request.url = url;
    request.headers = {{"Accept", "application/json"}};
    if (!apiKey.empty())
        request.headers.emplace_back("Authorization", "Bearer " + apiKey);
    const int ms = static_cast<int>(std::clamp<long>(timeoutMs, 1, INT_MAX));
    request.timeoutMs = ms;
    request.connectTimeoutMs = ms;
    request.maxRetries = 0; // a probe answers "is it there now?"
    request.cancel = cancel;
    request.throwOnHttpError = false;

    const auto start = std::chrono::steady_clock::now();
    try {
        HttpClient client;
        const HttpClient::Response response = client.send(request);
        result.latencyMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        result.reachable = true;
        result.status = response.status;
        const std::string shown = HttpClient::displayUrl(url);
        if (response.status == 401 || response.status == 403) {
            result.authRequired = true;
            result.error = apiKey.empty()
                               ? shown + " wants an API key (HTTP " + std::to_string(response.status) + ")"
                               : shown + " refused the API key (HTTP " + std::to_string(response.status) + ")";
        } else if (response.status < 200 || response.status >= 300) {
            result.error = shown + " answered HTTP " + std::to_string(response.status);
        } else if (!readModels(json::parse(response.body, nullptr, false), result.models)) {
            result.error = shown + " did not answer with a model list (first bytes: \"" +
                           OpenAiChatFormat::quote(response.body, 80) + "\")";
        }
        result.error = HttpClient::redact(result.error, request.headers);
    } catch (const Error& e) {
        if (e.kind() == Error::Kind::Cancelled)
            throw;
        result.error = e.what(); // HttpClient's words, credentials already scrubbed
    }
    return result;
}

} // namespace

EndpointProbeResult EndpointProbe::listModels(const std::string& baseUrl, const std::string& apiKey, long timeoutMs,
                                              const std::atomic_bool* cancel)
{
    const std::string base = withoutTrailingSlashes(trimmed(baseUrl));
    if (base.empty()) {
        EndpointProbeResult result;
        result.error = "no base URL given";
        return result;
    }
    return get(base + "/models", withoutTrailingSlashes(HttpClient::displayUrl(base)), trimmed(apiKey), timeoutMs,
               cancel);
}

std::string EndpointProbe::ollamaBaseUrl()
{
    const char* env = std::getenv("OLLAMA_HOST");
    std::string host = env ? trimmed(env) : std::string();
    if (host.empty())
        return "http://localhost:11434/v1";
    if (host.find("://") == std::string::npos)
        host = "http://" + host;
    host = withoutTrailingSlashes(host);
    // Ollama's own default port when OLLAMA_HOST names only a host.
    const auto authority = host.substr(host.find("://") + 3);
    if (authority.find(':') == std::string::npos && authority.find(']') == std::string::npos)
        host += ":11434";
    if (host.size() >= 3 && host.compare(host.size() - 3, 3, "/v1") == 0)
        return host;
    return host + "/v1";
}

EndpointProbeResult EndpointProbe::detectOllama(long timeoutMs, const std::atomic_bool* cancel)
{
    return detectOllama(ollamaBaseUrl(), timeoutMs, cancel);
}

EndpointProbeResult EndpointProbe::detectOllama(const std::string& baseUrl, long timeoutMs,
                                                const std::atomic_bool* cancel)
{
    EndpointProbeResult result = listModels(baseUrl, {}, timeoutMs, cancel);
    if (result.ok() || !result.reachable)
        return result;
    // Reachable but no /v1/models: an Ollama older than that listing still has /api/tags.
    std::string root = withoutTrailingSlashes(trimmed(baseUrl));
    if (root.size() >= 3 && root.compare(root.size() - 3, 3, "/v1") == 0)
        root.resize(root.size() - 3);
    EndpointProbeResult tags = get(root + "/api/tags", result.baseUrl, {}, timeoutMs, cancel);
    if (!tags.ok())
        return result;
    tags.ollama = true;
    return tags;
}

} // namespace memscope
