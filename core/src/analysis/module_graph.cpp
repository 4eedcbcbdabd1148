// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/analysis/module_graph.h"

#include <algorithm>
#include <set>

namespace fanout {
namespace {

// Offsets and values of a CSR table from (from, to) pairs sorted by `from`.
void buildRows(std::size_t nodes, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs,
               std::vector<std::uint32_t>& offsets, std::vector<std::uint32_t>& values) {
    offsets.assign(nodes + 1, 0);
    for (const auto& [from, to] : pairs) {
        ++offsets[from + 1];
    }
    for (std::size_t i = 0; i < nodes; ++i) {
        offsets[i + 1] += offsets[i];
    }
    values.resize(pairs.size());
    auto cursor = offsets;
    for (const auto& [from, to] : pairs) {
        values[cursor[from]++] = to;
    }
}

} // namespace

ModuleGraph::ModuleGraph(const ScanResult& result) {
    const auto nodes = result.modules.size();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    pairs.reserve(result.edges.size());
    for (const auto& edge : result.edges) {
        if (edge.target && !edge.typeOnly) {
            pairs.emplace_back(edge.importer.value, edge.target->value);
        }
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    buildRows(nodes, pairs, m_outOffsets, m_out);
    for (auto& pair : pairs) {
        std::swap(pair.first, pair.second);
    }
    std::sort(pairs.begin(), pairs.end());
    buildRows(nodes, pairs, m_inOffsets, m_in);

    m_entries = entryModules(result);
}

} // namespace fanout
