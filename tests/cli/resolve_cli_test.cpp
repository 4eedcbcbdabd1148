// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixture_project.h"
#include "process.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace fanout {
namespace {

const std::string kProject =
    testing::fixtureProject(std::string(FANOUT_TEST_DATA) + "/resolve/project");

testing::ProcessResult fanout(std::vector<std::string> args) {
    args.insert(args.begin(), FANOUT_EXECUTABLE);
    return testing::runProcess(args, kProject);
}

TEST(ResolveCli, PrintsTheFileAndItsPackageRelativeToTheRoot) {
    const auto result = fanout({"resolve", "src/index.ts", "@scope/pkg/sub"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("resolved  node_modules/@scope/pkg/sub.js"), std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("package   @scope/pkg@3.1.4  node_modules/@scope/pkg"),
              std::string::npos);
}

TEST(ResolveCli, AppliesTheRootTsconfigAndConditions) {
    EXPECT_NE(fanout({"resolve", "src/index.ts", "@lib/util"}).out.find("src/lib/util.ts"),
              std::string::npos);
    EXPECT_EQ(fanout({"resolve", "--no-tsconfig", "src/index.ts", "@lib/util"}).exitCode, 1);
    const auto worker = fanout(
        {"resolve", "-C", "worker", "--kind", "require", "--json", "src/index.ts", "exp/feature"});
    ASSERT_EQ(worker.exitCode, 0) << worker.err;
    const auto json = nlohmann::json::parse(worker.out);
    EXPECT_EQ(json["kind"], "file");
    EXPECT_EQ(json["path"], "node_modules/exp/feature-worker.cjs");
    EXPECT_EQ(json["package"]["name"], "exp");
}

TEST(ResolveCli, UnresolvedExitsWithOneAndSaysWhy) {
    const auto result = fanout({"resolve", "--json", "src/index.ts", "./button"});
    EXPECT_EQ(result.exitCode, 1);
    const auto json = nlohmann::json::parse(result.out);
    EXPECT_EQ(json["kind"], "unresolved");
    EXPECT_EQ(json["caseVariantOf"], "src/Button.tsx");
    EXPECT_NE(json["reason"].get<std::string>().find("letter case"), std::string::npos);
}

TEST(ResolveCli, ExplainPrintsTheStepsOnStderr) {
    const auto result = fanout({"resolve", "--explain", "src/index.ts", "legacy"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.err.find("package folder"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("main field \"module\": es/index.js"), std::string::npos);
    EXPECT_NE(result.out.find("node_modules/legacy/es/index.js"), std::string::npos);
}

TEST(ResolveCli, WarnsAboutMalformedManifestsAndMissingImporter) {
    const auto result = fanout({"resolve", "src/index.ts", "broken-json"});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_NE(result.err.find("warning: "), std::string::npos);
    EXPECT_NE(result.err.find("malformed package.json"), std::string::npos);
    EXPECT_EQ(fanout({"resolve", "src/nope.ts", "x"}).exitCode, 3);
}

} // namespace
} // namespace fanout
