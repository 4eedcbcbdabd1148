// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/presets.h"

#include <string>
#include <vector>

namespace fanout::detail {

// The workspaces a monorepo root declares — package.json "workspaces" (an array, or yarn's
// {"packages": [...]}) or pnpm-workspace.yaml "packages" — each with its detected preset, sorted
// by folder. Patterns: `dir/*`, `dir/**`, plain folders and `!` exclusions. Empty when `root`
// declares none.
std::vector<Workspace> findWorkspaces(const std::string& root);

// Whether a workspace is an app a monorepo scan starts from (its preset is rwsdk, next or vite).
bool isApp(const Workspace& workspace);

// One configuration for the apps among `workspaces` (all, or those named in `only` by name or
// folder): each app's entries and environments, the environments named "<app>:<environment>"
// and its switches applied within them.
PresetConfig monorepoPreset(const std::string& root, const std::vector<Workspace>& workspaces,
                            const std::vector<std::string>& only);

} // namespace fanout::detail
