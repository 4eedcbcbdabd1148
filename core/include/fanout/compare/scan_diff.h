// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/compare/scan_document.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fanout {

// What one list of names gained and lost between two scans, each side sorted; `changed` holds
// the entries in both whose details differ, where a list has details.
struct ListChange {
    std::vector<std::string> added;
    std::vector<std::string> removed;
    std::vector<std::string> changed;
    bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
};

// A package present in both scans (same name and folder, or the one copy of its name on each
// side, as after an upgrade in a pnpm layout) whose version or size changed.
struct PackageChange {
    DocumentPackage before;
    DocumentPackage after;
};

// A hotspot whose reach changed, or which is a hotspot on one side only.
struct ReachChange {
    std::string path;
    std::string env;
    std::optional<DocumentHotspot> before;
    std::optional<DocumentHotspot> after;
    std::int64_t moduleDelta() const;
    std::int64_t byteDelta() const;
};

// Two scan documents compared: what `fanout diff` prints.
struct ScanDiff {
    std::string beforeFile;
    std::string afterFile;
    std::vector<DocumentModule> modulesAdded;   // by environment and path
    std::vector<DocumentModule> modulesRemoved; // by environment and path
    std::vector<DocumentPackage> packagesAdded;
    std::vector<DocumentPackage> packagesRemoved;
    std::vector<PackageChange> packagesChanged;
    std::vector<ReachChange> reachChanged; // largest change of reach (modules, then bytes) first
    ListChange client;                     // modules with "use client"
    ListChange server;                     // modules with "use server"
    ListChange clientBoundaries;
    ListChange serverActions;
    ListChange duplicatePaths;    // files reached under more than one path string
    ListChange duplicatePackages; // "name: copy, copy"; changed: "name: copies → copies"
    DocumentStats statsBefore;
    DocumentStats statsAfter;
    bool empty() const;
};

ScanDiff compareScans(const ScanDocument& before, const ScanDocument& after);

// Why the after scan grew beyond `tolerancePercent` (0: any growth): its module count, or the
// reach of a hotspot present in both. Empty when it did not.
std::vector<std::string> growthBeyond(const ScanDiff& diff, double tolerancePercent);

} // namespace fanout
