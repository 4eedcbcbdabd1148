// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/project/project_config.h"

#include "temp_dir.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace fanout {
namespace {

namespace fs = std::filesystem;

std::string errorOf(const std::string& root, const ScanOverrides& overrides = {}) {
    try {
        loadScanConfig(root, overrides);
    } catch (const ConfigError& error) {
        return error.what();
    }
    return "no error";
}

struct Project {
    testing::TempDir tmp;
    std::string root = fs::canonical(tmp.path()).string();
};

TEST(ProjectConfig, PresetsAreDetectedFromThePackage) {
    Project rwsdk;
    rwsdk.tmp.write("package.json", R"({ "dependencies": { "rwsdk": "1.7.3" } })");
    EXPECT_EQ(detectPreset(rwsdk.root), "rwsdk");
    Project vite;
    vite.tmp.write("package.json", R"({ "devDependencies": { "vite": "7" } })");
    EXPECT_EQ(detectPreset(vite.root), "vite");
    Project viteConfig;
    viteConfig.tmp.write("vite.config.ts", "export default {}");
    EXPECT_EQ(detectPreset(viteConfig.root), "vite");
    Project node;
    node.tmp.write("package.json", R"({ "main": "lib/index.js" })");
    EXPECT_EQ(detectPreset(node.root), "node");
}

TEST(ProjectConfig, PresetEntries) {
    Project vite;
    vite.tmp.write("package.json", R"({ "devDependencies": { "vite": "7" } })");
    vite.tmp.write("index.html", R"(<html><script type="module" src="/src/app.tsx"></script>)");
    vite.tmp.write("src/app.tsx", "");
    const auto viteConfig = loadScanConfig(vite.root, {});
    EXPECT_EQ(viteConfig.entries, (std::vector<std::string>{vite.root + "/src/app.tsx"}));
    EXPECT_EQ(viteConfig.environments.at(0).resolver.conditions,
              (std::vector<std::string>{"browser", "module"}));

    Project node;
    node.tmp.write("package.json", R"({ "main": "lib/index" })");
    node.tmp.write("lib/index.js", "");
    const auto nodeConfig = loadScanConfig(node.root, {});
    EXPECT_EQ(nodeConfig.entries, (std::vector<std::string>{node.root + "/lib/index.js"}));

    Project rwsdk;
    rwsdk.tmp.write("package.json", R"({ "dependencies": { "rwsdk": "1" } })");
    rwsdk.tmp.write("wrangler.toml", "name = \"x\"\nmain = \"src/entry.ts\"\n");
    rwsdk.tmp.write("src/entry.ts", "");
    rwsdk.tmp.write("src/b.tsx", "");
    rwsdk.tmp.write("src/a.mdx", "");
    const auto rwsdkConfig = loadScanConfig(rwsdk.root, {});
    EXPECT_EQ(rwsdkConfig.entries, (std::vector<std::string>{rwsdk.root + "/src/entry.ts"}));
    EXPECT_EQ(rwsdkConfig.conditionalEntries,
              (std::vector<std::string>{rwsdk.root + "/src/a.mdx", rwsdk.root + "/src/b.tsx",
                                        rwsdk.root + "/src/entry.ts"}));
    EXPECT_EQ(rwsdkConfig.environments.size(), 2u);
    EXPECT_EQ(rwsdkConfig.switches.size(), 2u);
}

TEST(ProjectConfig, FanoutJsonOverridesThePresetAndFlagsOverrideTheFile) {
    Project p;
    p.tmp.write("fanout.json", R"({
        // comments are fine
        "preset": "node",
        "entries": ["src/a.ts"],
        "environments": [
            { "name": "edge", "conditions": ["worker"], "mainFields": ["module"],
              "alias": { "~": "./src" } },
            { "name": "browser", "conditions": ["browser"], "browserField": true }
        ],
        "switch": { "use client": "browser" },
        "directiveRule": "rwsdk",
        "exclude": ["**/*.test.ts"],
        "tsconfig": "configs/tsconfig.json",
    })");
    p.tmp.write("src/a.ts", "");
    p.tmp.write("src/b.ts", "");
    const auto config = loadScanConfig(p.root, {});
    EXPECT_EQ(config.entries, (std::vector<std::string>{p.root + "/src/a.ts"}));
    ASSERT_EQ(config.environments.size(), 2u);
    EXPECT_EQ(config.environments[0].name, "edge");
    EXPECT_EQ(config.environments[0].resolver.alias.at(0).find, "~");
    EXPECT_TRUE(config.environments[1].resolver.browserField);
    EXPECT_EQ(config.environments[1].resolver.tsconfig, p.root + "/configs/tsconfig.json");
    EXPECT_EQ(config.directiveRule, DirectiveRule::Rwsdk);
    EXPECT_EQ(config.exclude, (std::vector<std::string>{"**/*.test.ts"}));

    ScanOverrides overrides;
    overrides.entries = {"src/b.ts"};
    overrides.conditions = {"development"};
    overrides.directiveRule = DirectiveRule::Spec;
    const auto flagged = loadScanConfig(p.root, overrides);
    EXPECT_EQ(flagged.entries, (std::vector<std::string>{p.root + "/src/b.ts"}));
    EXPECT_EQ(flagged.environments[0].resolver.conditions,
              (std::vector<std::string>{"worker", "development"}));
    EXPECT_EQ(flagged.directiveRule, DirectiveRule::Spec);
}

TEST(ProjectConfig, MistakesGetClearErrors) {
    Project p;
    p.tmp.write("src/a.ts", "");
    p.tmp.write("fanout.json", R"({ "entries": ["src/a.ts"], "entrys": [] })");
    EXPECT_NE(errorOf(p.root).find("unknown key \"entrys\" in the top level"), std::string::npos)
        << errorOf(p.root);
    p.tmp.write("fanout.json", R"({ "entries": "src/a.ts" })");
    EXPECT_NE(errorOf(p.root).find("\"entries\" must be an array of strings"), std::string::npos);
    p.tmp.write("fanout.json", R"({ "entries": ["src/a.ts"], "directiveRule": "loose" })");
    EXPECT_NE(errorOf(p.root).find("\"directiveRule\" must be \"spec\" or \"rwsdk\""),
              std::string::npos);
    p.tmp.write("fanout.json", R"({ "entries": ["src/a.ts"], "switch": { "use client": "x" } })");
    EXPECT_NE(errorOf(p.root).find("names the environment \"x\""), std::string::npos);
    p.tmp.write("fanout.json", R"({ "entries": ["src/missing.ts"] })");
    EXPECT_NE(errorOf(p.root).find("does not exist"), std::string::npos);
    p.tmp.write("fanout.json", R"({ "entries": [ )");
    EXPECT_NE(errorOf(p.root).find("not valid JSON"), std::string::npos);
    p.tmp.write("fanout.json", R"({ "environments": [ { "conditions": [] } ] })");
    EXPECT_NE(errorOf(p.root).find("needs a \"name\""), std::string::npos);
    p.tmp.write("fanout.json", R"({ "preset": "webpack" })");
    EXPECT_NE(errorOf(p.root).find("unknown preset \"webpack\""), std::string::npos);
    fs::remove(p.root + "/fanout.json");
    EXPECT_NE(errorOf(p.root).find("no entries"), std::string::npos);
    EXPECT_NE(errorOf(p.root + "/nope").find("not a folder"), std::string::npos);
}

} // namespace
} // namespace fanout
