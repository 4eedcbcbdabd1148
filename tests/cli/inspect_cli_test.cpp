// SPDX-License-Identifier: GPL-3.0-or-later
#include "process.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace fanout {
namespace {

const std::string kData = std::string(FANOUT_TEST_DATA) + "/inspect/";

testing::ProcessResult fanout(std::vector<std::string> args) {
    args.insert(args.begin(), FANOUT_EXECUTABLE);
    return testing::runProcess(args);
}

TEST(InspectCli, TextReportNamesGrammarDirectivesAndImports) {
    const auto result = fanout({"inspect", kData + "client-component.tsx"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(result.err.empty()) << result.err;
    EXPECT_NE(result.out.find("grammar       tsx"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("spec: client; rwsdk: client"), std::string::npos);
    EXPECT_NE(result.out.find("3:26  import               react"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("import (type)        ./types"), std::string::npos);
    EXPECT_NE(result.out.find("dynamic-import       ./lazy-panel"), std::string::npos);
}

TEST(InspectCli, JsonReportHasEveryField) {
    const auto result =
        fanout({"inspect", "--json", kData + "server-actions.ts", kData + "client-component.tsx"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto doc = nlohmann::json::parse(result.out);
    ASSERT_EQ(doc["files"].size(), 2u);
    EXPECT_TRUE(doc["errors"].empty());
    const auto& server = doc["files"][0];
    EXPECT_EQ(server["path"], kData + "server-actions.ts");
    EXPECT_EQ(server["grammar"], "typescript");
    EXPECT_EQ(server["directives"]["spec"]["directive"], "server");
    // The hashbang line ends rwsdk's search before it reaches the directive.
    EXPECT_EQ(server["directives"]["rwsdk"]["directive"], "none");
    EXPECT_EQ(server["imports"][0]["specifier"], "./db");
    EXPECT_EQ(server["imports"][0]["kind"], "require");
    EXPECT_EQ(server["imports"][0]["typeOnly"], false);
    EXPECT_EQ(server["imports"][0]["line"], 4);
    EXPECT_EQ(server["imports"][0]["column"], 21);
    EXPECT_EQ(server["imports"][1]["kind"], "export");
    EXPECT_EQ(server["nonLiteralImports"][0]["expression"], "`./plugins/${name}.js`");
    EXPECT_EQ(server["counts"]["topLevelStatements"], 4);
    EXPECT_EQ(server["counts"]["reExportStatements"], 1);
    EXPECT_EQ(server["parseErrors"], 0);
    EXPECT_EQ(doc["files"][1]["imports"][1]["typeOnly"], true);
}

TEST(InspectCli, ParseErrorsAreReportedNotFatal) {
    const auto result = fanout({"inspect", "--json", kData + "broken.js"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto doc = nlohmann::json::parse(result.out);
    EXPECT_GT(doc["files"][0]["parseErrors"].get<int>(), 0);
    EXPECT_EQ(doc["files"][0]["imports"][0]["specifier"], "./before.js");
}

TEST(InspectCli, BadFilesGoToStderrWithNonZeroExitAndTheRestIsStillReported) {
    const auto result = fanout({"inspect", kData + "missing.ts", kData + "notes.txt", kData,
                                kData + "client-component.tsx"});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("missing.ts: No such file or directory"), std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find("notes.txt: not a JavaScript/TypeScript file"), std::string::npos);
    EXPECT_NE(result.err.find("inspect/: not a JavaScript/TypeScript file"), std::string::npos);
    EXPECT_NE(result.out.find("client-component.tsx"), std::string::npos);

    const auto json = fanout({"inspect", "--json", kData + "missing.ts", kData + "broken.js"});
    EXPECT_EQ(json.exitCode, 1);
    const auto doc = nlohmann::json::parse(json.out);
    EXPECT_EQ(doc["files"].size(), 1u);
    EXPECT_EQ(doc["errors"][0]["path"], kData + "missing.ts");
}

TEST(InspectCli, GrammarCanBeForced) {
    const auto result = fanout({"inspect", "--grammar", "tsx", "--json", kData + "notes.txt"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(nlohmann::json::parse(result.out)["files"][0]["grammar"], "tsx");
}

TEST(InspectCli, TreePrintsTheSyntaxTree) {
    const auto result = fanout({"inspect", "--tree", kData + "broken.js"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("(program (import_statement"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("(MISSING \"}\")"), std::string::npos);
}

TEST(Cli, UsageErrorsExitWithTwo) {
    EXPECT_EQ(fanout({}).exitCode, 2);
    EXPECT_EQ(fanout({"inspect"}).exitCode, 2);
    EXPECT_EQ(fanout({"inspect", "--grammar", "cobol", kData + "broken.js"}).exitCode, 2);
    EXPECT_EQ(fanout({"no-such-command"}).exitCode, 2);
}

TEST(Cli, HelpAndVersionExitWithZero) {
    const auto help = fanout({"--help"});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.out.find("inspect"), std::string::npos);
    const auto version = fanout({"--version"});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_NE(version.out.find("fanout 0."), std::string::npos);
}

} // namespace
} // namespace fanout
