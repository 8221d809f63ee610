#pragma once

#include <string>

namespace memscope {

class Paths {
public:
    // $MEMSCOPE_DB, else $XDG_DATA_HOME/memscope/memscope.db, else ~/.local/share/memscope/memscope.db.
    // The folder is created when missing.
    static std::string defaultDatabase();
    // The folder of the running executable (/proc/self/exe); empty when it cannot be read.
    static std::string executableDir();
    // $XDG_DATA_HOME, else ~/.local/share (not created).
    static std::string dataHome();
};

} // namespace memscope
