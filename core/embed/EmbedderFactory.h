#pragma once

#include <memory>
#include <string>

namespace memscope {

class Embedder;

// Which embedder a process uses: the built-in offline one unless an endpoint is configured.
class EmbedderFactory {
public:
    struct Choice {
        std::string url;    // --embed-url; else OPENAI_BASE_URL when a model is given
        std::string model;  // --embed-model; empty = built-in
        std::string apiKey; // from the keychain or OPENAI_API_KEY, never from settings files
    };

    static std::shared_ptr<Embedder> builtin();
    // Built-in when neither a model nor a URL is chosen; else the OpenAI-compatible client.
    // Throws Error(InvalidArgument) for an incomplete choice (a URL without a model).
    static std::shared_ptr<Embedder> create(const Choice& choice);
};

} // namespace memscope
