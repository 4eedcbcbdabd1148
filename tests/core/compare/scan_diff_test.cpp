// SPDX-License-Identifier: GPL-3.0-or-later
// Two real scans of an app, before and after replacing its icon-barrel import (and adding a
// "use client", upgrading a package, installing one that brings a second copy of another),
// written as `fanout scan --json` writes them, read back and compared.
#include "fanout/analysis/analysis.h"
#include "fanout/analysis/module_graph.h"
#include "fanout/compare/diff_report.h"
#include "fanout/compare/scan_diff.h"
#include "fanout/output/scan_json.h"
#include "fanout/project/project_config.h"
#include "fanout/scan/scanner.h"
#include "fixture_project.h"
#include "temp_dir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace fanout {
namespace {

using Strings = std::vector<std::string>;

// The scan document of fixture `name` (tests/data/diff/NAME), written into `dir`.
std::string scanDocument(const std::string& name, testing::TempDir& dir) {
    const auto root = testing::fixtureProject(std::string(FANOUT_TEST_DATA) + "/diff/" + name);
    const auto result = scan(loadScanConfig(root, {}), {});
    const ModuleGraph graph(*result);
    const auto analysis = analyze(*result, graph);
    JsonOptions options;
    options.analysis = &analysis;
    return dir.write(name + ".json", scanToJson(*result, options)).string();
}

class ScanDiffTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new testing::TempDir;
        s_before = new ScanDocument(readScanDocument(scanDocument("before", *s_dir)));
        s_after = new ScanDocument(readScanDocument(scanDocument("after", *s_dir)));
    }
    static void TearDownTestSuite() {
        delete s_before;
        delete s_after;
        delete s_dir;
    }
    static inline testing::TempDir* s_dir = nullptr;
    static inline ScanDocument* s_before = nullptr;
    static inline ScanDocument* s_after = nullptr;
};

Strings keys(const std::vector<DocumentModule>& modules) {
    Strings out;
    for (const auto& module : modules) {
        out.push_back(module.path + "@" + module.env);
    }
    return out;
}

TEST_F(ScanDiffTest, ReadsWhatTheComparisonNeeds) {
    EXPECT_EQ(s_before->stats.modules, 9u);
    EXPECT_EQ(s_before->modules.size(), 9u);
    EXPECT_EQ(s_after->stats.modules, 8u);
    EXPECT_EQ(s_after->client, Strings{"src/app/Widget.tsx"});
    EXPECT_TRUE(s_before->client.empty());
    ASSERT_FALSE(s_before->hotspots.empty());
    EXPECT_TRUE(s_before->stats.peakResidentBytes.has_value());
}

TEST_F(ScanDiffTest, ReplacingTheBarrelImportDropsTheIconsTheBarrelDraggedIn) {
    const auto diff = compareScans(*s_before, *s_after);
    EXPECT_EQ(keys(diff.modulesRemoved),
              (Strings{"node_modules/icons/anchor.js@worker", "node_modules/icons/bell.js@worker",
                       "node_modules/icons/index.js@worker", "src/app/Widget.tsx@worker"}));
    EXPECT_EQ(keys(diff.modulesAdded),
              (Strings{"src/app/Widget.tsx@client", "node_modules/tiny/index.js@worker",
                       "node_modules/tiny/node_modules/shared/index.js@worker"}));
    ASSERT_FALSE(diff.reachChanged.empty());
    // Largest first: the barrel, which reached five modules and is gone.
    EXPECT_EQ(diff.reachChanged.front().path, "node_modules/icons/index.js");
    EXPECT_FALSE(diff.reachChanged.front().after.has_value());
    EXPECT_EQ(diff.reachChanged.front().moduleDelta(), -5);
}

TEST_F(ScanDiffTest, PackagesAddedAndChangedAndTheDirectiveMap) {
    const auto diff = compareScans(*s_before, *s_after);
    ASSERT_EQ(diff.packagesAdded.size(), 2u);
    EXPECT_EQ(diff.packagesAdded[0].root, "node_modules/tiny/node_modules/shared");
    EXPECT_EQ(diff.packagesAdded[1].name, "tiny");
    EXPECT_TRUE(diff.packagesRemoved.empty());
    ASSERT_EQ(diff.packagesChanged.size(), 2u);
    EXPECT_EQ(diff.packagesChanged[0].after.name, "icons");
    EXPECT_EQ(diff.packagesChanged[0].before.modules, 5u);
    EXPECT_EQ(diff.packagesChanged[0].after.modules, 2u);
    EXPECT_EQ(diff.packagesChanged[1].before.version, "1.0.0");
    EXPECT_EQ(diff.packagesChanged[1].after.version, "1.1.0");
    EXPECT_EQ(diff.client.added, Strings{"src/app/Widget.tsx"});
    EXPECT_EQ(diff.clientBoundaries.added, Strings{"src/app/Widget.tsx"});
    EXPECT_TRUE(diff.server.empty());
    EXPECT_EQ(diff.duplicatePackages.added, Strings{"shared: 1.1.0 (node_modules/shared), 2.0.0 "
                                                    "(node_modules/tiny/node_modules/shared)"});
    EXPECT_TRUE(diff.duplicatePackages.removed.empty());
}

TEST_F(ScanDiffTest, AScanComparedWithItselfHasNoChange) {
    EXPECT_TRUE(compareScans(*s_after, *s_after).empty());
    EXPECT_FALSE(compareScans(*s_before, *s_after).empty());
}

TEST_F(ScanDiffTest, GrowthIsMeasuredAgainstTheTolerance) {
    EXPECT_TRUE(growthBeyond(compareScans(*s_before, *s_after), 0).empty()); // it shrank
    const auto back = compareScans(*s_after, *s_before);                     // 8 -> 9 modules
    const auto reasons = growthBeyond(back, 0);
    ASSERT_FALSE(reasons.empty());
    EXPECT_EQ(reasons.front(), "modules grew from 8 to 9");
    EXPECT_FALSE(growthBeyond(back, 10).empty()); // 12.5 % > 10 %
    EXPECT_TRUE(growthBeyond(back, 30).empty());  // the worker entry reach: 8 -> 9 as well
}

TEST_F(ScanDiffTest, ReportsSayTheSameInTextMarkdownAndJson) {
    const auto diff = compareScans(*s_before, *s_after);
    std::ostringstream text;
    writeDiffReport(text, diff, DiffFormat::Text, 2);
    EXPECT_NE(text.str().find("Modules removed (4, "), std::string::npos) << text.str();
    EXPECT_NE(text.str().find("  icons: 3 modules, "), std::string::npos) << text.str();
    EXPECT_NE(text.str().find("… and 2 more"), std::string::npos) << text.str();
    EXPECT_NE(text.str().find("shared 1.0.0 → 1.1.0"), std::string::npos) << text.str();
    std::ostringstream markdown;
    writeDiffReport(markdown, diff, DiffFormat::Markdown, 10);
    EXPECT_NE(markdown.str().find("| modules | 9 | 8 | -1 |"), std::string::npos) << markdown.str();
    EXPECT_NE(markdown.str().find("### \"use client\" modules added (1)\n\n- `src/app/Widget.tsx`"),
              std::string::npos)
        << markdown.str();
    std::ostringstream json;
    writeDiffJson(json, diff);
    const auto parsed = nlohmann::json::parse(json.str());
    EXPECT_EQ(parsed["modules"]["removed"].size(), 4u);
    EXPECT_EQ(parsed["directives"]["client"]["added"],
              nlohmann::json::array({"src/app/Widget.tsx"}));
    EXPECT_EQ(parsed["stats"]["before"]["modules"], 9);
}

// The desktop app compares scans it holds in memory: their documents must be the ones read back
// from `fanout scan --json` of the same results.
TEST(ScanDocument, OfAResultInMemoryEqualsTheOneReadFromItsJson) {
    testing::TempDir dir;
    for (const char* name : {"before", "after"}) {
        const auto root = testing::fixtureProject(std::string(FANOUT_TEST_DATA) + "/diff/" + name);
        const auto result = scan(loadScanConfig(root, {}), {});
        const ModuleGraph graph(*result);
        const auto analysis = analyze(*result, graph);
        JsonOptions options;
        options.analysis = &analysis;
        const auto file = dir.write(std::string(name) + ".json", scanToJson(*result, options));
        auto read = readScanDocument(file.string());
        read.file.clear();
        const auto inMemory = documentOf(*result, analysis);
        EXPECT_EQ(inMemory.modules, read.modules) << name;
        EXPECT_EQ(inMemory.packages, read.packages) << name;
        EXPECT_EQ(inMemory.hotspots, read.hotspots) << name;
        EXPECT_EQ(inMemory.duplicatePackages, read.duplicatePackages) << name;
        EXPECT_EQ(inMemory.stats, read.stats) << name;
        EXPECT_EQ(inMemory, read) << name;
        EXPECT_FALSE(read.modules.empty());
    }
}

TEST(ScanDocument, RefusesWhatIsNotACompleteScanDocumentOfThisSchema) {
    testing::TempDir dir;
    const auto expectRefused = [](const std::string& path, const std::string& why) {
        try {
            readScanDocument(path);
            ADD_FAILURE() << path << " was read";
        } catch (const ScanDocumentError& error) {
            EXPECT_NE(std::string(error.what()).find(why), std::string::npos) << error.what();
            EXPECT_NE(std::string(error.what()).find(path), std::string::npos) << error.what();
        }
    };
    expectRefused((dir.path() / "missing.json").string(), "cannot be read");
    expectRefused(dir.write("binary.json", std::string("\x7f"
                                                       "ELF\0\1",
                                                       6))
                      .string(),
                  "not JSON");
    expectRefused(dir.write("other.json", R"({"name": "x"})").string(), "not a scan document");
    expectRefused(dir.write("future.json", R"({"schema": 2, "modules": []})").string(),
                  "schema 2; this fanout reads schema 1");
    const auto whole = scanDocument("before", dir);
    std::ifstream in(whole);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    expectRefused(dir.write("truncated.json", text.substr(0, text.size() / 2)).string(),
                  "not JSON");
    auto noStats = nlohmann::json::parse(text);
    noStats.erase("stats");
    expectRefused(dir.write("partial.json", noStats.dump()).string(),
                  "not a complete scan document");
}

} // namespace
} // namespace fanout
