// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixture_project.h"

#include "temp_dir.h"

#include <filesystem>
#include <map>
#include <mutex>

namespace fanout::testing {
namespace {

namespace fs = std::filesystem;

fs::path installedName(const fs::path& relative) {
    fs::path out;
    for (const auto& part : relative) {
        out /= part == "fixture_modules" ? fs::path("node_modules") : part;
    }
    return out;
}

} // namespace

std::string fixtureProject(const std::string& sourceDir) {
    static std::mutex mutex;
    static TempDir copies;
    static std::map<std::string, std::string> made;
    std::lock_guard lock(mutex);
    if (const auto it = made.find(sourceDir); it != made.end()) {
        return it->second;
    }
    const fs::path source = fs::canonical(sourceDir);
    const auto target =
        fs::canonical(copies.path()) / std::to_string(made.size()) / source.filename();
    fs::create_directories(target);
    for (const auto& entry : fs::recursive_directory_iterator(source)) {
        const auto destination = target / installedName(fs::relative(entry.path(), source));
        if (entry.is_directory()) {
            fs::create_directories(destination);
        } else {
            fs::copy_file(entry.path(), destination);
        }
    }
    return made.emplace(sourceDir, target.string()).first->second;
}

} // namespace fanout::testing
