// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/heap/heap_snapshot.h"

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace fanout {

inline constexpr std::uint32_t kNoHeapNode = std::numeric_limits<std::uint32_t>::max();

// Whether an edge holds its target alive, as Chrome DevTools decides: weak edges never do, and a
// shortcut only from the root (where it marks a user global object).
bool isEssentialEdge(const HeapSnapshot& snapshot, std::uint32_t from, std::uint32_t edge);

// The dominator tree over the essential edges from the root (node 0) and the retained sizes
// it gives: what would be freed with each node.
struct HeapDominators {
    std::vector<std::uint32_t> dominator; // kNoHeapNode for the root and unreachable nodes
    std::vector<std::uint64_t> retained;  // bytes; an unreachable node retains its own size
    std::vector<std::uint32_t> reachable; // depth-first preorder from the root, root first
};
// Lengauer and Tarjan's algorithm (path compression), iterative: near-linear in nodes + edges.
HeapDominators computeDominators(const HeapSnapshot& snapshot);

// DevTools' class name: an object's (or native object's) constructor name, "(system)" for hidden
// nodes, "(compiled code)" for code, "(type)" for the others ("(string)", "(closure)", ...).
std::string heapClassName(const HeapSnapshot& snapshot, std::uint32_t node);

// How a node reads as a holder on a path: the root as "(root)", the other synthetic nodes (the
// root's groups) by their name, "(GC roots)", "(Stack roots)"; objects by heapClassName.
std::string heapHolderName(const HeapSnapshot& snapshot, std::uint32_t node);

// One row of the Summary: the objects of a class. Retained bytes count each object once: an
// object dominated by another of its class is inside that one's retained size (as in DevTools).
struct HeapClassRow {
    std::string name;
    std::uint64_t count = 0;
    std::uint64_t selfBytes = 0;
    std::uint64_t retainedBytes = 0;
};
// Reachable objects by class, largest retained first.
std::vector<HeapClassRow> summarizeHeapClasses(const HeapSnapshot& snapshot,
                                               const HeapDominators& dominators);

// The Summary and each object's row in it (DevTools expands a class into its objects).
struct HeapClasses {
    std::vector<HeapClassRow> rows;     // largest retained first
    std::vector<std::uint32_t> classOf; // per node: its row; kNoHeapNode for the root, unreachable
};
HeapClasses classifyHeapObjects(const HeapSnapshot& snapshot, const HeapDominators& dominators);
// Per row, the objects of its class, most retained first (then by node), at most `limit` each:
// one pass over the objects for every class.
std::vector<std::vector<std::uint32_t>> largestObjectsByClass(const HeapClasses& classes,
                                                              const HeapDominators& dominators,
                                                              std::size_t limit);

// What holds each node: the edges leading to it, grouped by target (edges[begin[n] ..
// begin[n + 1]) lead to node n), in the order of the snapshot. The retainers view walks it.
struct HeapRetainers {
    std::vector<std::uint32_t> begin; // nodes + 1 entries
    std::vector<std::uint32_t> edges;
    std::span<const std::uint32_t> of(std::uint32_t node) const {
        return std::span<const std::uint32_t>(edges).subspan(begin[node],
                                                             begin[node + 1] - begin[node]);
    }
};
HeapRetainers heapRetainers(const HeapSnapshot& snapshot);

// For each node, the edge through which a breadth-first walk from the root first reached it
// (the last step of a shortest retainer path; kNoHeapNode for the root and unreachable nodes),
// over essential edges.
std::vector<std::uint32_t> shortestRetainerEdges(const HeapSnapshot& snapshot);
// The node an edge starts from.
std::uint32_t heapEdgeSource(const HeapSnapshot& snapshot, std::uint32_t edge);
// How an edge reads in a path: ".name" for a property, "[3]" for an element, "context name",
// "internal name", "hidden [3]", "shortcut name", "weak name".
std::string heapEdgeLabel(const HeapSnapshot& snapshot, std::uint32_t edge);
// The steps of a shortest retainer path from the root to `node`, each the holder and the edge:
// "(root) [1]", "(GC roots) [7]", "(Stack roots) internal 50", "Map internal table", ...
// (the root is "(root)", other synthetic nodes go by their name, objects by their class).
std::vector<std::string> heapRetainerPath(const HeapSnapshot& snapshot,
                                          const std::vector<std::uint32_t>& retainerEdges,
                                          std::uint32_t node);

// Strings stored more than once with the same text: V8 names a string node by its text (its
// first 1,024 characters, --heap-snapshot-string-limit), so copies share the name; copies are
// counted when they also have the same size.
struct DuplicatedString {
    std::uint32_t name = 0; // the text, as a string index
    std::uint64_t copies = 0;
    std::uint64_t bytesEach = 0;
    std::uint64_t wastedBytes() const { return (copies - 1) * bytesEach; }
};
// Reachable duplicated strings, most bytes wasted first.
std::vector<DuplicatedString> duplicatedStrings(const HeapSnapshot& snapshot,
                                                const HeapDominators& dominators);

} // namespace fanout
