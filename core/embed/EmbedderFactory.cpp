#include "embed/EmbedderFactory.h"

#include "embed/HashingEmbedder.h"
#include "embed/OpenAiEmbedder.h"
#include "util/Error.h"

namespace memscope {

std::shared_ptr<Embedder> EmbedderFactory::builtin() { return std::make_shared<HashingEmbedder>(); }

std::shared_ptr<Embedder> EmbedderFactory::create(const Choice& choice)
{
    if (choice.model.empty() && choice.url.empty())
        return builtin();
    if (choice.model.empty())
        throw Error(Error::Kind::InvalidArgument,
                    "an embedding endpoint (" + choice.url + ") needs a model: pass --embed-model NAME");
    return std::make_shared<OpenAiEmbedder>(
        OpenAiEmbedder::Config::fromEnvironment(choice.url, choice.model, choice.apiKey));
}

} // namespace memscope
