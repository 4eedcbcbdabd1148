// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/analysis/module_graph.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace fanout {
namespace {

using Ids = std::vector<std::uint32_t>;

Ids ids(std::span<const std::uint32_t> span) {
    return {span.begin(), span.end()};
}

ScanEdge edge(std::uint32_t importer, std::optional<std::uint32_t> target, bool typeOnly = false) {
    ScanEdge out;
    out.importer = ModuleId{importer};
    if (target) {
        out.target = ModuleId{*target};
    }
    out.typeOnly = typeOnly;
    return out;
}

// The tables are counted from the edges, not sorted from them: edges in any order (a patched
// result's are not grouped by importer), repeated, type-only or unresolved give each module its
// runtime targets and its importers once each, sorted.
TEST(ModuleGraph, TargetsAndImportersAreDistinctAndSortedWhateverTheEdgeOrder) {
    ScanResult result;
    result.modules.resize(5);
    result.edges = {edge(3, 1), edge(0, 4), edge(0, 2), edge(3, 1),       edge(0, 4),
                    edge(2, 0), edge(0, 1), edge(4, 4), edge(1, 3, true), edge(1, std::nullopt),
                    edge(3, 0), edge(0, 2)};
    const ModuleGraph graph(result);
    ASSERT_EQ(graph.size(), 5u);
    EXPECT_EQ(ids(graph.targets(0)), (Ids{1, 2, 4}));
    EXPECT_EQ(ids(graph.targets(1)), Ids{}); // type-only and unresolved
    EXPECT_EQ(ids(graph.targets(2)), (Ids{0}));
    EXPECT_EQ(ids(graph.targets(3)), (Ids{0, 1}));
    EXPECT_EQ(ids(graph.targets(4)), (Ids{4})); // a module importing itself
    EXPECT_EQ(ids(graph.importers(0)), (Ids{2, 3}));
    EXPECT_EQ(ids(graph.importers(1)), (Ids{0, 3}));
    EXPECT_EQ(ids(graph.importers(2)), (Ids{0}));
    EXPECT_EQ(ids(graph.importers(3)), Ids{});
    EXPECT_EQ(ids(graph.importers(4)), (Ids{0, 4}));
}

ScanModule module(const std::string& path, Directive directive = Directive::None,
                  std::vector<std::string> aliases = {}) {
    ScanModule out;
    out.path = path;
    out.directive.directive = directive;
    out.aliases = std::move(aliases);
    return out;
}

// The entries: modules whose path or one of whose other paths is an entry, and conditional
// entries that have a directive; paths of an entry's length that are not one are not.
TEST(ModuleGraph, EntriesAreTheModulesTheScanStartedFrom) {
    ScanResult result;
    result.config.entries = {"/p/src/main.ts", "/p/link/b.ts"};
    result.config.conditionalEntries = {"/p/src/c1.tsx", "/p/src/c2.tsx"};
    result.modules = {module("/p/src/main.ts"),
                      module("/p/src/mair.ts"), // the entry's length, not the entry
                      module("/p/src/b.ts", Directive::None, {"/p/link/b.ts"}),
                      module("/p/src/c1.tsx", Directive::Client),
                      module("/p/src/c2.tsx"), // a conditional entry without a directive
                      module("/p/src/main.ts", Directive::Client)};
    const ModuleGraph graph(result);
    EXPECT_EQ(graph.entries(), (Ids{0, 2, 3, 5}));
}

TEST(ModuleGraph, AResultWithoutModulesIsAnEmptyGraph) {
    const ScanResult result;
    const ModuleGraph graph(result);
    EXPECT_EQ(graph.size(), 0u);
    EXPECT_TRUE(graph.entries().empty());
}

} // namespace
} // namespace fanout
