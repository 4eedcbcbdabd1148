// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/demo/demo_project.h"
#include "fanout/extract/extractor.h"
#include "fanout/extract/grammar.h"
#include "fanout/io/file_reader.h"

#include "temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace fanout {
namespace {

namespace fs = std::filesystem;

Extraction extractFile(const fs::path& path) {
    static Extractor extractor;
    const auto contents = readFile(path.string());
    EXPECT_TRUE(contents.ok()) << path << ": " << contents.error;
    return extractor.extract(contents.bytes, *grammarForPath(path.string()));
}

bool importsSpecifier(const Extraction& x, std::string_view specifier, ImportKind kind) {
    return std::any_of(x.imports.begin(), x.imports.end(), [&](const ImportRecord& record) {
        return record.specifier == specifier && record.kind == kind;
    });
}

TEST(DemoProject, HasTheIconBarrelAndItsDynamicImportMap) {
    testing::TempDir tmp;
    const auto dir = tmp.path() / "demo";
    const auto info = writeDemoProject(dir, 120);
    EXPECT_EQ(info.icons, 120u);

    const auto esm = dir / "node_modules/lucide-mini/dist/esm";
    const auto barrel = extractFile(esm / "lucide-mini.mjs");
    EXPECT_EQ(barrel.counts.reExports, 121u); // every icon plus createIcon
    EXPECT_EQ(barrel.counts.topLevel, 121u);
    EXPECT_EQ(barrel.parseErrors, 0u);

    const auto dynamic = extractFile(esm / "dynamicIconImports.js");
    EXPECT_EQ(dynamic.imports.size(), 120u);
    for (const auto& record : dynamic.imports) {
        EXPECT_EQ(record.kind, ImportKind::DynamicImport);
        EXPECT_TRUE(fs::exists(esm / record.specifier)) << record.specifier;
    }
    for (const auto& record : barrel.imports) {
        EXPECT_TRUE(fs::exists(esm / record.specifier)) << record.specifier;
    }
}

TEST(DemoProject, AppHasDirectivesAndTheWrongCaseImport) {
    testing::TempDir tmp;
    const auto dir = tmp.path() / "demo";
    writeDemoProject(dir, 20);
    const auto components = dir / "src/app/components";
    EXPECT_EQ(extractFile(components / "Counter.tsx").specDirective.directive, Directive::Client);
    EXPECT_EQ(extractFile(dir / "src/app/actions/todos.ts").specDirective.directive,
              Directive::Server);
    EXPECT_EQ(extractFile(dir / "src/app/actions/auth.ts").rwsdkDirective.directive,
              Directive::Server);
    const auto toolbar = extractFile(components / "Toolbar.tsx");
    EXPECT_TRUE(importsSpecifier(toolbar, "./button", ImportKind::Import));
    EXPECT_TRUE(fs::exists(components / "Button.tsx"));
    EXPECT_FALSE(fs::exists(components / "button.tsx"));
    for (const auto& entry : fs::recursive_directory_iterator(dir / "src")) {
        if (entry.is_regular_file()) {
            EXPECT_EQ(extractFile(entry.path()).parseErrors, 0u) << entry.path();
        }
    }
}

TEST(DemoProject, PnpmPackageIsReachedThroughTwoSymlinkedPaths) {
    testing::TempDir tmp;
    const auto dir = tmp.path() / "demo";
    writeDemoProject(dir, 5);
    const auto top = dir / "node_modules/ui-kit";
    const auto nested = dir / "node_modules/.pnpm/app-shell@1.0.0/node_modules/ui-kit";
    EXPECT_TRUE(fs::is_symlink(top));
    EXPECT_TRUE(fs::is_symlink(nested));
    EXPECT_EQ(fs::canonical(top / "index.js"), fs::canonical(nested / "index.js"));
    EXPECT_NE(top / "index.js", nested / "index.js");
    EXPECT_TRUE(fs::is_symlink(dir / "node_modules/app-shell"));
    EXPECT_TRUE(importsSpecifier(extractFile(dir / "node_modules/app-shell/index.js"), "ui-kit",
                                 ImportKind::Import));
}

TEST(DemoProject, ReplacesAnEarlierDemoButRefusesOtherFolders) {
    testing::TempDir tmp;
    const auto dir = tmp.path() / "demo";
    writeDemoProject(dir, 10);
    tmp.write("demo/src/stale.ts", "stale");
    writeDemoProject(dir, 10);
    EXPECT_FALSE(fs::exists(dir / "src/stale.ts"));

    const auto precious = tmp.write("project/src/index.ts", "keep me");
    EXPECT_THROW(writeDemoProject(tmp.path() / "project", 10), std::runtime_error);
    EXPECT_TRUE(fs::exists(precious));
    EXPECT_THROW(writeDemoProject(precious, 10), std::runtime_error);

    fs::create_directory(tmp.path() / "empty");
    EXPECT_NO_THROW(writeDemoProject(tmp.path() / "empty", 3));
    // Nothing left behind next to the targets.
    for (const auto& entry : fs::directory_iterator(tmp.path())) {
        EXPECT_EQ(entry.path().filename().string().find(".partial"), std::string::npos);
    }
}

} // namespace
} // namespace fanout
