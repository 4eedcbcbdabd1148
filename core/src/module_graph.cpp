#include "fanout/module_graph.h"

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

std::vector<std::uint32_t> entryModules(const ScanResult& result) {
    const std::set<std::string> entries(result.config.entries.begin(), result.config.entries.end());
    const std::set<std::string> conditionalEntries(result.config.conditionalEntries.begin(),
                                                   result.config.conditionalEntries.end());
    std::vector<std::uint32_t> out;
    for (std::uint32_t i = 0; i < result.modules.size(); ++i) {
        const auto& module = result.modules[i];
        const bool entry =
            entries.count(module.path) > 0 ||
            std::any_of(module.aliases.begin(), module.aliases.end(),
                        [&](const std::string& alias) { return entries.count(alias) > 0; });
        if (entry) {
            out.push_back(i);
            continue;
        }
        // A conditional entry (rwsdk's src/ files) started the scan only if it has a directive.
        const bool conditional = conditionalEntries.count(module.path) > 0;
        if (conditional && module.directive.directive != Directive::None) {
            out.push_back(i);
        }
    }
    return out;
}

} // namespace fanout
