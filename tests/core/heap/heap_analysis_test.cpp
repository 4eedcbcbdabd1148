// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/heap/heap_analysis.h"
#include "fanout/heap/heap_compare.h"
#include "fanout/heap/heap_report.h"
#include "process.h"
#include "snapshot_builder.h"
#include "temp_dir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>
#include <sstream>

namespace fanout {
namespace {

using testing::SnapshotBuilder;

// root -> A -> C -> D and root -> B -> C: C is dominated by the root, D by C. E is held only
// through a weak edge, and F by nothing; G is reached through a shortcut from B, which does not
// count (only the root's shortcuts do).
struct Diamond {
    SnapshotBuilder b;
    std::uint32_t root = b.node("synthetic", "", 0);
    std::uint32_t a = b.node("object", "A", 10);
    std::uint32_t bNode = b.node("object", "B", 20);
    std::uint32_t c = b.node("object", "C", 30);
    std::uint32_t d = b.node("string", "hello", 40);
    std::uint32_t e = b.node("object", "E", 50);
    std::uint32_t f = b.node("object", "F", 60);
    std::uint32_t g = b.node("closure", "g", 70);
    Diamond() {
        b.edge(root, a, "property", "a");
        b.edge(root, bNode, "property", "b");
        b.edge(a, c, "property", "c");
        b.edge(bNode, c, "internal", "c");
        b.edge(c, d, "element", "0");
        b.edge(a, e, "weak", "e");
        b.edge(bNode, g, "shortcut", "g");
    }
};

TEST(HeapDominators, RetainedSizesFollowTheDominatorTreeOverEssentialEdges) {
    Diamond t;
    const auto snapshot = parseHeapSnapshot(t.b.json());
    ASSERT_EQ(snapshot.nodeCount(), 8u);
    EXPECT_EQ(snapshot.edgeCount(), 7u);
    EXPECT_EQ(snapshot.string(snapshot.nodeName[t.d]), "hello");
    const auto dom = computeDominators(snapshot);
    EXPECT_EQ(dom.dominator[t.root], kNoHeapNode);
    EXPECT_EQ(dom.dominator[t.a], t.root);
    EXPECT_EQ(dom.dominator[t.bNode], t.root);
    EXPECT_EQ(dom.dominator[t.c], t.root) << "two paths lead to C";
    EXPECT_EQ(dom.dominator[t.d], t.c);
    EXPECT_EQ(dom.dominator[t.e], kNoHeapNode) << "held only weakly";
    EXPECT_EQ(dom.dominator[t.g], kNoHeapNode) << "a shortcut from an object is not a reference";
    EXPECT_EQ(dom.retained[t.d], 40u);
    EXPECT_EQ(dom.retained[t.c], 70u);
    EXPECT_EQ(dom.retained[t.a], 10u);
    EXPECT_EQ(dom.retained[t.bNode], 20u);
    EXPECT_EQ(dom.retained[t.root], 100u);
    EXPECT_EQ(dom.retained[t.e], 50u);
    EXPECT_EQ(dom.reachable.size(), 5u);

    const auto report = buildHeapReport(snapshot, dom, 3);
    EXPECT_EQ(report.reachableBytes, 100u);
    EXPECT_EQ(report.unreachableBytes, 180u);
    ASSERT_EQ(report.classes.size(), 3u);
    EXPECT_EQ(report.classes[0].name, "C");
    EXPECT_EQ(report.classes[0].retainedBytes, 70u);
    EXPECT_EQ(report.classes[1].name, "(string)");
    ASSERT_EQ(report.largest.size(), 3u);
    EXPECT_EQ(report.largest[0].className, "C");
    const std::vector<std::string> path{"(root) .a", "A .c"};
    EXPECT_EQ(report.largest[0].path, path);
    const auto retainers = shortestRetainerEdges(snapshot);
    const std::vector<std::string> toD{"(root) .a", "A .c", "C [0]"};
    EXPECT_EQ(heapRetainerPath(snapshot, retainers, t.d), toD);
    EXPECT_TRUE(heapRetainerPath(snapshot, retainers, t.f).empty());
}

TEST(HeapDominators, AClassRetainsEachObjectOnceAndDuplicatedStringsAreCounted) {
    SnapshotBuilder b;
    const auto root = b.node("synthetic", "", 0);
    const auto outer = b.node("object", "Node", 8);
    const auto inner = b.node("object", "Node", 8);
    b.edge(root, outer, "property", "list");
    b.edge(outer, inner, "property", "next");
    for (int i = 0; i < 3; ++i) {
        const auto copy = b.node("string", "same text", 32);
        b.edge(inner, copy, "element", std::to_string(i));
    }
    const auto other = b.node("string", "same text", 48); // another length: not a copy
    b.edge(root, other, "property", "other");
    const auto snapshot = parseHeapSnapshot(b.json());
    const auto dom = computeDominators(snapshot);
    const auto classes = summarizeHeapClasses(snapshot, dom);
    const auto node = std::find_if(classes.begin(), classes.end(),
                                   [](const HeapClassRow& r) { return r.name == "Node"; });
    ASSERT_NE(node, classes.end());
    EXPECT_EQ(node->count, 2u);
    EXPECT_EQ(node->selfBytes, 16u);
    EXPECT_EQ(node->retainedBytes, 8u + 8u + 3u * 32u) << "the inner Node is in the outer's";
    const auto duplicates = duplicatedStrings(snapshot, dom);
    ASSERT_EQ(duplicates.size(), 1u);
    EXPECT_EQ(duplicates[0].copies, 3u);
    EXPECT_EQ(duplicates[0].wastedBytes(), 64u);
    EXPECT_EQ(snapshot.string(duplicates[0].name), "same text");
}

TEST(HeapDominators, EachObjectKnowsItsClassRowAndAClassListsItsLargestObjects) {
    Diamond t;
    const auto snapshot = parseHeapSnapshot(t.b.json());
    const auto dom = computeDominators(snapshot);
    const auto classes = classifyHeapObjects(snapshot, dom);
    EXPECT_EQ(classes.rows.size(), summarizeHeapClasses(snapshot, dom).size());
    ASSERT_EQ(classes.classOf.size(), snapshot.nodeCount());
    EXPECT_EQ(classes.classOf[t.root], kNoHeapNode);
    EXPECT_EQ(classes.classOf[t.e], kNoHeapNode) << "unreachable: in no class";
    for (const auto node : {t.a, t.bNode, t.c, t.d}) {
        ASSERT_NE(classes.classOf[node], kNoHeapNode);
        EXPECT_EQ(classes.rows[classes.classOf[node]].name, heapClassName(snapshot, node));
    }
    const auto rowC = classes.classOf[t.c];
    EXPECT_EQ(rowC, 0u) << "C retains most (70 bytes): the first row";
    const auto largest = largestObjectsByClass(classes, dom, 10);
    ASSERT_EQ(largest.size(), classes.rows.size());
    EXPECT_EQ(largest[rowC], std::vector<std::uint32_t>{t.c});
    for (std::size_t row = 0; row < largest.size(); ++row) {
        EXPECT_EQ(largest[row].size(), classes.rows[row].count) << classes.rows[row].name;
    }
    EXPECT_TRUE(largestObjectsByClass(classes, dom, 0)[rowC].empty());
}

TEST(HeapDominators, RetainersListEveryEdgeIntoANode) {
    Diamond t;
    const auto snapshot = parseHeapSnapshot(t.b.json());
    const auto retainers = heapRetainers(snapshot);
    ASSERT_EQ(retainers.begin.size(), snapshot.nodeCount() + 1);
    EXPECT_EQ(retainers.edges.size(), snapshot.edgeCount());
    const auto holders = [&](std::uint32_t node) {
        std::vector<std::uint32_t> out;
        for (const auto edge : retainers.of(node)) {
            EXPECT_EQ(snapshot.edgeTarget[edge], node);
            out.push_back(heapEdgeSource(snapshot, edge));
        }
        return out;
    };
    EXPECT_EQ(holders(t.c), (std::vector<std::uint32_t>{t.a, t.bNode}));
    EXPECT_EQ(holders(t.e), std::vector<std::uint32_t>{t.a}) << "a weak edge holds too, weakly";
    EXPECT_TRUE(holders(t.root).empty());
    EXPECT_TRUE(holders(t.f).empty());
}

// Two snapshots of one process: an object kept (same id), one gone, two new (ids the older lacks).
TEST(HeapCompare, ClassesGainAndLoseObjectsByIdAndBytes) {
    SnapshotBuilder before;
    const auto root = before.node("synthetic", "", 0, 1);
    before.edge(root, before.node("object", "Keep", 10, 3), "property", "keep");
    before.edge(root, before.node("object", "Gone", 20, 5), "property", "gone");
    SnapshotBuilder after;
    after.node("synthetic", "", 0, 1);
    after.edge(root, after.node("object", "Keep", 10, 3), "property", "keep");
    after.edge(root, after.node("object", "Leak", 30, 7), "property", "a");
    after.edge(root, after.node("object", "Leak", 30, 9), "property", "b");
    const auto older = parseHeapSnapshot(before.json());
    const auto newer = parseHeapSnapshot(after.json());
    const auto comparison =
        compareHeapSnapshots(older, computeDominators(older), newer, computeDominators(newer));
    EXPECT_EQ(comparison.liveBefore, 30u);
    EXPECT_EQ(comparison.liveAfter, 70u);
    EXPECT_EQ(comparison.objectsBefore, 2u);
    EXPECT_EQ(comparison.objectsAfter, 3u);
    ASSERT_EQ(comparison.classes.size(), 2u) << "Keep did not change";
    EXPECT_EQ(comparison.classes[0].name, "Leak");
    EXPECT_EQ(comparison.classes[0].added, 2u);
    EXPECT_EQ(comparison.classes[0].countAfter, 2u);
    EXPECT_EQ(comparison.classes[0].selfDelta, 60);
    EXPECT_EQ(comparison.classes[1].name, "Gone");
    EXPECT_EQ(comparison.classes[1].removed, 1u);
    EXPECT_EQ(comparison.classes[1].retainedDelta, -20);
}

// New strings in one array's elements are one group, whatever their indices; a new string held
// elsewhere, and an object gone from the older snapshot, are groups of their own.
TEST(HeapCompare, NewAndGoneObjectsAreGroupedByTheirNearestHolders) {
    SnapshotBuilder before;
    const auto root = before.node("synthetic", "", 0, 1);
    const auto list = before.node("object", "Array", 16, 3);
    before.edge(root, list, "property", "list");
    before.edge(root, before.node("object", "Gone", 20, 5), "property", "gone");
    SnapshotBuilder after;
    after.node("synthetic", "", 0, 1);
    after.node("object", "Array", 16, 3);
    after.edge(root, list, "property", "list");
    for (std::uint64_t i = 0; i < 3; ++i) {
        after.edge(list, after.node("string", "text " + std::to_string(i), 40, 101 + 2 * i),
                   "element", std::to_string(i));
    }
    after.edge(root, after.node("string", "alone", 24, 201), "property", "alone");
    const auto older = parseHeapSnapshot(before.json());
    const auto newer = parseHeapSnapshot(after.json());
    const auto comparison =
        compareHeapSnapshots(older, computeDominators(older), newer, computeDominators(newer));
    ASSERT_EQ(comparison.paths.size(), 3u);
    const auto& strings = comparison.paths[0];
    EXPECT_EQ(strings.className, "(string)");
    EXPECT_EQ(strings.added, 3u);
    EXPECT_EQ(strings.addedBytes, 120u);
    EXPECT_EQ(strings.heldThrough, (std::vector<std::string>{"(root) .list", "Array []"}));
    EXPECT_EQ(comparison.paths[1].added, 1u);
    EXPECT_EQ(comparison.paths[1].heldThrough, std::vector<std::string>{"(root) .alone"});
    const auto& gone = comparison.paths[2];
    EXPECT_EQ(gone.className, "Gone");
    EXPECT_EQ(gone.removed, 1u);
    EXPECT_EQ(gone.netBytes(), -20);

    std::ostringstream text;
    writeHeapComparisonText(text, comparison, 10);
    EXPECT_NE(text.str().find("(string) held through (root) .list → Array []"), std::string::npos)
        << text.str();
    const auto json = heapComparisonJson(comparison);
    EXPECT_EQ(json["paths"][0]["added"], 3);
    EXPECT_EQ(json["paths"][2]["removedBytes"], 20);
}

// The iterative data-flow algorithm of Cooper, Harvey and Kennedy, as an independent oracle.
std::vector<std::uint32_t> oracleDominators(const HeapSnapshot& s) {
    const auto n = static_cast<std::uint32_t>(s.nodeCount());
    std::vector<std::vector<std::uint32_t>> preds(n);
    std::vector<std::uint32_t> post(n, kNoHeapNode);
    std::vector<std::uint32_t> order; // postorder
    std::vector<std::pair<std::uint32_t, std::uint32_t>> stack{{0, s.edgesBegin[0]}};
    std::vector<bool> seen(n, false);
    seen[0] = true;
    while (!stack.empty()) {
        auto& [v, next] = stack.back();
        if (next == s.edgesBegin[v + 1]) {
            post[v] = static_cast<std::uint32_t>(order.size());
            order.push_back(v);
            stack.pop_back();
            continue;
        }
        const auto e = next++;
        if (!isEssentialEdge(s, v, e)) {
            continue;
        }
        const auto w = s.edgeTarget[e];
        preds[w].push_back(v);
        if (!seen[w]) {
            seen[w] = true;
            stack.emplace_back(w, s.edgesBegin[w]);
        }
    }
    std::vector<std::uint32_t> idom(n, kNoHeapNode);
    idom[0] = 0;
    const auto intersect = [&](std::uint32_t x, std::uint32_t y) {
        while (x != y) {
            while (post[x] < post[y]) {
                x = idom[x];
            }
            while (post[y] < post[x]) {
                y = idom[y];
            }
        }
        return x;
    };
    for (bool changed = true; changed;) {
        changed = false;
        for (auto i = order.size(); i-- > 0;) {
            const auto v = order[i];
            if (v == 0) {
                continue;
            }
            auto best = kNoHeapNode;
            for (const auto p : preds[v]) {
                if (idom[p] != kNoHeapNode) {
                    best = best == kNoHeapNode ? p : intersect(p, best);
                }
            }
            if (idom[v] != best) {
                idom[v] = best;
                changed = true;
            }
        }
    }
    idom[0] = kNoHeapNode;
    return idom;
}

TEST(HeapDominators, RandomGraphsAgreeWithTheDataFlowAlgorithm) {
    std::mt19937 random(20261203);
    const char* types[] = {"property", "element", "internal", "weak", "shortcut", "context"};
    for (int round = 0; round < 40; ++round) {
        SnapshotBuilder b;
        const auto nodes = 2 + random() % 200;
        for (std::uint32_t i = 0; i < nodes; ++i) {
            b.node(i == 0 ? "synthetic" : "object", "N" + std::to_string(i % 7), random() % 100);
        }
        const auto edges = random() % (nodes * 3);
        for (std::uint32_t i = 0; i < edges; ++i) {
            // Edges are grouped by their source when written; any order of adding is fine.
            const auto from = static_cast<std::uint32_t>(random() % nodes);
            const auto to = static_cast<std::uint32_t>(random() % nodes);
            const std::string type = types[random() % std::size(types)];
            b.edge(from, to, type, type == "element" ? std::to_string(i) : "p" + std::to_string(i));
        }
        const auto snapshot = parseHeapSnapshot(b.json());
        const auto dom = computeDominators(snapshot);
        ASSERT_EQ(dom.dominator, oracleDominators(snapshot)) << "round " << round;
    }
}

// A snapshot Node writes of a process holding known structures.
TEST(HeapDominators, ANodeSnapshotAgreesWithTheOracleAndShowsWhatHoldsTheStrings) {
    testing::TempDir dir;
    const auto file = dir.path() / "held.heapsnapshot";
    // 100 distinct flat strings of 10,000 characters in a Map held by a global; a cycle; a
    // closure holding an array; a WeakMap whose key nothing else holds.
    const std::string script = R"(
const crypto = require('crypto');
globalThis.held = new Map();
for (let i = 0; i < 100; i++) globalThis.held.set('k' + i, crypto.randomBytes(5000).toString('hex'));
globalThis.cycle = (() => { const a = {}; const b = { a }; a.b = b; return a; })();
globalThis.keep = (() => { const kept = new Array(5000).fill(7); return () => kept.length; })();
globalThis.wm = new WeakMap(); globalThis.wm.set({}, 'x'.repeat(3));
require('v8').writeHeapSnapshot(process.argv[1]);
)";
    const auto run = testing::runProcess({"node", "-e", script, file.string()});
    if (run.exitCode == 127 || run.exitCode == 126) {
        GTEST_SKIP() << "node is not installed: " << run.err;
    }
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto snapshot = readHeapSnapshot(file.string());
    const auto dom = computeDominators(snapshot);
    EXPECT_EQ(dom.dominator, oracleDominators(snapshot));
    // The Map reached from the global's "held" retains its 100 strings of 10,000 bytes.
    const auto retainers = shortestRetainerEdges(snapshot);
    bool found = false;
    for (std::uint32_t n = 0; n < snapshot.nodeCount(); ++n) {
        if (heapClassName(snapshot, n) != "Map" || retainers[n] == kNoHeapNode ||
            heapEdgeLabel(snapshot, retainers[n]) != ".held") {
            continue;
        }
        found = true;
        EXPECT_GE(dom.retained[n], 100u * 10000u);
        EXPECT_LT(dom.retained[n], 100u * 10000u + 64u * 1024u);
    }
    EXPECT_TRUE(found) << "no Map held by the global's property held";
    // The object held by "cycle" (a -> b -> a) retains both; the closure held by "keep" retains
    // its context and the 5,000-element array; the WeakMap's key is held by nothing strong.
    const auto heldBy = [&](std::string_view label) {
        for (std::uint32_t n = 0; n < snapshot.nodeCount(); ++n) {
            if (retainers[n] != kNoHeapNode && heapEdgeLabel(snapshot, retainers[n]) == label &&
                heapEdgeSource(snapshot, retainers[n]) != 0) {
                return n;
            }
        }
        return kNoHeapNode;
    };
    const auto cycle = heldBy(".cycle");
    ASSERT_NE(cycle, kNoHeapNode);
    std::uint32_t inner = kNoHeapNode;
    for (auto e = snapshot.edgesBegin[cycle]; e < snapshot.edgesBegin[cycle + 1]; ++e) {
        if (heapEdgeLabel(snapshot, e) == ".b") {
            inner = snapshot.edgeTarget[e];
        }
    }
    ASSERT_NE(inner, kNoHeapNode);
    EXPECT_EQ(dom.dominator[inner], cycle) << "b is reached only through a";
    EXPECT_GE(dom.retained[cycle], snapshot.selfSize[cycle] + dom.retained[inner]);
    const auto closure = heldBy(".keep");
    ASSERT_NE(closure, kNoHeapNode);
    EXPECT_EQ(heapClassName(snapshot, closure), "(closure)");
    EXPECT_GE(dom.retained[closure], 5000u * 8u) << "its context holds the array";
    const auto weakMap = heldBy(".wm");
    ASSERT_NE(weakMap, kNoHeapNode);
    EXPECT_LT(dom.retained[weakMap], 1024u) << "the weak map does not hold its entry's key";
    const auto report = buildHeapReport(snapshot, dom, 50);
    EXPECT_GT(report.reachableBytes, 100u * 10000u);
    const auto string = std::find_if(report.classes.begin(), report.classes.end(),
                                     [](const HeapClassRow& r) { return r.name == "(string)"; });
    ASSERT_NE(string, report.classes.end());
    EXPECT_GE(string->selfBytes, 100u * 10000u);
}

} // namespace
} // namespace fanout
