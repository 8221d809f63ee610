#pragma once

#include <string>
#include <string_view>

namespace memscope {

// A random (version 4) UUID in its canonical lower-case form.
std::string newUuid();

// True for the canonical 8-4-4-4-12 hex form, any case.
bool looksLikeUuid(std::string_view text);

// Lower-case hex MD5 of the text: the `hash` field Mem0 writes for a memory, kept so imported hashes match.
std::string md5Hex(std::string_view text);

} // namespace memscope
