// SPDX-License-Identifier: GPL-3.0-or-later
#include "resolve/resolve_helpers.h"

#include <gtest/gtest.h>

namespace fanout {
namespace {

using testing::FixtureResolver;

ResolverConfig withAliases(std::vector<AliasRule> aliases) {
    ResolverConfig config;
    config.alias = std::move(aliases);
    return config;
}

TEST(ResolverAlias, ExactStringAlsoMatchesItsSubpaths) {
    const FixtureResolver resolve(withAliases({{"~", testing::fixturePath("src")}}));
    EXPECT_EQ(resolve.where("src/dir/index.ts", "~"), "src/index.ts");
    EXPECT_EQ(resolve.where("src/dir/index.ts", "~/lib/util"), "src/lib/util.ts");
    EXPECT_NE(resolve.where("src/dir/index.ts", "~x").find("not installed"), std::string::npos);
}

TEST(ResolverAlias, PrefixEndingInSlash) {
    const FixtureResolver resolve(withAliases({{"@app/", testing::fixturePath("src") + "/"}}));
    EXPECT_EQ(resolve.where("src/index.ts", "@app/exact"), "src/exact.ts");
}

TEST(ResolverAlias, RegularExpressionWithCaptureGroups) {
    const FixtureResolver resolve(
        withAliases({{"^legacy-(.*)$", "exp/$1", true}, {"^react$", "sugar", true}}));
    EXPECT_EQ(resolve.where("src/index.ts", "legacy-feature"), "node_modules/exp/feature.js");
    EXPECT_EQ(resolve.where("src/index.ts", "react"), "node_modules/sugar/main.js");
}

TEST(ResolverAlias, FirstMatchingRuleWinsAndAliasesApplyOnce) {
    const FixtureResolver resolve(withAliases({{"a", "b"}, {"b", "sugar"}, {"sugar", "a"}}));
    EXPECT_NE(resolve.where("src/index.ts", "a").find("package \"b\""), std::string::npos);
    EXPECT_EQ(resolve.where("src/index.ts", "b"), "node_modules/sugar/main.js");
}

TEST(ResolverAlias, InvalidRegularExpressionIsSkipped) {
    const FixtureResolver resolve(withAliases({{"([", "x", true}}));
    EXPECT_EQ(resolve.where("src/index.ts", "sugar"), "node_modules/sugar/main.js");
}

} // namespace
} // namespace fanout
