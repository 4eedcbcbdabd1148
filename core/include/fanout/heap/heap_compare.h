// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/heap/heap_analysis.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace fanout {

// How one constructor's objects changed between two snapshots of the same process (V8 keeps an
// object's id across snapshots, so an object is new when the older snapshot lacks its id).
struct HeapClassChange {
    std::string name;
    std::uint64_t countBefore = 0;
    std::uint64_t countAfter = 0;
    std::uint64_t added = 0;   // live objects the older snapshot did not have
    std::uint64_t removed = 0; // live objects of the older snapshot that are gone
    std::int64_t selfDelta = 0;
    std::int64_t retainedDelta = 0;
};

// The objects one snapshot has and the other lacks, by class and by the nearest steps of their
// shortest path from the root (element indices and numeric names read as "[]"): where a heap grew.
struct HeapPathChange {
    std::string className;
    std::vector<std::string> heldThrough; // root-first: "Map internal table", "(array) internal []"
    std::uint64_t added = 0;              // new objects on this path
    std::uint64_t addedBytes = 0;         // their shallow bytes
    std::uint64_t removed = 0;            // objects of the older snapshot gone
    std::uint64_t removedBytes = 0;
    std::int64_t netBytes() const {
        return static_cast<std::int64_t>(addedBytes) - static_cast<std::int64_t>(removedBytes);
    }
};

struct HeapComparison {
    std::uint64_t liveBefore = 0; // bytes the root retains
    std::uint64_t liveAfter = 0;
    std::uint64_t objectsBefore = 0; // live objects
    std::uint64_t objectsAfter = 0;
    std::vector<HeapClassChange> classes; // the classes that changed, most self bytes grown first
    std::vector<HeapPathChange> paths;    // the paths that gained or lost objects, most grown first
};

// Compares the live objects of two snapshots, class by class (as DevTools' Comparison view), and
// path by path (new and gone objects by their nearest holders).
// Each with its computeDominators().
HeapComparison compareHeapSnapshots(const HeapSnapshot& before, const HeapDominators& domBefore,
                                    const HeapSnapshot& after, const HeapDominators& domAfter);

void writeHeapComparisonText(std::ostream& out, const HeapComparison& comparison, std::size_t top);
nlohmann::json heapComparisonJson(const HeapComparison& comparison);

} // namespace fanout
