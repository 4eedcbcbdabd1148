// SPDX-License-Identifier: GPL-3.0-or-later
// `fanout diff` on the documents of two real scans: an app before and after replacing its
// icon-barrel import.
#include "fixture_project.h"
#include "process.h"
#include "temp_dir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fanout {
namespace {

namespace fs = std::filesystem;

testing::ProcessResult fanout(std::vector<std::string> args) {
    args.insert(args.begin(), FANOUT_EXECUTABLE);
    return testing::runProcess(args);
}

class DiffCli : public ::testing::Test {
protected:
    void SetUp() override {
        for (const char* name : {"before", "after"}) {
            const auto root =
                testing::fixtureProject(std::string(FANOUT_TEST_DATA) + "/diff/" + name);
            const auto document = (m_dir.path() / (std::string(name) + ".json")).string();
            const auto scanned = fanout({"scan", root, "--json", document, "--quiet"});
            ASSERT_EQ(scanned.exitCode, 0) << scanned.err;
        }
        m_before = (m_dir.path() / "before.json").string();
        m_after = (m_dir.path() / "after.json").string();
    }
    testing::TempDir m_dir;
    std::string m_before;
    std::string m_after;
};

TEST_F(DiffCli, PrintsWhatChangedAsText) {
    const auto result = fanout({"diff", m_before, m_after});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(result.err.empty()) << result.err;
    for (const char* line :
         {"modules                     9              8             -1", "Modules removed (4, ",
          "  icons: 3 modules, ",
          "  node_modules/icons/index.js [worker]: no longer a hotspot (reached 5 modules",
          "  shared 1.0.0 → 1.1.0 (node_modules/shared): 1 → 1 module, ",
          "\"use client\" modules added (1)\n  src/app/Widget.tsx",
          "Packages installed more than once appeared (1)"}) {
        EXPECT_NE(result.out.find(line), std::string::npos) << line << "\n" << result.out;
    }
}

TEST_F(DiffCli, FailsOnGrowthBeyondTheTolerance) {
    EXPECT_EQ(fanout({"diff", m_before, m_after, "--fail-on-growth"}).exitCode, 0); // shrank
    const auto grew = fanout({"diff", m_after, m_before, "--fail-on-growth"});
    EXPECT_EQ(grew.exitCode, 1);
    EXPECT_NE(grew.err.find("fanout diff: grew beyond 0 %: modules grew from 8 to 9"),
              std::string::npos)
        << grew.err;
    EXPECT_EQ(fanout({"diff", m_after, m_before, "--fail-on-growth", "--tolerance", "30"}).exitCode,
              0);
    EXPECT_EQ(fanout({"diff", m_after, m_before}).exitCode, 0); // growth only fails when asked
}

TEST_F(DiffCli, WritesJsonAndMarkdown) {
    const auto markdown = (m_dir.path() / "diff.md").string();
    const auto result = fanout({"diff", m_before, m_after, "--json", "-", "--markdown", markdown});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto json = nlohmann::json::parse(result.out); // the JSON alone on stdout
    EXPECT_EQ(json["schema"], 1);
    EXPECT_EQ(json["modules"]["removed"].size(), 4u);
    EXPECT_EQ(json["packages"]["added"].size(), 2u);
    std::ifstream in(markdown);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str().rfind("## fanout diff\n", 0), 0u) << text.str();
    EXPECT_NE(text.str().find("| modules | 9 | 8 | -1 |"), std::string::npos) << text.str();
}

TEST_F(DiffCli, RefusesUnreadableDocumentsAndLeavesNoPartialReport) {
    const auto missing = (m_dir.path() / "missing.json").string();
    const auto result = fanout({"diff", missing, m_after});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("fanout diff: " + missing + ": cannot be read"), std::string::npos)
        << result.err;
    EXPECT_TRUE(result.out.empty()) << result.out;
    const auto nowhere = (m_dir.path() / "no-such-folder" / "diff.json").string();
    const auto unwritable = fanout({"diff", m_before, m_after, "--json", nowhere});
    EXPECT_EQ(unwritable.exitCode, 2);
    EXPECT_NE(unwritable.err.find("fanout diff: cannot write the JSON report"), std::string::npos)
        << unwritable.err;
    EXPECT_FALSE(fs::exists(m_dir.path() / "no-such-folder"));
}

} // namespace
} // namespace fanout
