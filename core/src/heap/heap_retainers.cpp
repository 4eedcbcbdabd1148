// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/heap/heap_analysis.h"

namespace fanout {

HeapRetainers heapRetainers(const HeapSnapshot& snapshot) {
    const auto nodes = snapshot.nodeCount();
    HeapRetainers out;
    out.begin.assign(nodes + 1, 0);
    for (const auto target : snapshot.edgeTarget) {
        ++out.begin[target + 1];
    }
    for (std::size_t n = 1; n <= nodes; ++n) {
        out.begin[n] += out.begin[n - 1];
    }
    out.edges.resize(snapshot.edgeCount());
    auto fill = out.begin;
    for (std::uint32_t e = 0; e < snapshot.edgeCount(); ++e) {
        out.edges[fill[snapshot.edgeTarget[e]]++] = e;
    }
    return out;
}

} // namespace fanout
