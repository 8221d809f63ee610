#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace memscope {

// A random (version 4) UUID in its canonical lower-case form.
std::string newUuid();

// A time-ordered (version 7, RFC 9562) UUID: the Unix time in milliseconds, then the sub-millisecond
// fraction, then random bits. Record ids use it so that the indexes keyed by them (the unique id, a record's
// history) grow at their end instead of at random places, which at a million records keeps an import from
// rewriting most of those indexes' pages on every commit.
std::string newTimeOrderedUuid();
// The same layout from given parts (the demo history makes deterministic ids from a record's own time):
// `subMillis` keeps its low 12 bits, `random` fills the last 62.
std::string timeOrderedUuid(std::uint64_t unixMillis, std::uint32_t subMillis, std::uint64_t random);

// True for the canonical 8-4-4-4-12 hex form, any case.
bool looksLikeUuid(std::string_view text);

// Lower-case hex MD5 of the text: the `hash` field Mem0 writes for a memory, kept so imported hashes match.
std::string md5Hex(std::string_view text);

} // namespace memscope
