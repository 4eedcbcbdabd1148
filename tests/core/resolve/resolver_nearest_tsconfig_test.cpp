// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/resolve/resolver.h"

#include "temp_dir.h"

#include <gtest/gtest.h>

namespace fanout {
namespace {

using testing::TempDir;

// A monorepo: the root tsconfig maps @/*, the web app and the ui package map their own aliases.
struct Monorepo {
    TempDir dir;
    Monorepo() {
        dir.write("tsconfig.json", R"({"compilerOptions": {"paths": {"@/*": ["./shared/*"]}}})");
        dir.write("shared/helper.ts", "");
        dir.write("apps/web/tsconfig.json", R"({
            // JSONC, extending a base in the repository
            "extends": ["../../tsconfig.base.json"],
            "compilerOptions": {"paths": {"@/*": ["./src/*"]}}
        })");
        dir.write("tsconfig.base.json", R"({"compilerOptions": {"strict": true}})");
        dir.write("apps/web/src/helper.ts", "");
        dir.write("apps/web/src/app/page.tsx", "");
        dir.write("packages/ui/jsconfig.json", R"({"compilerOptions": {"baseUrl": ".",
            "paths": {"~/*": ["src/*"]}}})");
        dir.write("packages/ui/src/index.ts", "");
        dir.write("packages/ui/src/parts/Button.tsx", "");
        dir.write("node_modules/lib/index.js", "");
        dir.write("node_modules/lib/package.json", R"({"name": "lib"})");
    }
    std::string path(const std::string& relative) const { return (dir.path() / relative).string(); }

    Resolution resolve(const ResolverConfig& config, const std::string& importer,
                       const std::string& specifier, std::vector<std::string>* trace = nullptr) {
        const Resolver resolver(config, std::make_shared<ResolverCache>());
        return resolver.resolve(path(importer), specifier, ImportKind::Import, trace);
    }
};

ResolverConfig nearest(const std::string& fallback = {}) {
    ResolverConfig config;
    config.nearestTsconfig = true;
    config.tsconfig = fallback;
    return config;
}

TEST(ResolverNearestTsconfig, EachFileUsesTheTsconfigNearestToIt) {
    Monorepo repo;
    const auto config = nearest(repo.path("tsconfig.json"));
    EXPECT_EQ(repo.resolve(config, "apps/web/src/app/page.tsx", "@/helper").path,
              repo.path("apps/web/src/helper.ts"));
    EXPECT_EQ(repo.resolve(config, "shared/index.ts", "@/helper").path,
              repo.path("shared/helper.ts"));
    // jsconfig.json where there is no tsconfig.json
    EXPECT_EQ(repo.resolve(config, "packages/ui/src/index.ts", "~/parts/Button").path,
              repo.path("packages/ui/src/parts/Button.tsx"));
    // The web app's aliases are not the ui package's.
    EXPECT_EQ(repo.resolve(config, "apps/web/src/helper.ts", "~/parts/Button").kind,
              ResolutionKind::Unresolved);
}

TEST(ResolverNearestTsconfig, TheTraceNamesTheTsconfigUsed) {
    Monorepo repo;
    std::vector<std::string> trace;
    repo.resolve(nearest(), "packages/ui/src/index.ts", "~/parts/Button", &trace);
    const auto named = std::find(trace.begin(), trace.end(),
                                 "tsconfig: " + repo.path("packages/ui/jsconfig.json"));
    EXPECT_NE(named, trace.end());
}

TEST(ResolverNearestTsconfig, WithoutNearestTheConfiguredOneAppliesEverywhere) {
    Monorepo repo;
    ResolverConfig config;
    config.tsconfig = repo.path("tsconfig.json");
    EXPECT_EQ(repo.resolve(config, "apps/web/src/app/page.tsx", "@/helper").path,
              repo.path("shared/helper.ts"));
}

TEST(ResolverNearestTsconfig, NeverForFilesInNodeModules) {
    Monorepo repo;
    repo.dir.write("node_modules/lib/tsconfig.json",
                   R"({"compilerOptions": {"paths": {"@/*": ["./*"]}}})");
    EXPECT_EQ(repo.resolve(nearest(), "node_modules/lib/index.js", "@/helper").kind,
              ResolutionKind::Unresolved);
}

TEST(ResolverExternalPackages, ABareSpecifierOfAnExternalPackageIsNotFollowed) {
    Monorepo repo;
    ResolverConfig config;
    config.externalPackages = {"lib"};
    for (const auto* specifier : {"lib", "lib/deep/file.js"}) {
        const auto result = repo.resolve(config, "shared/index.ts", specifier);
        EXPECT_EQ(result.kind, ResolutionKind::External) << specifier;
        EXPECT_NE(result.reason.find("external package"), std::string::npos) << result.reason;
    }
    EXPECT_EQ(repo.resolve(ResolverConfig{}, "shared/index.ts", "lib").kind, ResolutionKind::File);
}

} // namespace
} // namespace fanout
