// SPDX-License-Identifier: GPL-3.0-or-later
// `fanout check --write-baseline` then `--baseline`: only violations that are new fail, on an app
// before and after a change that fixes some violations and adds another.
#include "fixture_project.h"
#include "process.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace fanout {
namespace {

testing::ProcessResult check(const std::string& fixture, std::vector<std::string> extra) {
    std::vector<std::string> args{
        FANOUT_EXECUTABLE,
        "check",
        testing::fixtureProject(std::string(FANOUT_TEST_DATA) + "/diff/" + fixture),
        "--quiet",
        "--max-reach",
        "2",
        "--forbid-import",
        "tiny",
        "--max-package-modules",
        "shared=0"};
    args.insert(args.end(), extra.begin(), extra.end());
    return testing::runProcess(args);
}

TEST(CheckBaseline, OnlyNewViolationsFail) {
    testing::TempDir dir;
    const auto baseline = (dir.path() / "baseline.json").string();
    const auto written = check("before", {"--write-baseline", baseline});
    ASSERT_EQ(written.exitCode, 0) << written.err;
    EXPECT_NE(written.err.find("2 violation(s) written to " + baseline + " as the baseline"),
              std::string::npos)
        << written.err;

    // The same project: every violation is known.
    const auto same = check("before", {"--baseline", baseline});
    EXPECT_EQ(same.exitCode, 0) << same.out;
    EXPECT_NE(same.out.find("every budget holds (9 modules) but for 2 known violation(s)"),
              std::string::npos)
        << same.out;

    // After: the barrel import is gone (fixed), shared has more modules (still known), and the
    // new import of "tiny" is forbidden (new: it fails).
    const auto after = check("after", {"--baseline", baseline});
    EXPECT_EQ(after.exitCode, 1) << after.out;
    EXPECT_NE(after.out.find("known, in the baseline (max-package-modules): package shared has 2"),
              std::string::npos)
        << after.out;
    EXPECT_NE(after.out.find("over budget (forbid-import): src/worker.tsx imports \"tiny\""),
              std::string::npos)
        << after.out;
    EXPECT_NE(after.out.find("fixed, still in the baseline (max-reach): src/worker.tsx imports "
                             "\"icons\""),
              std::string::npos)
        << after.out;
    EXPECT_NE(after.out.find("fanout check: 1 violation(s) and 1 known"), std::string::npos)
        << after.out;
}

TEST(CheckBaseline, AnUnreadableBaselineIsAUsageError) {
    testing::TempDir dir;
    const auto result = check("before", {"--baseline", (dir.path() / "none.json").string()});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("none.json"), std::string::npos) << result.err;
    const auto both = check("before", {"--baseline", "a.json", "--write-baseline", "b.json"});
    EXPECT_EQ(both.exitCode, 2) << both.err;
    EXPECT_FALSE(std::filesystem::exists("b.json"));
}

} // namespace
} // namespace fanout
