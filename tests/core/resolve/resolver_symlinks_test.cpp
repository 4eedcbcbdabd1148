// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/resolve/resolver.h"

#include "temp_dir.h"
#include "threads.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace fanout {
namespace {

namespace fs = std::filesystem;

// A pnpm layout: the project's node_modules/ui-kit and app-shell's own node_modules/ui-kit are
// symlinks into the store, so one set of files is reached under two path strings.
struct PnpmProject {
    testing::TempDir dir;
    std::string root = fs::canonical(dir.path()).string();
    std::string store = root + "/node_modules/.pnpm";

    PnpmProject() {
        dir.write("node_modules/.pnpm/ui-kit@2.1.0/node_modules/ui-kit/package.json",
                  R"({ "name": "ui-kit", "version": "2.1.0", "main": "index.js" })");
        dir.write("node_modules/.pnpm/ui-kit@2.1.0/node_modules/ui-kit/index.js", "");
        dir.write("node_modules/.pnpm/app-shell@1.0.0/node_modules/app-shell/package.json",
                  R"({ "name": "app-shell", "version": "1.0.0" })");
        dir.write("node_modules/.pnpm/app-shell@1.0.0/node_modules/app-shell/index.js", "");
        fs::create_directory_symlink(".pnpm/ui-kit@2.1.0/node_modules/ui-kit",
                                     root + "/node_modules/ui-kit");
        fs::create_directory_symlink(".pnpm/app-shell@1.0.0/node_modules/app-shell",
                                     root + "/node_modules/app-shell");
        fs::create_directory_symlink("../../ui-kit@2.1.0/node_modules/ui-kit",
                                     store + "/app-shell@1.0.0/node_modules/ui-kit");
        dir.write("src/index.ts", "");
    }
};

TEST(ResolverSymlinks, ResultsAreRealPathsAndKeepThePathStringThatLedThere) {
    PnpmProject p;
    const Resolver resolver({}, std::make_shared<ResolverCache>());
    const auto fromApp = resolver.resolve(p.root + "/src/index.ts", "ui-kit", ImportKind::Import);
    const auto shell = resolver.resolve(p.root + "/src/index.ts", "app-shell", ImportKind::Import);
    ASSERT_EQ(shell.kind, ResolutionKind::File);
    // app-shell's real location is in the store, so its own ui-kit link is found there.
    const auto fromShell = resolver.resolve(shell.path, "ui-kit", ImportKind::Import);

    const std::string real = p.store + "/ui-kit@2.1.0/node_modules/ui-kit/index.js";
    EXPECT_EQ(fromApp.path, real);
    EXPECT_EQ(fromShell.path, real);
    EXPECT_EQ(fromApp.requestedPath, p.root + "/node_modules/ui-kit/index.js");
    EXPECT_EQ(fromShell.requestedPath, p.store + "/app-shell@1.0.0/node_modules/ui-kit/index.js");
    ASSERT_TRUE(fromApp.package);
    EXPECT_EQ(
        *fromApp.package,
        (PackageIdentity{"ui-kit", "2.1.0", p.store + "/ui-kit@2.1.0/node_modules/ui-kit", {}}));
}

TEST(ResolverSymlinks, BrokenLinksAndLoopsAreUnresolvedWithoutHanging) {
    PnpmProject p;
    fs::create_symlink("missing-target.js", p.root + "/src/broken.js");
    fs::create_symlink("loop-b.js", p.root + "/src/loop-a.js");
    fs::create_symlink("loop-a.js", p.root + "/src/loop-b.js");
    fs::create_directory_symlink("self", p.root + "/node_modules/self");
    const Resolver resolver({}, std::make_shared<ResolverCache>());
    const auto from = p.root + "/src/index.ts";
    EXPECT_EQ(resolver.resolve(from, "./broken.js", ImportKind::Import).kind,
              ResolutionKind::Unresolved);
    EXPECT_EQ(resolver.resolve(from, "./loop-a.js", ImportKind::Import).kind,
              ResolutionKind::Unresolved);
    EXPECT_EQ(resolver.resolve(from, "self", ImportKind::Import).kind, ResolutionKind::Unresolved);
}

TEST(ResolverSymlinks, LoopsAreNamedInDiagnostics) {
    PnpmProject p;
    fs::create_symlink("loop-b.js", p.root + "/src/loop-a.js");
    fs::create_symlink("loop-a.js", p.root + "/src/loop-b.js");
    auto cache = std::make_shared<ResolverCache>();
    const Resolver resolver({}, cache);
    resolver.resolve(p.root + "/src/index.ts", "./loop-a.js", ImportKind::Import);
    const auto diagnostics = cache->diagnostics();
    ASSERT_FALSE(diagnostics.empty());
    EXPECT_EQ(diagnostics.front().path, p.root + "/src/loop-a.js");
    EXPECT_NE(diagnostics.front().message.find("symbolic link loop"), std::string::npos);
}

TEST(ResolverCache, SharedByThreadsAndEachManifestParsedOnce) {
    PnpmProject p;
    auto cache = std::make_shared<ResolverCache>();
    const Resolver resolver({}, cache);
    const auto from = p.root + "/src/index.ts";
    const auto expected = resolver.resolve(from, "ui-kit", ImportKind::Import);
    const auto manifests = cache->stats().manifestsParsed;

    auto fresh = std::make_shared<ResolverCache>();
    const Resolver shared({}, fresh);
    std::vector<Resolution> results(8);
    testing::runOnThreads(results.size(), [&](std::size_t t) {
        for (int i = 0; i < 200; ++i) {
            results[t] = shared.resolve(from, "ui-kit", ImportKind::Import);
        }
    });
    for (const auto& result : results) {
        EXPECT_EQ(result.path, expected.path);
        ASSERT_TRUE(result.package && expected.package);
        EXPECT_EQ(*result.package, *expected.package);
    }
    EXPECT_EQ(fresh->stats().manifestsParsed, manifests);
}

} // namespace
} // namespace fanout
