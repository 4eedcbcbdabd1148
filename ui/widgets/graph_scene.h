// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/view/plain_layout.h"
#include "fanout/view/view_graph.h"
#include "module_changes.h"
#include "scan_session.h"

#include <QColor>
#include <QFont>
#include <QGraphicsScene>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace fanout::ui {

// What each node of a view graph says and how large its box is: computed before the layout
// (Graphviz places boxes of these sizes) and used again to draw them.
struct NodeLabel {
    QStringList lines;
    QSizeF size;     // points
    double heat = 0; // 0 cold .. 1 hottest in this view
};

// Graphviz's inches (y up) as scene points (y down).
QPointF scenePoint(const LayoutPoint& point, const Layout& layout);
// A module's name as nodes show it: "package › file", or its path in the project.
QString shortName(const ScanSession& session, ModuleId module);
// Hot (red) drags in more; cold (blue-green) drags in little. `heat` from 0 to 1.
QColor heatColor(double heat);

// A view graph and the exact reach of its centre module (0 without one): the parts of a view
// that walk the whole graph, built off the GUI thread for a large result.
struct ViewContent {
    ViewGraph view;
    std::uint64_t centerReach = 0;
};

// The focus view around `center`, or the package overview when `center` is null.
ViewContent buildViewContent(const ScanSession& session, std::optional<ModuleId> center,
                             const FocusOptions& options);

// `centerReach`: the exact reach of the view's centre module, shown on its node.
std::vector<NodeLabel> labelNodes(const ScanSession& session, const ViewGraph& view,
                                  std::uint64_t centerReach, const QFont& font);

LayoutRequest layoutRequest(const ViewGraph& view, const std::vector<NodeLabel>& labels);

// Fills `scene` (GUI thread only) with one item per node and edge. Node items carry their node
// index as data(0).
// A module that changed since the scan compared with (`changes`, may be null) gets a halo:
// green when new, amber when changed.
void drawViewGraph(QGraphicsScene& scene, const ScanSession& session, const ViewGraph& view,
                   const std::vector<NodeLabel>& labels, const Layout& layout, const QFont& font,
                   const ModuleChanges* changes = nullptr);

} // namespace fanout::ui
