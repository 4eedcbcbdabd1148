// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace fanout {

struct DemoProjectInfo {
    std::size_t files = 0;
    std::size_t icons = 0;
    std::size_t bytes = 0;
};

// Writes the demo project: a small app with "use client"/"use server" modules, an icon package
// whose barrel re-exports a few hundred icon modules (plus a dynamicIconImports-style map reaching
// them with import()), pnpm-style packages behind symlinks, one package reached through two
// paths, and an import spelled with the wrong letter case.
//
// The project is built in a sibling temporary folder and renamed into place, so `dir` is either
// the complete demo or untouched. An existing `dir` is replaced only if it is empty or an earlier
// demo (it holds the marker file); anything else is refused with std::runtime_error.
DemoProjectInfo writeDemoProject(const std::filesystem::path& dir, std::size_t icons = 300);

// The marker file that identifies a folder written by writeDemoProject.
inline constexpr const char* kDemoMarker = ".fanout-demo";

} // namespace fanout
