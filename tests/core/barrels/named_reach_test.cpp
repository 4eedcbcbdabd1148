// SPDX-License-Identifier: GPL-3.0-or-later
// Named reach: following imported names through re-exports to the modules that define them.
#include "barrels/barrel_fixture.h"

namespace fanout {
namespace {

using Strings = std::vector<std::string>;
using testing::BarrelProject;

constexpr const char* kPure = R"("sideEffects": false)";

TEST(NamedReach, RenamesAndDefaultReExportsLeadToTheDefiningModules) {
    BarrelProject p;
    p.package("icons", kPure);
    p.file("node_modules/icons/index.js", "export { default as Camera } from './camera.js';\n"
                                          "export { default as Heart } from './heart.js';\n"
                                          "export { bee as Bee, wasp } from './insects.js';\n");
    p.file("node_modules/icons/camera.js",
           "import create from './create.js';\nexport default create('camera');\n");
    p.file("node_modules/icons/heart.js", "export default 'heart';\n");
    p.file("node_modules/icons/insects.js", "export const bee = 1;\nexport const wasp = 2;\n");
    p.file("node_modules/icons/create.js", "export default (name) => name;\n");
    p.file("src/main.js", "import { Camera, Bee as B } from 'icons';\nconsole.log(Camera, B);\n");
    p.scan();
    const auto reach = p.needs("src/main.js", "icons");
    EXPECT_EQ(p.paths(reach.needed),
              (Strings{"node_modules/icons/camera.js", "node_modules/icons/create.js",
                       "node_modules/icons/insects.js"}));
    EXPECT_TRUE(reach.fallbacks.empty());
    ASSERT_EQ(reach.traces.size(), 2u);
    EXPECT_TRUE(reach.traces[0].traced);
    EXPECT_EQ(p.paths(reach.traces[0].chain),
              (Strings{"node_modules/icons/index.js", "node_modules/icons/camera.js"}));
    EXPECT_EQ(p.result->name(reach.traces[0].definedAs), "default");
    EXPECT_EQ(p.result->name(reach.traces[1].definedAs), "bee");
}

TEST(NamedReach, StarFanInFindsTheNameInTheThirdOfFiveStars) {
    BarrelProject p;
    p.package("fns", kPure);
    std::string index;
    for (int i = 1; i <= 5; ++i) {
        index += "export * from './m" + std::to_string(i) + ".js';\n";
        p.file("node_modules/fns/m" + std::to_string(i) + ".js",
               "export function f" + std::to_string(i) + "() {}\n");
    }
    p.file("node_modules/fns/index.js", index);
    p.file("src/main.js", "import { f3 } from 'fns';\n");
    p.scan();
    const auto reach = p.needs("src/main.js", "fns");
    EXPECT_EQ(p.paths(reach.needed), (Strings{"node_modules/fns/m3.js"}));
    EXPECT_EQ(p.paths(reach.traces.at(0).chain),
              (Strings{"node_modules/fns/index.js", "node_modules/fns/m3.js"}));
}

TEST(NamedReach, NamespaceReExportTakesThatWholeModule) {
    BarrelProject p;
    p.package("kit", kPure);
    p.file("node_modules/kit/index.js",
           "export * as utils from './utils/index.js';\nexport { x } from './x.js';\n");
    p.file("node_modules/kit/utils/index.js",
           "export { a } from './a.js';\nexport { b } from './b.js';\n");
    p.file("node_modules/kit/utils/a.js", "export const a = 1;\n");
    p.file("node_modules/kit/utils/b.js", "export const b = 1;\n");
    p.file("node_modules/kit/x.js", "export const x = 1;\n");
    p.file("src/main.js", "import { utils } from 'kit';\n");
    p.scan();
    const auto reach = p.needs("src/main.js", "kit");
    EXPECT_EQ(p.paths(reach.needed),
              (Strings{"node_modules/kit/utils/a.js", "node_modules/kit/utils/b.js",
                       "node_modules/kit/utils/index.js"}));
    EXPECT_TRUE(reach.traces.at(0).namespaceOf);
}

TEST(NamedReach, CyclesBetweenBarrelsEnd) {
    BarrelProject p;
    p.package("loop", kPure);
    p.file("node_modules/loop/index.js",
           "export * from './other.js';\nexport { x } from './x.js';\n");
    p.file("node_modules/loop/other.js",
           "export * from './index.js';\nexport { y } from './y.js';\n");
    p.file("node_modules/loop/x.js", "export const x = 1;\n");
    p.file("node_modules/loop/y.js", "export const y = 1;\n");
    p.file("src/main.js", "import { y, missing } from 'loop';\n");
    p.scan();
    const auto reach = p.needs("src/main.js", "loop");
    // y is found through the cycle; `missing` is nowhere, so the barrel is taken whole.
    EXPECT_TRUE(reach.traces.at(0).traced);
    EXPECT_FALSE(reach.traces.at(1).traced);
    ASSERT_EQ(reach.fallbacks.size(), 1u);
    EXPECT_EQ(reach.fallbacks[0], "'missing' is not exported by node_modules/loop/index.js");
    EXPECT_EQ(p.paths(reach.needed),
              (Strings{"node_modules/loop/index.js", "node_modules/loop/other.js",
                       "node_modules/loop/x.js", "node_modules/loop/y.js"}));
}

TEST(NamedReach, ANameTwoStarsDefineDifferentlyIsAmbiguous) {
    BarrelProject p;
    p.package("amb", kPure);
    p.file("node_modules/amb/index.js",
           "export * from './a.js';\nexport * from './b.js';\nexport * from './c.js';\n");
    p.file("node_modules/amb/a.js", "export const dup = 1;\n");
    p.file("node_modules/amb/b.js", "export const dup = 2;\n");
    // c.js passes on a.js's dup again: the same definition twice is not ambiguous.
    p.file("node_modules/amb/c.js", "export { dup as same } from './a.js';\nexport const c = 1;\n");
    p.file("src/main.js", "import { dup } from 'amb';\nimport { c } from 'amb';\n");
    p.scan();
    const auto ambiguous = p.needs("src/main.js", "amb");
    EXPECT_EQ(
        ambiguous.fallbacks,
        (Strings{"'dup' is ambiguous: two export * of node_modules/amb/index.js provide it"}));
    EXPECT_EQ(ambiguous.needed.size(), 4u); // the whole barrel
}

TEST(NamedReach, TypeOnlyNamesAreNeverFollowed) {
    BarrelProject p;
    p.package("types", kPure);
    p.file("node_modules/types/index.js",
           "export { T } from './t.js';\nexport { v } from './v.js';\n");
    p.file("node_modules/types/t.js", "export const T = 1;\n");
    p.file("node_modules/types/v.js", "export const v = 1;\n");
    p.file("src/main.js", "import { type T, v } from 'types';\n");
    p.file("src/other.js", "import type { T } from 'types';\n");
    p.scan();
    const auto reach = p.needs("src/main.js", "types");
    EXPECT_EQ(p.paths(reach.needed), (Strings{"node_modules/types/v.js"}));
    EXPECT_EQ(reach.traces.size(), 1u);
}

TEST(NamedReach, SideEffectsListKeepsTheModulesItNames) {
    BarrelProject p;
    p.package("ui", R"("sideEffects": ["*.css", "./setup.js"])");
    p.file("node_modules/ui/index.js",
           "export { Button } from './button.js';\nexport { Card } from './card.js';\n");
    p.file("node_modules/ui/button.js",
           "import './button.css';\nimport './setup.js';\nimport './helper.js';\n"
           "export const Button = 1;\n");
    p.file("node_modules/ui/button.css", ".b {}\n");
    p.file("node_modules/ui/setup.js", "globalThis.x = 1;\n");
    p.file("node_modules/ui/helper.js", "export const unused = 1;\n");
    p.file("node_modules/ui/card.js", "export const Card = 1;\n");
    p.file("src/main.js", "import { Button } from 'ui';\n");
    p.scan();
    const auto reach = p.needs("src/main.js", "ui");
    EXPECT_EQ(p.paths(reach.needed),
              (Strings{"node_modules/ui/button.css", "node_modules/ui/button.js",
                       "node_modules/ui/setup.js"}));
}

TEST(NamedReach, APackageThatMayHaveSideEffectsIsNeededWhenImportedAtAll) {
    BarrelProject p;
    p.package("impure"); // no sideEffects field
    p.file("node_modules/impure/index.js",
           "export { a } from './a.js';\nexport { b } from './b.js';\n");
    p.file("node_modules/impure/a.js", "export const a = 1;\n");
    p.file("node_modules/impure/b.js", "export const b = 1;\n");
    p.file("src/main.js", "import { a } from 'impure';\n");
    p.scan();
    const auto reach = p.needs("src/main.js", "impure");
    EXPECT_EQ(reach.needed.size(), 3u);
    EXPECT_TRUE(reach.fallbacks.empty()); // traced; kept for its side effects
}

TEST(NamedReach, NamespaceDynamicAndRequireFallBackToTheWholeModule) {
    BarrelProject p;
    p.package("lib", kPure);
    p.file("node_modules/lib/index.js",
           "export { a } from './a.js';\nexport { b } from './b.js';\n");
    p.file("node_modules/lib/a.js", "export const a = 1;\n");
    p.file("node_modules/lib/b.js", "export const b = 1;\n");
    p.file("src/main.js", "import * as lib from 'lib';\nimport('./lazy.js');\n");
    p.file("src/lazy.js", "const l = require('lib');\n");
    p.scan();
    const auto ns = p.needs("src/main.js", "lib");
    EXPECT_EQ(ns.fallbacks, (Strings{"namespace import"}));
    EXPECT_EQ(ns.needed.size(), 3u);
    EXPECT_EQ(p.needs("src/main.js", "./lazy.js").fallbacks, (Strings{"dynamic import()"}));
    EXPECT_EQ(p.needs("src/lazy.js", "lib").fallbacks, (Strings{"require()"}));
}

TEST(NamedReach, CommonJsModulesAreTakenWhole) {
    BarrelProject p;
    p.package("cjs", kPure);
    p.file("node_modules/cjs/index.js",
           "exports.a = require('./a.js');\nexports.b = require('./b.js');\n");
    p.file("node_modules/cjs/a.js", "module.exports = 1;\n");
    p.file("node_modules/cjs/b.js", "module.exports = 2;\n");
    p.file("src/main.js", "import { a } from 'cjs';\n");
    p.scan();
    const auto reach = p.needs("src/main.js", "cjs");
    EXPECT_EQ(reach.fallbacks, (Strings{"CommonJS module node_modules/cjs/index.js"}));
    EXPECT_EQ(reach.needed.size(), 3u);
}

TEST(NamedReach, ImportedBindingsPassedOnAndWhatTheDefinerImportsByName) {
    BarrelProject p;
    p.package("pass", kPure);
    p.file("node_modules/pass/index.js",
           "import { impl as x } from './impl.js';\nimport other from './other.js';\n"
           "export { x, other };\n");
    p.file("node_modules/pass/impl.js",
           "import { used } from './deps.js';\nexport const impl = used;\n");
    p.file("node_modules/pass/deps.js",
           "export { used } from './used.js';\nexport { unused } from './unused.js';\n");
    p.file("node_modules/pass/used.js", "export const used = 1;\n");
    p.file("node_modules/pass/unused.js", "export const unused = 1;\n");
    p.file("node_modules/pass/other.js", "export default 1;\n");
    p.file("src/main.js", "import { x } from 'pass';\n");
    p.scan();
    const auto reach = p.needs("src/main.js", "pass");
    EXPECT_EQ(p.paths(reach.needed),
              (Strings{"node_modules/pass/impl.js", "node_modules/pass/used.js"}));
}

} // namespace
} // namespace fanout
