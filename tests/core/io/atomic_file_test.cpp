// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/io/atomic_file.h"

#include "file_text.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <stdexcept>
#include <string>

namespace fanout {
namespace {

namespace fs = std::filesystem;

std::size_t entriesIn(const fs::path& dir) {
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) {
        ++count;
    }
    return count;
}

TEST(AtomicFile, ReplacesARegularFileWholeAndLeavesNoTemporary) {
    testing::TempDir dir;
    const auto path = dir.write("out.json", "previous");
    EXPECT_EQ(writeFileAtomically(path.string(), "new contents"), "");
    EXPECT_EQ(testing::fileText(path), "new contents");
    EXPECT_EQ(entriesIn(dir.path()), 1u);
}

TEST(AtomicFile, ReplacingAgainLeavesOtherLinksAndLinkedFilesAlone) {
    testing::TempDir dir;
    const auto path = dir.write("out.json", "first");
    ASSERT_EQ(::link(path.c_str(), (dir.path() / "kept.json").c_str()), 0);
    EXPECT_EQ(writeFileAtomically(path.string(), "second"), "");
    EXPECT_EQ(writeFileAtomically(path.string(), "third"), "");
    EXPECT_EQ(testing::fileText(path), "third");
    EXPECT_EQ(testing::fileText(dir.path() / "kept.json"), "first");
    // A symbolic link is replaced by the file; the file it named is not written to.
    const auto linked = dir.write("linked.json", "linked");
    const auto link = dir.path() / "link.json";
    fs::create_symlink(linked, link);
    EXPECT_EQ(writeFileAtomically(link.string(), "through the link"), "");
    EXPECT_FALSE(fs::is_symlink(link));
    EXPECT_EQ(testing::fileText(link), "through the link");
    EXPECT_EQ(testing::fileText(linked), "linked");
    EXPECT_EQ(entriesIn(dir.path()), 4u); // no temporary, no previous file left
}

TEST(AtomicFile, WritesIntoAFifoInsteadOfReplacingIt) {
    testing::TempDir dir;
    const auto fifo = dir.path() / "pipe";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    auto read = testing::readPipeInBackground(fifo);
    const auto error = writeFileAtomically(
        fifo.string(),
        [](std::ostream& out) {
            for (int i = 0; i < 20000; ++i) {
                out << "line " << i << "\n"; // more than a pipe holds: streamed as produced
            }
            return true;
        },
        Durability::Unsynced);
    EXPECT_EQ(error, "");
    ASSERT_EQ(read.wait_for(std::chrono::seconds(10)), std::future_status::ready)
        << "nothing was written into the FIFO";
    const auto received = read.get();
    EXPECT_EQ(received.substr(0, 14), "line 0\nline 1\n");
    EXPECT_NE(received.find("line 19999\n"), std::string::npos);
    struct stat info {};
    ASSERT_EQ(::lstat(fifo.c_str(), &info), 0);
    EXPECT_TRUE(S_ISFIFO(info.st_mode)) << "the FIFO was replaced";
    EXPECT_EQ(entriesIn(dir.path()), 1u);
}

TEST(AtomicFile, ADeviceIsWrittenToAndKeptAndItsErrorsAreSaid) {
    struct stat before {};
    if (::stat("/dev/full", &before) != 0 || !S_ISCHR(before.st_mode) ||
        ::access("/dev/null", W_OK) != 0) {
        GTEST_SKIP() << "no /dev/full character device here";
    }
    EXPECT_EQ(writeFileAtomically("/dev/null", "discarded"), "");
    const auto error = writeFileAtomically("/dev/full", "does not fit");
    EXPECT_NE(error.find("cannot write to /dev/full"), std::string::npos) << error;
    struct stat after {};
    ASSERT_EQ(::stat("/dev/full", &after), 0);
    EXPECT_TRUE(S_ISCHR(after.st_mode)) << "/dev/full was replaced";
    ASSERT_EQ(::stat("/dev/null", &after), 0);
    EXPECT_TRUE(S_ISCHR(after.st_mode)) << "/dev/null was replaced";
}

TEST(AtomicFile, AFolderIsRefusedAndKept) {
    testing::TempDir dir;
    fs::create_directory(dir.path() / "folder");
    const auto error = writeFileAtomically((dir.path() / "folder").string(), "x");
    EXPECT_FALSE(error.empty());
    EXPECT_TRUE(fs::is_directory(dir.path() / "folder"));
    EXPECT_TRUE(fs::is_empty(dir.path() / "folder"));
    EXPECT_EQ(entriesIn(dir.path()), 1u); // no temporary left beside it
}

// A writer that gives up with an exception halfway.
bool throwsHalfway(std::ostream& out) {
    out << "half of it\n";
    throw std::runtime_error("the writer gave up");
}

TEST(AtomicFile, AWriterThatThrowsLeavesNoDescriptorOpen) {
    testing::TempDir dir;
    const auto fifo = dir.path() / "pipe";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const auto target = dir.write("out.json", "previous");
    const auto before = entriesIn("/proc/self/fd");
    auto read = testing::readPipeInBackground(fifo);
    EXPECT_THROW(writeFileAtomically(fifo.string(), throwsHalfway, Durability::Unsynced),
                 std::runtime_error);
    // The reader ends only once the writing end is closed.
    ASSERT_EQ(read.wait_for(std::chrono::seconds(10)), std::future_status::ready)
        << "the FIFO was left open";
    EXPECT_THROW(writeFileAtomically(target.string(), throwsHalfway, Durability::Unsynced),
                 std::runtime_error);
    EXPECT_EQ(testing::fileText(target), "previous");
    EXPECT_EQ(entriesIn(dir.path()), 2u); // no temporary left
    EXPECT_EQ(entriesIn("/proc/self/fd"), before);
}

} // namespace
} // namespace fanout
