#pragma once

#include <stdexcept>
#include <string>

namespace memscope {

// Every failure the core reports is an Error with a kind the callers can branch on (the GUI picks the
// banner and the way out from it, the CLI its exit status) and a message that names the file, record or
// field involved.
class Error : public std::runtime_error {
public:
    enum class Kind {
        InvalidArgument, // bad filter, bad record, bad option
        NotFound,        // no record / history row with that id
        Corrupt,         // the file is not a database or a page is damaged
        Locked,          // another process holds the lock past the busy timeout
        ReadOnly,        // the file or the directory cannot be written
        NewerSchema,     // written by a newer Memscope; refused untouched
        NotMemscope,     // a SQLite file that belongs to another application
        Io,              // open/read/write failed for another reason
        Network,         // HTTP endpoint unreachable, timed out, bad answer
        Cancelled,       // the caller asked to stop
        Internal,
    };

    Error(Kind kind, const std::string& message)
        : std::runtime_error(message)
        , m_kind(kind)
    {
    }

    Kind kind() const noexcept { return m_kind; }

private:
    Kind m_kind;
};

const char* errorKindName(Error::Kind kind);

} // namespace memscope
