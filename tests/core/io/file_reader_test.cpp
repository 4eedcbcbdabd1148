// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/io/file_reader.h"

#include "temp_dir.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

namespace fanout {
namespace {

TEST(FileReader, ReadsAWholeFileByteForByte) {
    testing::TempDir dir;
    std::string bytes("a\0b\xFF\n", 5);
    bytes += std::string(100000, 'x');
    const auto path = dir.write("f.js", bytes);
    const auto contents = readFile(path.string());
    ASSERT_TRUE(contents.ok()) << contents.error;
    EXPECT_EQ(contents.bytes, bytes);
}

TEST(FileReader, SizesAroundTheReadBoundariesAreReadExactly) {
    testing::TempDir dir;
    for (const std::size_t size : {1u, 2u, 4095u, 4096u, 4097u, 65536u, 65537u}) {
        std::string bytes(size, 'y');
        bytes.back() = 'z';
        const auto contents = readFile(dir.write("f" + std::to_string(size), bytes).string());
        ASSERT_TRUE(contents.ok()) << contents.error;
        EXPECT_EQ(contents.bytes, bytes) << size;
        EXPECT_EQ(contents.size, size);
    }
}

TEST(FileReader, AFileLargerThanItsStatSizeIsReadToItsEnd) {
    // /proc files say 0 bytes and hold more: what a file growing after the stat looks like.
    const auto contents = readFile("/proc/self/status");
    ASSERT_TRUE(contents.ok()) << contents.error;
    EXPECT_EQ(contents.bytes.rfind("Name:", 0), 0u);
    EXPECT_NE(contents.bytes.find("VmRSS:"), std::string::npos);
    EXPECT_EQ(contents.size, contents.bytes.size());
}

TEST(FileReader, EmptyFile) {
    testing::TempDir dir;
    const auto contents = readFile(dir.write("empty.js", "").string());
    EXPECT_TRUE(contents.ok());
    EXPECT_TRUE(contents.bytes.empty());
}

TEST(FileReader, MissingFileDirectoryAndFifoAreRefusedWithAReason) {
    testing::TempDir dir;
    EXPECT_EQ(readFile((dir.path() / "missing.js").string()).error, "No such file or directory");
    EXPECT_EQ(readFile(dir.path().string()).error, "is a directory");
    const auto fifo = dir.path() / "pipe.js";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    EXPECT_EQ(readFile(fifo.string()).error, "not a regular file"); // and returns at once
}

TEST(FileReader, UnreadableFileGivesTheSystemReason) {
    if (::geteuid() == 0) {
        GTEST_SKIP() << "root reads files whatever their mode";
    }
    testing::TempDir dir;
    const auto path = dir.write("secret.js", "x");
    ::chmod(path.c_str(), 0);
    EXPECT_EQ(readFile(path.string()).error, "Permission denied");
}

} // namespace
} // namespace fanout
