// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/analysis/analysis.h"

#include <vector>

namespace fanout::detail {

struct Components {
    std::vector<std::uint32_t> componentOf;          // by module
    std::vector<std::vector<std::uint32_t>> members; // in reverse topological order
};

Components stronglyConnected(const ModuleGraph& graph);
std::vector<std::uint64_t> estimateReach(const ModuleGraph& graph, const Components& components);

} // namespace fanout::detail
