// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/project/scan_config.h"

#include <optional>
#include <string>
#include <vector>

namespace fanout {

// What the desktop app's project settings dialog edits: a subset of fanout.json.
struct ProjectSettings {
    std::string preset; // "auto", "rwsdk", "vite" or "node"
    // Entries relative to the root; written only when set (writing them replaces the preset's
    // conditional entries, e.g. rwsdk's "use client" files under src/).
    std::optional<std::vector<std::string>> entries;
    // Export conditions per environment, by the environments' names.
    std::vector<std::pair<std::string, std::vector<std::string>>> conditions;
    DirectiveRule directiveRule = DirectiveRule::Spec;
};

// The settings a configuration amounts to (entries left unset).
ProjectSettings settingsOf(const ScanConfig& config);

// Whether ROOT/fanout.json holds comments, which saving settings rewrites away.
bool fanoutJsonHasComments(const std::string& root);

// Writes `settings` into ROOT/fanout.json, keeping every other key it holds; environments are
// written whole from `effective` (so a preset's main fields and extensions stay) with the new
// conditions. Atomic. Returns an empty string, or what went wrong (a fanout.json that cannot be
// read is left alone).
std::string saveProjectSettings(const std::string& root, const ProjectSettings& settings,
                                const ScanConfig& effective);

} // namespace fanout
