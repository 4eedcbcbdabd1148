// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/analysis/analysis.h"
#include "fanout/analysis/module_graph.h"
#include "fanout/base/ids.h"
#include "fanout/heap/heap_analysis.h"
#include "fanout/result/scan_result.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace fanout {

// What a heap holds of one package (or of the project's own files): copies of its modules'
// sources and strings equal to their paths.
struct HeldPackage {
    std::string name; // "lucide-react@0.460.0", or "(project)" for the project's own files
    std::optional<PackageId> package; // in the scan's packages; none for the project's own files
    std::uint64_t modules = 0;        // distinct modules with a source copy held
    std::uint64_t sources = 0;        // source strings held (a module may be held more than once)
    std::uint64_t sourceBytes = 0;
    std::uint64_t paths = 0; // strings equal to one of its modules' paths
    std::uint64_t pathBytes = 0;
    // The nearest holders of its largest source string: the last steps of a shortest path from
    // the root ("Map internal table", "(array) internal 68567").
    std::vector<std::string> heldThrough;
    std::uint32_t largestSource = kNoHeapNode; // the node of that string
};

// What a heap holds of one module: copies of its source and strings equal to its path.
struct HeldModule {
    ModuleId module;
    std::uint64_t sources = 0;
    std::uint64_t sourceBytes = 0;
    std::uint64_t paths = 0;
    std::uint64_t pathBytes = 0;
    std::uint64_t bytes() const { return sourceBytes + pathBytes; }
};

// What a heap holds of the modules a barrel reaches (itself included): the fan-out it caused.
struct HeldBarrel {
    ModuleId barrel;
    std::uint64_t reach = 0;       // modules it reaches
    std::uint64_t heldModules = 0; // of those, modules with a source or path held
    std::uint64_t sourceBytes = 0;
    std::uint64_t pathBytes = 0;
};

struct HeapAttribution {
    std::uint64_t modulesScanned = 0;
    std::uint64_t sources = 0; // string objects matched to a module's contents
    std::uint64_t sourceBytes = 0;
    std::uint64_t paths = 0;
    std::uint64_t pathBytes = 0;
    std::vector<HeldPackage> packages; // most source bytes first
    std::vector<HeldModule> modules;   // every module with something held, most bytes first
    std::vector<HeldBarrel> barrels;   // heldByBarrel(), when asked for
};

// Matches the heap's live strings to the scanned project's files. V8 names a string object by
// its first 1,024 UTF-16 units: a string of at least `minimumBytes` whose name is a module's
// contents (or, for a longer file, the same first 1,024 units, found through a hash of that
// prefix, never by comparing every pair), and whose size fits the file's, is a copy of that
// module's source; a string equal to a module's path (or a path string that reached it) counts
// as a path held. Rolled up by package.
HeapAttribution attributeHeap(const HeapSnapshot& snapshot, const HeapDominators& dominators,
                              const ScanResult& result, std::uint64_t minimumBytes = 64);

// Rolls `attribution`'s modules up by barrel (Analysis' barrels): per barrel, what the heap holds
// of the modules it reaches; barrels whose reach holds nothing are left out; most bytes first.
std::vector<HeldBarrel> heldByBarrel(const HeapAttribution& attribution, const ModuleGraph& graph,
                                     const Analysis& analysis);

// The text report; `root` makes module paths relative (empty: absolute).
void writeHeapAttributionText(std::ostream& out, const HeapAttribution& attribution,
                              const ScanResult& result, std::size_t top);
nlohmann::json heapAttributionJson(const HeapAttribution& attribution, const ScanResult& result);

} // namespace fanout
