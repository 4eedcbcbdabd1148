// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/heap/heap_compare.h"

#include <map>
#include <string>
#include <vector>

namespace fanout::detail {

// Steps of the shortest path from the root that group objects (the nearest holders).
inline constexpr std::size_t kGroupedSteps = 4;

// Adds the live objects of `snapshot` whose ids `otherIds` (sorted) lacks to `out`, as added
// (the newer snapshot) or removed (the older), keyed by class and grouped path.
void groupByRetainerPath(const HeapSnapshot& snapshot, const HeapDominators& dominators,
                         const std::vector<std::uint32_t>& otherIds, bool added,
                         std::map<std::string, HeapPathChange>& out);

} // namespace fanout::detail
