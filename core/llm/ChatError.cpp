#include "llm/ChatError.h"

namespace memscope {

bool ChatError::transient() const noexcept
{
    switch (m_reason) {
    case Reason::Unreachable:
    case Reason::RateLimited:
    case Reason::ServerError:
    case Reason::Timeout:
    case Reason::Stalled:
    case Reason::Truncated: return true;
    default: return false;
    }
}

const char* chatErrorReasonName(ChatError::Reason reason)
{
    using Reason = ChatError::Reason;
    switch (reason) {
    case Reason::Unreachable: return "unreachable";
    case Reason::Auth: return "auth";
    case Reason::UnknownModel: return "unknown_model";
    case Reason::RateLimited: return "rate_limited";
    case Reason::ServerError: return "server_error";
    case Reason::BadRequest: return "bad_request";
    case Reason::Timeout: return "timeout";
    case Reason::Stalled: return "stalled";
    case Reason::Truncated: return "truncated";
    case Reason::Malformed: return "malformed";
    case Reason::Cancelled: return "cancelled";
    case Reason::InvalidRequest: return "invalid_request";
    case Reason::Other: break;
    }
    return "other";
}

} // namespace memscope
