#include "embed/OpenAiEmbedder.h"

#include "util/Error.h"
#include "util/Strings.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <string_view>
#include <utility>

namespace memscope {

namespace {

using Kind = Error::Kind;

bool hasControlCharacters(std::string_view text)
{
    for (char c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            return true;
    }
    return false;
}

} // namespace

OpenAiEmbedder::Config OpenAiEmbedder::Config::fromEnvironment(const std::string& baseUrl, const std::string& model,
                                                               const std::string& apiKey)
{
    Config config;
    config.baseUrl = trim(baseUrl);
    if (config.baseUrl.empty())
        config.baseUrl = environmentValue("OPENAI_BASE_URL");
    if (config.baseUrl.empty())
        config.baseUrl = kDefaultBaseUrl;
    config.model = trim(model);
    config.apiKey = trim(apiKey);
    if (config.apiKey.empty())
        config.apiKey = environmentValue("OPENAI_API_KEY");
    return config;
}

OpenAiEmbedder::OpenAiEmbedder(Config config)
    : m_config(std::move(config))
{
    m_config.baseUrl = trim(m_config.baseUrl);
    while (!m_config.baseUrl.empty() && m_config.baseUrl.back() == '/')
        m_config.baseUrl.pop_back();
    m_config.model = trim(m_config.model);

    const std::string shownUrl = HttpClient::displayUrl(m_config.baseUrl);
    if (m_config.model.empty())
        throw Error(Kind::InvalidArgument, "no embedding model given for " + shownUrl +
                                               " (for example text-embedding-3-small or nomic-embed-text)");
    const std::string_view base = m_config.baseUrl;
    if (base.substr(0, 7) != "http://" && base.substr(0, 8) != "https://")
        throw Error(Kind::InvalidArgument,
                    "embedding base URL must start with http:// or https://, got \"" + shownUrl + "\"");
    if (base.find_first_of("?#") != std::string_view::npos)
        throw Error(Kind::InvalidArgument, "embedding base URL must not have a query string: \"" + shownUrl +
                                               "\" (\"/embeddings\" is appended to it)");
    if (hasControlCharacters(m_config.apiKey))
        throw Error(Kind::InvalidArgument, "the API key contains line breaks or control characters");
    if (m_config.timeoutMs <= 0 || m_config.connectTimeoutMs <= 0 || m_config.maxRetries < 0 ||
        m_config.retryBackoffMs < 0 || m_config.dimension < 0 || m_config.batchSize <= 0)
        throw Error(Kind::InvalidArgument, "invalid timeout, retry, dimension or batch size for " + shownUrl);

    m_endpoint = m_config.baseUrl + "/embeddings";
    m_dimension = m_config.dimension;
}

std::string OpenAiEmbedder::id() const
{
    // displayUrl: user info or a query string in the base URL may hold credentials, and ids are stored.
    return "openai:" + m_config.model + "@" + HttpClient::displayUrl(m_config.baseUrl);
}

int OpenAiEmbedder::dimension() const
{
    if (m_dimension.load() == 0)
        embedBatch({"dimension probe"}, 0, 1, nullptr);
    return m_dimension.load();
}

std::unique_ptr<HttpClient> OpenAiEmbedder::borrowClient() const
{
    const std::lock_guard lock(m_idleMutex);
    if (m_idle.empty())
        return std::make_unique<HttpClient>();
    auto client = std::move(m_idle.back());
    m_idle.pop_back();
    return client;
}

void OpenAiEmbedder::returnClient(std::unique_ptr<HttpClient> client) const
{
    const std::lock_guard lock(m_idleMutex);
    if (m_idle.size() < 4) // more than the store's connections never wait at once
        m_idle.push_back(std::move(client));
}

std::vector<std::vector<float>> OpenAiEmbedder::embed(const std::vector<std::string>& texts,
                                                      const std::atomic_bool* cancel)
{
    std::vector<std::vector<float>> vectors;
    vectors.reserve(texts.size());
    const auto batch = static_cast<std::size_t>(m_config.batchSize);
    for (std::size_t begin = 0; begin < texts.size(); begin += batch) {
        auto part = embedBatch(texts, begin, std::min(texts.size(), begin + batch), cancel);
        for (auto& vector : part)
            vectors.push_back(std::move(vector));
    }
    return vectors;
}

std::vector<std::vector<float>> OpenAiEmbedder::embedBatch(const std::vector<std::string>& texts, std::size_t begin,
                                                           std::size_t end, const std::atomic_bool* cancel) const
{
    const std::size_t count = end - begin;
    nlohmann::json input = nlohmann::json::array();
    for (std::size_t i = begin; i < end; ++i)
        input.push_back(texts[i]);
    const nlohmann::json payload = {{"model", m_config.model}, {"input", std::move(input)}};

    HttpClient::Request request;
    request.method = HttpClient::Method::Post;
    request.url = m_endpoint;
    request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    if (!m_config.apiKey.empty())
        request.headers.emplace_back("Authorization", "Bearer " + m_config.apiKey);
    // Replace invalid UTF-8 rather than fail: one damaged record must not block a whole batch.
    request.body = payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    request.timeoutMs = m_config.timeoutMs;
    request.connectTimeoutMs = m_config.connectTimeoutMs;
    request.maxRetries = m_config.maxRetries;
    request.initialBackoffMs = m_config.retryBackoffMs;
    request.cancel = cancel;

    auto client = borrowClient();
    const HttpClient::Response response = client->send(request); // a throw drops the client with its state
    returnClient(std::move(client));
    const nlohmann::json answer = response.json();
    const auto malformed = [&](const std::string& what) {
        return Error(Kind::Network, "malformed embeddings answer from " + response.url + ": " + what);
    };

    if (!answer.is_object())
        throw malformed("not a JSON object");
    const auto data = answer.find("data");
    if (data == answer.end() || !data->is_array())
        throw malformed("no \"data\" array");
    if (data->size() != count)
        throw Error(Kind::Network, "expected " + std::to_string(count) + " embeddings from " + response.url + ", got " +
                                       std::to_string(data->size()));

    // Servers may answer out of order; "index" says which input each vector belongs to.
    std::vector<std::vector<float>> vectors(count);
    std::vector<bool> seen(count, false);
    for (std::size_t position = 0; position < count; ++position) {
        const nlohmann::json& item = (*data)[position];
        const std::string where = "item " + std::to_string(position);
        if (!item.is_object())
            throw malformed(where + " is not an object");
        std::size_t index = position;
        if (const auto it = item.find("index"); it != item.end()) {
            if (!it->is_number_integer() || it->get<long long>() < 0 ||
                it->get<long long>() >= static_cast<long long>(count))
                throw malformed(where + " has index " + it->dump() + ", expected 0 to " + std::to_string(count - 1));
            index = it->get<std::size_t>();
        }
        if (seen[index])
            throw malformed("index " + std::to_string(index) + " appears twice");
        seen[index] = true;

        const auto embedding = item.find("embedding");
        if (embedding == item.end())
            throw malformed(where + " has no \"embedding\"");
        if (embedding->is_string())
            throw malformed(where + " is base64-encoded; expected a list of numbers");
        if (!embedding->is_array() || embedding->empty())
            throw malformed(where + " has no list of numbers as \"embedding\"");
        std::vector<float>& vector = vectors[index];
        vector.reserve(embedding->size());
        for (const auto& value : *embedding) {
            const double number = value.is_number() ? value.get<double>() : NAN;
            if (!std::isfinite(number) || std::abs(number) > 3.0e38)
                throw malformed(where + " holds a value that is not a finite number: " + value.dump());
            vector.push_back(static_cast<float>(number));
        }
    }

    const std::size_t dimension = vectors.front().size();
    for (std::size_t i = 1; i < count; ++i) {
        if (vectors[i].size() != dimension)
            throw Error(Kind::Network, "embeddings of different lengths from " + response.url + ": input 0 got " +
                                           std::to_string(dimension) + " numbers, input " + std::to_string(i) +
                                           " got " + std::to_string(vectors[i].size()));
    }
    // The first answer fixes the dimension, also when two threads race to learn it.
    int expected = 0;
    if (!m_dimension.compare_exchange_strong(expected, static_cast<int>(dimension)) &&
        dimension != static_cast<std::size_t>(expected))
        throw Error(Kind::Network, "model " + m_config.model + " at " + response.url + " returned " +
                                       std::to_string(dimension) + "-dimensional vectors, expected " +
                                       std::to_string(expected));
    return vectors;
}

} // namespace memscope
