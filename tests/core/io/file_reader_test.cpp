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

// A buffer large enough is read into, not replaced: a reader of many files reuses one block.
TEST(FileReader, TheBytesGoIntoTheBufferGivenWhenItIsLargeEnough) {
    testing::TempDir dir;
    const auto small = dir.write("small.js", "export {};\n").string();
    const auto large = dir.write("large.js", std::string(200000, 'x')).string();
    std::string buffer;
    buffer.reserve(100000);
    const char* const block = buffer.data();
    auto contents = readFile(small, kDefaultMaxFileBytes, std::move(buffer));
    ASSERT_TRUE(contents.ok()) << contents.error;
    EXPECT_EQ(contents.bytes, "export {};\n");
    EXPECT_EQ(contents.bytes.data(), block);
    contents = readFile(large, kDefaultMaxFileBytes, std::move(contents.bytes));
    ASSERT_TRUE(contents.ok()) << contents.error;
    EXPECT_EQ(contents.bytes, std::string(200000, 'x')); // too small a block: a larger one
    const auto missing = readFile(dir.path().string() + "/missing.js", kDefaultMaxFileBytes,
                                  std::string("old bytes"));
    EXPECT_FALSE(missing.ok());
    EXPECT_TRUE(missing.bytes.empty()); // nothing of what the buffer held before
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
