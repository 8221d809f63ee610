#pragma once

#include <string>
#include <vector>

namespace memscope {

// Where a filter key lives in `memories m`. The SQL text of a field only ever comes from this catalog;
// a metadata key the catalog does not know becomes a JSON path, which the compiler binds as a parameter,
// so nothing a user types is ever part of the SQL text.
class FilterField {
public:
    enum class Kind {
        Text,  // TEXT column: user_id, agent_id, run_id, collection, id, hash, memory
        Enum,  // column limited to a vocabulary: state, outcome_type
        Time,  // INTEGER microseconds: created_at, updated_at, expiration_date, metadata.timestamp (ts)
        Typed, // typeless indexed column holding a metadata string or number with its type
        Tags,  // metadata.tags, a JSON list
        Json,  // any other metadata key, read with json_extract
    };

    // A key of a filter object: a core field, else a metadata key ("metadata.a.b" is the nested key a.b;
    // any other key, dots included, is one metadata key). Throws Error(InvalidArgument) for an empty key
    // or one that cannot be written as a JSON path.
    static FilterField topLevel(const std::string& key);
    // A key written under "metadata": {...}: always a metadata key, taken literally.
    static FilterField metadata(const std::string& key);

    const std::string& key() const { return m_key; }
    Kind kind() const { return m_kind; }
    // "m.user_id" for a field with a column; empty for Tags and Json.
    const std::string& column() const { return m_column; }
    // The SQLite JSON path into m.metadata ("$.\"task_type\""); empty for core fields.
    const std::string& jsonPath() const { return m_jsonPath; }
    // The values an Enum field may take.
    const std::vector<std::string>& vocabulary() const { return m_vocabulary; }
    bool isMetadata() const { return !m_jsonPath.empty(); }

private:
    FilterField(std::string key, Kind kind, std::string column);
    static FilterField metadataPath(const std::string& key, const std::vector<std::string>& segments);

    std::string m_key;
    Kind m_kind;
    std::string m_column;
    std::string m_jsonPath;
    std::vector<std::string> m_vocabulary;
};

} // namespace memscope
