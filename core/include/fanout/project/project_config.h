// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/project/scan_config.h"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace fanout {

// A configuration that cannot be used: the message names the file and the key.
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What the command line says; it overrides fanout.json, which overrides the preset.
struct ScanOverrides {
    std::string preset;                  // "", "auto", "rwsdk", "next", "vite", "node"
    std::string configFile;              // default: ROOT/fanout.json when it exists
    std::vector<std::string> entries;    // absolute, or relative to the root
    std::vector<std::string> conditions; // added to every environment
    std::optional<DirectiveRule> directiveRule;
    bool compatRwsdk = false;
    std::optional<std::uint64_t> maxFileSizeMb; // files over it are not read (default 16)
    std::vector<std::string> optimizePackages;  // added to fanout.json's
    bool optimizeBarrels = false;
    // In a monorepo root: only these workspaces' apps (by name or folder); all apps when empty.
    std::vector<std::string> workspaces;
};

// Builds the scan configuration for the project at `root` (an existing folder). Throws
// ConfigError for unknown keys, wrong types, unknown presets and entries that do not exist.
ScanConfig loadScanConfig(const std::string& root, const ScanOverrides& overrides);

// The preset `auto` stands for at `root`: rwsdk when the project depends on rwsdk, vite when it
// depends on vite or has a vite.config.*, else node.
std::string detectPreset(const std::string& root);

} // namespace fanout
