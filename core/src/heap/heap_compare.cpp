// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/heap/heap_compare.h"

#include "fanout/base/size_format.h"
#include "heap/heap_path_growth.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iomanip>
#include <map>

namespace fanout {
namespace {

// The live objects' ids, sorted (4 bytes each, searched rather than hashed).
std::vector<std::uint32_t> liveIds(const HeapSnapshot& snapshot, const HeapDominators& dominators) {
    std::vector<std::uint32_t> ids;
    ids.reserve(dominators.reachable.size());
    for (const auto node : dominators.reachable) {
        ids.push_back(snapshot.nodeId[node]);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

// Counts, per class name, the live objects of `snapshot` whose id `other` lacks.
void countMissing(const HeapSnapshot& snapshot, const HeapDominators& dominators,
                  const std::vector<std::uint32_t>& other,
                  std::map<std::string, std::uint64_t>& out) {
    for (const auto node : dominators.reachable) {
        if (node != 0 && !std::binary_search(other.begin(), other.end(), snapshot.nodeId[node])) {
            ++out[heapClassName(snapshot, node)];
        }
    }
}

std::string signedSize(std::int64_t bytes) {
    const auto magnitude = formatSize(static_cast<std::uint64_t>(bytes < 0 ? -bytes : bytes));
    return (bytes < 0 ? "-" : "+") + magnitude;
}

} // namespace

HeapComparison compareHeapSnapshots(const HeapSnapshot& before, const HeapDominators& domBefore,
                                    const HeapSnapshot& after, const HeapDominators& domAfter) {
    HeapComparison out;
    out.liveBefore = domBefore.retained[0];
    out.liveAfter = domAfter.retained[0];
    out.objectsBefore = domBefore.reachable.size() - 1;
    out.objectsAfter = domAfter.reachable.size() - 1;
    std::map<std::string, HeapClassChange> byName;
    for (const auto& row : summarizeHeapClasses(before, domBefore)) {
        auto& change = byName[row.name];
        change.countBefore = row.count;
        change.selfDelta -= static_cast<std::int64_t>(row.selfBytes);
        change.retainedDelta -= static_cast<std::int64_t>(row.retainedBytes);
    }
    for (const auto& row : summarizeHeapClasses(after, domAfter)) {
        auto& change = byName[row.name];
        change.countAfter = row.count;
        change.selfDelta += static_cast<std::int64_t>(row.selfBytes);
        change.retainedDelta += static_cast<std::int64_t>(row.retainedBytes);
    }
    std::map<std::string, std::uint64_t> added;
    std::map<std::string, std::uint64_t> removed;
    const auto idsBefore = liveIds(before, domBefore);
    const auto idsAfter = liveIds(after, domAfter);
    countMissing(after, domAfter, idsBefore, added);
    countMissing(before, domBefore, idsAfter, removed);
    std::map<std::string, HeapPathChange> paths;
    detail::groupByRetainerPath(after, domAfter, idsBefore, true, paths);
    detail::groupByRetainerPath(before, domBefore, idsAfter, false, paths);
    for (auto& [key, change] : paths) {
        out.paths.push_back(std::move(change));
    }
    // Most grown first; the map's order (class, then path) breaks ties.
    std::stable_sort(out.paths.begin(), out.paths.end(),
                     [](const HeapPathChange& a, const HeapPathChange& b) {
                         return a.netBytes() > b.netBytes();
                     });
    for (auto& [name, change] : byName) {
        change.name = name;
        change.added = added[name];
        change.removed = removed[name];
        if (change.added != 0 || change.removed != 0 || change.selfDelta != 0 ||
            change.retainedDelta != 0) {
            out.classes.push_back(std::move(change));
        }
    }
    std::stable_sort(out.classes.begin(), out.classes.end(),
                     [](const HeapClassChange& a, const HeapClassChange& b) {
                         return a.selfDelta > b.selfDelta;
                     });
    return out;
}

void writeHeapComparisonText(std::ostream& out, const HeapComparison& comparison, std::size_t top) {
    const auto growth = static_cast<std::int64_t>(comparison.liveAfter) -
                        static_cast<std::int64_t>(comparison.liveBefore);
    out << "\nCompared with the older snapshot: live heap " << formatSize(comparison.liveBefore)
        << " -> " << formatSize(comparison.liveAfter) << " (" << signedSize(growth) << "), "
        << comparison.objectsBefore << " -> " << comparison.objectsAfter << " objects\n";
    if (comparison.classes.empty()) {
        out << "  no class changed\n";
        return;
    }
    out << std::setw(9) << "new" << std::setw(9) << "gone" << std::setw(12) << "shallow"
        << std::setw(12) << "retained"
        << "  class (most grown first)\n";
    for (std::size_t i = 0; i < comparison.classes.size() && i < top; ++i) {
        const auto& row = comparison.classes[i];
        out << std::setw(9) << row.added << std::setw(9) << row.removed << std::setw(12)
            << signedSize(row.selfDelta) << std::setw(12) << signedSize(row.retainedDelta) << "  "
            << row.name << "\n";
    }
    if (comparison.paths.empty()) {
        return;
    }
    out << "\nBy retainer path (new and gone objects by class and nearest holders, most grown "
           "first)\n"
        << std::setw(9) << "new" << std::setw(9) << "gone" << std::setw(12) << "shallow"
        << "  objects, held through\n";
    for (std::size_t i = 0; i < comparison.paths.size() && i < top; ++i) {
        const auto& row = comparison.paths[i];
        out << std::setw(9) << row.added << std::setw(9) << row.removed << std::setw(12)
            << signedSize(row.netBytes()) << "  " << row.className << " held through ";
        if (!row.heldThrough.empty() && !row.heldThrough.front().starts_with("(root) ")) {
            out << "… → ";
        }
        for (std::size_t step = 0; step < row.heldThrough.size(); ++step) {
            out << (step == 0 ? "" : " → ") << row.heldThrough[step];
        }
        out << "\n";
    }
}

nlohmann::json heapComparisonJson(const HeapComparison& comparison) {
    auto classes = nlohmann::json::array();
    for (const auto& row : comparison.classes) {
        classes.push_back({{"name", row.name},
                           {"countBefore", row.countBefore},
                           {"countAfter", row.countAfter},
                           {"added", row.added},
                           {"removed", row.removed},
                           {"selfBytesDelta", row.selfDelta},
                           {"retainedBytesDelta", row.retainedDelta}});
    }
    auto paths = nlohmann::json::array();
    for (const auto& row : comparison.paths) {
        paths.push_back({{"className", row.className},
                         {"heldThrough", row.heldThrough},
                         {"added", row.added},
                         {"addedBytes", row.addedBytes},
                         {"removed", row.removed},
                         {"removedBytes", row.removedBytes}});
    }
    return {{"liveBytesBefore", comparison.liveBefore},
            {"liveBytesAfter", comparison.liveAfter},
            {"objectsBefore", comparison.objectsBefore},
            {"objectsAfter", comparison.objectsAfter},
            {"classes", classes},
            {"paths", paths}};
}

} // namespace fanout
