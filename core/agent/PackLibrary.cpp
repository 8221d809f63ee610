#include "agent/PackLibrary.h"

#include "util/Error.h"
#include "util/Paths.h"
#include "util/Strings.h"

#include <algorithm>
#include <map>
#include <system_error>

#ifndef MEMSCOPE_SOURCE_PACKS_DIR
#define MEMSCOPE_SOURCE_PACKS_DIR ""
#endif

namespace memscope {

namespace fs = std::filesystem;

namespace {

bool isDirectory(const fs::path& path)
{
    std::error_code ec;
    return fs::is_directory(path, ec);
}

bool isFile(const fs::path& path)
{
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

// The pack file for `name` in `folder`, or an empty path.
fs::path packFile(const fs::path& folder, const std::string& name)
{
    if (const auto single = folder / (name + ".json"); isFile(single))
        return single;
    if (const auto nested = folder / name / "pack.json"; isFile(nested))
        return nested;
    return {};
}

// The packs of one folder by name: <name>.json files and <name>/pack.json folders.
std::map<std::string, fs::path> packsIn(const fs::path& folder)
{
    std::map<std::string, fs::path> packs;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const auto& path = it->path();
        std::string name;
        if (isFile(path) && path.extension() == ".json")
            name = path.stem().string();
        else if (isDirectory(path) && isFile(path / "pack.json"))
            name = path.filename().string();
        if (!name.empty() && !name.starts_with('.') && !packs.contains(name))
            packs.emplace(name, packFile(folder, name));
    }
    return packs;
}

// Packs found by name must be called as their file: a mismatch would make one pack hide another.
TaskPack loadNamed(const std::string& name, const fs::path& file)
{
    TaskPack pack = TaskPack::load(file);
    if (pack.name != name)
        throw Error(Error::Kind::InvalidArgument, file.string() + ": \"name\": \"" + pack.name +
                                                      "\" differs from the pack's file or folder name \"" + name +
                                                      "\"");
    return pack;
}

} // namespace

PackLibrary::PackLibrary(std::vector<fs::path> folders)
    : m_folders(std::move(folders))
{
}

std::vector<fs::path> PackLibrary::defaultFolders()
{
    std::vector<fs::path> candidates;
    const std::string userPath = environmentValue("MEMSCOPE_PACKS_PATH");
    for (std::size_t start = 0; start <= userPath.size();) {
        const auto end = std::min(userPath.find(':', start), userPath.size());
        if (end > start)
            candidates.emplace_back(userPath.substr(start, end - start));
        start = end + 1;
    }
    candidates.push_back(fs::path(Paths::dataHome()) / "memscope" / "packs");
    if (const auto exeDir = Paths::executableDir(); !exeDir.empty())
        candidates.push_back(fs::path(exeDir).parent_path() / "share" / "memscope" / "packs");
    if (const fs::path source = MEMSCOPE_SOURCE_PACKS_DIR; !source.empty())
        candidates.push_back(source);

    std::vector<fs::path> folders;
    std::vector<fs::path> seen;
    for (const auto& folder : candidates) {
        if (!isDirectory(folder))
            continue;
        std::error_code ec;
        auto canonical = fs::weakly_canonical(folder, ec);
        if (ec)
            canonical = folder;
        if (std::find(seen.begin(), seen.end(), canonical) != seen.end())
            continue;
        seen.push_back(canonical);
        folders.push_back(folder);
    }
    return folders;
}

std::vector<PackLibrary::Entry> PackLibrary::list() const
{
    std::map<std::string, Entry> entries;
    for (const auto& folder : m_folders) {
        for (const auto& [name, file] : packsIn(folder)) {
            if (entries.contains(name))
                continue; // hidden by an earlier folder's pack
            Entry entry;
            entry.name = name;
            entry.file = file;
            try {
                const TaskPack pack = loadNamed(name, file);
                entry.title = pack.title;
                entry.taskType = pack.taskType;
                entry.taskCount = static_cast<int>(pack.tasks.size());
            } catch (const Error& e) {
                entry.error = e.what();
            } catch (const std::exception& e) {
                entry.error = file.string() + ": " + e.what();
            }
            entries.emplace(name, std::move(entry));
        }
    }
    std::vector<Entry> out;
    out.reserve(entries.size());
    for (auto& [name, entry] : entries)
        out.push_back(std::move(entry));
    return out;
}

TaskPack PackLibrary::load(const std::string& nameOrPath) const
{
    const bool looksLikePath = nameOrPath.find('/') != std::string::npos || nameOrPath.ends_with(".json");
    if (looksLikePath) {
        const fs::path path(nameOrPath);
        if (isFile(path))
            return TaskPack::load(path);
        if (isFile(path / "pack.json"))
            return TaskPack::load(path / "pack.json");
        throw Error(Error::Kind::NotFound, nameOrPath + ": no such pack file (nor a folder with a pack.json)");
    }
    for (const auto& folder : m_folders)
        if (const auto file = packFile(folder, nameOrPath); !file.empty())
            return loadNamed(nameOrPath, file);
    std::string searched;
    for (const auto& folder : m_folders)
        searched += (searched.empty() ? "" : ", ") + folder.string();
    throw Error(Error::Kind::NotFound, "no task pack named \"" + nameOrPath + "\" in " +
                                           (searched.empty() ? std::string("(no pack folders)") : searched));
}

} // namespace memscope
