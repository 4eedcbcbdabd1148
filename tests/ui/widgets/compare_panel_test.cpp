// SPDX-License-Identifier: GPL-3.0-or-later
// The Compare panel: a rescan after replacing an icon-barrel import shows what the change did;
// a saved scan can be compared with the current one.
#include "compare_panel.h"
#include "fixture_project.h"
#include "graph_panel.h"
#include "main_window.h"
#include "memory_plot.h"
#include "result_tables.h"
#include "table_panel.h"
#include "temp_dir.h"
#include "treemap_view.h"

#include <QAbstractItemModelTester>
#include <QFontMetrics>
#include <QGraphicsItem>
#include <QGraphicsView>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace fanout::ui {
namespace {

class ComparePanelTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto source = std::string(FANOUT_TEST_DATA) + "/diff/before";
        root = testing::fixtureProject(source);
        // The copy is shared by the tests of this process: each starts from the fixture's state.
        std::filesystem::copy_file(source + "/src/worker.tsx", root + "/src/worker.tsx",
                                   std::filesystem::copy_options::overwrite_existing);
        std::filesystem::remove(root + "/src/extra.ts");
        window.setInteractive(false);
        window.show();
    }
    void scan(bool rescan) {
        QSignalSpy shown(&window.compare(), &ComparePanel::reportShown);
        QSignalSpy settled(&window, &MainWindow::projectSettled); // the graph is laid out too
        rescan ? window.rescan() : window.openProject(QString::fromStdString(root));
        ASSERT_TRUE(shown.count() > 0 || shown.wait(60000));
        ASSERT_TRUE(settled.count() > 0 || settled.wait(60000));
    }

    // Replaces the icon barrel's import with a deep import and imports a new module.
    void changeWorker() {
        std::ofstream(root + "/src/worker.tsx")
            << "import { Page } from \"./app/Page\";\n"
               "import Camera from \"icons/camera.js\";\n"
               "import { flag } from \"shared\";\n"
               "import { extra } from \"./extra\";\n"
               "export default { fetch() { return [Page, Camera, flag, extra]; } };\n";
        std::ofstream(root + "/src/extra.ts") << "export const extra = 1;\n";
    }
    std::optional<ModuleId> moduleNamed(const std::string& path) {
        const auto session = window.controller().session();
        return moduleByKey(*session->result, {session->result->config.root, "worker",
                                              session->result->config.root + "/" + path});
    }
    // The hotspot table's cell of `path` in the "Change" column, and the row's mark.
    std::pair<QString, RowChange> changeOf(const std::string& path) {
        auto& model = window.table(Panel::Hotspots).model();
        const auto module = moduleNamed(path);
        if (!module) {
            ADD_FAILURE() << path << " is not in the scan";
            return {};
        }
        const auto row = model.rowOfModule(*module);
        return {model.index(row, 1).data().toString(),
                static_cast<RowChange>(model.index(row, 0).data(TableModel::ChangeRole).toInt())};
    }

    std::string root;
    MainWindow window;
};

TEST_F(ComparePanelTest, ARescanMarksWhatChangedAndKeepsTheSelection) {
    scan(false);
    auto& model = window.table(Panel::Hotspots).model();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_NE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Change"))
        << "nothing to compare with after the first scan";
    window.memoryPlot().refresh();
    EXPECT_EQ(window.memoryPlot().overlaidSamples(), 0);
    const auto page = moduleNamed("src/app/Page.tsx");
    ASSERT_TRUE(page);
    window.selection().select(page);
    changeWorker();
    scan(true);
    EXPECT_EQ(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Change"));
    // The same module is still selected, under its id in the new result.
    ASSERT_TRUE(window.selection().current());
    EXPECT_EQ(window.selection().current(), moduleNamed("src/app/Page.tsx"));
    // The memory plot overlays the previous scan's memory.
    window.memoryPlot().refresh();
    EXPECT_GE(window.memoryPlot().overlaidSamples(), 2);
    EXPECT_TRUE(
        window.memoryPlot().summaryText().contains(QStringLiteral("previous scan (dashed)")))
        << window.memoryPlot().summaryText().toStdString();
    // The longer summary wraps rather than widening the view column (the window's splitter then
    // gave every panel a new width and repainted the whole window on the next result).
    const QFontMetrics metrics(window.memoryPlot().font());
    EXPECT_LT(window.memoryPlot().minimumSizeHint().width(),
              metrics.horizontalAdvance(window.memoryPlot().summaryText()));
    // The focus graph, still on Page.tsx, puts a halo behind its changed importer (once laid
    // out: a loaded machine may still be running dot).
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.graph().hasLayout(); }, 60000));
    const auto items = window.graph().canvas().scene()->items();
    EXPECT_TRUE(std::any_of(items.begin(), items.end(), [](const QGraphicsItem* item) {
        return item->toolTip() == QStringLiteral("reach \u22122, edited +46 B");
    })) << window.graph().message().toStdString();
    const auto [extraText, extraMark] = changeOf("src/extra.ts");
    EXPECT_EQ(extraText, QStringLiteral("new"));
    EXPECT_EQ(extraMark, RowChange::Added);
    const auto [workerText, workerMark] = changeOf("src/worker.tsx");
    // The barrel's import became a deep import: the worker reaches two modules fewer.
    EXPECT_EQ(workerText, QStringLiteral("reach \u22122, edited +46 B"));
    EXPECT_EQ(workerMark, RowChange::Changed);
    const auto [pageText, pageMark] = changeOf("src/app/Page.tsx");
    EXPECT_TRUE(pageText.isEmpty()) << pageText.toStdString();
    EXPECT_EQ(pageMark, RowChange::None);
    // The hotspot table shows the kept module as its current row, also after a rescan that
    // finds nothing changed (rows updated in place, the selection left as it is).
    const auto currentModule = [&] {
        return TableModel::moduleAt(window.table(Panel::Hotspots).view().currentIndex());
    };
    EXPECT_EQ(currentModule(), moduleNamed("src/app/Page.tsx"));
    const auto changes = window.controller().changes();
    ASSERT_TRUE(changes);
    EXPECT_EQ(changes->addedCount(), 1u) << "extra.ts; camera.js was reached before too";
    EXPECT_EQ(changes->gone().size(), 3u) << "the barrel and the two icons it alone pulled in";
    EXPECT_TRUE(std::find(changes->gone().begin(), changes->gone().end(),
                          "node_modules/icons/index.js (worker)") != changes->gone().end());
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(
        QStringLiteral("Since the previous scan: 1 new, 3 gone, 1 edited")))
        << window.statusBar()->currentMessage().toStdString();
    // The graph and the treemap cannot draw gone modules: they count and list them.
    EXPECT_FALSE(window.graph().goneLabel().isHidden());
    EXPECT_EQ(window.graph().goneLabel().text(), QStringLiteral("3 gone"));
    EXPECT_TRUE(window.graph().goneLabel().toolTip().contains(
        QStringLiteral("node_modules/icons/index.js (worker)")))
        << window.graph().goneLabel().toolTip().toStdString();
    EXPECT_TRUE(window.treemap().heading().contains(QStringLiteral("3 gone from the scan")))
        << window.treemap().heading().toStdString();
    scan(true);
    EXPECT_TRUE(window.graph().goneLabel().isHidden()) << "nothing gone since the previous scan";
    EXPECT_FALSE(window.treemap().heading().contains(QStringLiteral("gone")));
    EXPECT_EQ(window.selection().current(), moduleNamed("src/app/Page.tsx"));
    EXPECT_EQ(currentModule(), moduleNamed("src/app/Page.tsx"));
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(
        QStringLiteral("No module changed since the previous scan.")))
        << window.statusBar()->currentMessage().toStdString();
}

TEST_F(ComparePanelTest, ASavedScanStaysTheBaselineOfTheTablesUntilTheUserGoesBack) {
    scan(false);
    testing::TempDir saved;
    const auto file = QString::fromStdString((saved.path() / "before.json").string());
    ASSERT_EQ(window.exportTo(Export::Json, file), QString());
    changeWorker();
    scan(true);
    scan(true); // unchanged since the previous scan
    EXPECT_EQ(window.controller().changes()->addedCount(), 0u);
    EXPECT_TRUE(changeOf("src/worker.tsx").first.isEmpty());

    QSignalSpy marked(&window.controller(), &ScanController::tablesChanged);
    QSignalSpy shown(&window.compare(), &ComparePanel::reportShown);
    window.compare().compareWithFile(file);
    ASSERT_TRUE(marked.wait(10000));
    EXPECT_EQ(changeOf("src/extra.ts").second, RowChange::Added);
    EXPECT_TRUE(changeOf("src/worker.tsx").first.contains(QStringLiteral("edited +")));
    EXPECT_EQ(window.controller().changes()->beforeName(),
              QStringLiteral("the saved scan before.json"));
    // A later scan is compared with the saved scan too, in the tables and the panel.
    scan(true);
    EXPECT_EQ(changeOf("src/extra.ts").second, RowChange::Added);
    EXPECT_TRUE(window.compare().reportText().contains(QStringLiteral("Modules removed (3")))
        << window.compare().reportText().toStdString();

    window.compare().compareWithPrevious();
    ASSERT_TRUE(marked.wait(10000));
    EXPECT_EQ(changeOf("src/extra.ts").second, RowChange::None);
    EXPECT_EQ(window.controller().changes()->summary(),
              QStringLiteral("No module changed since the previous scan."));
}

TEST_F(ComparePanelTest, ARescanShowsWhatTheChangeDid) {
    scan(false);
    EXPECT_TRUE(window.compare().reportText().contains("first scan of the session"))
        << window.compare().reportText().toStdString();
    std::ofstream(root + "/src/worker.tsx")
        << "import { Page } from \"./app/Page\";\n"
           "import Camera from \"icons/camera.js\";\n"
           "import { flag } from \"shared\";\n"
           "export default { fetch() { return [Page, Camera, flag]; } };\n";
    scan(true);
    const auto text = window.compare().reportText();
    EXPECT_TRUE(text.contains("Modules removed (3, ")) << text.toStdString();
    EXPECT_TRUE(text.contains("node_modules/icons/index.js [worker]: no longer a hotspot"))
        << text.toStdString();
    EXPECT_TRUE(text.contains("icons: 3 modules")) << text.toStdString();
}

TEST_F(ComparePanelTest, ASavedScanThatCannotBeReadSaysWhy) {
    scan(false);
    QSignalSpy shown(&window.compare(), &ComparePanel::reportShown);
    window.compare().compareWithFile(QString::fromStdString(root + "/no-such-scan.json"));
    ASSERT_TRUE(shown.wait(10000));
    EXPECT_TRUE(window.compare().reportText().contains("Cannot compare: "))
        << window.compare().reportText().toStdString();
    EXPECT_TRUE(window.compare().reportText().contains("cannot be read"));
}

} // namespace
} // namespace fanout::ui
