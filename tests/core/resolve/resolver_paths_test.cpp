// SPDX-License-Identifier: GPL-3.0-or-later
#include "resolve/resolve_helpers.h"

#include <gtest/gtest.h>

namespace fanout {
namespace {

using testing::FixtureResolver;

const std::string kFrom = "src/index.ts";

TEST(ResolverPaths, ExactFileThenExtensionsInOrder) {
    const FixtureResolver resolve;
    EXPECT_EQ(resolve.where(kFrom, "./both.ts"), "src/both.ts");
    EXPECT_EQ(resolve.where(kFrom, "./both"), "src/both.js"); // .js comes before .ts
    EXPECT_EQ(resolve.where(kFrom, "./only-ts"), "src/only-ts.ts");
    EXPECT_EQ(resolve.where(kFrom, "./comp"), "src/comp.tsx");
    EXPECT_EQ(resolve.where(kFrom, "./mod"), "src/mod.mts");
    EXPECT_EQ(resolve.where("src/dir/index.ts", "../index"), "src/index.ts");
    EXPECT_EQ(resolve.where(kFrom, testing::fixturePath("src/exact.ts")), "src/exact.ts");
}

TEST(ResolverPaths, ExtensionOrderIsConfigurable) {
    ResolverConfig config;
    config.extensions = {".ts", ".js"};
    const FixtureResolver resolve(config);
    EXPECT_EQ(resolve.where(kFrom, "./both"), "src/both.ts");
}

TEST(ResolverPaths, ExtensionAliasLetsJsNameATypeScriptFileButTheRealFileWins) {
    const FixtureResolver resolve;
    EXPECT_EQ(resolve.where(kFrom, "./only-ts.js"), "src/only-ts.ts");
    EXPECT_EQ(resolve.where(kFrom, "./comp.js"), "src/comp.tsx");
    EXPECT_EQ(resolve.where(kFrom, "./mod.mjs"), "src/mod.mts");
    EXPECT_EQ(resolve.where(kFrom, "./real.js"), "src/real.js");
}

TEST(ResolverPaths, DirectoriesUseTheirPackageJsonThenIndex) {
    const FixtureResolver resolve;
    EXPECT_EQ(resolve.where(kFrom, "./dir"), "src/dir/index.ts");
    EXPECT_EQ(resolve.where(kFrom, "./withpkg"), "src/withpkg/lib/entry.js");
    EXPECT_EQ(resolve.where("src/dir/index.ts", ".."), "src/index.ts");
}

TEST(ResolverPaths, NonScriptTargetsAreLeafAssets) {
    const FixtureResolver resolve;
    for (const char* specifier : {"./styles.css", "./logo.svg", "./data.json", "./data"}) {
        const auto result = resolve(kFrom, specifier);
        EXPECT_EQ(result.kind, ResolutionKind::File) << specifier;
        EXPECT_TRUE(result.asset) << specifier;
    }
    EXPECT_FALSE(resolve(kFrom, "./index").asset);
}

TEST(ResolverPaths, QueriesAreCutAndAssetQueriesMakeAssets) {
    const FixtureResolver resolve;
    const auto raw = resolve(kFrom, "./exact.ts?raw");
    EXPECT_EQ(raw.kind, ResolutionKind::File);
    EXPECT_EQ(raw.path, testing::fixturePath("src/exact.ts"));
    EXPECT_EQ(raw.query, "?raw");
    EXPECT_TRUE(raw.asset);
    EXPECT_TRUE(resolve(kFrom, "./exact.ts?worker&url").asset);
    const auto other = resolve(kFrom, "./exact.ts?v=123");
    EXPECT_EQ(other.query, "?v=123");
    EXPECT_FALSE(other.asset);
}

TEST(ResolverPaths, MissingFileSaysWhatWasLookedFor) {
    const FixtureResolver resolve;
    const auto result = resolve(kFrom, "./nope");
    EXPECT_EQ(result.kind, ResolutionKind::Unresolved);
    EXPECT_EQ(result.reason, "no file or folder matches " + testing::fixturePath("src/nope"));
    EXPECT_TRUE(result.caseVariantOf.empty());
    EXPECT_EQ(resolve(kFrom, "").reason, "empty specifier");
}

TEST(ResolverPaths, WrongLetterCaseIsUnresolvedButNamesTheFile) {
    const FixtureResolver resolve;
    const auto result = resolve(kFrom, "./button");
    EXPECT_EQ(result.kind, ResolutionKind::Unresolved);
    EXPECT_EQ(result.caseVariantOf, testing::fixturePath("src/Button.tsx"));
    EXPECT_NE(result.reason.find("differs only in letter case"), std::string::npos);
    EXPECT_EQ(resolve(kFrom, "./SRC/../button").caseVariantOf.empty(), false);
    EXPECT_EQ(resolve(kFrom, "../SRC/Button").caseVariantOf,
              testing::fixturePath("src/Button.tsx"));
}

TEST(ResolverPaths, ExplainListsEveryStep) {
    const FixtureResolver resolve;
    std::vector<std::string> trace;
    resolve.resolver.resolve(testing::fixturePath(kFrom), "./only-ts.js", ImportKind::Import,
                             &trace);
    ASSERT_GE(trace.size(), 3u);
    EXPECT_NE(trace.front().find("resolve \"./only-ts.js\""), std::string::npos);
    EXPECT_NE(trace.back().find("resolved: "), std::string::npos);
    bool triedJs = false;
    for (const auto& line : trace) {
        triedJs = triedJs || line.find("only-ts.js: no") != std::string::npos;
    }
    EXPECT_TRUE(triedJs);
}

} // namespace
} // namespace fanout

namespace fanout {
namespace {

TEST(ResolverLetterCase, OnACaseInsensitiveFileSystemAWrongSpellingIsACaseVariantAlias) {
    ResolverConfig config;
    config.letterCase = LetterCase::Insensitive;
    const testing::FixtureResolver resolve(config);
    const auto result = resolve("src/index.ts", "./button");
    ASSERT_EQ(result.kind, ResolutionKind::File) << result.reason;
    EXPECT_EQ(result.path, testing::fixturePath("src/Button.tsx"));
    EXPECT_EQ(result.requestedPath, testing::fixturePath("src/button.tsx"));
    EXPECT_TRUE(result.caseVariant);
    const auto exact = resolve("src/index.ts", "./Button");
    EXPECT_EQ(exact.path, result.path);
    EXPECT_FALSE(exact.caseVariant);
    const auto folder = resolve("src/index.ts", "../SRC/exact");
    EXPECT_EQ(folder.path, testing::fixturePath("src/exact.ts"));
    EXPECT_TRUE(folder.caseVariant);
}

TEST(ResolverLetterCase, DetectedFromTheFileSystemHoldingTheImporter) {
    const bool insensitive =
        std::filesystem::exists(testing::fixturePath("src/BUTTON.tsx")); // an independent probe
    const auto result = testing::FixtureResolver()("src/index.ts", "./button");
    EXPECT_EQ(result.kind == ResolutionKind::File, insensitive);
    EXPECT_EQ(result.caseVariant, insensitive);
}

} // namespace
} // namespace fanout
