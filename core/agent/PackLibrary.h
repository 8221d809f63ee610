#pragma once

#include "agent/TaskPack.h"

#include <filesystem>
#include <string>
#include <vector>

namespace memscope {

// Where task packs are found, in order (an earlier folder's pack hides a later one of the same name):
// the user's folders ($MEMSCOPE_PACKS_PATH, ':'-separated, then <data dir>/memscope/packs), then the
// installed packs (<prefix>/share/memscope/packs next to the executable), then the source tree's
// resources/packs (a build run from its build folder). A pack is either <folder>/<name>.json or
// <folder>/<name>/pack.json (with its files beside it, e.g. the database script).
class PackLibrary {
public:
    struct Entry {
        std::string name;
        std::filesystem::path file;
        std::string title; // empty when the pack failed to load
        std::string taskType;
        int taskCount = 0;
        std::string error; // why the pack cannot be used (shown, never fatal for the others)
    };

    explicit PackLibrary(std::vector<std::filesystem::path> folders);
    // The default folders above (missing ones are skipped).
    static std::vector<std::filesystem::path> defaultFolders();

    const std::vector<std::filesystem::path>& folders() const { return m_folders; }
    std::vector<Entry> list() const;
    // By name, or by a path to a pack file. Throws Error(NotFound) naming the folders searched, or the
    // pack's own InvalidArgument.
    TaskPack load(const std::string& nameOrPath) const;

private:
    std::vector<std::filesystem::path> m_folders;
};

} // namespace memscope
