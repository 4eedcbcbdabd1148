// SPDX-License-Identifier: GPL-3.0-or-later
// FolderWatch: inotify on exactly the folders asked for, a quiet time after a change, and an
// interrupt that ends a wait at once.
#include "fanout/io/folder_watch.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <future>

namespace fanout {
namespace {

using namespace std::chrono_literals;

TEST(FolderWatch, ReportsWhatChangedInAWatchedFolderOnce) {
    testing::TempDir dir;
    const auto folder = std::filesystem::canonical(dir.path()).string();
    FolderWatch watch;
    ASSERT_EQ(watch.watch({folder}), 0u);
    dir.write("a.ts", "export {};\n");
    dir.write("a.ts", "export const a = 1;\n"); // several events, one path
    const auto changed = watch.wait(5s, 100ms);
    EXPECT_EQ(changed, std::vector<std::string>{folder + "/a.ts"});
    EXPECT_TRUE(watch.wait(100ms, 50ms).empty());
}

TEST(FolderWatch, AFolderInotifyRefusesIsCountedAndAMissingOneIsNot) {
    testing::TempDir dir;
    const auto folder = std::filesystem::canonical(dir.path()).string();
    dir.write("file.txt", "not a folder\n");
    FolderWatch watch;
    EXPECT_EQ(watch.watch({folder, folder + "/file.txt", folder + "/missing"}), 1u);
}

TEST(FolderWatch, AnInterruptEndsEveryWait) {
    testing::TempDir dir;
    FolderWatch watch;
    ASSERT_EQ(watch.watch({std::filesystem::canonical(dir.path()).string()}), 0u);
    auto waiting = std::async(std::launch::async, [&] { return watch.wait(1h, 100ms); });
    EXPECT_EQ(waiting.wait_for(200ms), std::future_status::timeout) << "it waits until then";
    watch.interrupt();
    ASSERT_EQ(waiting.wait_for(30s), std::future_status::ready) << "not ended by the interrupt";
    EXPECT_TRUE(waiting.get().empty());
    dir.write("later.ts", "export {};\n");
    EXPECT_TRUE(watch.wait(1h, 100ms).empty()); // at once: the watch is being stopped
}

// The folders change while another thread waits: what it reads next is of the new ones only.
TEST(FolderWatch, FoldersChangeWhileAnotherThreadWaits) {
    testing::TempDir first;
    testing::TempDir second;
    FolderWatch watch;
    ASSERT_EQ(watch.watch({std::filesystem::canonical(first.path()).string()}), 0u);
    auto waiting = std::async(std::launch::async, [&] { return watch.wait(30s, 100ms); });
    EXPECT_EQ(waiting.wait_for(100ms), std::future_status::timeout);
    ASSERT_EQ(watch.watch({std::filesystem::canonical(second.path()).string()}), 0u);
    first.write("dropped.ts", "export {};\n");
    second.write("added.ts", "export {};\n");
    ASSERT_EQ(waiting.wait_for(30s), std::future_status::ready);
    const auto changed = waiting.get();
    ASSERT_EQ(changed.size(), 1u);
    EXPECT_TRUE(changed.front().ends_with("/added.ts")) << changed.front();
}

} // namespace
} // namespace fanout
