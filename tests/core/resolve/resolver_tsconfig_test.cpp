// SPDX-License-Identifier: GPL-3.0-or-later
#include "resolve/resolve_helpers.h"

#include <gtest/gtest.h>

namespace fanout {
namespace {

using testing::FixtureResolver;

ResolverConfig withTsconfig(const std::string& file = "tsconfig.json") {
    ResolverConfig config;
    config.tsconfig = testing::fixturePath(file);
    return config;
}

TEST(ResolverTsconfig, PathsExactKeyBeatsWildcards) {
    const FixtureResolver resolve(withTsconfig());
    EXPECT_EQ(resolve.where("src/index.ts", "@exact"), "src/exact.ts");
    EXPECT_EQ(resolve.where("src/index.ts", "@/lib/util"), "src/lib/util.ts");
}

TEST(ResolverTsconfig, SubstitutionsAreTriedInOrder) {
    const FixtureResolver resolve(withTsconfig());
    EXPECT_EQ(resolve.where("src/index.ts", "@lib/util"), "src/lib/util.ts");
}

TEST(ResolverTsconfig, BaseUrlThenNodeModules) {
    const FixtureResolver resolve(withTsconfig());
    EXPECT_EQ(resolve.where("src/index.ts", "src/exact"), "src/exact.ts");
    EXPECT_EQ(resolve.where("src/index.ts", "dep-a"), "node_modules/dep-a/index.js");
}

TEST(ResolverTsconfig, MatchedButMissingSaysSo) {
    const auto result = FixtureResolver(withTsconfig())("src/index.ts", "@gone/thing");
    EXPECT_EQ(result.kind, ResolutionKind::Unresolved);
    EXPECT_NE(result.reason.find("tsconfig paths pattern \"@gone/*\" matched but no file exists"),
              std::string::npos)
        << result.reason;
}

TEST(ResolverTsconfig, NotAppliedToFilesInNodeModules) {
    const FixtureResolver resolve(withTsconfig());
    EXPECT_NE(resolve.where("node_modules/dep-a/index.js", "@lib/util").find("not installed"),
              std::string::npos);
}

TEST(ResolverTsconfig, ExtendsChainAndJsoncLoadWithoutDiagnostics) {
    const FixtureResolver resolve(withTsconfig());
    EXPECT_EQ(resolve.where("src/index.ts", "@exact"), "src/exact.ts");
    EXPECT_TRUE(resolve.cache->diagnostics().empty());
    // The child's paths replace the base's: "@base/*" is gone.
    EXPECT_NE(resolve.where("src/index.ts", "@base/x").find("not installed"), std::string::npos);
}

TEST(ResolverTsconfig, WithoutTsconfigPathsAreBareSpecifiers) {
    EXPECT_NE(FixtureResolver().where("src/index.ts", "@lib/util").find("not installed"),
              std::string::npos);
}

} // namespace
} // namespace fanout
