// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/io/mapped_file.h"

#include "temp_dir.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <utility>

namespace fanout {
namespace {

TEST(MappedFile, MapsAWholeFileByteForByte) {
    testing::TempDir dir;
    std::string bytes("a\0b\xFF\n", 5);
    bytes += std::string(100000, 'x');
    MappedFile file;
    ASSERT_EQ(file.map(dir.write("f.bin", bytes).string()), "");
    EXPECT_EQ(file.bytes(), bytes);
}

TEST(MappedFile, AnEmptyFileMapsToNoBytes) {
    testing::TempDir dir;
    MappedFile file;
    ASSERT_EQ(file.map(dir.write("empty", "").string()), "");
    EXPECT_TRUE(file.bytes().empty());
}

TEST(MappedFile, SaysWhyAFileCannotBeMapped) {
    testing::TempDir dir;
    MappedFile file;
    EXPECT_EQ(file.map((dir.path() / "missing").string()), MappedFile::kMissing);
    EXPECT_EQ(file.map(dir.path().string()), "not a regular file");
    EXPECT_TRUE(file.bytes().empty());
}

TEST(MappedFile, KeepsItsBytesWhenTheFileIsReplacedOrMoved) {
    testing::TempDir dir;
    const auto path = dir.write("cache", "first");
    MappedFile file;
    ASSERT_EQ(file.map(path.string()), "");
    // Replaced by renaming, as cache files are written.
    const auto next = dir.write("cache.new", "second, longer");
    std::filesystem::rename(next, path);
    EXPECT_EQ(file.bytes(), "first");
    MappedFile moved(std::move(file));
    EXPECT_EQ(moved.bytes(), "first");
    EXPECT_TRUE(file.bytes().empty()); // NOLINT(bugprone-use-after-move): moved from is empty
    MappedFile again;
    ASSERT_EQ(again.map(path.string()), "");
    EXPECT_EQ(again.bytes(), "second, longer");
}

} // namespace
} // namespace fanout
