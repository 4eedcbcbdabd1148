// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/project/scan_config.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <initializer_list>
#include <string>

namespace fanout::detail {

// The environments, switches and entries of a preset for the project at `root`. Entries that
// only count when they carry a directive (rwsdk's src/ files) go to `conditionalEntries`.
struct PresetConfig {
    ScanConfig config;
    std::vector<std::string> conditionalEntries;
    bool useTsconfig = true;
};

PresetConfig presetConfig(const std::string& name, const std::string& root);

// Regular files under `dir` that `keep` (given the path) accepts, sorted; folders whose name
// `skipFolder` accepts are not entered, nor are symlinked folders.
std::vector<std::string> filesUnder(const std::string& dir,
                                    const std::function<bool(const std::string&)>& skipFolder,
                                    const std::function<bool(const std::string&)>& keep);

// An environment as presets write them.
Environment environment(std::string name, std::vector<std::string> conditions,
                        std::vector<std::string> mainFields, bool browserField,
                        std::vector<std::string> externalPackages = {});

// A JSONC file parsed, or null when it cannot be read or parsed (a preset only guesses from it).
nlohmann::ordered_json readJsonc(const std::string& path);
// Whether package.json lists `name` in its dependencies, devDependencies or peerDependencies.
bool dependsOn(const nlohmann::ordered_json& package, const std::string& name);
// The first of `names` that is a regular file in `root` (its path), or "".
std::string firstExisting(const std::string& root, std::initializer_list<const char*> names);

} // namespace fanout::detail
