// SPDX-License-Identifier: GPL-3.0-or-later
// A heap snapshot read from arbitrary bytes: either a clear HeapSnapshotError, or a snapshot whose
// columns fit together, on which the dominators and the whole report are computed.
#include "fanout/heap/heap_analysis.h"
#include "fanout/heap/heap_report.h"
#include "fuzz_target.h"

FANOUT_FUZZ_TARGET(heap_snapshot) {
    fanout::HeapSnapshot snapshot;
    try {
        snapshot = fanout::parseHeapSnapshot(fanout::fuzz::bytes(data, size));
    } catch (const fanout::HeapSnapshotError&) {
        return 0;
    }
    const auto nodes = snapshot.nodeCount();
    if (snapshot.edgesBegin.size() != nodes + 1 ||
        snapshot.edgesBegin.back() != snapshot.edgeCount()) {
        __builtin_trap(); // an accepted snapshot's edges are all accounted for
    }
    const auto dominators = fanout::computeDominators(snapshot);
    std::uint64_t live = 0;
    for (const auto node : dominators.reachable) {
        live += snapshot.selfSize[node];
    }
    if (dominators.retained[0] != live) {
        __builtin_trap(); // the root retains exactly what it reaches
    }
    (void)fanout::buildHeapReport(snapshot, dominators, 5);
    return 0;
}
