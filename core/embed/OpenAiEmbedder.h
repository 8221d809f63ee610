#pragma once

#include "embed/Embedder.h"
#include "net/HttpClient.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace memscope {

// Embeddings from any OpenAI-compatible endpoint (OpenAI, Azure-style proxies, Ollama, llama.cpp, vLLM,
// LM Studio): POST {baseUrl}/embeddings {"model": ..., "input": [...]}. Thread-safe: concurrent calls each
// borrow an HTTP client (with its open connections) from a small pool.
class OpenAiEmbedder : public Embedder {
public:
    static constexpr const char* kDefaultBaseUrl = "https://api.openai.com/v1";

    struct Config {
        std::string baseUrl; // "https://api.openai.com/v1", "http://localhost:11434/v1"
        std::string model;
        std::string apiKey;    // optional; sent as "Authorization: Bearer <key>", never shown in messages
        int timeoutMs = 60000; // per attempt
        int connectTimeoutMs = 10000;
        int maxRetries = 3;
        int retryBackoffMs = 500; // first back-off; doubles per retry
        int dimension = 0;        // 0 = unknown: learnt from the first answer
        int batchSize = 64;       // texts per request; embed() splits larger inputs

        // Explicit values win; an empty baseUrl comes from OPENAI_BASE_URL, else kDefaultBaseUrl; an empty
        // apiKey from OPENAI_API_KEY. Values are trimmed (a key pasted with its newline still works).
        static Config fromEnvironment(const std::string& baseUrl, const std::string& model,
                                      const std::string& apiKey = {});
    };

    // Throws Error(InvalidArgument) for a missing model, a base URL that is not http(s), or bad numbers.
    explicit OpenAiEmbedder(Config config);

    // "openai:<model>@<baseUrl without trailing slash>"
    std::string id() const override;
    // The configured or learnt dimension; when neither is known yet, one probe request learns it (and may
    // throw like embed()).
    int dimension() const override;
    std::vector<std::vector<float>> embed(const std::vector<std::string>& texts,
                                          const std::atomic_bool* cancel = nullptr) override;
    int preferredBatchSize() const override { return m_config.batchSize; }

    const Config& config() const { return m_config; }
    // Where requests go: "<baseUrl>/embeddings".
    const std::string& endpoint() const { return m_endpoint; }

private:
    std::vector<std::vector<float>> embedBatch(const std::vector<std::string>& texts, std::size_t begin,
                                               std::size_t end, const std::atomic_bool* cancel) const;

    Config m_config;
    std::string m_endpoint;
    // Idle clients keep their connections open for the next call; mutable: dimension() const may have to
    // ask the server.
    std::unique_ptr<HttpClient> borrowClient() const;
    void returnClient(std::unique_ptr<HttpClient> client) const;

    mutable std::mutex m_idleMutex;
    mutable std::vector<std::unique_ptr<HttpClient>> m_idle;
    mutable std::atomic<int> m_dimension{0};
};

} // namespace memscope
