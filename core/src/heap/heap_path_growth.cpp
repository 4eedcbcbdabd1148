// SPDX-License-Identifier: GPL-3.0-or-later
// Growth per retainer path: the objects one snapshot has and the other lacks, grouped by their
// class and the nearest steps of their shortest path from the root (element indices and numeric
// names read as []), so that 100,000 new strings in one Map's table are one row.
#include "heap/heap_path_growth.h"
#include "fanout/heap/heap_compare.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <unordered_map>

namespace fanout::detail {
namespace {

constexpr std::uint32_t kAnyIndex = 0xFFFFFFFF; // an element index, or a name that is a number

bool isNumber(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
}

// An edge's name as grouped: a string index, or kAnyIndex.
std::uint32_t groupedName(const HeapSnapshot& snapshot, std::uint32_t edge) {
    if (snapshot.edgeHasIndex(edge)) {
        return kAnyIndex;
    }
    const auto name = snapshot.edgeName[edge];
    return isNumber(snapshot.string(name)) ? kAnyIndex : name;
}

// A holder as grouped: synthetic nodes by their name, objects by their class.
std::uint64_t holderKey(const HeapSnapshot& snapshot, std::uint32_t node) {
    const auto type = snapshot.nodeTypeName(node);
    if (type == "object" || type == "native" || type == "synthetic") {
        return (std::uint64_t{snapshot.nodeType[node]} << 32) | snapshot.nodeName[node];
    }
    return std::uint64_t{1} << 40 | snapshot.nodeType[node];
}

std::string edgeLabel(const HeapSnapshot& snapshot, std::uint32_t edge) {
    if (groupedName(snapshot, edge) != kAnyIndex) {
        return heapEdgeLabel(snapshot, edge);
    }
    const auto type = snapshot.edgeTypeName(edge);
    return type == "element" ? std::string("[]") : std::string(type) + " []";
}

std::uint64_t mix(std::uint64_t hash, std::uint64_t value) {
    return hash ^
           (std::hash<std::uint64_t>{}(value) + 0x9e3779b97f4a7c15ULL + (hash << 6) + (hash >> 2));
}

struct Group {
    std::uint64_t count = 0;
    std::uint64_t bytes = 0;
    std::uint32_t example = 0; // one of its objects, to name the group
};

} // namespace

void groupByRetainerPath(const HeapSnapshot& snapshot, const HeapDominators& dominators,
                         const std::vector<std::uint32_t>& otherIds, bool added,
                         std::map<std::string, HeapPathChange>& out) {
    const auto via = shortestRetainerEdges(snapshot);
    std::unordered_map<std::uint64_t, Group> groups;
    for (const auto node : dominators.reachable) {
        if (node == 0 ||
            std::binary_search(otherIds.begin(), otherIds.end(), snapshot.nodeId[node])) {
            continue;
        }
        auto hash = mix(0, holderKey(snapshot, node));
        auto at = node;
        for (std::size_t step = 0; step < kGroupedSteps && via[at] != kNoHeapNode; ++step) {
            const auto edge = via[at];
            at = heapEdgeSource(snapshot, edge);
            hash = mix(mix(mix(hash, holderKey(snapshot, at)), snapshot.edgeType[edge]),
                       groupedName(snapshot, edge));
        }
        auto& group = groups[hash];
        group.count += 1;
        group.bytes += snapshot.selfSize[node];
        group.example = node;
    }
    for (const auto& [hash, group] : groups) {
        std::vector<std::string> steps;
        auto at = group.example;
        for (std::size_t step = 0; step < kGroupedSteps && via[at] != kNoHeapNode; ++step) {
            const auto edge = via[at];
            at = heapEdgeSource(snapshot, edge);
            steps.push_back(heapHolderName(snapshot, at) + " " + edgeLabel(snapshot, edge));
        }
        std::reverse(steps.begin(), steps.end());
        const auto className = heapClassName(snapshot, group.example);
        std::string key = className;
        for (const auto& step : steps) {
            key += '\n' + step;
        }
        auto& change = out[key];
        change.className = className;
        change.heldThrough = std::move(steps);
        (added ? change.added : change.removed) += group.count;
        (added ? change.addedBytes : change.removedBytes) += group.bytes;
    }
}

} // namespace fanout::detail
