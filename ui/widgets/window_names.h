// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <span>

namespace fanout::ui {

// The window's panels: the six result tables first, in the order of their tabs, then the
// views in the order of theirs. Map is the graph panel's full module map.
enum class Panel {
    Hotspots,
    Directives,
    Packages,
    Duplicates,
    Unresolved,
    BarrelImports,
    Graph,
    Treemap,
    Memory,
    Map,
    Profile,
    Compare,
    Heap
};

// What the Export menu writes.
enum class Export {
    Directives,
    Json,
    DotPackages,
    DotModules,
    Csv,
    GraphPng,
    GraphSvg,
    MemoryPng,
    MemoryCsv
};

// What the profile panel writes; its name is the file's suffix.
enum class ProfileExport { Png, Csv, Json };

struct PanelInfo {
    Panel panel;
    const char* name; // as --panel takes it
    const char* title;
};

struct ExportInfo {
    Export kind;
    const char* name;
    const char* title; // the menu entry
    const char* filter;
    const char* defaultName;
};

// The one table of names: --panel, the tabs, the Export menu and the tests all read it.
std::span<const PanelInfo> panels();
std::span<const ExportInfo> exports();
const PanelInfo& info(Panel panel);
const ExportInfo& info(Export kind);
std::optional<Panel> panelNamed(const QString& name);
bool isTable(Panel panel);
QString suffixOf(ProfileExport kind);

} // namespace fanout::ui
