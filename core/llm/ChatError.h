#pragma once

#include "util/Error.h"

#include <cstddef>
#include <string>

namespace memscope {

// What ChatClient implementations throw: an Error (Kind::Network for endpoint trouble, Cancelled,
// InvalidArgument for a request that cannot be sent) that also says why in a word, so an agent loop can
// decide (retry later, ask for a key, pick another model) without parsing the message.
class ChatError : public Error {
public:
    enum class Reason {
        Unreachable,    // refused connection, unknown host, connect timeout: is the server running?
        Auth,           // 401/403: the endpoint refused the API key (or wants one)
        UnknownModel,   // the endpoint does not serve that model
        RateLimited,    // 429 after the retries
        ServerError,    // 5xx after the retries
        BadRequest,     // another 4xx: the server rejected what we sent
        Timeout,        // no complete answer within the total timeout
        Stalled,        // a stream sent nothing for the stall timeout
        Truncated,      // the answer ended early (no [DONE], cut connection)
        Malformed,      // not the JSON / event stream of the Chat Completions API
        Cancelled,      // the caller raised the cancel flag
        InvalidRequest, // refused before sending (no model, no messages, bad base URL)
        Other,
    };

    ChatError(Reason reason, const std::string& message, long status = 0, std::size_t deliveredChars = 0)
        : Error(kindFor(reason), message)
        , m_reason(reason)
        , m_status(status)
        , m_deliveredChars(deliveredChars)
    {
    }

    Reason reason() const noexcept { return m_reason; }
    long status() const noexcept { return m_status; } // the HTTP status when there was one, else 0
    // Characters of streamed answer already handed to onDelta when it failed (then it was not retried).
    std::size_t deliveredChars() const noexcept { return m_deliveredChars; }
    // Whether trying again later may help (rate limit, server error, timeout, dropped stream).
    bool transient() const noexcept;

    static Kind kindFor(Reason reason) noexcept
    {
        return reason == Reason::Cancelled        ? Kind::Cancelled
               : reason == Reason::InvalidRequest ? Kind::InvalidArgument
                                                  : Kind::Network;
    }

private:
    Reason m_reason;
    long m_status;
    std::size_t m_deliveredChars;
};

// "unreachable", "auth", "unknown_model", ...: stable names for JSON output and logs.
const char* chatErrorReasonName(ChatError::Reason reason);

} // namespace memscope
