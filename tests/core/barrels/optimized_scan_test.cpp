// SPDX-License-Identifier: GPL-3.0-or-later
// The optimized graph: through optimized barrels the scan walks only what the names need.
#include "barrels/barrel_fixture.h"

namespace fanout {
namespace {

using Strings = std::vector<std::string>;
using testing::BarrelProject;

// A barrel of 12 icons, each "use client" and importing a shared helper.
void icons(BarrelProject& p, const std::string& fields) {
    p.package("icons", fields);
    std::string barrel;
    for (int i = 0; i < 12; ++i) {
        const auto name = std::to_string(i);
        barrel += "export { default as Icon" + name + " } from './icon" + name + ".js';\n";
        p.file("node_modules/icons/icon" + name + ".js",
               "'use client';\nimport make from './make.js';\nexport default make(" + name +
                   ");\n");
    }
    p.file("node_modules/icons/make.js", "export default (n) => n;\n");
    p.file("node_modules/icons/index.js", barrel);
}

Strings modulePaths(const ScanResult& result) {
    Strings out;
    for (const auto& module : result.modules) {
        out.push_back(displayPath(module.path, result.config.root));
    }
    return out;
}

TEST(OptimizedScan, ASideEffectFreeBarrelIsWalkedByNameAndTheRestNeverRead) {
    BarrelProject p;
    icons(p, R"("sideEffects": false)");
    p.file("src/main.js", "import { Icon2, Icon5 } from 'icons';\n");
    const auto& plain = p.scan();
    EXPECT_EQ(plain.modules.size(), 15u);
    EXPECT_EQ(plain.clientModules.size(), 12u);

    ScanOverrides overrides;
    overrides.optimizeBarrels = true;
    const auto& optimized = p.scan(overrides);
    EXPECT_EQ(
        modulePaths(optimized),
        (Strings{"node_modules/icons/icon2.js", "node_modules/icons/icon5.js",
                 "node_modules/icons/index.js", "node_modules/icons/make.js", "src/main.js"}));
    EXPECT_EQ(optimized.stats.filesRead, 5u); // the other ten icons are never read
    EXPECT_EQ(optimized.clientModules.size(), 2u);
    // The barrel keeps the two re-exports that were followed, and the names trace through it.
    std::size_t barrelEdges = 0;
    for (const auto& edge : optimized.edges) {
        barrelEdges += displayPath(optimized.module(edge.importer).path, optimized.config.root) ==
                       "node_modules/icons/index.js";
    }
    EXPECT_EQ(barrelEdges, 2u);
    EXPECT_EQ(p.needs("src/main.js", "icons").needed.size(), 3u);
}

TEST(OptimizedScan, OptimizePackageIgnoresSideEffectsAndOptimizeBarrelsRespectsThem) {
    BarrelProject p;
    icons(p, ""); // may have side effects
    p.file("src/main.js", "import { Icon2 } from 'icons';\n");
    ScanOverrides barrels;
    barrels.optimizeBarrels = true;
    EXPECT_EQ(p.scan(barrels).modules.size(), 15u);
    ScanOverrides package;
    package.optimizePackages = {"icons"};
    EXPECT_EQ(p.scan(package).modules.size(), 4u);
}

TEST(OptimizedScan, StarsAreProbedAndOnlyTheProviderBecomesAModule) {
    BarrelProject p;
    p.package("fns", R"("sideEffects": false)");
    std::string index;
    for (int i = 0; i < 12; ++i) {
        const auto name = std::to_string(i);
        index += "export * from './f" + name + ".js';\n";
        p.file("node_modules/fns/f" + name + ".js",
               "import { helper } from './helper.js';\nexport function f" + name +
                   "() { return helper; }\n");
    }
    p.file("node_modules/fns/helper.js", "export const helper = 1;\n");
    p.file("node_modules/fns/index.js", index);
    p.file("src/main.js", "import { f7 } from 'fns';\n");
    ScanOverrides overrides;
    overrides.optimizeBarrels = true;
    const auto& optimized = p.scan(overrides);
    EXPECT_EQ(modulePaths(optimized),
              (Strings{"node_modules/fns/f7.js", "node_modules/fns/helper.js",
                       "node_modules/fns/index.js", "src/main.js"}));
    // Each star target is read once to learn what it exports.
    EXPECT_EQ(optimized.stats.filesRead, 15u);
}

TEST(OptimizedScan, NamespaceImportsAndMissingNamesTakeTheWholeBarrel) {
    BarrelProject p;
    icons(p, R"("sideEffects": false)");
    p.file("src/main.js", "import * as all from 'icons';\n");
    ScanOverrides overrides;
    overrides.optimizeBarrels = true;
    EXPECT_EQ(p.scan(overrides).modules.size(), 15u);
    p.file("src/main.js", "import { Missing } from 'icons';\n");
    EXPECT_EQ(p.scan(overrides).modules.size(), 15u);
}

TEST(OptimizedScan, FromFanoutJson) {
    BarrelProject p;
    icons(p, "");
    p.file("src/main.js", "import { Icon2 } from 'icons';\n");
    p.file("fanout.json", R"({"optimizePackages": ["icons"]})");
    EXPECT_EQ(p.scan().modules.size(), 4u);
    p.file("fanout.json", R"({"optimizeBarrels": "yes"})");
    EXPECT_THROW(p.scan(), ConfigError);
}

} // namespace
} // namespace fanout
