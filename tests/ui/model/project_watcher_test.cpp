// SPDX-License-Identifier: GPL-3.0-or-later
#include "project_watcher.h"
#include "temp_dir.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include <atomic>
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

// Watching other folders of another root while a watch runs: it goes on with them at once.
TEST(ProjectWatcher, AWatchThatRunsGoesOnWithTheNewFoldersAndRoot) {
    testing::TempDir first;
    testing::TempDir second;
    const auto one = std::filesystem::canonical(first.path());
    const auto two = std::filesystem::canonical(second.path());
    ProjectWatcher watcher;
    QSignalSpy changed(&watcher, &ProjectWatcher::changed);
    watcher.watch({one.string()}, one.string());
    watcher.watch({two.string()}, two.string());
    EXPECT_TRUE(watcher.isWatching());
    first.write("dropped.ts", "export {};\n");
    second.write("added.ts", "export {};\n");
    ASSERT_TRUE(changed.wait(5000));
    EXPECT_EQ(changed.takeFirst().at(0).toStringList(),
              QStringList{QString::fromStdString((two / "added.ts").string())});
    EXPECT_FALSE(changed.wait(500));
    watcher.watch({}, two.string());
}

TEST(ProjectWatcher, WhereAFolderCannotBeWatchedThePollReportsTheFirstChangeOnce) {
    testing::TempDir dir;
    const auto folder = std::filesystem::canonical(dir.path());
    ProjectWatcher watcher;
    QSignalSpy changed(&watcher, &ProjectWatcher::changed);
    QSignalSpy incomplete(&watcher, &ProjectWatcher::incomplete);
    std::atomic<int> polls{0};
    // Unchanged twice, then a change; it cannot tell before the first poll returns.
    const auto poll = [&polls]() -> std::optional<std::string> {
        const int n = ++polls;
        return n < 3 ? std::optional(std::string())
                     : std::optional(std::string("src/a.ts changed"));
    };
    // inotify refuses a file where a folder is expected: it stands in for watches that ran out.
    dir.write("file.txt", "not a folder\n");
    watcher.watch({folder.string(), (folder / "file.txt").string()}, folder.string(), poll,
                  std::chrono::milliseconds(50));
    ASSERT_TRUE(incomplete.count() > 0 || incomplete.wait(5000)); // emitted at once, or queued
    EXPECT_EQ(incomplete.at(0).at(0).toInt(), 1);
    EXPECT_EQ(incomplete.at(0).at(1).toInt(), 2);
    EXPECT_TRUE(incomplete.at(0).at(2).toBool());
    ASSERT_TRUE(changed.wait(5000));
    EXPECT_EQ(changed.takeFirst().at(0).toStringList(), QStringList{"src/a.ts changed"});
    EXPECT_GE(polls.load(), 3);
    EXPECT_FALSE(changed.wait(400)) << "reported once: the rescan that follows watches anew";
    const int after = polls.load();
    EXPECT_EQ(after, 3);

    // Every folder watched: no poll.
    polls = 0;
    watcher.watch({folder.string()}, folder.string(), poll, std::chrono::milliseconds(50));
    EXPECT_FALSE(changed.wait(400));
    EXPECT_EQ(polls.load(), 0);
    watcher.watch({}, folder.string());
}

} // namespace
} // namespace fanout::ui
