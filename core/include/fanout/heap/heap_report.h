// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/heap/heap_analysis.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace fanout {

// One of the largest objects by retained size, with a shortest path from the root to it.
struct HeapObjectRow {
    std::uint32_t node = 0;
    std::uint64_t id = 0; // V8's object id (DevTools shows it as @id)
    std::string className;
    std::string name; // an object's name; a string's first characters
    std::uint64_t selfBytes = 0;
    std::uint64_t retainedBytes = 0;
    std::vector<std::string> path; // "(GC roots) [12]", "Map .table", ...
};

struct HeapStringRow {
    std::string text; // the first characters, control characters escaped
    std::uint64_t copies = 0;
    std::uint64_t bytesEach = 0;
    std::uint64_t wastedBytes = 0;
};

// What `fanout heap` reports on one snapshot.
struct HeapReport {
    std::uint64_t nodes = 0;
    std::uint64_t edges = 0;
    std::uint64_t strings = 0;
    std::uint64_t reachableBytes = 0;   // the live heap: what the root retains
    std::uint64_t unreachableBytes = 0; // objects no essential path reaches (garbage, weak only)
    std::vector<HeapClassRow> classes;  // the largest `top`, by retained size
    std::uint64_t classCount = 0;
    std::vector<HeapObjectRow> largest;      // the `top` objects retaining most (roots excluded)
    std::vector<HeapStringRow> duplicates;   // the `top` duplicated strings wasting most
    std::uint64_t duplicatedStringBytes = 0; // wasted by every duplicated string
};

// A string as reports show it: its first `characters` bytes, a newline as \n, other control
// characters as spaces, "…" when cut.
std::string heapPreview(std::string_view text, std::size_t characters = 60);

// `dominators`: computeDominators(snapshot), computed once by the caller for every analysis.
HeapReport buildHeapReport(const HeapSnapshot& snapshot, const HeapDominators& dominators,
                           std::size_t top = 20);
// The same with the classes (classifyHeapObjects) and the shortest retainer edges
// (shortestRetainerEdges) a caller already has, so that neither is computed twice.
HeapReport buildHeapReport(const HeapSnapshot& snapshot, const HeapDominators& dominators,
                           const HeapClasses& classes,
                           const std::vector<std::uint32_t>& retainerEdges, std::size_t top);

void writeHeapReportText(std::ostream& out, const HeapReport& report);
nlohmann::json heapReportJson(const HeapReport& report);

} // namespace fanout
