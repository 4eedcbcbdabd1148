// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/io/whole_file.h"

#include "temp_dir.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <utility>

namespace fanout {
namespace {

TEST(WholeFile, ReadsFilesOfAnySizeByteForByte) {
    // Small ones, and ones around and beyond 2 MB (the mapping is made of whole 2 MB units).
    testing::TempDir dir;
    constexpr std::size_t kUnit = std::size_t{2} << 20;
    for (const auto size :
         {std::size_t{1}, std::size_t{5000}, kUnit - 1, kUnit, kUnit + 1, 3 * kUnit + 5}) {
        std::string bytes(size, '\xFF');
        for (std::size_t i = 0; i < size; i += 4093) {
            bytes[i] = static_cast<char>(i / 4093); // NUL first
        }
        bytes.back() = 'z';
        WholeFile file;
        ASSERT_EQ(file.read(dir.write("f" + std::to_string(size), bytes).string()), "");
        EXPECT_EQ(file.bytes(), bytes) << size;
    }
}

TEST(WholeFile, AnEmptyFileReadsAsNoBytes) {
    testing::TempDir dir;
    WholeFile file;
    ASSERT_EQ(file.read(dir.write("empty", "").string()), "");
    EXPECT_TRUE(file.bytes().empty());
}

TEST(WholeFile, SaysWhyAFileCannotBeRead) {
    testing::TempDir dir;
    WholeFile file;
    EXPECT_EQ(file.read((dir.path() / "missing").string()), WholeFile::kMissing);
    EXPECT_EQ(file.read(dir.path().string()), "not a regular file");
    EXPECT_TRUE(file.bytes().empty());
}

TEST(WholeFile, KeepsItsBytesWhenTheFileIsReplacedRewrittenOrMoved) {
    testing::TempDir dir;
    const auto path = dir.write("cache", "first");
    WholeFile file;
    ASSERT_EQ(file.read(path.string()), "");
    // Replaced by renaming, as cache files are written.
    const auto next = dir.write("cache.new", "second, longer");
    std::filesystem::rename(next, path);
    EXPECT_EQ(file.bytes(), "first");
    WholeFile rewritten;
    ASSERT_EQ(rewritten.read(path.string()), "");
    std::ofstream(path, std::ios::binary | std::ios::trunc) << "third";
    EXPECT_EQ(rewritten.bytes(), "second, longer");
    WholeFile moved(std::move(file));
    EXPECT_EQ(moved.bytes(), "first");
    EXPECT_TRUE(file.bytes().empty()); // NOLINT(bugprone-use-after-move): moved from is empty
    moved = std::move(rewritten);
    EXPECT_EQ(moved.bytes(), "second, longer");
    WholeFile again;
    ASSERT_EQ(again.read(path.string()), "");
    EXPECT_EQ(again.bytes(), "third");
}

// Parts of a file opened once: read as the file was when opened, however it is replaced or
// moved meanwhile; a file cut short since is said to be.
TEST(WholeFile, ReadsPartsOfTheFileItOpened) {
    testing::TempDir dir;
    const auto path = dir.write("cache", "0123456789").string();
    OpenedFile opened;
    ASSERT_EQ(opened.open(path), "");
    EXPECT_EQ(opened.size(), 10u);
    std::filesystem::rename(dir.write("cache.new", "abcdefghij"), path);
    WholeFile part;
    ASSERT_EQ(part.read(opened, 2, 5), "");
    EXPECT_EQ(part.bytes(), "23456");
    ASSERT_EQ(part.read(opened, 10, 0), "");
    EXPECT_TRUE(part.bytes().empty());

    OpenedFile again;
    ASSERT_EQ(again.open(path), "");
    std::filesystem::resize_file(path, 4);
    EXPECT_EQ(part.read(again, 2, 5), "the file shrank while it was read");
    EXPECT_TRUE(part.bytes().empty());
    ASSERT_EQ(part.read(again, 0, 4), "");
    EXPECT_EQ(part.bytes(), "abcd");

    OpenedFile moved(std::move(again));
    EXPECT_EQ(moved.size(), 10u);      // when opened
    EXPECT_EQ(again.descriptor(), -1); // NOLINT(bugprone-use-after-move): moved from is closed
    EXPECT_EQ(again.open((dir.path() / "missing").string()), WholeFile::kMissing);
    EXPECT_EQ(again.open(dir.path().string()), "not a regular file");
    EXPECT_EQ(again.descriptor(), -1);
}

// A released file's memory is kept for the next read (up to two mappings, 64 MiB together): that
// read sees only its own bytes, never what was there before.
TEST(WholeFile, ReadsIntoTheMemoryOfReleasedFiles) {
    testing::TempDir dir;
    constexpr std::size_t kMiB = std::size_t{1} << 20;
    WholeFile::releasePooled(); // what earlier tests left
    {
        WholeFile large;
        ASSERT_EQ(large.read(dir.write("large", std::string(3 * kMiB, 'L')).string()), "");
    }
    EXPECT_EQ(WholeFile::pooledBytes(), 4 * kMiB); // two 2 MB units, kept
    WholeFile small;
    ASSERT_EQ(small.read(dir.write("small", "tiny").string()), "");
    EXPECT_EQ(small.bytes(), "tiny");
    EXPECT_EQ(WholeFile::pooledBytes(), 0u); // taken again

    // Released beyond the bound: unmapped.
    const auto big = dir.write("big", std::string(40 * kMiB, 'B')).string();
    {
        WholeFile first;
        WholeFile second;
        ASSERT_EQ(first.read(big), "");
        ASSERT_EQ(second.read(big), "");
        small = WholeFile(); // its mapping released too
    }
    EXPECT_EQ(WholeFile::pooledBytes(), 40 * kMiB + 4 * kMiB); // one big mapping and the small one
    WholeFile again;
    ASSERT_EQ(again.read(dir.write("again", "abc").string()), "");
    EXPECT_EQ(again.bytes(), "abc");
    WholeFile::releasePooled();
    EXPECT_EQ(WholeFile::pooledBytes(), 0u);
}

} // namespace
} // namespace fanout
