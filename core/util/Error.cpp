#include "util/Error.h"

namespace memscope {

const char* errorKindName(Error::Kind kind)
{
    switch (kind) {
    case Error::Kind::InvalidArgument: return "invalid argument";
    case Error::Kind::NotFound: return "not found";
    case Error::Kind::Corrupt: return "corrupt database";
    case Error::Kind::Locked: return "database locked";
    case Error::Kind::ReadOnly: return "read-only";
    case Error::Kind::NewerSchema: return "newer schema";
    case Error::Kind::NotMemscope: return "not a Memscope database";
    case Error::Kind::Io: return "I/O error";
    case Error::Kind::Network: return "network error";
    case Error::Kind::Cancelled: return "cancelled";
    case Error::Kind::Internal: return "internal error";
    }
    return "error";
}

} // namespace memscope
