// SPDX-License-Identifier: GPL-3.0-or-later
#include "project_watcher.h"
#include "temp_dir.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include <filesystem>

namespace fanout::ui {
namespace {

TEST(ProjectWatcher, AChangeInAWatchedFolderIsReportedOnTheGuiThread) {
    testing::TempDir dir;
    const auto folder = std::filesystem::canonical(dir.path());
    ProjectWatcher watcher;
    QSignalSpy changed(&watcher, &ProjectWatcher::changed);
    watcher.watch({folder.string(), folder.parent_path().string()}, folder.string());
    EXPECT_TRUE(watcher.isWatching());
    dir.write("new.ts", "export {};\n");
    ASSERT_TRUE(changed.wait(5000));
    const auto paths = changed.takeFirst().at(0).toStringList();
    EXPECT_TRUE(paths.contains(QString::fromStdString((folder / "new.ts").string())))
        << paths.join(' ').toStdString();

    // A change above the root is not reported.
    testing::TempDir sibling;
    ASSERT_EQ(std::filesystem::canonical(sibling.path()).parent_path(), folder.parent_path());
    EXPECT_FALSE(changed.wait(500))
        << changed.takeFirst().at(0).toStringList().join(' ').toStdString();

    // Stopped: nothing more is reported.
    watcher.watch({}, folder.string());
    EXPECT_FALSE(watcher.isWatching());
    dir.write("other.ts", "export {};\n");
    EXPECT_FALSE(changed.wait(500));
}

} // namespace
} // namespace fanout::ui
