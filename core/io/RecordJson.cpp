#include "io/RecordJson.h"

#include "util/Error.h"
#include "util/Ids.h"

namespace memscope {

namespace {

using nlohmann::json;

[[noreturn]] void fieldError(const std::string& field, const std::string& reason)
{
    throw Error(Error::Kind::InvalidArgument, "field '" + field + "': " + reason);
}

std::string shortDump(const json& value)
{
    std::string text = value.dump();
    if (text.size() > 60)
        text = text.substr(0, 57) + "...";
    return text;
}

std::string optionalString(const json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return {};
    if (!it->is_string())
        fieldError(key, "expected a string or null, got " + shortDump(*it));
    return it->get<std::string>();
}

std::optional<Micros> optionalTime(const json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return std::nullopt;
    if (it->is_number())
        return microsFromEpochNumber(it->get<double>());
    if (it->is_string()) {
        if (auto t = parseIsoTime(it->get<std::string>()))
            return t;
        fieldError(key, "not an ISO-8601 time: " + shortDump(*it));
    }
    fieldError(key, "expected an ISO-8601 time, a number or null, got " + shortDump(*it));
}

} // namespace

void RecordJson::validateMetadata(const json& metadata)
{
    if (!metadata.is_object())
        fieldError("metadata", "expected an object, got " + shortDump(metadata));
    if (const auto it = metadata.find("outcome_type"); it != metadata.end() && !it->is_null()) {
        if (!it->is_string() || !parseOutcome(it->get<std::string>()))
            fieldError("metadata.outcome_type",
                       "must be one of success, failure, partial, unknown; got " + shortDump(*it));
    }
    if (const auto it = metadata.find("user_scope"); it != metadata.end() && !it->is_null()) {
        if (!it->is_string() || (*it != "global" && *it != "user_specific"))
            fieldError("metadata.user_scope", "must be global or user_specific; got " + shortDump(*it));
    }
    if (const auto it = metadata.find("tags"); it != metadata.end() && !it->is_null()) {
        if (!it->is_array())
            fieldError("metadata.tags", "expected a list of strings, got " + shortDump(*it));
        for (const auto& tag : *it)
            if (!tag.is_string())
                fieldError("metadata.tags", "expected a list of strings, found " + shortDump(tag));
    }
    if (const auto it = metadata.find("timestamp"); it != metadata.end() && !it->is_null()) {
        const bool ok = it->is_number() || (it->is_string() && parseIsoTime(it->get<std::string>()));
        if (!ok)
            fieldError("metadata.timestamp", "expected an ISO-8601 time or epoch seconds, got " + shortDump(*it));
    }
    for (const char* key : {"task_type", "tool_name", "version", "severity"}) {
        const auto it = metadata.find(key);
        if (it != metadata.end() && !it->is_null() && !it->is_string() && !it->is_number())
            fieldError(std::string("metadata.") + key, "expected a string or a number, got " + shortDump(*it));
    }
}

MemoryRecord RecordJson::fromJson(const json& value)
{
    if (!value.is_object())
        throw Error(Error::Kind::InvalidArgument, "a record must be a JSON object, got " + shortDump(value));
    MemoryRecord r;

    const json* text = nullptr;
    const char* textKey = "memory";
    if (auto it = value.find("memory"); it != value.end() && !it->is_null())
        text = &*it;
    else if (auto it2 = value.find("content"); it2 != value.end() && !it2->is_null()) {
        text = &*it2;
        textKey = "content";
    }
    if (!text)
        fieldError("memory", "missing: every record needs its text in 'memory' (or 'content')");
    if (!text->is_string())
        fieldError(textKey, "expected a string, got " + shortDump(*text));
    r.memory = text->get<std::string>();
    if (r.memory.find_first_not_of(" \t\r\n") == std::string::npos)
        fieldError(textKey, "the text is empty");

    r.id = optionalString(value, "id");
    if (r.id.size() > 200)
        fieldError("id", "longer than 200 characters");
    r.userId = optionalString(value, "user_id");
    r.agentId = optionalString(value, "agent_id");
    r.runId = optionalString(value, "run_id");
    r.collection = optionalString(value, "collection");
    if (r.collection.empty())
        r.collection = kDefaultCollection;

    if (auto it = value.find("metadata"); it != value.end() && !it->is_null()) {
        validateMetadata(*it);
        r.metadata = *it;
    }
    // The continual-learning article keeps run_id in metadata; make it the record's run id when the
    // top level has none, so `run_id` filters and the CLI's --run-id find it.
    if (r.runId.empty())
        if (auto it = r.metadata.find("run_id"); it != r.metadata.end() && it->is_string())
            r.runId = it->get<std::string>();

    if (auto it = value.find("state"); it != value.end() && !it->is_null()) {
        if (!it->is_string() || !parseState(it->get<std::string>()))
            fieldError("state", "must be active, archived or deleted; got " + shortDump(*it));
        r.state = *parseState(it->get<std::string>());
    }
    r.createdAt = optionalTime(value, "created_at").value_or(0);
    r.updatedAt = optionalTime(value, "updated_at").value_or(0);
    r.expirationDate = optionalTime(value, "expiration_date");

    static const char* const known[] = {"id",     "memory",          "content",  "hash",  "user_id",    "agent_id",
                                        "run_id", "collection",      "metadata", "state", "created_at", "updated_at",
                                        "score",  "expiration_date", "event"};
    for (auto it = value.begin(); it != value.end(); ++it) {
        bool isKnown = false;
        for (const char* k : known)
            isKnown = isKnown || it.key() == k;
        if (!isKnown)
            r.extra[it.key()] = it.value();
    }
    r.hash = md5Hex(r.memory);
    return r;
}

json RecordJson::toJson(const MemoryRecord& r)
{
    json out = json::object();
    out["id"] = r.id;
    out["memory"] = r.memory;
    out["hash"] = r.hash;
    out["user_id"] = r.userId.empty() ? json(nullptr) : json(r.userId);
    out["agent_id"] = r.agentId.empty() ? json(nullptr) : json(r.agentId);
    out["run_id"] = r.runId.empty() ? json(nullptr) : json(r.runId);
    out["collection"] = r.collection;
    out["metadata"] = r.metadata;
    out["state"] = stateName(r.state);
    out["created_at"] = formatIsoTime(r.createdAt);
    out["updated_at"] = formatIsoTime(r.updatedAt);
    out["expiration_date"] = r.expirationDate ? json(formatIsoTime(*r.expirationDate)) : json(nullptr);
    if (r.extra.is_object())
        for (auto it = r.extra.begin(); it != r.extra.end(); ++it)
            if (!out.contains(it.key()))
                out[it.key()] = it.value();
    return out;
}

} // namespace memscope
