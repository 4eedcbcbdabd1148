// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/analysis/analysis.h"
#include "fanout/barrels/named_reach.h"

#include <string>
#include <vector>

namespace fanout {

// One import of a barrel from outside the barrel's package: what it walks (every module the
// barrel reaches, as a scan or a non-optimizing bundler does) against what its names need.
struct BarrelImport {
    std::size_t edge = 0; // into ScanResult::edges
    ModuleId importer;
    ModuleId barrel;
    std::vector<NameId> names;
    Reach needed;
    Reach walked;
    std::vector<std::string> fallbacks; // why whole modules were taken (NamedReach::fallbacks)
    std::vector<NameTrace> traces;
    // What to change: direct imports of the defining modules through specifiers the package
    // allows, "add ... to optimizePackageImports", or "mark sideEffects" for the project's own.
    std::string suggestion;

    std::uint64_t savedModules() const { return walked.modules - needed.modules; }
    std::uint64_t savedBytes() const { return walked.bytes - needed.bytes; }
    // The fallbacks in one line ("" when every name was traced).
    std::string fallbackText() const;
    // The names in one line: "Camera, Heart" (or "*" for a whole-module import).
    std::string namesText(const ScanResult& result) const;
};

// Every runtime import of a barrel whose importer is not in the barrel's own package, largest
// saving (bytes, then modules) first.
std::vector<BarrelImport> barrelImports(const ScanResult& result, const ModuleGraph& graph,
                                        const Analysis& analysis);

} // namespace fanout
