// SPDX-License-Identifier: GPL-3.0-or-later
// `fanout scan/report --cache`: the second run of an unchanged project comes from the cache, says
// so, and gives the same document; the default folder is the user's cache folder.
#include "file_text.h"
#include "fixture_project.h"
#include "process.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace fanout {
namespace {

std::string project() {
    return testing::fixtureProject(std::string(FANOUT_TEST_DATA) + "/diff/before");
}

TEST(CacheCli, TheSecondScanComesFromTheCacheWithTheSameDocument) {
    testing::TempDir dir;
    const auto cache = (dir.path() / "cache").string();
    const auto scan = [&](const std::string& json) {
        return testing::runProcess({FANOUT_EXECUTABLE, "scan", project(), "--cache-dir", cache,
                                    "--reproducible", "--json", (dir.path() / json).string()});
    };
    const auto first = scan("first.json");
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_NE(first.err.find("cache: scanned (no cached scan yet); stored in " + cache + "/"),
              std::string::npos)
        << first.err;
    const auto second = scan("second.json");
    ASSERT_EQ(second.exitCode, 0) << second.err;
    EXPECT_NE(second.err.find("cache: unchanged since the cached scan: "), std::string::npos)
        << second.err;
    EXPECT_NE(second.err.find(" from the cache in "), std::string::npos) << second.err;
    EXPECT_EQ(testing::fileText(dir.path() / "first.json"),
              testing::fileText(dir.path() / "second.json"));

    const auto report =
        testing::runProcess({FANOUT_EXECUTABLE, "report", project(), "--cache-dir", cache});
    ASSERT_EQ(report.exitCode, 0) << report.err;
    EXPECT_NE(report.out.find(") from the cache in "), std::string::npos) << report.out;
}

TEST(CacheCli, TheDefaultFolderIsTheUsersCacheFolder) {
    testing::TempDir dir;
    ::setenv("XDG_CACHE_HOME", dir.path().c_str(), 1);
    const auto run = testing::runProcess({FANOUT_EXECUTABLE, "scan", project(), "--cache"});
    ::unsetenv("XDG_CACHE_HOME");
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.err.find("stored in " + (dir.path() / "fanout/scans").string() + "/"),
              std::string::npos)
        << run.err;
    const auto quiet = testing::runProcess({FANOUT_EXECUTABLE, "scan", project(), "--cache-dir",
                                            (dir.path() / "fanout/scans").string(), "--quiet"});
    EXPECT_EQ(quiet.err, "");
}

} // namespace
} // namespace fanout
