#pragma once

#include <atomic>
#include <string>
#include <vector>

namespace memscope {

// Turns texts into vectors. Implementations are thread-safe: store connections cloned onto several threads
// (the workbench's reader, writer and background embedder) share one instance.
class Embedder {
public:
    virtual ~Embedder() = default;

    // Names the model and everything that changes its vectors ("builtin:hash-ngram-v1:256",
    // "openai:text-embedding-3-small@https://api.openai.com/v1"). Vectors of different ids never meet in
    // one search.
    virtual std::string id() const = 0;
    virtual int dimension() const = 0;

    // One vector per text, in order, each of dimension() floats. `cancel`, when set, is polled and the call
    // throws Error(Cancelled) soon after it becomes true. Throws Error(Network/InvalidArgument) on failure.
    virtual std::vector<std::vector<float>> embed(const std::vector<std::string>& texts,
                                                  const std::atomic_bool* cancel = nullptr) = 0;

    // How many texts one embed() call should carry (HTTP endpoints want batches, local ones do not care).
    virtual int preferredBatchSize() const { return 64; }
};

} // namespace memscope
