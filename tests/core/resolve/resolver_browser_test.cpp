// SPDX-License-Identifier: GPL-3.0-or-later
#include "resolve/resolve_helpers.h"

#include <gtest/gtest.h>

namespace fanout {
namespace {

using testing::FixtureResolver;

ResolverConfig browser() {
    ResolverConfig config;
    config.conditions = {"browser"};
    config.mainFields = {"browser", "module", "main"};
    config.browserField = true;
    return config;
}

TEST(ResolverBrowserField, StringFormIsAMainField) {
    EXPECT_EQ(FixtureResolver(browser()).where("src/index.ts", "browserpkg"),
              "node_modules/browserpkg/browser.js");
    EXPECT_EQ(FixtureResolver().where("src/index.ts", "browserpkg"),
              "node_modules/browserpkg/node.js");
}

TEST(ResolverBrowserField, ObjectFormRemapsFilesOfThePackage) {
    const FixtureResolver resolve(browser());
    EXPECT_EQ(resolve.where("src/index.ts", "browsermap"),
              "node_modules/browsermap/index.browser.js");
    const auto ignored = resolve("src/index.ts", "browsermap/lib/node-only");
    EXPECT_EQ(ignored.kind, ResolutionKind::Ignored);
    EXPECT_NE(ignored.reason.find("mapped to false"), std::string::npos);
    // In the project's own package.json too.
    EXPECT_EQ(resolve.where("src/index.ts", "./server-only.js"), "src/browser-shim.js");
    EXPECT_EQ(resolve("src/index.ts", "./gone").kind, ResolutionKind::Ignored);
}

TEST(ResolverBrowserField, ObjectFormRemapsModulesImportedByThePackage) {
    const FixtureResolver resolve(browser());
    const std::string from = "node_modules/browsermap/index.js";
    EXPECT_EQ(resolve.where(from, "crypto"), "node_modules/browsermap/lib/crypto-shim.js");
    EXPECT_EQ(resolve(from, "os").kind, ResolutionKind::Ignored);
    EXPECT_EQ(resolve("src/index.ts", "fs").kind, ResolutionKind::Ignored);
    EXPECT_EQ(resolve.where("src/index.ts", "util"), "src/util-shim.js");
}

TEST(ResolverBrowserField, IgnoredWithoutTheOption) {
    const FixtureResolver resolve;
    EXPECT_EQ(resolve.where("node_modules/browsermap/index.js", "os"), "builtin:os");
    EXPECT_EQ(resolve.where("src/index.ts", "./server-only.js"), "src/server-only.js");
}

} // namespace
} // namespace fanout
