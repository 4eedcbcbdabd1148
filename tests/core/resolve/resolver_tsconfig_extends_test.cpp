// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/resolve/resolver.h"

#include "temp_dir.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace fanout {
namespace {

namespace fs = std::filesystem;

struct Project {
    testing::TempDir dir;
    std::string root = fs::canonical(dir.path()).string();

    Resolution resolve(const std::string& tsconfig, const std::string& from,
                       const std::string& specifier,
                       std::shared_ptr<ResolverCache> cache = std::make_shared<ResolverCache>()) {
        ResolverConfig config;
        config.tsconfig = root + "/" + tsconfig;
        return Resolver(config, cache).resolve(root + "/" + from, specifier, ImportKind::Import);
    }
};

TEST(TsconfigExtends, BaseUrlIsRelativeToTheFileThatSetsIt) {
    Project p;
    p.dir.write("configs/base.json", R"({ "compilerOptions": { "baseUrl": "../lib" } })");
    p.dir.write("tsconfig.json", R"({ "extends": "./configs/base" })");
    p.dir.write("lib/util.ts", "");
    p.dir.write("src/a.ts", "");
    EXPECT_EQ(p.resolve("tsconfig.json", "src/a.ts", "util").path, p.root + "/lib/util.ts");
}

TEST(TsconfigExtends, PathsWithoutBaseUrlAreRelativeToTheDeclaringFile) {
    Project p;
    p.dir.write("configs/base.json",
                R"({ "compilerOptions": { "paths": { "~/*": ["../src/*"] } } })");
    p.dir.write("tsconfig.json", R"({ "extends": "./configs/base.json" })");
    p.dir.write("src/x.ts", "");
    EXPECT_EQ(p.resolve("tsconfig.json", "src/x.ts", "~/x").path, p.root + "/src/x.ts");
}

TEST(TsconfigExtends, PathsAreRelativeToTheBaseUrlInEffect) {
    Project p;
    p.dir.write("configs/base.json", R"({ "compilerOptions": { "paths": { "~/*": ["./*"] } } })");
    p.dir.write("tsconfig.json",
                R"({ "extends": "./configs/base.json", "compilerOptions": { "baseUrl": "src" } })");
    p.dir.write("src/x.ts", "");
    EXPECT_EQ(p.resolve("tsconfig.json", "src/x.ts", "~/x").path, p.root + "/src/x.ts");
}

TEST(TsconfigExtends, PackagePathsAndArraysLaterEntriesWin) {
    Project p;
    p.dir.write("node_modules/@tsconfig/base/tsconfig.json",
                R"({ "compilerOptions": { "paths": { "a/*": ["./from-package/*"] } } })");
    p.dir.write("node_modules/@tsconfig/base/package.json", R"({ "name": "@tsconfig/base" })");
    p.dir.write("node_modules/shared-config/strict.json",
                R"({ "compilerOptions": { "baseUrl": "../..", "paths": { "b/*": ["./b/*"] } } })");
    p.dir.write("tsconfig.json", R"({ "extends": ["@tsconfig/base", "shared-config/strict"] })");
    p.dir.write("b/file.ts", "");
    p.dir.write("src/x.ts", "");
    auto cache = std::make_shared<ResolverCache>();
    EXPECT_EQ(p.resolve("tsconfig.json", "src/x.ts", "b/file", cache).path, p.root + "/b/file.ts");
    EXPECT_TRUE(cache->diagnostics().empty());
}

TEST(TsconfigExtends, CyclesAndMissingBasesAreDiagnosticsNotHangs) {
    Project p;
    p.dir.write("a.json", R"({ "extends": "./b.json", "compilerOptions": { "baseUrl": "." } })");
    p.dir.write("b.json", R"({ "extends": "./a.json" })");
    p.dir.write("c.json", R"({ "extends": "./missing.json" })");
    p.dir.write("bad.json", R"({ "compilerOptions": { "baseUrl": ".", } )");
    p.dir.write("src/x.ts", "");
    auto cache = std::make_shared<ResolverCache>();
    EXPECT_EQ(p.resolve("a.json", "src/x.ts", "src/x", cache).path, p.root + "/src/x.ts");
    p.resolve("c.json", "src/x.ts", "src/x", cache);
    p.resolve("bad.json", "src/x.ts", "src/x", cache);
    const auto diagnostics = cache->diagnostics();
    ASSERT_EQ(diagnostics.size(), 3u);
    EXPECT_NE(diagnostics[0].message.find("\"extends\" cycle"), std::string::npos);
    EXPECT_NE(diagnostics[1].message.find("malformed JSON"), std::string::npos);
    EXPECT_NE(diagnostics[2].message.find("was not found"), std::string::npos);
}

} // namespace
} // namespace fanout
