#pragma once

#include <string>

namespace memscope {

// Where the chat model lives and how to talk to it. The key is held in memory only: it comes from the
// environment or the system keychain (the GUI's ApiKeyStore), never from a settings file, and no message
// or log shows it (describe() leaves it out).
struct ProviderProfile {
    static constexpr const char* kOpenAiBaseUrl = "https://api.openai.com/v1";
    static constexpr const char* kOllamaBaseUrl = "http://localhost:11434/v1";

    std::string name;    // "openai", "ollama", "custom", ... for display only
    std::string baseUrl; // ends at "/v1": "/chat/completions" and "/models" are appended
    std::string model;
    std::string apiKey;      // optional; sent as "Authorization: Bearer <key>"
    long timeoutMs = 120000; // total per attempt; 0 = none
    int maxRetries = 3;      // on 429, 5xx and failed connections, before any answer text arrived

    long connectTimeoutMs = 10000;
    long stallTimeoutMs = 60000; // a stream (or the wait for its first byte) silent this long fails; 0 = off
    int retryBackoffMs = 500;    // first back-off; doubles per retry, jittered, unless Retry-After says
    int maxRetryAfterMs = 60000; // a longer Retry-After fails at once rather than block the caller

    // OPENAI_BASE_URL, OPENAI_API_KEY, MEMSCOPE_MODEL (else OPENAI_MODEL); values trimmed. With a key but no
    // base URL the base URL is OpenAI's; with neither, baseUrl stays empty (not configured).
    static ProviderProfile fromEnvironment();

    // A base URL and a model are set.
    bool configured() const;

    // "ollama" for port 11434, "openai" for api.openai.com, else "custom".
    static std::string guessName(const std::string& baseUrl);
    // "ollama: llama3.1 at http://localhost:11434/v1", with no key or URL credentials.
    std::string describe() const;
    // The base URL without trailing slashes, user info or query: what messages show.
    std::string displayBaseUrl() const;
};

} // namespace memscope
