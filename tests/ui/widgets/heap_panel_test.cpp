// SPDX-License-Identifier: GPL-3.0-or-later
#include "heap_panel.h"
#include "snapshot_builder.h"
#include "table_panel.h"
#include "temp_dir.h"

#include <QProgressBar>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <fstream>

namespace fanout::ui {
namespace {

QString write(const testing::TempDir& dir, const std::string& name, const std::string& text) {
    const auto file = dir.path() / name;
    std::ofstream(file) << text;
    return QString::fromStdString(file.string());
}

bool openAndWait(HeapPanel& panel, const QString& file) {
    QSignalSpy shown(&panel, &HeapPanel::shown);
    panel.openSnapshot(file);
    return shown.count() > 0 || shown.wait(30000);
}

// A second snapshot replaces everything the first showed, even when it holds nothing to show.
TEST(HeapPanel, ASecondSnapshotReplacesWhatTheFirstShowed) {
    testing::SnapshotBuilder first;
    const auto root = first.node("synthetic", "", 0);
    first.edge(root, first.node("object", "Held", 64), "property", "held");
    testing::SnapshotBuilder empty;
    empty.node("synthetic", "", 0);
    testing::TempDir dir;
    HeapPanel panel;
    ASSERT_TRUE(openAndWait(panel, write(dir, "first.heapsnapshot", first.json())));
    EXPECT_EQ(panel.classes().model().rowCount(), 1);
    EXPECT_EQ(panel.objects().model().rowCount(), 1);
    EXPECT_EQ(panel.retainers().rowCount(), 1) << "the Held object's retainers";
    EXPECT_TRUE(panel.status().contains(QStringLiteral("first.heapsnapshot")));

    ASSERT_TRUE(openAndWait(panel, write(dir, "empty.heapsnapshot", empty.json())));
    EXPECT_EQ(panel.classes().model().rowCount(), 0);
    EXPECT_EQ(panel.objects().model().rowCount(), 0);
    EXPECT_EQ(panel.retainers().rowCount(), 0);
    EXPECT_TRUE(panel.status().contains(QStringLiteral("empty.heapsnapshot")));
}

// A file that is not a snapshot: the reason is shown, the progress bar goes, and the snapshot
// shown before stays.
TEST(HeapPanel, AFailureIsSaidAndTheSnapshotShownStays) {
    testing::SnapshotBuilder first;
    const auto root = first.node("synthetic", "", 0);
    first.edge(root, first.node("object", "Held", 64), "property", "held");
    testing::TempDir dir;
    HeapPanel panel;
    ASSERT_TRUE(openAndWait(panel, write(dir, "first.heapsnapshot", first.json())));
    QSignalSpy failed(&panel.controller(), &HeapController::failed);
    panel.openSnapshot(write(dir, "notes.txt", "not JSON"));
    ASSERT_TRUE(failed.count() > 0 || failed.wait(30000));
    EXPECT_EQ(panel.classes().model().rowCount(), 1);
    EXPECT_TRUE(panel.findChild<QProgressBar*>()->isHidden());
}

} // namespace
} // namespace fanout::ui
