// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/analysis/analysis.h"
#include "fanout/analysis/module_graph.h"
#include "fanout/extract/import_record.h"
#include "fanout/result/scan_result.h"
#include "fanout/view/plain_layout.h"

#include <cstdint>
#include <vector>

namespace fanout {

enum class ViewNodeKind : unsigned char {
    Module,  // one module
    Bundle,  // the neighbours of one module folded into a single node ("+2,091 re-exports")
    Package, // one installed package (name + real root)
    Project, // the project's own files, as one node of the package overview
};

enum class ViewSide : unsigned char { Center, Imports, Importers };

struct ViewNode {
    ViewNodeKind kind = ViewNodeKind::Module;
    // Module: the module. Bundle: the module whose neighbours it holds. Package: the package.
    std::uint32_t id = 0;
    std::vector<std::uint32_t> members; // a bundle's modules
    ViewSide side = ViewSide::Center;
    unsigned depth = 0;
    std::uint64_t modules = 1; // a package's modules
    std::uint64_t bytes = 0;   // a package's bytes
};

struct ViewEdge {
    std::uint32_t from = 0; // node indices: importer -> imported
    std::uint32_t to = 0;
    ImportKind kind = ImportKind::Import;
    std::uint64_t count = 1; // imports behind a package-level edge or a bundle
};

// A small graph derived from a scan for drawing: a module's neighbourhood or the packages.
struct ViewGraph {
    std::vector<ViewNode> nodes;
    std::vector<ViewEdge> edges;
};

struct FocusOptions {
    unsigned depth = 1; // steps both ways from the centre
    // A module with more neighbours than this on one side shows them as one bundle node...
    std::size_t bundleAbove = 25;
    // ...unless it is listed here.
    std::vector<std::uint32_t> expanded;
};

// The centre module and its neighbours to `depth` both ways (imports and importers), runtime
// edges only. Each module appears once, at its shortest distance from the centre.
ViewGraph buildFocusGraph(const ScanResult& result, const ModuleGraph& graph, std::uint32_t center,
                          const FocusOptions& options = {});

// The project's own files as one node and each package as one, with edges counted between them.
ViewGraph buildPackageOverview(const ScanResult& result);

// The whole runtime module graph as an sfdp request: one point per module (node i is module i),
// one edge per distinct import, edge paths not read back.
LayoutRequest moduleMapRequest(const ModuleGraph& graph);

// The kind that best describes `importer`'s runtime imports of `target`: a re-export wins over a
// static import, which wins over require() and import().
ImportKind edgeKind(const ScanResult& result, std::uint32_t importer, std::uint32_t target);

} // namespace fanout
