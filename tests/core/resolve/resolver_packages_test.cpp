// SPDX-License-Identifier: GPL-3.0-or-later
#include "resolve/resolve_helpers.h"

#include <gtest/gtest.h>

namespace fanout {
namespace {

using testing::FixtureResolver;

const std::string kFrom = "src/index.ts";

ResolverConfig withConditions(std::vector<std::string> conditions) {
    ResolverConfig config;
    config.conditions = std::move(conditions);
    return config;
}

TEST(ResolverPackages, ExportsPickImportOrRequireByEdgeKind) {
    const FixtureResolver resolve;
    EXPECT_EQ(resolve.where(kFrom, "exp"), "node_modules/exp/esm/index.mjs");
    EXPECT_EQ(resolve.where(kFrom, "exp", ImportKind::Export), "node_modules/exp/esm/index.mjs");
    EXPECT_EQ(resolve.where(kFrom, "exp", ImportKind::DynamicImport),
              "node_modules/exp/esm/index.mjs");
    EXPECT_EQ(resolve.where(kFrom, "exp", ImportKind::Require), "node_modules/exp/cjs/index.cjs");
}

TEST(ResolverPackages, NestedConditionsFollowObjectKeyOrder) {
    EXPECT_EQ(FixtureResolver().where(kFrom, "exp/feature"), "node_modules/exp/feature.js");
    EXPECT_EQ(FixtureResolver(withConditions({"worker"})).where(kFrom, "exp/feature"),
              "node_modules/exp/feature-worker.mjs");
    EXPECT_EQ(FixtureResolver(withConditions({"worker"}))
                  .where(kFrom, "exp/feature", ImportKind::Require),
              "node_modules/exp/feature-worker.cjs");
    // "browser" comes before "worker" in the package's object, so it wins when both are active,
    // whatever the order of the environment's list.
    EXPECT_EQ(FixtureResolver(withConditions({"worker", "browser"})).where(kFrom, "exp/feature"),
              "node_modules/exp/feature-browser.js");
}

TEST(ResolverPackages, SubpathPatternsUseTheLongestPrefixAndNullExcludes) {
    const FixtureResolver resolve;
    EXPECT_EQ(resolve.where(kFrom, "exp/utils/format"), "node_modules/exp/lib/utils/format.js");
    EXPECT_EQ(resolve.where(kFrom, "exp/utils/deep/nested"),
              "node_modules/exp/lib/utils/deep/nested.js");
    EXPECT_EQ(resolve.where(kFrom, "exp/icons/star.svg"), "node_modules/exp/assets/star.svg");
    const auto excluded = resolve(kFrom, "exp/utils/private/secret");
    EXPECT_EQ(excluded.kind, ResolutionKind::Unresolved);
    EXPECT_NE(excluded.reason.find("excluded by a null target (\"./utils/private/*\")"),
              std::string::npos)
        << excluded.reason;
}

TEST(ResolverPackages, UnexportedSubpathsAreUnresolvedEvenIfTheFileExists) {
    const auto result = FixtureResolver()(kFrom, "exp/unexported.js");
    EXPECT_EQ(result.kind, ResolutionKind::Unresolved);
    EXPECT_NE(result.reason.find("\"./unexported.js\" is not exported by package \"exp\""),
              std::string::npos)
        << result.reason;
}

TEST(ResolverPackages, ArraysTakeTheFirstValidTargetAndBadTargetsAreRejected) {
    const FixtureResolver resolve;
    EXPECT_EQ(resolve.where(kFrom, "exp/array"), "node_modules/exp/array.js");
    EXPECT_NE(resolve.where(kFrom, "exp/bad").find("does not start with \"./\""),
              std::string::npos);
    EXPECT_NE(resolve.where(kFrom, "exp/nm").find("\"node_modules\" segment"), std::string::npos);
    EXPECT_NE(resolve.where(kFrom, "exp/missing").find("does not exist"), std::string::npos);
    EXPECT_EQ(resolve.where(kFrom, "exp/package.json"), "node_modules/exp/package.json");
}

TEST(ResolverPackages, ExportsSugarForms) {
    const FixtureResolver resolve;
    EXPECT_EQ(resolve.where(kFrom, "sugar"), "node_modules/sugar/main.js");
    EXPECT_NE(resolve.where(kFrom, "sugar/main.js").find("not exported"), std::string::npos);
    EXPECT_EQ(resolve.where(kFrom, "condsugar"), "node_modules/condsugar/m.mjs");
    EXPECT_EQ(resolve.where(kFrom, "condsugar", ImportKind::Require),
              "node_modules/condsugar/d.js");
    EXPECT_NE(resolve.where(kFrom, "mixed").find("mixes subpath keys"), std::string::npos);
}

TEST(ResolverPackages, MainFieldsOnlyWithoutExportsInConfiguredOrder) {
    EXPECT_EQ(FixtureResolver().where(kFrom, "legacy"), "node_modules/legacy/es/index.js");
    ResolverConfig mainOnly;
    mainOnly.mainFields = {"main"};
    EXPECT_EQ(FixtureResolver(mainOnly).where(kFrom, "legacy"), "node_modules/legacy/lib/main.js");
    const FixtureResolver resolve;
    EXPECT_EQ(resolve.where(kFrom, "legacy/sub/file"), "node_modules/legacy/sub/file.js");
    EXPECT_EQ(resolve.where(kFrom, "legacy/sub/dir"), "node_modules/legacy/sub/dir/index.js");
    EXPECT_EQ(resolve.where(kFrom, "noentry"), "node_modules/noentry/index.js");
}

TEST(ResolverPackages, ScopedPackagesAndPackageIdentity) {
    const auto result = FixtureResolver()(kFrom, "@scope/pkg/sub");
    ASSERT_EQ(result.kind, ResolutionKind::File);
    EXPECT_EQ(result.path, testing::fixturePath("node_modules/@scope/pkg/sub.js"));
    ASSERT_TRUE(result.package);
    EXPECT_EQ(*result.package,
              (PackageIdentity{
                  "@scope/pkg", "3.1.4", testing::fixturePath("node_modules/@scope/pkg"), {}}));
    EXPECT_FALSE(FixtureResolver()(kFrom, "./index").package);
}

// One identity per package folder and cache, shared by every file resolved into it.
TEST(ResolverPackages, FilesOfOnePackageShareItsIdentity) {
    const FixtureResolver resolve;
    const auto main = resolve(kFrom, "@scope/pkg");
    const auto sub = resolve(kFrom, "@scope/pkg/sub");
    ASSERT_EQ(main.kind, ResolutionKind::File);
    ASSERT_EQ(sub.kind, ResolutionKind::File);
    ASSERT_NE(main.path, sub.path);
    ASSERT_TRUE(main.package && sub.package);
    EXPECT_EQ(main.package.get(), sub.package.get());
    EXPECT_EQ(resolve(kFrom, "legacy").package->name, "legacy");
}

TEST(ResolverPackages, NodeModulesAreSearchedUpFromTheImporter) {
    const FixtureResolver resolve;
    const std::string from = "node_modules/nested/lib/x.js";
    EXPECT_EQ(resolve.where(from, "inner"), "node_modules/nested/node_modules/inner/index.js");
    EXPECT_EQ(resolve.where(from, "dep-a"), "node_modules/dep-a/index.js");
    EXPECT_NE(resolve.where(kFrom, "inner").find("is not installed in any node_modules folder"),
              std::string::npos);
}

TEST(ResolverPackages, SelfReferenceGoesThroughTheOwnExports) {
    const FixtureResolver resolve;
    EXPECT_EQ(resolve.where("node_modules/self/index.js", "self/feature"),
              "node_modules/self/feature.js");
    EXPECT_EQ(resolve.where(kFrom, "fixture-app/public"), "src/public.js");
}

TEST(ResolverPackages, BuiltinsUnlessARealPackageClaimsTheName) {
    const FixtureResolver resolve;
    EXPECT_EQ(resolve.where(kFrom, "fs"), "builtin:fs");
    EXPECT_EQ(resolve.where(kFrom, "fs/promises"), "builtin:fs/promises");
    EXPECT_EQ(resolve.where(kFrom, "node:fs"), "builtin:fs");
    EXPECT_EQ(resolve.where(kFrom, "node:test"), "builtin:test");
    EXPECT_EQ(resolve.where(kFrom, "punycode"), "node_modules/punycode/punycode.js");
    EXPECT_EQ(resolve.where(kFrom, "node:punycode"), "builtin:punycode");
}

TEST(ResolverPackages, OtherSchemesAreExternal) {
    const FixtureResolver resolve;
    for (const char* specifier :
         {"cloudflare:workers", "virtual:my-module", "data:text/javascript,export{}",
          "https://esm.sh/react", "http://x/y.js"}) {
        const auto result = resolve(kFrom, specifier);
        EXPECT_EQ(result.kind, ResolutionKind::External) << specifier;
        EXPECT_EQ(result.path, specifier);
        EXPECT_FALSE(result.reason.empty());
    }
}

TEST(ResolverPackages, PackageImportsField) {
    const FixtureResolver resolve;
    EXPECT_EQ(resolve.where(kFrom, "#internal/helper"), "src/internal/helper.ts");
    EXPECT_EQ(resolve.where(kFrom, "#dep"), "node_modules/dep-a/index.js");
    EXPECT_EQ(resolve.where(kFrom, "#cond"), "src/default.js");
    EXPECT_EQ(FixtureResolver(withConditions({"node"})).where(kFrom, "#cond"), "src/node.js");
    EXPECT_NE(resolve.where(kFrom, "#null/x").find("excluded by a null target"), std::string::npos);
    EXPECT_NE(resolve.where(kFrom, "#bad").find("invalid imports"), std::string::npos);
    EXPECT_NE(resolve.where(kFrom, "#nothing").find("no \"imports\" entry"), std::string::npos);
    EXPECT_NE(resolve.where("node_modules/dep-a/index.js", "#x").find("has none"),
              std::string::npos);
}

TEST(ResolverPackages, MalformedPackageJsonIsADiagnosticNotACrash) {
    const FixtureResolver resolve;
    EXPECT_EQ(resolve.where(kFrom, "broken-json"), "node_modules/broken-json/index.js");
    EXPECT_EQ(resolve.where(kFrom, "pkg-dir-json"), "node_modules/pkg-dir-json/index.js");
    const auto diagnostics = resolve.cache->diagnostics();
    ASSERT_EQ(diagnostics.size(), 2u);
    EXPECT_EQ(diagnostics[0].path, testing::fixturePath("node_modules/broken-json/package.json"));
    EXPECT_NE(diagnostics[0].message.find("malformed package.json"), std::string::npos);
    EXPECT_NE(diagnostics[1].message.find("not a regular file"), std::string::npos);
}

TEST(ResolverPackages, InvalidPackageNames) {
    const FixtureResolver resolve;
    EXPECT_NE(resolve.where(kFrom, "@scope").find("not a valid package name"), std::string::npos);
    EXPECT_NE(resolve.where(kFrom, "bad%name").find("not a valid package name"), std::string::npos);
}

} // namespace
} // namespace fanout
