// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/version.h"
#include "graph_panel.h"
#include "heap_panel.h"
#include "inspector_panel.h"
#include "main_window.h"
#include "memory_plot.h"
#include "module_map_item.h"
#include "process.h"
#include "snapshot_builder.h"
#include "table_panel.h"
#include "treemap_view.h"
#include "ui_fixtures.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QGraphicsItem>
#include <QGraphicsView>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QSemaphore>
#include <QSet>
#include <QTabWidget>

#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QThreadPool>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fanout::ui {
namespace {

class MainWindowTest : public ::testing::Test {
protected:
    void openDemo() {
        window.setInteractive(false);
        window.show();
        QSignalSpy settled(&window, &MainWindow::projectSettled);
        window.openProject(demo.root);
        ASSERT_TRUE(settled.wait(60000));
        ASSERT_TRUE(window.errorText().isEmpty()) << window.errorText().toStdString();
    }
    // Selects another module and, at once, the top module of `panel` (returned): a view still
    // being prepared for the first must be dropped.
    std::optional<ModuleId> selectTwiceAtOnce(Panel panel) {
        const auto top = window.table(panel).topModule();
        if (top) {
            window.selection().select(ModuleId{top->value == 0 ? 1u : 0u});
            window.selection().select(top);
        }
        return top;
    }
    // How many times `spy`'s signal came, once it came and a moment passed in which a report
    // of the first selection, had it been kept, would have come too.
    qsizetype countOnceSettled(QSignalSpy& spy) {
        if (spy.count() == 0 && !spy.wait(30000)) {
            return 0;
        }
        QTest::qWait(100);
        return spy.count();
    }

    testing::DemoFolder demo;
    MainWindow window;
};

TEST_F(MainWindowTest, TheDemoShowsTheIconBarrelOnTopWithABundleInItsFocusGraph) {
    openDemo();
    const auto session = window.controller().session();
    ASSERT_TRUE(session);
    const auto top = window.table(Panel::Hotspots).topModule();
    ASSERT_TRUE(top);
    EXPECT_TRUE(
        session->result->module(*top).path.ends_with("/lucide-mini/dist/esm/lucide-mini.mjs"));
    EXPECT_EQ(window.selection().current(), top);

    auto& graph = window.graph();
    if (GraphLayouter::dotProgram().isEmpty()) {
        GTEST_SKIP() << "Graphviz's dot is not installed";
    }
    ASSERT_TRUE(graph.hasLayout()) << graph.message().toStdString();
    const auto& view = graph.viewGraph();
    ASSERT_FALSE(view.nodes.empty());
    EXPECT_EQ(view.nodes[0].id, top->value);
    const auto bundle = std::find_if(view.nodes.begin(), view.nodes.end(),
                                     [](auto& node) { return node.kind == ViewNodeKind::Bundle; });
    ASSERT_NE(bundle, view.nodes.end());
    EXPECT_EQ(bundle->modules, 301u);

    EXPECT_GE(window.controller().memory().seconds().size(), 2u);
    window.memoryPlot().refresh();
    EXPECT_GE(window.memoryPlot().plottedSamples(), 2);
    EXPECT_GT(window.treemap().cellCount(), 300u); // the barrel's fan-out
}

// Qt 6.4 splits a large fill of a paint into parts run on its global thread pool and waits for
// them: a watch update at 101k modules repainted the tab widgets' frames, and waited 7-8 ms for
// the pool's threads to be scheduled on two busy cores. The tab widgets draw no frame of their own
// (their pages have theirs), so they paint without that pool.
TEST_F(MainWindowTest, TheTabWidgetsPaintWhileQtsGlobalPoolIsBusy) {
    openDemo();
    window.resize(1440, 900);
    auto* pool = QThreadPool::globalInstance();
    const int threads = pool->maxThreadCount();
    pool->setMaxThreadCount(1);
    QSemaphore busy;
    QSemaphore started;
    pool->start([&] {
        started.release();
        busy.tryAcquire(1, 3000); // a busy pool: released below, or after 3 s at the latest
    });
    started.acquire();
    const auto tabs = window.findChildren<QTabWidget*>();
    EXPECT_GE(tabs.size(), 3);
    for (auto* tab : tabs) {
        QImage image(tab->size(), QImage::Format_ARGB32_Premultiplied);
        QElapsedTimer clock;
        clock.start();
        tab->render(&image, {}, {}, QWidget::DrawWindowBackground); // itself, not its pages
        EXPECT_LT(clock.elapsed(), 2000) << "a tab widget's paint waited for the global pool";
    }
    busy.release();
    pool->waitForDone();
    pool->setMaxThreadCount(threads);
}

// At the window's first size, the hotspots' figures are in sight beside the paths: the pages of
// the view tabs that need a wide pane (profiling, the heap) scroll rather than widen it.
TEST_F(MainWindowTest, TheHotspotsFiguresAreInSightAtTheFirstSize) {
    openDemo();
    auto& view = window.table(Panel::Hotspots).view();
    // Every figure after the paths: fan-out, reach, fan-in, bytes.
    QStringList inSight;
    for (int i = 1; i < view.model()->columnCount(); ++i) {
        const auto title = view.model()->headerData(i, Qt::Horizontal).toString();
        if (title == "Barrel") {
            break;
        }
        EXPECT_LE(view.columnViewportPosition(i) + view.columnWidth(i), view.viewport()->width())
            << title.toStdString() << " is cut at " << view.viewport()->width() << " px";
        inSight << title;
    }
    EXPECT_EQ(inSight, QStringList({"Fan-out", "Reach (est.)", "Fan-in", "Bytes"}));
    for (auto* tabs : window.findChildren<QTabWidget*>()) {
        EXPECT_LT(tabs->minimumSizeHint().width(), 560) << "a page widens its pane";
    }
}

TEST_F(MainWindowTest, SelectingARowAnywhereSelectsTheModuleEverywhere) {
    openDemo();
    auto& directives = window.table(Panel::Directives);
    auto& view = directives.view();
    const auto index = view.model()->index(0, 0);
    view.setCurrentIndex(index);
    const auto module = TableModel::moduleAt(index);
    ASSERT_TRUE(module);
    EXPECT_EQ(window.selection().current(), module);
    auto& hotspots = window.table(Panel::Hotspots);
    EXPECT_EQ(TableModel::moduleAt(hotspots.view().currentIndex()), module);
    QSignalSpy settled(&window.graph(), &GraphPanel::settled);
    ASSERT_TRUE(settled.wait(30000));
    EXPECT_EQ(window.graph().viewGraph().nodes.front().id, module->value);
}

// On the focus graph a click on a module focuses it; a drag that ends on one only pans.
TEST_F(MainWindowTest, AClickOnAGraphNodeSelectsItADragThatEndsOnItDoesNot) {
    openDemo();
    if (GraphLayouter::dotProgram().isEmpty()) {
        GTEST_SKIP() << "Graphviz's dot is not installed";
    }
    auto& graph = window.graph();
    ASSERT_TRUE(graph.hasLayout());
    const auto center = window.selection().current();
    ASSERT_TRUE(center);
    const auto& nodes = graph.viewGraph().nodes;
    QGraphicsItem* target = nullptr;
    for (auto* item : graph.canvas().scene()->items()) {
        if (item->data(0).isValid()) {
            const auto& node = nodes[static_cast<std::size_t>(item->data(0).toInt())];
            if (node.kind == ViewNodeKind::Module && node.id != center->value) {
                target = item;
                break;
            }
        }
    }
    ASSERT_NE(target, nullptr);
    const ModuleId targetModule{nodes[static_cast<std::size_t>(target->data(0).toInt())].id};
    auto* viewport = graph.canvas().viewport();
    const auto at = [&] {
        return graph.canvas().mapFromScene(target->sceneBoundingRect().center());
    };
    graph.canvas().centerOn(target);
    QTest::mousePress(viewport, Qt::LeftButton, {}, at() + QPoint(60, 40));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, at());
    EXPECT_EQ(window.selection().current(), center);
    QTest::mouseClick(viewport, Qt::LeftButton, {}, at());
    EXPECT_EQ(window.selection().current(), targetModule);
}

// The opt-in full map: every module placed by sfdp in one item; a click selects the nearest
// point's module; names appear only when zoomed in far enough.
TEST_F(MainWindowTest, TheFullMapPlacesEveryModuleAndAClickSelectsOne) {
    openDemo();
    if (GraphLayouter::dotProgram().isEmpty()) {
        GTEST_SKIP() << "Graphviz's dot is not installed";
    }
    auto& graph = window.graph();
    QSignalSpy settled(&graph, &GraphPanel::settled);
    window.showPanel(Panel::Map);
    ASSERT_TRUE(settled.wait(60000));
    ASSERT_TRUE(graph.hasLayout()) << graph.message().toStdString();
    const auto* map = graph.map();
    ASSERT_NE(map, nullptr);
    const auto modules = window.controller().session()->result->modules.size();
    EXPECT_EQ(map->pointCount(), modules);

    auto& canvas = graph.canvas();
    canvas.viewport()->grab(); // paints: all 621 points in view, too many to name
    EXPECT_EQ(map->labelsDrawn(), 0u);

    const ModuleId icon{static_cast<std::uint32_t>(modules / 2)};
    canvas.scale(40, 40);
    canvas.centerOn(map->positionOf(icon));
    canvas.viewport()->grab();
    EXPECT_GT(map->labelsDrawn(), 0u);
    EXPECT_LE(map->labelsDrawn(), ModuleMapItem::kLabelsBelow);

    QTest::mouseClick(canvas.viewport(), Qt::LeftButton, {},
                      canvas.mapFromScene(map->positionOf(icon)));
    const auto picked = window.selection().current();
    ASSERT_TRUE(picked);
    // The nearest point to the click: the icon itself, or one drawn on the same spot.
    const auto offset = map->positionOf(*picked) - map->positionOf(icon);
    EXPECT_LT(offset.manhattanLength(), 1.0);
    EXPECT_NE(graph.map(), nullptr); // still the map, now marking the selection
}

TEST(AboutBox, NamesTheVersionSetInCMakeAndTheLicence) {
    const auto text = MainWindow::aboutText();
    EXPECT_TRUE(
        text.contains(QString::fromUtf8(kVersion.data(), static_cast<qsizetype>(kVersion.size()))));
    EXPECT_TRUE(text.contains(QStringLiteral("version 3 or later")));
}

TEST_F(MainWindowTest, ExportsAreWrittenWhereAsked) {
    openDemo();
    testing::TempDir out;
    const auto file = [&](const char* name) {
        return QString::fromStdString((out.path() / name).string());
    };
    ASSERT_EQ(window.exportTo(Export::Directives, file("d.json")), QString());
    QFile directives(file("d.json"));
    ASSERT_TRUE(directives.open(QIODevice::ReadOnly));
    const auto json = QJsonDocument::fromJson(directives.readAll()).object();
    EXPECT_FALSE(json.value(QStringLiteral("client")).toArray().isEmpty());
    for (const auto& [what, name] :
         std::vector<std::pair<Export, const char*>>{{Export::Json, "scan.json"},
                                                     {Export::DotPackages, "p.dot"},
                                                     {Export::MemoryCsv, "memory.csv"},
                                                     {Export::MemoryPng, "memory.png"},
                                                     {Export::GraphSvg, "graph.svg"},
                                                     {Export::GraphPng, "graph.png"}}) {
        EXPECT_EQ(window.exportTo(what, file(name)), QString()) << name;
        EXPECT_GT(QFile(file(name)).size(), 100) << name;
    }
    EXPECT_EQ(window.exportTo(Export::Csv, file("csv")), QString());
    EXPECT_TRUE(QFile::exists(file("csv/modules.csv")));
}

TEST_F(MainWindowTest, BackgroundExportsAreWrittenInOrderAndEachIsReported) {
    openDemo();
    testing::TempDir out;
    const auto file = [&](const char* name) {
        return QString::fromStdString((out.path() / name).string());
    };
    QSignalSpy finished(&window, &MainWindow::exportFinished);
    window.exportInBackground(Export::Json, file("scan.json"));
    window.exportInBackground(Export::Directives, file("d.json"));
    window.exportInBackground(Export::Json, file("missing/scan.json")); // no such folder
    window.exportInBackground(Export::GraphSvg, file("graph.svg"));     // a widget's: at once
    ASSERT_EQ(finished.count(), 1);
    EXPECT_EQ(finished.at(0).at(0).toString(), file("graph.svg"));
    while (finished.count() < 4) {
        ASSERT_TRUE(finished.wait(30000));
    }
    QStringList files;
    for (const auto& arguments : finished) {
        files << arguments.at(0).toString();
    }
    EXPECT_EQ(files, (QStringList{file("graph.svg"), file("scan.json"), file("d.json"),
                                  file("missing/scan.json")}));
    EXPECT_TRUE(finished.at(1).at(1).toString().isEmpty());
    EXPECT_TRUE(finished.at(2).at(1).toString().isEmpty());
    const auto error = finished.at(3).at(1).toString();
    EXPECT_FALSE(error.isEmpty());
    // The same bytes as the export that waits; the failure shown to the user, without a modal loop.
    ASSERT_EQ(window.exportTo(Export::Json, file("waited.json")), QString());
    const auto bytes = [&](const char* name) {
        QFile in(file(name));
        return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
    };
    EXPECT_FALSE(bytes("scan.json").isEmpty());
    EXPECT_EQ(bytes("scan.json"), bytes("waited.json"));
    EXPECT_FALSE(bytes("d.json").isEmpty());
    EXPECT_FALSE(QFile::exists(file("missing")));
    const auto boxes = window.findChildren<QMessageBox*>();
    ASSERT_EQ(boxes.size(), 1);
    EXPECT_TRUE(boxes.front()->isVisible());
    EXPECT_EQ(boxes.front()->text(), error);
}

TEST_F(MainWindowTest, AFolderThatIsNotAProjectShowsAMessageNotACrash) {
    testing::TempDir empty;
    window.setInteractive(false);
    QSignalSpy settled(&window, &MainWindow::projectSettled);
    window.openProject(QString::fromStdString(empty.path().string()));
    ASSERT_TRUE(settled.wait(30000));
    EXPECT_TRUE(window.errorText().contains(QStringLiteral("no entries")))
        << window.errorText().toStdString();
}

TEST(Screenshot, TheAppScansShowsThePanelAndSavesANonBlankPng) {
    testing::DemoFolder demo;
    testing::TempDir out;
    const auto png = (out.path() / "shot.png").string();
    const auto run = testing::runProcess(
        {FANOUT_GUI_BINARY, "--screenshot", png, "--panel", "hotspots", demo.root.toStdString()});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const QImage image(QString::fromStdString(png));
    ASSERT_FALSE(image.isNull());
    EXPECT_GE(image.width(), 800);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7) {
            colours.insert(image.pixel(x, y));
        }
    }
    EXPECT_GT(colours.size(), 20); // text, tables and the graph, not one flat colour
}

TEST(Screenshot, AnUnknownPanelIsAUsageError) {
    const auto run = testing::runProcess(
        {FANOUT_GUI_BINARY, "--screenshot", "/tmp/x.png", "--panel", "nonsense"});
    EXPECT_NE(run.exitCode, 0);
    EXPECT_NE(run.err.find("nonsense"), std::string::npos) << run.err;
}

} // namespace
} // namespace fanout::ui

namespace fanout::ui {
namespace {

// A large result's inspector page and focus graph (both walk the whole graph) are prepared on
// worker threads; of two selections in a row, only the last is shown.
TEST_F(MainWindowTest, ALargeResultIsExplainedAndDrawnOffTheGuiThreadAndTheLatestSelectionWins) {
    openDemo();
    auto& inspector = window.inspector();
    auto& graph = window.graph();
    inspector.setExplainOffThreadAbove(0); // every result counts as large
    graph.setBuildOffThreadAbove(0);
    const auto session = window.controller().session();
    QSignalSpy explained(&inspector, &InspectorPanel::explained);
    QSignalSpy settled(&graph, &GraphPanel::settled);
    const auto importer = selectTwiceAtOnce(Panel::BarrelImports);
    ASSERT_TRUE(importer);
    EXPECT_EQ(graph.message(), QStringLiteral("Building the view…"));
    EXPECT_EQ(countOnceSettled(explained), 1) << "only the page of the last selection";
    const auto html = inspector.html();
    EXPECT_TRUE(html.contains(QStringLiteral("Barrel imports"))) << html.toStdString();
    EXPECT_TRUE(html.contains(modulePath(*session, *importer).toHtmlEscaped()));

    EXPECT_EQ(countOnceSettled(settled), 1) << "only the view of the last selection";
    ASSERT_FALSE(graph.viewGraph().nodes.empty());
    EXPECT_EQ(graph.viewGraph().nodes.front().id, importer->value);
    // The centre's exact reach, walked on the worker, is on its node.
    const auto reach = exactReach(*session->result, session->graph, *importer).modules;
    ASSERT_FALSE(graph.labels().empty());
    const auto label = graph.labels().front().lines.join(QLatin1Char(' '));
    EXPECT_TRUE(label.contains(
        QStringLiteral("reach %1").arg(QLocale().toString(static_cast<qulonglong>(reach)))))
        << label.toStdString();
    inspector.setExplainOffThreadAbove(20'000);
    graph.setBuildOffThreadAbove(20'000);
}

// A rescan (a watch update) that leaves the selected module as it was leaves its page as the
// user scrolled it; another module's page starts at the top.
TEST_F(MainWindowTest, ARescanKeepsTheInspectorWhereItWasScrolled) {
    openDemo();
    auto& inspector = window.inspector();
    const auto top = window.selection().current(); // the icon barrel: imported by many
    ASSERT_TRUE(top);
    inspector.scrollTo(1'000'000); // as far as it goes
    const int scrolled = inspector.scrollPosition();
    ASSERT_GT(scrolled, 0) << "the barrel's page fits without scrolling";
    QSignalSpy settled(&window, &MainWindow::projectSettled);
    window.rescan();
    ASSERT_TRUE(settled.wait(60000));
    EXPECT_EQ(window.selection().current(), top);
    EXPECT_EQ(inspector.scrollPosition(), scrolled);
    window.selection().select(ModuleId{top->value == 0 ? 1u : 0u});
    EXPECT_EQ(inspector.scrollPosition(), 0);
}

TEST_F(MainWindowTest, BarrelImportsTableAndTheOptimizedGraphSwitch) {
    openDemo();
    auto& barrels = window.table(Panel::BarrelImports);
    const auto importer = barrels.topModule(); // the largest saving first
    ASSERT_TRUE(importer);
    const auto session = window.controller().session();
    ASSERT_FALSE(session->barrelImports.empty());
    const auto& largest = session->barrelImports.front();
    EXPECT_EQ(*importer, largest.importer);
    EXPECT_GT(largest.savedModules(), 250u);
    window.selection().select(importer);
    const auto inspector = window.inspector().html();
    EXPECT_TRUE(inspector.contains(QStringLiteral("Barrel imports"))) << inspector.toStdString();
    EXPECT_TRUE(inspector.contains(QStringLiteral("icons/")))
        << inspector.toStdString(); // each name leads to its icon module

    const auto plainModules = session->result->modules.size();
    const auto plainEdges = session->result->edges.size();
    QSignalSpy settled(&window, &MainWindow::projectSettled);
    window.optimizeAction().trigger();
    ASSERT_TRUE(settled.wait(60000));
    const auto optimized = window.controller().session();
    EXPECT_TRUE(optimized->result->config.optimizeBarrels);
    // The icon picker's dynamic imports still reach every icon; the barrel's 300 re-exports are
    // followed for the names imported only.
    EXPECT_LT(optimized->result->edges.size() + 250, plainEdges);
    const auto figures = window.comparisonText();
    EXPECT_TRUE(figures.contains(QStringLiteral("plain: %1 modules").arg(plainModules)))
        << figures.toStdString();
    EXPECT_TRUE(figures.contains(
        QStringLiteral("optimized: %1 modules").arg(optimized->result->modules.size())))
        << figures.toStdString();
}

} // namespace
} // namespace fanout::ui

namespace fanout::ui {
namespace {

// A monorepo with two Vite apps sharing a workspace package.
struct MonorepoFolder {
    testing::TempDir tmp;
    QString root;
    MonorepoFolder() {
        tmp.write("package.json", R"({"name": "acme", "workspaces": ["apps/*", "packages/*"]})");
        for (const std::string app : {"web", "docs"}) {
            tmp.write("apps/" + app + "/package.json",
                      R"({"name": ")" + app + R"(", "devDependencies": {"vite": "*"}})");
            tmp.write("apps/" + app + "/index.html",
                      R"(<script type="module" src="/src/main.ts"></script>)");
            tmp.write("apps/" + app + "/src/main.ts",
                      "import '@acme/ui';\nimport './" + app + "';\n");
            tmp.write("apps/" + app + "/src/" + app + ".ts", "export const x = 1;\n");
        }
        tmp.write("packages/ui/package.json", R"({"name": "@acme/ui", "main": "index.js"})");
        tmp.write("packages/ui/index.js", "export const ui = 1;\n");
        std::filesystem::create_directories(tmp.path() / "node_modules/@acme");
        std::filesystem::create_directory_symlink("../../packages/ui",
                                                  tmp.path() / "node_modules/@acme/ui");
        root = QString::fromStdString(std::filesystem::canonical(tmp.path()).string());
    }
};

TEST(MainWindowWorkspaces, ThePickerSummarizesEachWorkspaceAndFiltersEveryTable) {
    MonorepoFolder repo;
    MainWindow window;
    window.setInteractive(false);
    QSignalSpy settled(&window, &MainWindow::projectSettled);
    window.openProject(repo.root);
    ASSERT_TRUE(settled.wait(60000));
    ASSERT_TRUE(window.errorText().isEmpty()) << window.errorText().toStdString();
    auto& picker = window.workspacePicker();
    ASSERT_EQ(picker.count(), 4); // all, then docs, web, @acme/ui (by folder)
    EXPECT_TRUE(picker.itemText(0).startsWith(QStringLiteral("All workspaces (")));
    EXPECT_EQ(picker.itemText(2), QStringLiteral("web (vite): 2 modules, 0 client boundaries"));
    EXPECT_EQ(picker.itemText(3),
              QStringLiteral("@acme/ui (node): 2 modules, 0 client boundaries")); // per app
    auto& hotspots = window.table(Panel::Hotspots).proxy();
    const int all = hotspots.rowCount();
    EXPECT_EQ(all, 6);
    picker.setCurrentIndex(2);
    emit picker.activated(2);
    ASSERT_EQ(hotspots.rowCount(), 2);
    for (int row = 0; row < hotspots.rowCount(); ++row) {
        EXPECT_TRUE(
            hotspots.index(row, 0).data().toString().startsWith(QStringLiteral("apps/web/")))
            << hotspots.index(row, 0).data().toString().toStdString();
    }
    emit picker.activated(0);
    EXPECT_EQ(hotspots.rowCount(), all);
}

// A heap holding the text of one of the demo's icon modules: the Heap panel opens it, matches it
// to the scan, and choosing the package shows that package's modules in the hotspot table.
TEST_F(MainWindowTest, TheHeapPanelMatchesASnapshotToTheScanAndAPackageScopesTheHotspots) {
    openDemo();
    const auto session = window.controller().session();
    const auto icon = std::find_if(
        session->result->modules.begin(), session->result->modules.end(), [](const ScanModule& m) {
            return m.package && m.path.find("/icons/") != std::string::npos;
        });
    ASSERT_NE(icon, session->result->modules.end());
    std::ifstream in(icon->path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    testing::SnapshotBuilder b;
    const auto root = b.node("synthetic", "", 0);
    const auto source = b.node("string", text.str(), (16 + text.str().size() + 7) / 8 * 8);
    b.edge(root, source, "property", "held");
    testing::TempDir dir;
    const auto file = dir.path() / "held.heapsnapshot";
    std::ofstream(file) << b.json();

    auto& heap = window.heap();
    QSignalSpy shown(&heap, &HeapPanel::shown);
    QSignalSpy attributed(&heap.controller(), &HeapController::attributed);
    window.showPanel(Panel::Heap);
    heap.openSnapshot(QString::fromStdString(file.string()));
    ASSERT_TRUE(shown.count() > 0 || shown.wait(30000));
    ASSERT_TRUE(attributed.count() > 0 || attributed.wait(30000));
    EXPECT_TRUE(heap.status().contains(QStringLiteral("2 objects"))) << heap.status().toStdString();
    EXPECT_GT(heap.classes().model().rowCount(), 0);
    EXPECT_EQ(heap.retainers().rowCount(), 1) << "the largest object's retainers, at once";
    ASSERT_EQ(heap.held().model().rowCount(), 1);
    EXPECT_GT(heap.treemap().cellCount(), 0u);

    auto& hotspots = window.table(Panel::Hotspots);
    const int all = hotspots.proxy().rowCount();
    heap.held().view().setCurrentIndex(heap.held().proxy().index(0, 0));
    hotspots.proxy().applyNow();
    EXPECT_FALSE(hotspots.scope().isEmpty());
    const int scoped = hotspots.proxy().rowCount();
    EXPECT_GT(scoped, 0);
    EXPECT_LT(scoped, all);
    for (int row = 0; row < scoped; ++row) {
        const auto module = TableModel::moduleAt(hotspots.proxy().index(row, 0));
        ASSERT_TRUE(module);
        EXPECT_EQ(session->result->module(*module).package, icon->package);
    }
    EXPECT_EQ(
        heap.retainers().data(heap.retainers().index(0, 0), HeapRetainerModel::NodeRole).toUInt(),
        source)
        << "the package's largest string, with what holds it";
    // By module: choosing the icon selects it in the window.
    heap.groupHeldBy(HeapPanel::HeldBy::Module);
    ASSERT_EQ(heap.held().model().rowCount(), 1);
    heap.held().view().setCurrentIndex(heap.held().proxy().index(0, 0));
    EXPECT_EQ(window.selection().current(),
              ModuleId{static_cast<std::uint32_t>(icon - session->result->modules.begin())});
    heap.groupHeldBy(HeapPanel::HeldBy::Barrel);
    EXPECT_EQ(heap.held().model().rowCount(), 1) << "the icon barrel reaches the icon";
    window.rescan(); // a new scan: the scope of the old one ends
    QSignalSpy settled(&window, &MainWindow::projectSettled);
    ASSERT_TRUE(settled.wait(60000));
    EXPECT_TRUE(hotspots.scope().isEmpty());
    EXPECT_EQ(hotspots.proxy().rowCount(), all);
}

} // namespace
} // namespace fanout::ui
