#pragma once

#include "model/MemoryRecord.h"

#include <nlohmann/json.hpp>

namespace memscope {

// The JSON shape of a record on input and output (JSONL import/export, `search --json`, the GUI's copy).
class RecordJson {
public:
    // Reads one record as Mem0 writes it: `memory` (or `content`) is required; `id`, `hash`, `user_id`,
    // `agent_id`, `run_id`, `collection`, `metadata`, `state`, `created_at`, `updated_at`,
    // `expiration_date` are optional; other top-level keys except transient ones (`score`, `event`) are kept
    // in `extra`. Throws Error(InvalidArgument) with a message naming the field: "field 'created_at': not
    // an ISO-8601 time: \"yesterday\"". Missing times stay 0 for the store to fill in.
    static MemoryRecord fromJson(const nlohmann::json& value);

    // Every field, times as ISO-8601 UTC; Mem0's nulls for absent ids.
    static nlohmann::json toJson(const MemoryRecord& record);

    // Checks the outcome keys inside metadata (outcome_type vocabulary, tags a list of strings, timestamp a
    // time, user_scope global|user_specific). Throws like fromJson, naming "metadata.<key>".
    static void validateMetadata(const nlohmann::json& metadata);
};

} // namespace memscope
