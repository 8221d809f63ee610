#pragma once

#include "util/Error.h"

#include <string>

namespace memscope {

// What HttpClient throws for a failed transfer or a final HTTP error status: an Error of Kind::Network that
// also says what went wrong, so a caller (the LLM client, say) can reword it without parsing the message.
class HttpError : public Error {
public:
    enum class Cause {
        ConnectionRefused, // nothing listens on that port
        CouldNotConnect,   // another connect failure (unreachable network, ...)
        ConnectTimeout,    // no connection within connectTimeoutMs
        UnknownHost,       // the host name does not resolve
        Timeout,           // connected, but the whole attempt took longer than timeoutMs
        Stalled,           // no byte for idleTimeoutMs
        Truncated,         // the server closed before the announced end of the body
        ConnectionDropped, // closed without answering, or a send/receive error
        NotHttp,           // the answer was not HTTP
        Tls,               // handshake or certificate problem
        HttpStatus,        // a complete answer with a non-2xx status (status() says which)
        Other,
    };

    HttpError(Cause cause, long status, int attempts, const std::string& message)
        : Error(Kind::Network, message)
        , m_cause(cause)
        , m_status(status)
        , m_attempts(attempts)
    {
    }

    Cause cause() const noexcept { return m_cause; }
    long status() const noexcept { return m_status; } // 0 when no status line arrived
    int attempts() const noexcept { return m_attempts; }

private:
    Cause m_cause;
    long m_status;
    int m_attempts;
};

const char* httpErrorCauseName(HttpError::Cause cause);

} // namespace memscope
