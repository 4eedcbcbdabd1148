// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/analysis/module_graph.h"
#include "fanout/result/scan_result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fanout {

struct AnalysisOptions {
    // A barrel: at least this many re-export statements...
    std::uint32_t barrelMinReExports = 10;
    // ...making up, with imports, at least this share of its top-level statements.
    double barrelMinShare = 0.8;
    std::size_t hotspotCount = 20;
    // 2 or more: the duplicates are found on a second thread (the result is the same).
    unsigned threads = 1;
};

struct Reach {
    std::uint64_t modules = 0; // the module itself included
    std::uint64_t bytes = 0;
    bool operator==(const Reach&) const = default;
};

struct ModuleMetrics {
    std::uint32_t fanOut = 0; // distinct runtime targets
    std::uint32_t fanIn = 0;
    // Modules transitively reachable (itself included), estimated with a k-minimum-values sketch
    // (about 10 % error) so that the whole graph fits in memory; hotspots carry exact figures.
    std::uint64_t reachEstimate = 0;
    bool barrel = false;
};

struct Hotspot {
    ModuleId module;
    Reach reach; // exact
    std::uint32_t fanOut = 0;
    bool barrel = false;
    // Modules outside node_modules that import it directly: the places a user can change.
    std::vector<ModuleId> firstPartyImporters;
};

struct PackageSummary {
    PackageId package;
    std::uint64_t modules = 0;
    std::uint64_t bytes = 0;
    double share = 0; // of all modules
    // How the graph enters it: "importer -> specifier" for edges from outside the package.
    std::vector<std::string> entryPoints;
};

struct DuplicatePath {
    ModuleId module;
    // Every other path string that reached the file and why: "symlink" or "case variant".
    std::vector<std::pair<std::string, std::string>> aliases;
};

struct DuplicatePackage {
    std::string name;
    std::vector<PackageId> copies; // installed at several real locations
    std::uint64_t bytes = 0;       // in the copies beyond the first
};

// What a scanner keyed by path strings would have paid: each distinct string that reached a
// file read and parsed as a module of its own (the failure mode behind the 7 GB scans).
struct PathMultiplier {
    std::uint64_t pathStrings = 0; // distinct strings over all files
    std::uint64_t extraReads = 0;
    std::uint64_t extraBytes = 0;
};

struct Analysis {
    std::vector<ModuleMetrics> modules;   // by ModuleId
    std::vector<Hotspot> hotspots;        // by exact reach, descending
    std::vector<PackageSummary> packages; // by modules, descending
    std::vector<DuplicatePath> duplicatePaths;
    // Files imported under several relative spellings ("./ ../ spelling", "extension alias"):
    // resolvers normalize these, so they cost no read, but a request-keyed cache or a text
    // search sees several strings. Not counted in `multiplier` nor by the duplicate budget.
    std::vector<DuplicatePath> duplicateSpellings;
    std::vector<DuplicatePackage> duplicatePackages;
    PathMultiplier multiplier;
    std::vector<std::vector<ModuleId>> cycles; // strongly connected components of 2+ modules
};

Analysis analyze(const ScanResult& result, const ModuleGraph& graph,
                 const AnalysisOptions& options = {});

// Exact reach of one module by a graph walk (what a selection in the GUI asks for).
Reach exactReach(const ScanResult& result, const ModuleGraph& graph, ModuleId module);

// A shortest import chain from an entry to `module` (entry first, `module` last); empty when the
// module is not reachable from any entry. One breadth-first walk from all entries at once.
std::vector<ModuleId> whyReached(const ModuleGraph& graph, ModuleId module);

bool isFirstParty(const ScanModule& module);

} // namespace fanout
