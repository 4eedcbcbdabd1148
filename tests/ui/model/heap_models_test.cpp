// SPDX-License-Identifier: GPL-3.0-or-later
#include "heap_controller.h"
#include "heap_retainer_model.h"
#include "heap_tables.h"
#include "scan_controller.h"
#include "snapshot_builder.h"
#include "ui_fixtures.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QThread>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace fanout::ui {
namespace {

using testing::SnapshotBuilder;

QString write(const testing::TempDir& dir, const std::string& name, const std::string& text) {
    const auto file = dir.path() / name;
    std::ofstream(file) << text;
    return QString::fromStdString(file.string());
}

std::string contents(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// What V8 gives a flat one-byte string of `text` (16-byte header, rounded up to 8).
std::uint64_t oneByteStringSize(const std::string& text) {
    return (16 + text.size() + 7) / 8 * 8;
}

HeapPtr openAndWait(HeapController& controller, const QString& file) {
    QSignalSpy opened(&controller, &HeapController::opened);
    controller.open(file);
    EXPECT_TRUE(controller.isOpening());
    if (opened.count() == 0 && !opened.wait(30000)) {
        return nullptr;
    }
    return opened.takeFirst().at(0).value<HeapPtr>();
}

// A scanned demo project and a heap holding the text of one of its icon modules in a Map.
TEST(HeapController, OpensOffTheGuiThreadTellsItsStepsAndMatchesTheHeapToTheScan) {
    testing::DemoFolder demo;
    ScanController scan;
    QSignalSpy result(&scan, &ScanController::resultAvailable);
    scan.start(demo.root);
    ASSERT_TRUE(result.wait(60000));
    const auto session = scan.session();
    const auto icon = std::find_if(
        session->result->modules.begin(), session->result->modules.end(), [](const ScanModule& m) {
            return m.package && m.path.find("/icons/") != std::string::npos;
        });
    ASSERT_NE(icon, session->result->modules.end());
    const auto text = contents(icon->path);
    ASSERT_FALSE(text.empty());

    SnapshotBuilder b;
    const auto root = b.node("synthetic", "", 0);
    const auto map = b.node("object", "Map", 32);
    const auto source = b.node("string", text, oneByteStringSize(text));
    b.edge(root, map, "property", "sources");
    b.edge(map, source, "internal", "table");
    testing::TempDir dir;
    HeapController controller;
    QSignalSpy progress(&controller, &HeapController::progress);
    QSignalSpy attributed(&controller, &HeapController::attributed);
    const auto heap = openAndWait(controller, write(dir, "held.heapsnapshot", b.json()));
    ASSERT_TRUE(heap);
    EXPECT_FALSE(controller.isOpening());
    EXPECT_EQ(controller.heap(), heap);
    EXPECT_EQ(heap->snapshot.nodeCount(), 3u);
    EXPECT_EQ(heap->dominators.retained[map], 32u + oneByteStringSize(text));
    EXPECT_EQ(heap->retainers.of(source).size(), 1u);
    ASSERT_GE(progress.count(), 3);
    EXPECT_EQ(progress.last().at(1).toInt(), 100);
    EXPECT_EQ(attributed.count(), 0) << "no scan given yet";

    controller.setSession(session);
    ASSERT_TRUE(attributed.count() > 0 || attributed.wait(30000));
    const auto held = controller.held();
    ASSERT_TRUE(held);
    EXPECT_EQ(held->session, session);
    ASSERT_EQ(held->attribution.packages.size(), 1u);
    const auto& package = held->attribution.packages[0];
    EXPECT_EQ(package.package, icon->package);
    EXPECT_EQ(package.sources, 1u);
    EXPECT_EQ(package.largestSource, source);

    const auto table = heapPackageTable(held);
    ASSERT_EQ(table.rows, 1);
    EXPECT_EQ(table.columns[0].text(0).toString().toStdString(), package.name);
    EXPECT_EQ(table.keyOfRow(0).toInt(), 0);
}

TEST(HeapController, ABrokenFileFailsWithTheReasonAndKeepsTheSnapshotShown) {
    testing::TempDir dir;
    SnapshotBuilder b;
    b.node("synthetic", "", 0);
    HeapController controller;
    const auto heap = openAndWait(controller, write(dir, "ok.heapsnapshot", b.json()));
    ASSERT_TRUE(heap);
    QSignalSpy failed(&controller, &HeapController::failed);
    controller.open(write(dir, "broken.heapsnapshot", b.json().substr(0, 40)));
    ASSERT_TRUE(failed.wait(30000));
    EXPECT_TRUE(
        failed.takeFirst().at(0).toString().contains(QStringLiteral("broken.heapsnapshot")));
    EXPECT_FALSE(controller.isOpening());
    EXPECT_EQ(controller.heap(), heap);
}

TEST(HeapController, CancelStopsTheReadingAndNothingIsOpened) {
    testing::TempDir dir;
    const auto file = write(dir, "many.heapsnapshot", testing::snapshotOfManyObjects(400000));
    HeapController controller;
    QSignalSpy cancelled(&controller, &HeapController::cancelled);
    QSignalSpy opened(&controller, &HeapController::opened);
    controller.open(file);
    controller.cancel();
    ASSERT_TRUE(cancelled.wait(30000));
    EXPECT_EQ(opened.count(), 0);
    EXPECT_FALSE(controller.isOpening());
    EXPECT_FALSE(controller.heap());
}

// The open snapshot compared with an older one of the same process (ids kept): a new object
// by constructor and by path; an unreadable older file is said, and the open snapshot stays.
TEST(HeapController, ComparesWithAnOlderSnapshotOffTheGuiThread) {
    SnapshotBuilder before;
    const auto root = before.node("synthetic", "", 0, 1);
    before.edge(root, before.node("object", "Keep", 10, 3), "property", "keep");
    SnapshotBuilder after;
    after.node("synthetic", "", 0, 1);
    after.edge(root, after.node("object", "Keep", 10, 3), "property", "keep");
    after.edge(root, after.node("object", "Leak", 30, 7), "property", "leak");
    testing::TempDir dir;
    HeapController controller;
    ASSERT_TRUE(openAndWait(controller, write(dir, "after.heapsnapshot", after.json())));
    QSignalSpy compared(&controller, &HeapController::compared);
    controller.compareWith(write(dir, "before.heapsnapshot", before.json()));
    ASSERT_TRUE(compared.count() > 0 || compared.wait(30000));
    const auto delta = controller.delta();
    ASSERT_TRUE(delta);
    EXPECT_EQ(delta->comparison.liveAfter - delta->comparison.liveBefore, 30u);
    const auto classes = heapClassChangeTable(delta);
    ASSERT_EQ(classes.rows, 1);
    EXPECT_EQ(classes.columns[0].text(0).toString(), QStringLiteral("Leak"));
    EXPECT_EQ(classes.columns[4].text(0).toString(), QStringLiteral("+30 B"));
    const auto paths = heapPathChangeTable(delta);
    ASSERT_EQ(paths.rows, 1);
    EXPECT_EQ(paths.columns[4].text(0).toString(), QStringLiteral("(root) .leak"));

    QSignalSpy failed(&controller, &HeapController::compareFailed);
    controller.compareWith(write(dir, "broken.heapsnapshot", "{\"snapshot\":"));
    ASSERT_TRUE(failed.count() > 0 || failed.wait(30000));
    EXPECT_TRUE(failed.takeFirst().at(0).toString().contains(QStringLiteral("broken")));
    EXPECT_EQ(controller.delta(), delta) << "the last comparison stays";
}

// root -> a -> c, root -> b -> c, c -> a (a cycle), and a weak edge from b to c.
struct Retained {
    SnapshotBuilder b;
    std::uint32_t root = b.node("synthetic", "", 0);
    std::uint32_t a = b.node("object", "A", 10);
    std::uint32_t bNode = b.node("object", "B", 20);
    std::uint32_t c = b.node("object", "C", 30);
    Retained() {
        b.edge(root, a, "property", "a");
        b.edge(root, bNode, "property", "b");
        b.edge(a, c, "property", "toC");
        b.edge(bNode, c, "weak", "weakC");
        b.edge(bNode, c, "property", "alsoC");
        b.edge(c, a, "property", "back");
    }
};

TEST(HeapRetainerModel, ListsHoldersStrongFirstAndStopsAtACycle) {
    Retained t;
    testing::TempDir dir;
    HeapController controller;
    const auto heap = openAndWait(controller, write(dir, "r.heapsnapshot", t.b.json()));
    ASSERT_TRUE(heap);
    HeapRetainerModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setObject(heap, t.c);
    ASSERT_EQ(model.rowCount(), 1);
    const auto top = model.index(0, 0);
    EXPECT_TRUE(model.data(top).toString().startsWith(QStringLiteral("C @")));
    EXPECT_TRUE(model.hasChildren(top));
    ASSERT_EQ(model.rowCount(top), 3);
    const auto text = [&](int row, const QModelIndex& parent) {
        return model.data(model.index(row, 0, parent)).toString();
    };
    EXPECT_TRUE(text(0, top).startsWith(QStringLiteral(".toC in A @"))) << "the shortest path's";
    EXPECT_TRUE(text(1, top).startsWith(QStringLiteral(".alsoC in B @")));
    EXPECT_TRUE(text(2, top).startsWith(QStringLiteral("weak weakC in B @"))) << "weak last";
    EXPECT_EQ(model.shortestPathChild(top), model.index(0, 0, top));
    EXPECT_EQ(model.data(model.index(0, 0, top), HeapRetainerModel::NodeRole).toUInt(), t.a);
    EXPECT_EQ(model.data(model.index(0, 2, top)).toString(), QStringLiteral("10 B"));

    const auto a = model.index(0, 0, top);
    ASSERT_EQ(model.rowCount(a), 2); // the root's .a, and C's .back
    const auto back = model.index(1, 0, a);
    EXPECT_TRUE(model.data(back).toString().endsWith(QStringLiteral("(cycle)")));
    EXPECT_FALSE(model.hasChildren(back));
    EXPECT_EQ(model.rowCount(back), 0);
    EXPECT_EQ(model.parent(back), a);
    EXPECT_EQ(model.parent(a), top);

    model.setObject(heap, std::nullopt);
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(HeapRetainerModel, ListsTheFirstHundredHoldersAndCountsTheRest) {
    SnapshotBuilder b;
    const auto root = b.node("synthetic", "", 0);
    const auto held = b.node("object", "Held", 8);
    for (int i = 0; i < 150; ++i) {
        const auto holder = b.node("object", "Holder", 8);
        b.edge(root, holder, "element", std::to_string(i));
        b.edge(holder, held, "property", "held");
    }
    testing::TempDir dir;
    HeapController controller;
    const auto heap = openAndWait(controller, write(dir, "many.heapsnapshot", b.json()));
    ASSERT_TRUE(heap);
    HeapRetainerModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setObject(heap, held);
    const auto top = model.index(0, 0);
    ASSERT_EQ(model.rowCount(top), static_cast<int>(HeapRetainerModel::kListed) + 1);
    const auto more = model.index(static_cast<int>(HeapRetainerModel::kListed), 0, top);
    EXPECT_EQ(model.data(more).toString(), QStringLiteral("… 50 more retainers"));
    EXPECT_FALSE(model.data(more, HeapRetainerModel::NodeRole).isValid());
    EXPECT_FALSE(model.hasChildren(more));
}

TEST(HeapTables, TheSummaryAndAnObjectListComeLargestRetainedFirst) {
    Retained t;
    testing::TempDir dir;
    HeapController controller;
    const auto heap = openAndWait(controller, write(dir, "r.heapsnapshot", t.b.json()));
    ASSERT_TRUE(heap);
    const auto classes = heapClassTable(heap);
    EXPECT_EQ(classes.rows, static_cast<int>(heap->classes.rows.size()));
    EXPECT_EQ(classes.defaultSortColumn, 3);
    const auto objects = heapObjectTable(heap, {t.bNode, t.a, t.c});
    ASSERT_EQ(objects.order.size(), 3u);
    const auto shown = [&](int row) { return objects.keyOfRow(objects.order[row]).toUInt(); };
    // Two strong paths lead to C: A and B each retain only themselves.
    EXPECT_EQ(shown(0), t.c);
    EXPECT_EQ(shown(1), t.bNode);
    EXPECT_EQ(shown(2), t.a);
}

} // namespace
} // namespace fanout::ui
