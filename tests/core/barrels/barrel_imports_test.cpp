// SPDX-License-Identifier: GPL-3.0-or-later
// The barrel imports report: needed against walked, fallbacks and suggestions.
#include "fanout/barrels/barrel_imports.h"
#include "fanout/output/graph_export.h"
#include "fanout/output/report_text.h"
#include "fanout/output/scan_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>

#include "barrels/barrel_fixture.h"

namespace fanout {
namespace {

using testing::BarrelProject;

// An icon barrel of `icons` modules (a barrel needs 10 re-exports), with the given package.json
// fields.
void iconPackage(BarrelProject& p, const std::string& fields, const std::string& dir = "dist/") {
    p.package("icons", fields);
    std::string barrel;
    for (int i = 0; i < 12; ++i) {
        const auto name = "icon" + std::to_string(i);
        barrel +=
            "export { default as Icon" + std::to_string(i) + " } from './" + dir + name + ".js';\n";
        p.file("node_modules/icons/" + dir + name + ".js",
               "import make from '../make.js';\nexport default make(" + std::to_string(i) + ");\n");
    }
    p.file("node_modules/icons/make.js", "export default (n) => n;\n");
    p.file("node_modules/icons/index.js", barrel);
}

std::vector<BarrelImport> rowsOf(const BarrelProject& p) {
    const ModuleGraph graph(*p.result);
    return barrelImports(*p.result, graph, analyze(*p.result, graph));
}

TEST(BarrelImports, NeededAgainstWalkedWithADirectSubpathTheExportsAllow) {
    BarrelProject p;
    iconPackage(p, R"("sideEffects": false, "exports": {".": "./index.js",
                      "./icons/*": {"import": "./dist/*.js"}})");
    p.file("src/main.js", "import { Icon3, Icon7 as Seven } from 'icons';\n");
    p.scan();
    const auto rows = rowsOf(p);
    ASSERT_EQ(rows.size(), 1u);
    const auto& row = rows[0];
    EXPECT_EQ(row.needed.modules, 3u);  // icon3, icon7, make
    EXPECT_EQ(row.walked.modules, 14u); // the barrel, 12 icons, make
    EXPECT_EQ(row.savedModules(), 11u);
    EXPECT_EQ(row.namesText(*p.result), "Icon3, Icon7");
    EXPECT_TRUE(row.fallbacks.empty());
    EXPECT_EQ(row.suggestion, "import Icon3 from \"icons/icons/icon3\"; "
                              "import Seven from \"icons/icons/icon7\"");
}

TEST(BarrelImports, NeverSuggestsAPathTheExportsForbid) {
    BarrelProject p;
    iconPackage(p, R"("sideEffects": false, "exports": {".": "./index.js"})");
    p.file("src/main.js", "import { Icon3 } from 'icons';\n");
    p.scan();
    const auto rows = rowsOf(p);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].suggestion, "add \"icons\" to optimizePackageImports (Next.js)");
}

TEST(BarrelImports, WithoutExportsAFilePathIsPublic) {
    BarrelProject p;
    iconPackage(p, R"("sideEffects": false)");
    p.file("src/main.js", "import { Icon3 } from 'icons';\n");
    p.scan();
    EXPECT_EQ(rowsOf(p).at(0).suggestion, "import Icon3 from \"icons/dist/icon3\"");
}

TEST(BarrelImports, TheProjectsOwnBarrelGetsRelativeDirectImports) {
    BarrelProject p;
    std::string barrel;
    for (int i = 0; i < 12; ++i) {
        barrel +=
            "export { Part" + std::to_string(i) + " } from './part" + std::to_string(i) + ".js';\n";
        p.file("src/parts/part" + std::to_string(i) + ".js",
               "export const Part" + std::to_string(i) + " = 1;\n");
    }
    p.file("src/parts/index.js", barrel);
    p.file("src/main.js", "import { Part1, Part2 } from './parts/index.js';\n");
    p.scan();
    const auto rows = rowsOf(p);
    ASSERT_EQ(rows.size(), 1u);
    // The project's package.json has no sideEffects: every module may have some, so all are
    // needed; importing the defining modules directly is what saves.
    EXPECT_EQ(rows[0].needed.modules, rows[0].walked.modules);
    EXPECT_EQ(rows[0].suggestion, "import { Part1 } from \"./parts/part1\"; "
                                  "import { Part2 } from \"./parts/part2\"");
}

TEST(BarrelImports, ImportsInsideTheBarrelsPackageAreNotRows) {
    BarrelProject p;
    iconPackage(p, R"("sideEffects": false)");
    p.file("node_modules/icons/extra.js",
           "import { Icon1 } from './index.js';\nexport default 1;\n");
    p.file("node_modules/icons/dist/icon0.js",
           "import extra from '../extra.js';\nexport default extra;\n");
    p.file("src/main.js", "import * as all from 'icons';\n");
    p.scan();
    const auto rows = rowsOf(p);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].fallbackText(), "namespace import");
    EXPECT_EQ(rows[0].namesText(*p.result), "*");
    EXPECT_EQ(rows[0].suggestion, "import the names used instead of the whole module");
}

} // namespace
} // namespace fanout

namespace fanout {
namespace {

// The icon barrel's package with src/main.js as given, scanned, its analysis and barrel imports.
struct ScannedRows {
    explicit ScannedRows(const std::string& main) {
        iconPackage(p, R"("sideEffects": false)");
        p.file("src/main.js", main);
        p.scan();
        graph.emplace(*p.result);
        analysis = analyze(*p.result, *graph);
        rows = barrelImports(*p.result, *graph, analysis);
    }
    // The scan JSON with the analysis and the rows.
    std::string json() const {
        JsonOptions options;
        options.analysis = &analysis;
        options.barrelImports = &rows;
        return scanToJson(*p.result, options);
    }

    testing::BarrelProject p;
    std::optional<ModuleGraph> graph;
    Analysis analysis;
    std::vector<BarrelImport> rows;
};

TEST(BarrelImports, InTheScanJsonAndTheCsv) {
    const ScannedRows scanned("import { Icon3 } from 'icons';\n");
    const auto& p = scanned.p;
    const auto& analysis = scanned.analysis;
    const auto& rows = scanned.rows;
    const auto json = nlohmann::json::parse(scanned.json());
    ASSERT_EQ(json["barrelImports"].size(), 1u);
    const auto& row = json["barrelImports"][0];
    EXPECT_EQ(row["importer"], "src/main.js");
    EXPECT_EQ(row["env"], "node");
    EXPECT_EQ(row["specifier"], "icons");
    EXPECT_EQ(row["names"], nlohmann::json::array({"Icon3"}));
    EXPECT_EQ(row["neededModules"], 2);
    EXPECT_EQ(row["walkedModules"], 14);
    EXPECT_TRUE(row["fallback"].is_null());
    EXPECT_EQ(row["suggestion"], "import Icon3 from \"icons/dist/icon3\"");
    EXPECT_GT(row["walkedBytes"].get<std::uint64_t>(), row["neededBytes"].get<std::uint64_t>());

    testing::TempDir out;
    ASSERT_EQ(writeCsv(out.path().string(), *p.result, analysis, rows), "");
    std::ifstream csv(out.path() / "barrel_imports.csv");
    std::string header;
    std::string line;
    std::getline(csv, header);
    std::getline(csv, line);
    EXPECT_EQ(header, "importer,env,specifier,barrel,names,needed_modules,needed_bytes,"
                      "walked_modules,walked_bytes,fallback,suggestion");
    EXPECT_EQ(line.substr(0, 58), "src/main.js,node,icons,node_modules/icons/index.js,Icon3,2");
}

// The rows are written value by value, not as documents: each line is byte for byte what
// nlohmann writes for the object it parses to, a fallback text and several names included.
TEST(BarrelImports, EachScanJsonRowIsWhatNlohmannWrites) {
    const ScannedRows scanned(
        "import * as all from 'icons';\nimport { Icon1, Icon2 } from 'icons';\n");
    ASSERT_EQ(scanned.rows.size(), 2u);
    const auto text = scanned.json();
    const auto begin = text.find("\"barrelImports\": [\n    ");
    ASSERT_NE(begin, std::string::npos);
    std::istringstream lines(text.substr(begin));
    std::string line;
    std::getline(lines, line); // the key
    std::vector<std::string> fallbacks;
    for (int i = 0; i < 2 && std::getline(lines, line); ++i) {
        line = line.substr(4, line.size() - 4 - (line.back() == ',' ? 1 : 0));
        const auto row = nlohmann::ordered_json::parse(line);
        EXPECT_EQ(row.dump(), line);
        fallbacks.push_back(row["fallback"].is_null() ? "null"
                                                      : row["fallback"].get<std::string>());
        EXPECT_EQ(row["barrel"], "node_modules/icons/index.js");
    }
    std::sort(fallbacks.begin(), fallbacks.end());
    EXPECT_EQ(fallbacks, (std::vector<std::string>{"namespace import", "null"}));
}

} // namespace
} // namespace fanout

namespace fanout {
namespace {

TEST(BarrelImports, WhyShowsTheNamedChainOrThatTheModuleIsOnlyWalked) {
    testing::BarrelProject p;
    iconPackage(p, R"("sideEffects": false)");
    p.file("src/main.js", "import { Icon3 } from 'icons';\n");
    p.scan();
    const ModuleGraph graph(*p.result);
    const auto find = [&](const std::string& path) {
        for (std::uint32_t i = 0; i < p.result->modules.size(); ++i) {
            if (displayPath(p.result->modules[i].path, p.result->config.root) == path) {
                return ModuleId{i};
            }
        }
        return ModuleId{};
    };
    const auto why = [&](const std::string& path) {
        return formatChain(*p.result, whyReached(graph, find(path)));
    };
    EXPECT_NE(why("node_modules/icons/dist/icon3.js")
                  .find("name Icon3 -> node_modules/icons/index.js -> "
                        "node_modules/icons/dist/icon3.js\n"),
              std::string::npos);
    EXPECT_NE(why("node_modules/icons/dist/icon4.js")
                  .find("no imported name {Icon3} needs it: walked, not needed"),
              std::string::npos);
}

} // namespace
} // namespace fanout
