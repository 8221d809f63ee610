#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace memscope {

// Times are int64 microseconds since the Unix epoch, UTC, everywhere in the core: they sort and compare
// as numbers in SQLite and survive an export/import round trip exactly.
using Micros = std::int64_t;

Micros nowMicros();

// ISO-8601 as Mem0 and most agents write it: "2024-07-20", "2024-07-20T12:34", "2024-07-20T12:34:56.789012-07:00",
// "2024-07-20 12:34:56Z". No zone means UTC. Returns nullopt when the text is not such a time.
std::optional<Micros> parseIsoTime(std::string_view text);

// "2024-07-20T19:34:56Z", with ".ffffff" only when there are sub-second digits.
std::string formatIsoTime(Micros t);

// A number used as a timestamp: seconds since the epoch (as time.time() gives), or milliseconds or
// microseconds when it is too large to be seconds of a plausible date.
Micros microsFromEpochNumber(double value);

// "30d", "12h", "90m", "45s", "2w": the --older-than durations. nullopt when malformed.
std::optional<Micros> parseDuration(std::string_view text);

} // namespace memscope
