// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/view/view_graph.h"

#include <algorithm>
#include <map>
#include <optional>
#include <span>
#include <unordered_map>
#include <unordered_set>

namespace fanout {
namespace {

int kindRank(ImportKind kind) {
    switch (kind) {
    case ImportKind::Export:
        return 3;
    case ImportKind::Import:
        return 2;
    case ImportKind::Require:
    case ImportKind::JsxRuntime:
        return 1;
    case ImportKind::DynamicImport:
        return 0;
    }
    return 0;
}

// The edges `importer` starts (edges are sorted by importer).
std::span<const ScanEdge> edgesOf(const ScanResult& result, std::uint32_t importer) {
    const auto first = std::lower_bound(
        result.edges.begin(), result.edges.end(), importer,
        [](const ScanEdge& edge, std::uint32_t id) { return edge.importer.value < id; });
    auto last = first;
    while (last != result.edges.end() && last->importer.value == importer) {
        ++last;
    }
    return {first, last};
}

// Keeps in `best` the stronger of its kind and `edge`'s, for runtime edges into a module.
void strengthen(std::optional<ImportKind>& best, const ScanEdge& edge) {
    if (!best || kindRank(edge.kind) > kindRank(*best)) {
        best = edge.kind;
    }
}

class FocusBuilder {
public:
    FocusBuilder(const ScanResult& result, const ModuleGraph& graph, const FocusOptions& options)
        : m_result(result), m_graph(graph), m_options(options) {}

    ViewGraph build(std::uint32_t center) {
        place(center, ViewSide::Center, 0);
        walk(center, ViewSide::Imports);
        walk(center, ViewSide::Importers);
        return std::move(m_view);
    }

private:
    std::uint32_t place(std::uint32_t module, ViewSide side, unsigned depth) {
        const auto [it, added] =
            m_nodeOf.emplace(module, static_cast<std::uint32_t>(m_view.nodes.size()));
        if (added) {
            ViewNode node;
            node.id = module;
            node.side = side;
            node.depth = depth;
            node.bytes = m_result.modules[module].bytes;
            m_view.nodes.push_back(std::move(node));
        }
        return it->second;
    }

    void link(std::uint32_t importer, std::uint32_t target, std::uint32_t fromNode,
              std::uint32_t toNode) {
        if (m_linked.insert(std::uint64_t{fromNode} << 32 | toNode).second) {
            m_view.edges.push_back({fromNode, toNode, kindOf(importer, target), 1});
        }
    }

    // The kind of each runtime import of `importer`, from one pass over its edges: asking
    // edgeKind() per target would rescan a 50,000-icon barrel's edges 50,000 times.
    ImportKind kindOf(std::uint32_t importer, std::uint32_t target) {
        auto [it, added] = m_kinds.try_emplace(importer);
        if (added) {
            for (const auto& edge : edgesOf(m_result, importer)) {
                if (!edge.typeOnly && edge.target) {
                    strengthen(it->second[edge.target->value], edge);
                }
            }
        }
        const auto found = it->second.find(target);
        return found == it->second.end() ? ImportKind::Import
                                         : found->second.value_or(ImportKind::Import);
    }

    bool expanded(std::uint32_t module) const {
        return std::find(m_options.expanded.begin(), m_options.expanded.end(), module) !=
               m_options.expanded.end();
    }

    void walk(std::uint32_t center, ViewSide side) {
        const bool imports = side == ViewSide::Imports;
        std::vector<std::uint32_t> frontier{center};
        for (unsigned depth = 1; depth <= m_options.depth && !frontier.empty(); ++depth) {
            std::vector<std::uint32_t> next;
            for (const auto module : frontier) {
                const auto neighbours =
                    imports ? m_graph.targets(module) : m_graph.importers(module);
                const bool bundled = neighbours.size() > m_options.bundleAbove && !expanded(module);
                std::vector<std::uint32_t> members;
                for (const auto neighbour : neighbours) {
                    const auto importer = imports ? module : neighbour;
                    const auto target = imports ? neighbour : module;
                    if (bundled && !m_nodeOf.contains(neighbour)) {
                        members.push_back(neighbour);
                        continue;
                    }
                    const bool known = m_nodeOf.contains(neighbour);
                    place(neighbour, side, depth);
                    if (!known) {
                        next.push_back(neighbour);
                    }
                    link(importer, target, m_nodeOf.at(importer), m_nodeOf.at(target));
                }
                if (!members.empty()) {
                    addBundle(module, side, depth, std::move(members));
                }
            }
            frontier = std::move(next);
        }
    }

    void addBundle(std::uint32_t module, ViewSide side, unsigned depth,
                   std::vector<std::uint32_t> members) {
        const bool imports = side == ViewSide::Imports;
        // The bundle's edge carries the kind most of its members are reached by.
        std::map<ImportKind, std::uint64_t> kinds;
        ViewNode node;
        node.kind = ViewNodeKind::Bundle;
        node.id = module;
        node.side = side;
        node.depth = depth;
        node.modules = members.size();
        for (const auto member : members) {
            ++kinds[imports ? kindOf(module, member) : kindOf(member, module)];
            node.bytes += m_result.modules[member].bytes;
        }
        node.members = std::move(members);
        const auto index = static_cast<std::uint32_t>(m_view.nodes.size());
        m_view.nodes.push_back(std::move(node));
        const auto kind = std::max_element(kinds.begin(), kinds.end(), [](auto& a, auto& b) {
                              return a.second < b.second;
                          })->first;
        const auto self = m_nodeOf.at(module);
        m_view.edges.push_back(
            {imports ? self : index, imports ? index : self, kind, m_view.nodes[index].modules});
    }

    const ScanResult& m_result;
    const ModuleGraph& m_graph;
    const FocusOptions& m_options;
    ViewGraph m_view;
    std::unordered_map<std::uint32_t, std::uint32_t> m_nodeOf;
    std::unordered_set<std::uint64_t> m_linked;
    std::unordered_map<std::uint32_t, std::unordered_map<std::uint32_t, std::optional<ImportKind>>>
        m_kinds;
};

} // namespace

ImportKind edgeKind(const ScanResult& result, std::uint32_t importer, std::uint32_t target) {
    std::optional<ImportKind> best;
    for (const auto& edge : edgesOf(result, importer)) {
        if (!edge.typeOnly && edge.target && edge.target->value == target) {
            strengthen(best, edge);
        }
    }
    return best.value_or(ImportKind::Import);
}

ViewGraph buildFocusGraph(const ScanResult& result, const ModuleGraph& graph, std::uint32_t center,
                          const FocusOptions& options) {
    return FocusBuilder(result, graph, options).build(center);
}

ViewGraph buildPackageOverview(const ScanResult& result) {
    ViewGraph view;
    // Node 0 is the project's own files; package p is node p + 1.
    view.nodes.resize(result.packages.size() + 1);
    view.nodes[0].kind = ViewNodeKind::Project;
    for (std::uint32_t i = 0; i < view.nodes.size(); ++i) {
        view.nodes[i].modules = 0;
        if (i > 0) {
            view.nodes[i].kind = ViewNodeKind::Package;
            view.nodes[i].id = i - 1;
        }
    }
    const auto nodeOf = [](const ScanModule& module) {
        return module.package ? module.package->value + 1 : 0u;
    };
    for (const auto& module : result.modules) {
        auto& node = view.nodes[nodeOf(module)];
        ++node.modules;
        node.bytes += module.bytes;
    }
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint64_t> links;
    for (const auto& edge : result.edges) {
        if (edge.target && !edge.typeOnly) {
            const auto from = nodeOf(result.module(edge.importer));
            const auto to = nodeOf(result.module(*edge.target));
            if (from != to) {
                ++links[{from, to}];
            }
        }
    }
    for (const auto& [pair, count] : links) {
        view.edges.push_back({pair.first, pair.second, ImportKind::Import, count});
    }
    // Drop packages no module belongs to (their ids stay valid: indices are renumbered below).
    std::vector<std::uint32_t> renumbered(view.nodes.size(), 0);
    ViewGraph kept;
    for (std::uint32_t i = 0; i < view.nodes.size(); ++i) {
        renumbered[i] = static_cast<std::uint32_t>(kept.nodes.size());
        if (view.nodes[i].modules > 0) {
            kept.nodes.push_back(view.nodes[i]);
        }
    }
    for (auto edge : view.edges) {
        edge.from = renumbered[edge.from];
        edge.to = renumbered[edge.to];
        kept.edges.push_back(edge);
    }
    return kept;
}

LayoutRequest moduleMapRequest(const ModuleGraph& graph) {
    LayoutRequest request;
    request.engine = LayoutEngine::Sfdp;
    request.edgePaths = false;
    request.sizes.assign(graph.size(), {0.05, 0.05});
    for (std::uint32_t module = 0; module < graph.size(); ++module) {
        for (const auto target : graph.targets(module)) {
            request.edges.emplace_back(module, target);
        }
    }
    return request;
}

} // namespace fanout
