#pragma once

#include <string>

namespace memscope {

class Paths {
public:
    // $MEMSCOPE_DB, else $XDG_DATA_HOME/memscope/memscope.db, else ~/.local/share/memscope/memscope.db.
    // The folder is created when missing.
    static std::string defaultDatabase();
};

} // namespace memscope
