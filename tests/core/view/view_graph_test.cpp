// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/demo/demo_project.h"
#include "fanout/view/plain_layout.h"
#include "fanout/view/treemap.h"
#include "fanout/view/view_graph.h"

#include "process.h"
#include "scan/scan_helpers.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <cmath>

namespace fanout {
namespace {

namespace fs = std::filesystem;

struct Demo {
    testing::TempDir tmp;
    std::shared_ptr<const ScanResult> result;
    std::unique_ptr<ModuleGraph> graph;

    explicit Demo(std::size_t icons) {
        const auto root = fs::canonical(tmp.path()) / "demo";
        writeDemoProject(root, icons);
        result = testing::scanProject(root.string());
        graph = std::make_unique<ModuleGraph>(*result);
    }

    std::uint32_t find(const std::string& relative, const std::string& env) const {
        for (std::uint32_t i = 0; i < result->modules.size(); ++i) {
            const auto& module = result->modules[i];
            if (displayPath(module.path, result->config.root) == relative &&
                result->config.environments[module.environment].name == env) {
                return i;
            }
        }
        ADD_FAILURE() << "no module " << relative;
        return 0;
    }
};

constexpr const char* kBarrel = "node_modules/lucide-mini/dist/esm/lucide-mini.mjs";

TEST(FocusGraph, ABarrelsFanOutIsOneBundleNodeUntilExpanded) {
    const Demo demo(40);
    const auto barrel = demo.find(kBarrel, "client");
    const auto view = buildFocusGraph(*demo.result, *demo.graph, barrel);
    ASSERT_FALSE(view.nodes.empty());
    EXPECT_EQ(view.nodes[0].id, barrel);
    EXPECT_EQ(view.nodes[0].side, ViewSide::Center);
    std::size_t bundles = 0;
    for (std::uint32_t i = 0; i < view.nodes.size(); ++i) {
        const auto& node = view.nodes[i];
        if (node.kind != ViewNodeKind::Bundle) {
            continue;
        }
        ++bundles;
        EXPECT_EQ(node.side, ViewSide::Imports);
        EXPECT_EQ(node.members.size(), demo.graph->targets(barrel).size());
        EXPECT_EQ(node.modules, node.members.size());
        const auto edge = std::find_if(view.edges.begin(), view.edges.end(),
                                       [&](const ViewEdge& e) { return e.to == i; });
        ASSERT_NE(edge, view.edges.end());
        EXPECT_EQ(edge->from, 0u);
        EXPECT_EQ(edge->kind, ImportKind::Export);
    }
    EXPECT_EQ(bundles, 1u);
    // Its importer is on the other side.
    const auto counter = demo.find("src/app/components/Counter.tsx", "client");
    EXPECT_TRUE(std::any_of(view.nodes.begin(), view.nodes.end(), [&](const ViewNode& node) {
        return node.id == counter && node.side == ViewSide::Importers;
    }));

    FocusOptions options;
    options.expanded = {barrel};
    const auto open = buildFocusGraph(*demo.result, *demo.graph, barrel, options);
    EXPECT_TRUE(std::none_of(open.nodes.begin(), open.nodes.end(), [](const ViewNode& node) {
        return node.kind == ViewNodeKind::Bundle;
    }));
    EXPECT_EQ(open.nodes.size(), view.nodes.size() - 1 + demo.graph->targets(barrel).size());
}

TEST(FocusGraph, DepthReachesFurtherAndEachModuleAppearsOnce) {
    const Demo demo(10);
    const auto counter = demo.find("src/app/components/Counter.tsx", "client");
    FocusOptions options;
    options.depth = 3;
    const auto view = buildFocusGraph(*demo.result, *demo.graph, counter, options);
    std::set<std::uint32_t> seen;
    bool icon = false;
    for (const auto& node : view.nodes) {
        EXPECT_LE(node.depth, 3u);
        EXPECT_TRUE(seen.insert(node.id).second) << demo.result->modules[node.id].path;
        icon = icon || demo.result->modules[node.id].path.find("/icons/") != std::string::npos;
    }
    EXPECT_TRUE(icon); // Counter -> barrel -> icon (10 icons: below the bundle threshold)
    for (const auto& edge : view.edges) {
        EXPECT_LT(edge.from, view.nodes.size());
        EXPECT_LT(edge.to, view.nodes.size());
    }
}

TEST(PackageOverview, OneNodePerPackageAndTheProjectWithCountedEdges) {
    const Demo demo(40);
    const auto view = buildPackageOverview(*demo.result);
    ASSERT_GE(view.nodes.size(), 3u);
    EXPECT_EQ(view.nodes[0].kind, ViewNodeKind::Project);
    std::uint64_t modules = 0;
    for (const auto& node : view.nodes) {
        modules += node.modules;
    }
    EXPECT_EQ(modules, demo.result->modules.size());
    const auto lucide = std::find_if(view.nodes.begin(), view.nodes.end(), [&](auto& node) {
        return node.kind == ViewNodeKind::Package &&
               demo.result->packages[node.id].name == "lucide-mini";
    });
    ASSERT_NE(lucide, view.nodes.end());
    EXPECT_GE(lucide->modules, 41u);
    EXPECT_TRUE(std::any_of(view.edges.begin(), view.edges.end(), [&](const ViewEdge& edge) {
        return edge.from == 0 && edge.to == lucide - view.nodes.begin();
    }));
}

TEST(PlainLayout, GraphvizPlacesEveryNodeAndEdgeOfTheRequest) {
    LayoutRequest request;
    request.sizes = {{1.0, 0.5}, {2.0, 0.5}, {1.0, 1.0}, {0.5, 0.5}};
    request.edges = {{0, 1}, {0, 2}, {2, 3}, {1, 3}};
    testing::TempDir tmp;
    tmp.write("request.dot", layoutDot(request));
    const auto dot =
        testing::runProcess({"/usr/bin/dot", "-Tplain", (tmp.path() / "request.dot").string()});
    ASSERT_EQ(dot.exitCode, 0) << dot.err;
    std::string error;
    const auto layout = parsePlainLayout(dot.out, request, error);
    ASSERT_TRUE(layout) << error;
    EXPECT_GT(layout->width, 0);
    // Left to right: an importer sits left of what it imports.
    EXPECT_LT(layout->centers[0].x, layout->centers[1].x);
    EXPECT_LT(layout->centers[2].x, layout->centers[3].x);
    for (const auto& path : layout->edges) {
        EXPECT_GE(path.size(), 4u);
    }
}

// The opt-in full map: every module a point placed by sfdp, one edge per distinct import.
TEST(ModuleMap, SfdpPlacesEveryModuleOfTheWholeGraph) {
    const Demo demo(40);
    const auto request = moduleMapRequest(*demo.graph);
    ASSERT_EQ(request.sizes.size(), demo.result->modules.size());
    std::size_t imports = 0;
    for (std::uint32_t module = 0; module < demo.graph->size(); ++module) {
        imports += demo.graph->targets(module).size();
    }
    EXPECT_EQ(request.edges.size(), imports);
    EXPECT_EQ(layoutArguments(request), (std::vector<std::string>{"-Ksfdp", "-Tplain"}));
    testing::TempDir tmp;
    tmp.write("map.dot", layoutDot(request));
    auto command = std::vector<std::string>{"/usr/bin/dot"};
    for (const auto& argument : layoutArguments(request)) {
        command.push_back(argument);
    }
    command.push_back((tmp.path() / "map.dot").string());
    const auto sfdp = testing::runProcess(command);
    ASSERT_EQ(sfdp.exitCode, 0) << sfdp.err;
    std::string error;
    const auto layout = parsePlainLayout(sfdp.out, request, error);
    ASSERT_TRUE(layout) << error;
    EXPECT_TRUE(layout->edges.empty()); // paths not read: the map draws straight lines
    // Force-directed: the barrel sits closer to its icons on average than the icons to the entry.
    const auto barrel = demo.find(kBarrel, "client");
    const auto distance = [&](std::uint32_t a, std::uint32_t b) {
        const auto& p = layout->centers[a];
        const auto& q = layout->centers[b];
        return std::hypot(p.x - q.x, p.y - q.y);
    };
    double toBarrel = 0;
    const auto icons = demo.graph->targets(barrel);
    ASSERT_GE(icons.size(), 40u);
    for (const auto icon : icons) {
        toBarrel += distance(barrel, icon);
    }
    EXPECT_GT(layout->width, 0);
    EXPECT_LT(toBarrel / static_cast<double>(icons.size()),
              std::hypot(layout->width, layout->height) / 2);
}

TEST(PlainLayout, MalformedOutputIsAnErrorNotACrash) {
    LayoutRequest request;
    request.sizes = {{1.0, 0.5}, {1.0, 0.5}};
    request.edges = {{0, 1}};
    std::string error;
    EXPECT_FALSE(parsePlainLayout("", request, error));
    EXPECT_FALSE(parsePlainLayout("graph 1 2 3\nnode n0 1 1\nstop\n", request, error));
    EXPECT_NE(error.find("n1"), std::string::npos) << error;
    EXPECT_FALSE(parsePlainLayout("graph 1 2 3\nnode n9 1 1\n", request, error));
    EXPECT_FALSE(parsePlainLayout("graph 1 2 3\nedge n0 n1 40 1 1\n", request, error));
    EXPECT_TRUE(parsePlainLayout("graph 1 2 3\nnode n0 1 1 1 1 \"a b\" solid box\n"
                                 "node n1 2 1 1 1 \"\" solid box\nstop\n",
                                 request, error))
        << error;
}

TEST(Treemap, CellsTileTheRectangleInProportionAndStayNearlySquare) {
    const std::vector<double> weights{6, 6, 4, 3, 2, 2, 1, 0};
    const auto cells = squarify(weights, 10, 20, 6, 4);
    ASSERT_EQ(cells.size(), 7u); // the zero weight gets no cell
    double area = 0;
    for (const auto& cell : cells) {
        EXPECT_NEAR(cell.width * cell.height, weights[cell.index], 1e-9);
        EXPECT_GE(cell.x, 10 - 1e-9);
        EXPECT_GE(cell.y, 20 - 1e-9);
        EXPECT_LE(cell.x + cell.width, 16 + 1e-9);
        EXPECT_LE(cell.y + cell.height, 24 + 1e-9);
        EXPECT_LE(std::max(cell.width / cell.height, cell.height / cell.width), 3.0);
        area += cell.width * cell.height;
    }
    EXPECT_NEAR(area, 24, 1e-9);
    for (std::size_t a = 0; a < cells.size(); ++a) {
        for (std::size_t b = a + 1; b < cells.size(); ++b) {
            const double overlapX =
                std::min(cells[a].x + cells[a].width, cells[b].x + cells[b].width) -
                std::max(cells[a].x, cells[b].x);
            const double overlapY =
                std::min(cells[a].y + cells[a].height, cells[b].y + cells[b].height) -
                std::max(cells[a].y, cells[b].y);
            EXPECT_FALSE(overlapX > 1e-9 && overlapY > 1e-9) << a << " and " << b;
        }
    }
    EXPECT_TRUE(squarify(weights, 0, 0, 0, 5).empty());
}

} // namespace
} // namespace fanout
