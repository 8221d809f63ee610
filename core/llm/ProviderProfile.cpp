#include "llm/ProviderProfile.h"

#include "net/HttpClient.h"
#include "util/Strings.h"

#include <cstdlib>
#include <string_view>

namespace memscope {

ProviderProfile ProviderProfile::fromEnvironment()
{
    ProviderProfile profile;
    profile.baseUrl = environmentValue("OPENAI_BASE_URL");
    profile.apiKey = environmentValue("OPENAI_API_KEY");
    profile.model = environmentValue("MEMSCOPE_MODEL");
    if (profile.model.empty())
        profile.model = environmentValue("OPENAI_MODEL");
    if (profile.baseUrl.empty() && !profile.apiKey.empty())
        profile.baseUrl = kOpenAiBaseUrl; // a key alone means OpenAI, as the official clients assume
    profile.name = profile.baseUrl.empty() ? std::string() : guessName(profile.baseUrl);
    return profile;
}

bool ProviderProfile::configured() const { return !trim(baseUrl).empty() && !trim(model).empty(); }

std::string ProviderProfile::guessName(const std::string& baseUrl)
{
    const std::string url = HttpClient::displayUrl(trim(baseUrl));
    if (url.find("api.openai.com") != std::string::npos)
        return "openai";
    if (url.find(":11434") != std::string::npos)
        return "ollama";
    if (url.find(":1234/") != std::string::npos || url.ends_with(":1234"))
        return "lmstudio";
    return "custom";
}

std::string ProviderProfile::displayBaseUrl() const
{
    std::string url = HttpClient::displayUrl(trim(baseUrl));
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    return url;
}

std::string ProviderProfile::describe() const
{
    std::string text = name.empty() ? guessName(baseUrl) : name;
    text += ": " + (model.empty() ? std::string("(no model)") : model) + " at " +
            (baseUrl.empty() ? std::string("(no base URL)") : displayBaseUrl());
    return text;
}

} // namespace memscope
