// SPDX-License-Identifier: GPL-3.0-or-later
#include "window_names.h"

#include <algorithm>

namespace fanout::ui {
namespace {

constexpr PanelInfo kPanels[] = {
    {Panel::Hotspots, "hotspots", "Hotspots"},
    {Panel::Directives, "directives", "Directives"},
    {Panel::Packages, "packages", "Packages"},
    {Panel::Duplicates, "duplicates", "Duplicates"},
    {Panel::Unresolved, "unresolved", "Unresolved"},
    {Panel::BarrelImports, "barrel-imports", "Barrel imports"},
    {Panel::Graph, "graph", "Graph"},
    {Panel::Treemap, "treemap", "Treemap"},
    {Panel::Memory, "memory", "Memory"},
    {Panel::Map, "map", "Full module map"},
    {Panel::Profile, "profile", "Profile a command"},
    {Panel::Compare, "compare", "Compare"},
    {Panel::Heap, "heap", "Heap"},
};

constexpr ExportInfo kExports[] = {
    {Export::Directives, "directives", "Directive map (JSON)…", "JSON (*.json)", "directives.json"},
    {Export::Json, "json", "Full scan (JSON)…", "JSON (*.json)", "fanout-scan.json"},
    {Export::DotPackages, "dot-packages", "Package graph (DOT)…", "Graphviz (*.dot *.gv)",
     "packages.dot"},
    {Export::DotModules, "dot-modules", "Module graph (DOT)…", "Graphviz (*.dot *.gv)",
     "modules.dot"},
    {Export::Csv, "csv", "Tables (CSV folder)…", "", ""},
    {Export::GraphPng, "graph-png", "Current graph (PNG)…", "PNG (*.png)", "graph.png"},
    {Export::GraphSvg, "graph-svg", "Current graph (SVG)…", "SVG (*.svg)", "graph.svg"},
    {Export::MemoryPng, "memory-png", "Memory plot (PNG)…", "PNG (*.png)", "memory.png"},
    {Export::MemoryCsv, "memory-csv", "Memory samples (CSV)…", "CSV (*.csv)", "memory.csv"},
};

// info() indexes the tables by enumerator: each must list every enumerator once, in order.
template <typename Info, std::size_t N>
constexpr bool inDeclarationOrder(const Info (&table)[N], auto Info::*kind) {
    for (std::size_t i = 0; i < N; ++i) {
        if (static_cast<std::size_t>(table[i].*kind) != i) {
            return false;
        }
    }
    return true;
}
static_assert(inDeclarationOrder(kPanels, &PanelInfo::panel));
static_assert(inDeclarationOrder(kExports, &ExportInfo::kind));
static_assert(std::size(kPanels) == static_cast<std::size_t>(Panel::Heap) + 1);
static_assert(std::size(kExports) == static_cast<std::size_t>(Export::MemoryCsv) + 1);

} // namespace

std::span<const PanelInfo> panels() {
    return kPanels;
}

std::span<const ExportInfo> exports() {
    return kExports;
}

const PanelInfo& info(Panel panel) {
    return kPanels[static_cast<std::size_t>(panel)];
}

const ExportInfo& info(Export kind) {
    return kExports[static_cast<std::size_t>(kind)];
}

std::optional<Panel> panelNamed(const QString& name) {
    const auto* found = std::find_if(std::begin(kPanels), std::end(kPanels),
                                     [&](const auto& p) { return name == QLatin1String(p.name); });
    return found == std::end(kPanels) ? std::nullopt : std::optional(found->panel);
}

bool isTable(Panel panel) {
    return panel <= Panel::BarrelImports;
}

QString suffixOf(ProfileExport kind) {
    switch (kind) {
    case ProfileExport::Png:
        return QStringLiteral("png");
    case ProfileExport::Csv:
        return QStringLiteral("csv");
    case ProfileExport::Json:
        break;
    }
    return QStringLiteral("json");
}

} // namespace fanout::ui
