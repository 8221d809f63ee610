#include "filter/FilterField.h"

#include "model/MemoryRecord.h"
#include "util/Error.h"

#include <string_view>
#include <utility>

namespace memscope {

namespace {

[[noreturn]] void reject(const std::string& key, const std::string& reason)
{
    throw Error(Error::Kind::InvalidArgument, "filter: key '" + key + "': " + reason);
}

// One step of a SQLite JSON path naming the object member `segment`. SQLite 3.40 compares the label
// with the member name as the JSON text spells it (escapes included; newer versions decode both sides),
// and metadata is always written by nlohmann::json, which escapes only '"', '\' and control characters.
// So '\' is written "\\" either way; a '"' cannot appear in a quoted label, so a name with one is written
// unquoted as \" (which rules out '.' and '[' in that name).
std::string pathStep(const std::string& key, const std::string& segment)
{
    if (segment.empty())
        reject(key, "a metadata key must not be empty");
    for (const char c : segment)
        if (static_cast<unsigned char>(c) < 0x20)
            reject(key, "control characters are not allowed in a metadata key");
    const bool hasQuote = segment.find('"') != std::string::npos;
    if (hasQuote && segment.find_first_of(".[") != std::string::npos)
        reject(key, "a metadata key cannot contain both '\"' and '.' or '['");
    std::string step = hasQuote ? "." : ".\"";
    for (const char c : segment) {
        if (c == '"' || c == '\\')
            step += '\\';
        step += c;
    }
    if (!hasQuote)
        step += '"';
    return step;
}

std::vector<std::string> splitDots(const std::string& text)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t dot = text.find('.', start);
        parts.push_back(text.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos)
            return parts;
        start = dot + 1;
    }
}

} // namespace

FilterField::FilterField(std::string key, Kind kind, std::string column)
    : m_key(std::move(key))
    , m_kind(kind)
    , m_column(std::move(column))
{
}

FilterField FilterField::topLevel(const std::string& key)
{
    if (key.empty())
        reject(key, "a key must not be empty");
    static const std::pair<std::string_view, Kind> coreFields[] = {
        {"user_id", Kind::Text},
        {"agent_id", Kind::Text},
        {"run_id", Kind::Text},
        {"collection", Kind::Text},
        {"id", Kind::Text},
        {"hash", Kind::Text},
        {"memory", Kind::Text},
        {"state", Kind::Enum},
        {"created_at", Kind::Time},
        {"updated_at", Kind::Time},
        {"expiration_date", Kind::Time},
    };
    for (const auto& [name, kind] : coreFields) {
        if (key == name) {
            FilterField field(key, kind, "m." + key);
            if (kind == Kind::Enum)
                for (const auto state : {RecordState::Active, RecordState::Archived, RecordState::Deleted})
                    field.m_vocabulary.emplace_back(stateName(state));
            return field;
        }
    }
    // When the outcome happened: metadata.timestamp, else created_at. Trends and the roll-up bucket records
    // by it, so their drill-down filters select by it too ("metadata.event_time" still names a metadata key).
    if (key == "event_time")
        return FilterField(key, Kind::Time, "coalesce(m.ts, m.created_at)");
    constexpr std::string_view prefix = "metadata.";
    if (key.size() > prefix.size() && key.compare(0, prefix.size(), prefix) == 0)
        return metadataPath(key, splitDots(key.substr(prefix.size())));
    return metadataPath(key, {key});
}

FilterField FilterField::metadata(const std::string& key) { return metadataPath(key, {key}); }

FilterField FilterField::metadataPath(const std::string& key, const std::vector<std::string>& segments)
{
    std::string path = "$";
    for (const auto& segment : segments)
        path += pathStep(key, segment);

    // The outcome keys have indexed columns, filled from metadata on every write (RecordTable).
    FilterField field(key, Kind::Json, "");
    if (segments.size() == 1) {
        const std::string& name = segments.front();
        if (name == "outcome_type") {
            field = FilterField(key, Kind::Enum, "m.outcome_type");
            for (const auto outcome :
                 {OutcomeType::Success, OutcomeType::Failure, OutcomeType::Partial, OutcomeType::Unknown})
                field.m_vocabulary.emplace_back(outcomeName(outcome));
        } else if (name == "timestamp") {
            field = FilterField(key, Kind::Time, "m.ts");
        } else if (name == "tags") {
            field = FilterField(key, Kind::Tags, "");
        } else {
            for (const char* indexed : kIndexedMetadataKeys)
                if (name == indexed)
                    field = FilterField(key, Kind::Typed, "m." + name);
        }
    }
    field.m_jsonPath = std::move(path);
    return field;
}

} // namespace memscope
