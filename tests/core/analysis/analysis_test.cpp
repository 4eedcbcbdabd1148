// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/analysis/analysis.h"
#include "fanout/demo/demo_project.h"
#include "fanout/output/graph_export.h"
#include "fanout/output/report_text.h"

#include "scan/scan_helpers.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

namespace fanout {
namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

struct Scanned {
    std::shared_ptr<const ScanResult> result;
    ModuleGraph graph;
    Analysis analysis;

    explicit Scanned(std::shared_ptr<const ScanResult> scanned)
        : result(std::move(scanned)), graph(*result), analysis(analyze(*result, graph)) {}

    ModuleId find(const std::string& relative, const std::string& env = "") const {
        for (std::uint32_t i = 0; i < result->modules.size(); ++i) {
            const auto& module = result->modules[i];
            if (displayPath(module.path, result->config.root) == relative &&
                (env.empty() || result->config.environments[module.environment].name == env)) {
                return ModuleId{i};
            }
        }
        ADD_FAILURE() << "no module " << relative;
        return ModuleId{};
    }
};

Scanned scanEntries(const fs::path& root, Strings entries) {
    ScanOverrides overrides;
    overrides.entries = std::move(entries);
    return Scanned(testing::scanProject(root.string(), overrides));
}

TEST(Analysis, ABarrelOfNIconsReachesThemAll) {
    testing::TempDir tmp;
    const auto root = fs::canonical(tmp.path()) / "demo";
    writeDemoProject(root, 40);
    const Scanned s(testing::scanProject(root.string()));
    const auto barrel = s.find("node_modules/lucide-mini/dist/esm/lucide-mini.mjs", "client");
    // The barrel, 40 icons, createIcon.js and react/jsx-runtime.
    EXPECT_EQ(exactReach(*s.result, s.graph, barrel).modules, 43u);
    EXPECT_TRUE(s.analysis.modules[barrel.value].barrel);
    EXPECT_EQ(s.analysis.modules[barrel.value].fanOut, 41u);
    EXPECT_EQ(s.analysis.modules[barrel.value].reachEstimate, 43u); // exact below the sketch size
    const auto counter = s.find("src/app/components/Counter.tsx");
    EXPECT_FALSE(s.analysis.modules[counter.value].barrel);
}

TEST(Analysis, ReachEstimateIsCloseOnLargeBarrelsAndHotspotsAreExact) {
    testing::TempDir tmp;
    const auto root = fs::canonical(tmp.path()) / "demo";
    writeDemoProject(root, 2000);
    const Scanned s(testing::scanProject(root.string()));
    const auto barrel = s.find("node_modules/lucide-mini/dist/esm/lucide-mini.mjs", "client");
    const auto exact = exactReach(*s.result, s.graph, barrel).modules;
    EXPECT_EQ(exact, 2003u);
    const auto estimate = static_cast<double>(s.analysis.modules[barrel.value].reachEstimate);
    EXPECT_NEAR(estimate, 2003.0, 2003.0 * 0.35);
    bool barrelIsHotspot = false;
    for (const auto& hotspot : s.analysis.hotspots) {
        EXPECT_EQ(hotspot.reach, exactReach(*s.result, s.graph, hotspot.module));
        if (hotspot.module == barrel) {
            barrelIsHotspot = true;
            EXPECT_TRUE(hotspot.barrel);
            ASSERT_EQ(hotspot.firstPartyImporters.size(), 1u);
            EXPECT_EQ(displayPath(s.result->module(hotspot.firstPartyImporters[0]).path,
                                  s.result->config.root),
                      "src/app/components/Counter.tsx");
        }
    }
    EXPECT_TRUE(barrelIsHotspot);
}

TEST(Analysis, AFileBehindThreeSymlinksListsThreeStringsAndTheMultiplier) {
    testing::TempDir tmp;
    const auto root = fs::canonical(tmp.path());
    tmp.write("lib/real.js", "export default 1;\n");
    for (const char* link : {"a.js", "b.js", "c.js"}) {
        fs::create_symlink("lib/real.js", root / link);
    }
    tmp.write("entry.js", "import './a.js';\nimport './b.js';\nimport './c.js';\n");
    const Scanned s = scanEntries(root, {"entry.js"});
    ASSERT_EQ(s.analysis.duplicatePaths.size(), 1u);
    const auto& duplicate = s.analysis.duplicatePaths[0];
    EXPECT_EQ(s.result->module(duplicate.module).path, (root / "lib/real.js").string());
    ASSERT_EQ(duplicate.aliases.size(), 3u);
    for (const auto& [alias, cause] : duplicate.aliases) {
        EXPECT_EQ(cause, "symlink") << alias;
    }
    EXPECT_EQ(s.analysis.multiplier.extraReads, 3u);
    EXPECT_EQ(s.analysis.multiplier.extraBytes, 3u * 18u);
    EXPECT_EQ(s.analysis.multiplier.pathStrings, 5u); // entry.js, real.js and three links
}

TEST(Analysis, RelativeSpellingsOfOneFileAreListedWithTheirCauseButCostNothing) {
    testing::TempDir tmp;
    const auto root = fs::canonical(tmp.path());
    tmp.write("lib/util.ts", "export const u = 1;\n");
    tmp.write("lib/index.ts", "export * from './util.js';\n");
    tmp.write("lib/deep/user.ts", "import '../util';\n");
    tmp.write("entry.ts", "import './lib/util';\nimport './lib/deep/../util.ts';\n"
                          "import './lib/deep/user';\nimport './lib';\nimport './lib/index.ts';\n");
    const Scanned s = scanEntries(root, {"entry.ts"});
    EXPECT_TRUE(s.analysis.duplicatePaths.empty());
    EXPECT_EQ(s.analysis.multiplier.extraReads, 0u);
    ASSERT_EQ(s.analysis.duplicateSpellings.size(), 2u);
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> byFile;
    for (const auto& duplicate : s.analysis.duplicateSpellings) {
        auto& list = byFile[displayPath(s.result->module(duplicate.module).path, root.string())];
        for (const auto& [alias, cause] : duplicate.aliases) {
            list.emplace_back(displayPath(alias, root.string()), cause);
        }
    }
    using Pairs = std::vector<std::pair<std::string, std::string>>;
    EXPECT_EQ(byFile["lib/index.ts"], (Pairs{{"lib", "directory index"}}));
    EXPECT_EQ(byFile["lib/util.ts"], (Pairs{{"lib/deep/../util", "extension alias"},
                                            {"lib/deep/../util.ts", "./ ../ spelling"},
                                            {"lib/util", "extension alias"},
                                            {"lib/util.js", "extension alias"}}));
}

// dep 2.0.0 at the top of node_modules, and 1.0.0 under old, which imports it.
void writeDepInstalledTwice(testing::TempDir& tmp) {
    tmp.write("node_modules/dep/package.json", R"({"name": "dep", "version": "2.0.0"})");
    tmp.write("node_modules/dep/index.js", "export const v = 2;\n");
    tmp.write("node_modules/old/package.json", R"({"name": "old", "version": "1.0.0"})");
    tmp.write("node_modules/old/index.js", "import 'dep';\n");
    tmp.write("node_modules/old/node_modules/dep/package.json",
              R"({"name": "dep", "version": "1.0.0"})");
    tmp.write("node_modules/old/node_modules/dep/index.js", "export const v = 1;\n");
}

TEST(Analysis, APackageInstalledTwiceIsADuplicatePackage) {
    testing::TempDir tmp;
    const auto root = fs::canonical(tmp.path());
    writeDepInstalledTwice(tmp);
    tmp.write("entry.js", "import 'dep';\nimport 'old';\n");
    const Scanned s = scanEntries(root, {"entry.js"});
    ASSERT_EQ(s.analysis.duplicatePackages.size(), 1u);
    const auto& duplicate = s.analysis.duplicatePackages[0];
    EXPECT_EQ(duplicate.name, "dep");
    ASSERT_EQ(duplicate.copies.size(), 2u);
    Strings versions;
    for (const auto copy : duplicate.copies) {
        versions.push_back(s.result->packages[copy.value].version);
    }
    std::sort(versions.begin(), versions.end());
    EXPECT_EQ(versions, (Strings{"1.0.0", "2.0.0"}));
    EXPECT_EQ(duplicate.bytes, 20u);
    const auto& largest = s.analysis.packages.front();
    EXPECT_EQ(largest.modules, 1u);
    EXPECT_FALSE(largest.entryPoints.empty());
}

// With two threads the duplicates are found beside the ranking: the same analysis comes out.
TEST(Analysis, DuplicatesFoundOnASecondThreadAreTheSame) {
    testing::TempDir tmp;
    const auto root = fs::canonical(tmp.path());
    tmp.write("lib/real.js", "export default 1;\n");
    fs::create_symlink("lib/real.js", root / "link.js");
    tmp.write("lib/util.ts", "export const u = 1;\n");
    writeDepInstalledTwice(tmp);
    tmp.write("entry.ts", "import './lib/real.js';\nimport './link.js';\nimport './lib/util';\n"
                          "import './lib/util.ts';\nimport 'dep';\nimport 'old';\n");
    const Scanned s = scanEntries(root, {"entry.ts"});
    AnalysisOptions two;
    two.threads = 2;
    const auto analysis = analyze(*s.result, s.graph, two);
    EXPECT_EQ(analysis.duplicatePaths.size(), 1u);
    EXPECT_EQ(analysis.duplicateSpellings.size(), 2u);
    EXPECT_EQ(analysis.duplicatePackages.size(), 1u);
    EXPECT_EQ(analysis.multiplier.extraReads, 1u);
    EXPECT_EQ(scanToJson(*s.result, {true, &analysis}), scanToJson(*s.result, {true, &s.analysis}));
}

TEST(Analysis, CyclesAreStronglyConnectedComponents) {
    testing::TempDir tmp;
    const auto root = fs::canonical(tmp.path());
    tmp.write("a.js", "import './b.js';\n");
    tmp.write("b.js", "import './c.js';\n");
    tmp.write("c.js", "import './a.js';\nimport './d.js';\n");
    tmp.write("d.js", "import './d.js';\n"); // a self-import is no cycle of 2+
    tmp.write("entry.js", "import './a.js';\n");
    const Scanned s = scanEntries(root, {"entry.js"});
    ASSERT_EQ(s.analysis.cycles.size(), 1u);
    Strings members;
    for (const auto id : s.analysis.cycles[0]) {
        members.push_back(displayPath(s.result->module(id).path, s.result->config.root));
    }
    EXPECT_EQ(members, (Strings{"a.js", "b.js", "c.js"}));
    // Every module of a cycle reaches the whole cycle.
    EXPECT_EQ(exactReach(*s.result, s.graph, s.find("b.js")).modules, 4u);
    EXPECT_EQ(s.analysis.modules[s.find("b.js").value].reachEstimate, 4u);
}

TEST(Analysis, WhyGivesTheShortestChainFromAnEntry) {
    testing::TempDir tmp;
    const auto root = fs::canonical(tmp.path());
    tmp.write("entry.js", "import './long1.js';\nimport './short.js';\n");
    tmp.write("long1.js", "import './long2.js';\n");
    tmp.write("long2.js", "import './target.js';\n");
    tmp.write("short.js", "import('./target.js');\n");
    tmp.write("target.js", "export {};\n");
    tmp.write("island.js", "import './target.js';\n");
    const Scanned s = scanEntries(root, {"entry.js"});
    const auto chain = whyReached(s.graph, s.find("target.js"));
    Strings names;
    for (const auto id : chain) {
        names.push_back(displayPath(s.result->module(id).path, s.result->config.root));
    }
    EXPECT_EQ(names, (Strings{"entry.js", "short.js", "target.js"}));
    const auto text = formatChain(*s.result, chain);
    EXPECT_NE(text.find("imports \"./target.js\" (dynamic-import, line 1)"), std::string::npos)
        << text;
}

TEST(Analysis, ReportHasEverySection) {
    const auto root = testing::scanFixture("app");
    const Scanned s(testing::scanProject(root));
    const auto report = formatReport(*s.result, s.graph, s.analysis);
    for (const char* heading : {"Fanout report for", "Hotspots", "Barrels", "Duplicates",
                                "Largest packages", "Cycles", "Unresolved imports"}) {
        EXPECT_NE(report.find(heading), std::string::npos) << heading;
    }
    EXPECT_NE(report.find("shared@1.0.0"), std::string::npos) << report;
    EXPECT_EQ(unresolvedCategory("package \"x\" is not installed in any node_modules folder"),
              "package not installed");
}

} // namespace
} // namespace fanout

namespace fanout {
namespace {

TEST(GraphExport, CsvFieldsAreQuotedOnlyWhenNeeded) {
    EXPECT_EQ(csvField("plain"), "plain");
    EXPECT_EQ(csvField("a,\"b\"\nc"), "\"a,\"\"b\"\"\nc\"");
}

TEST(GraphExport, ModuleLevelDotStylesEdgesByKind) {
    testing::TempDir tmp;
    const auto root = fs::canonical(tmp.path()) / "demo";
    writeDemoProject(root, 20); // 21 re-exports: a barrel
    const Scanned s(testing::scanProject(root.string()));
    std::ostringstream out;
    writeDot(out, *s.result, s.analysis, DotLevel::Module);
    const auto dot = out.str();
    EXPECT_NE(dot.find("[style=dashed]"), std::string::npos); // dynamicIconImports' import()
    EXPECT_NE(dot.find("[style=bold]"), std::string::npos);   // the barrel's re-exports
    EXPECT_NE(dot.find("shape=box"), std::string::npos);      // a barrel
}

} // namespace
} // namespace fanout
