#include "net/HttpError.h"

namespace memscope {

const char* httpErrorCauseName(HttpError::Cause cause)
{
    using Cause = HttpError::Cause;
    switch (cause) {
    case Cause::ConnectionRefused: return "connection refused";
    case Cause::CouldNotConnect: return "could not connect";
    case Cause::ConnectTimeout: return "connect timeout";
    case Cause::UnknownHost: return "unknown host";
    case Cause::Timeout: return "timeout";
    case Cause::Stalled: return "stalled";
    case Cause::Truncated: return "truncated";
    case Cause::ConnectionDropped: return "connection dropped";
    case Cause::NotHttp: return "not HTTP";
    case Cause::Tls: return "TLS";
    case Cause::HttpStatus: return "HTTP status";
    case Cause::Other: break;
    }
    return "other";
}

} // namespace memscope
