// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fanout {

struct LayoutPoint {
    double x = 0; // inches, y growing upwards as Graphviz gives it
    double y = 0;
};

// dot: layered, edges routed (tens of ms for a few hundred nodes, minutes at thousands).
// sfdp (`dot -Ksfdp`): force-directed, points and straight edges, ~2.5 s at 10,000 nodes.
enum class LayoutEngine : unsigned char { Dot, Sfdp };

// What Graphviz is asked to place: boxes of a given size in inches and the edges between them.
struct LayoutRequest {
    std::vector<std::pair<double, double>> sizes; // width, height per node
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    bool leftToRight = true;
    LayoutEngine engine = LayoutEngine::Dot;
    // Off: the layout's edge paths are not read (a map draws straight lines between centres).
    bool edgePaths = true;
};

struct Layout {
    double width = 0;
    double height = 0;
    std::vector<LayoutPoint> centers;            // per node
    std::vector<std::vector<LayoutPoint>> edges; // per request edge: B-spline control points
};

// The request as DOT for `dot -Tplain` (nodes n0, n1, ... without labels: the caller draws them).
std::string layoutDot(const LayoutRequest& request);
// The command-line arguments that go with it: -Tplain, and -Ksfdp for the sfdp engine.
std::vector<std::string> layoutArguments(const LayoutRequest& request);

// Reads Graphviz's `-Tplain` output for a request made by layoutDot. Returns nothing and sets
// `error` when the text is not such a layout.
std::optional<Layout> parsePlainLayout(std::string_view text, const LayoutRequest& request,
                                       std::string& error);

} // namespace fanout
