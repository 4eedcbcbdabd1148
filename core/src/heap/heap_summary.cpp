// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/heap/heap_analysis.h"
#include "heap/essential_edges.h"

#include <algorithm>
#include <deque>
#include <map>
#include <numeric>
#include <unordered_map>

namespace fanout {

std::string heapClassName(const HeapSnapshot& snapshot, std::uint32_t node) {
    const auto type = snapshot.nodeTypeName(node);
    if (type == "object" || type == "native") {
        return std::string(snapshot.string(snapshot.nodeName[node]));
    }
    if (type == "hidden") {
        return "(system)";
    }
    if (type == "code") {
        return "(compiled code)";
    }
    return "(" + std::string(type) + ")";
}

std::string heapHolderName(const HeapSnapshot& snapshot, std::uint32_t node) {
    if (node == 0) {
        return "(root)";
    }
    if (snapshot.nodeTypeName(node) == "synthetic") {
        return std::string(snapshot.string(snapshot.nodeName[node]));
    }
    return heapClassName(snapshot, node);
}

namespace {

// A class as a number: object and native nodes by their name's string index, the others by
// their type (above every string index).
std::uint64_t classKey(const HeapSnapshot& snapshot, std::uint32_t node) {
    const auto type = snapshot.nodeTypeName(node);
    if (type == "object" || type == "native") {
        return snapshot.nodeName[node];
    }
    return (std::uint64_t{1} << 32) | snapshot.nodeType[node];
}

} // namespace

HeapClasses classifyHeapObjects(const HeapSnapshot& snapshot, const HeapDominators& dominators) {
    const auto nodes = static_cast<std::uint32_t>(snapshot.nodeCount());
    std::unordered_map<std::uint64_t, std::uint32_t> classOf;
    std::vector<HeapClassRow> rows;
    std::vector<std::uint32_t> nodeClass(nodes, kNoHeapNode);
    for (const auto node : dominators.reachable) {
        if (node == 0) {
            continue;
        }
        const auto [it, added] =
            classOf.try_emplace(classKey(snapshot, node), static_cast<std::uint32_t>(rows.size()));
        if (added) {
            rows.push_back({heapClassName(snapshot, node)});
        }
        auto& row = rows[it->second];
        ++row.count;
        row.selfBytes += snapshot.selfSize[node];
        nodeClass[node] = it->second;
    }
    // A node's retained size counts for its class unless a dominator of it is of that class:
    // walk the dominator tree keeping, per class, how many of the nodes above are of it.
    std::vector<std::uint32_t> childBegin(nodes + 1, 0);
    for (const auto node : dominators.reachable) {
        if (dominators.dominator[node] != kNoHeapNode) {
            ++childBegin[dominators.dominator[node] + 1];
        }
    }
    for (std::uint32_t n = 1; n <= nodes; ++n) {
        childBegin[n] += childBegin[n - 1];
    }
    std::vector<std::uint32_t> children(childBegin.back());
    auto fill = childBegin;
    for (const auto node : dominators.reachable) {
        if (dominators.dominator[node] != kNoHeapNode) {
            children[fill[dominators.dominator[node]]++] = node;
        }
    }
    std::vector<std::uint32_t> above(rows.size(), 0);
    // (node, next child); a node is entered when pushed and left when popped.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> stack{{0, childBegin[0]}};
    while (!stack.empty()) {
        auto& [node, next] = stack.back();
        if (next == childBegin[node + 1]) {
            if (nodeClass[node] != kNoHeapNode) {
                --above[nodeClass[node]];
            }
            stack.pop_back();
            continue;
        }
        const auto child = children[next++];
        if (const auto c = nodeClass[child]; c != kNoHeapNode) {
            if (above[c]++ == 0) {
                rows[c].retainedBytes += dominators.retained[child];
            }
        }
        stack.emplace_back(child, childBegin[child]);
    }
    std::vector<std::uint32_t> order(rows.size());
    std::iota(order.begin(), order.end(), 0U);
    std::sort(order.begin(), order.end(), [&rows](std::uint32_t a, std::uint32_t b) {
        return rows[a].retainedBytes != rows[b].retainedBytes
                   ? rows[a].retainedBytes > rows[b].retainedBytes
                   : rows[a].name < rows[b].name;
    });
    HeapClasses out;
    out.rows.reserve(rows.size());
    std::vector<std::uint32_t> rowOf(rows.size());
    for (std::uint32_t at = 0; at < order.size(); ++at) {
        rowOf[order[at]] = at;
        out.rows.push_back(std::move(rows[order[at]]));
    }
    for (auto& c : nodeClass) {
        if (c != kNoHeapNode) {
            c = rowOf[c];
        }
    }
    out.classOf = std::move(nodeClass);
    return out;
}

std::vector<HeapClassRow> summarizeHeapClasses(const HeapSnapshot& snapshot,
                                               const HeapDominators& dominators) {
    return classifyHeapObjects(snapshot, dominators).rows;
}

std::vector<std::vector<std::uint32_t>> largestObjectsByClass(const HeapClasses& classes,
                                                              const HeapDominators& dominators,
                                                              std::size_t limit) {
    // The objects grouped by class (counted, then placed), each group then partly sorted.
    const auto rows = classes.rows.size();
    std::vector<std::size_t> begin(rows + 1, 0);
    for (const auto c : classes.classOf) {
        if (c != kNoHeapNode) {
            ++begin[c + 1];
        }
    }
    for (std::size_t r = 1; r <= rows; ++r) {
        begin[r] += begin[r - 1];
    }
    std::vector<std::uint32_t> nodes(begin.back());
    auto fill = begin;
    for (std::uint32_t node = 0; node < classes.classOf.size(); ++node) {
        if (const auto c = classes.classOf[node]; c != kNoHeapNode) {
            nodes[fill[c]++] = node;
        }
    }
    const auto larger = [&dominators](std::uint32_t a, std::uint32_t b) {
        const auto ra = dominators.retained[a];
        const auto rb = dominators.retained[b];
        return ra != rb ? ra > rb : a < b;
    };
    std::vector<std::vector<std::uint32_t>> out(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        const auto first = nodes.begin() + static_cast<std::ptrdiff_t>(begin[r]);
        const auto last = nodes.begin() + static_cast<std::ptrdiff_t>(begin[r + 1]);
        const auto keep =
            std::min<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(limit), last - first);
        std::partial_sort(first, first + keep, last, larger);
        out[r].assign(first, first + keep);
    }
    return out;
}

std::vector<std::uint32_t> shortestRetainerEdges(const HeapSnapshot& snapshot) {
    const detail::EssentialEdges essential(snapshot);
    std::vector<std::uint32_t> via(snapshot.nodeCount(), kNoHeapNode);
    std::vector<std::uint32_t> queue{0};
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const auto node = queue[head];
        for (auto e = snapshot.edgesBegin[node]; e < snapshot.edgesBegin[node + 1]; ++e) {
            const auto target = snapshot.edgeTarget[e];
            // Reached already: the root, or a node with its edge.
            if (target != 0 && via[target] == kNoHeapNode && essential(snapshot, node, e)) {
                via[target] = e;
                queue.push_back(target);
            }
        }
    }
    return via;
}

std::uint32_t heapEdgeSource(const HeapSnapshot& snapshot, std::uint32_t edge) {
    // edgesBegin is sorted: the source is the last node whose edges start at or before `edge`.
    const auto it =
        std::upper_bound(snapshot.edgesBegin.begin(), snapshot.edgesBegin.end() - 1, edge);
    return static_cast<std::uint32_t>(it - snapshot.edgesBegin.begin() - 1);
}

std::string heapEdgeLabel(const HeapSnapshot& snapshot, std::uint32_t edge) {
    const auto type = snapshot.edgeTypeName(edge);
    const auto name = snapshot.edgeName[edge];
    if (type == "element") {
        return "[" + std::to_string(name) + "]";
    }
    if (type == "hidden") {
        return "hidden [" + std::to_string(name) + "]";
    }
    const std::string text(snapshot.string(name));
    return type == "property" ? "." + text : std::string(type) + " " + text;
}

std::vector<std::string> heapRetainerPath(const HeapSnapshot& snapshot,
                                          const std::vector<std::uint32_t>& retainerEdges,
                                          std::uint32_t node) {
    std::deque<std::string> steps;
    for (auto at = node; at != 0 && retainerEdges[at] != kNoHeapNode;) {
        const auto edge = retainerEdges[at];
        const auto from = heapEdgeSource(snapshot, edge);
        steps.push_front(heapHolderName(snapshot, from) + " " + heapEdgeLabel(snapshot, edge));
        at = from;
    }
    return {steps.begin(), steps.end()};
}

std::vector<DuplicatedString> duplicatedStrings(const HeapSnapshot& snapshot,
                                                const HeapDominators& dominators) {
    std::uint8_t stringType = 0;
    const auto it = std::find(snapshot.nodeTypes.begin(), snapshot.nodeTypes.end(), "string");
    if (it == snapshot.nodeTypes.end()) {
        return {};
    }
    stringType = static_cast<std::uint8_t>(it - snapshot.nodeTypes.begin());
    std::map<std::pair<std::uint32_t, std::uint64_t>, std::uint64_t> copies;
    for (const auto node : dominators.reachable) {
        if (snapshot.nodeType[node] == stringType) {
            ++copies[{snapshot.nodeName[node], snapshot.selfSize[node]}];
        }
    }
    std::vector<DuplicatedString> out;
    for (const auto& [key, count] : copies) {
        if (count > 1) {
            out.push_back({key.first, count, key.second});
        }
    }
    std::sort(out.begin(), out.end(), [](const DuplicatedString& a, const DuplicatedString& b) {
        return a.wastedBytes() != b.wastedBytes() ? a.wastedBytes() > b.wastedBytes()
                                                  : a.name < b.name;
    });
    return out;
}

} // namespace fanout
