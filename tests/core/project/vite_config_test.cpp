// SPDX-License-Identifier: GPL-3.0-or-later
// vite.config.* read without running it: aliases (the path idioms included), conditions, main
// fields (with Vite's fallback to main), dedupe, and findings for what is code.
#include "fanout/project/project_config.h"

#include "scan/scan_helpers.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

namespace fanout {
namespace {

using testing::TempDir;
using Strings = std::vector<std::string>;

struct ViteProject {
    TempDir dir;
    ViteProject() {
        dir.write("package.json", R"({"name": "app", "devDependencies": {"vite": "*"}})");
        dir.write("index.html", R"(<script type="module" src="/src/main.ts"></script>)");
    }
    ScanConfig config() const { return loadScanConfig(dir.path().string(), {}); }
};

TEST(ViteConfig, AliasesConditionsMainFieldsAndDedupe) {
    ViteProject project;
    project.dir.write("vite.config.ts", R"(
import { defineConfig } from "vite";
import path from "node:path";
import { fileURLToPath } from "node:url";
export default defineConfig({
  resolve: {
    alias: [
      { find: "@", replacement: path.resolve(__dirname, "./src") },
      { find: /^~icons\/(.*)$/, replacement: "/abs/icons/$1" },
      { find: "#lib", replacement: fileURLToPath(new URL("./lib", import.meta.url)) },
    ],
    conditions: ["custom"],
    mainFields: ["module", "jsnext:main"],
    dedupe: ["react"],
  },
});
)");
    project.dir.write("src/main.ts", "");
    const auto config = project.config();
    const auto& resolver = config.environments.front().resolver;
    const auto root = config.root;
    ASSERT_EQ(resolver.alias.size(), 3u);
    EXPECT_EQ(resolver.alias[0].find, "@");
    EXPECT_EQ(resolver.alias[0].replacement, root + "/src");
    EXPECT_TRUE(resolver.alias[1].regex);
    EXPECT_EQ(resolver.alias[1].find, "^~icons\\/(.*)$");
    EXPECT_EQ(resolver.alias[2].replacement, root + "/lib");
    EXPECT_EQ(std::count(resolver.conditions.begin(), resolver.conditions.end(), "custom"), 1);
    EXPECT_EQ(resolver.mainFields, (Strings{"module", "jsnext:main", "main"}));
    EXPECT_EQ(resolver.dedupe, (Strings{"react"}));
    EXPECT_EQ(resolver.dedupeFrom, root);
    EXPECT_TRUE(config.configFindings.empty());
}

TEST(ViteConfig, AnAliasResolvesAndDedupeUsesTheRootCopy) {
    ViteProject project;
    project.dir.write("vite.config.js", "export default { resolve: { alias: { '@': "
                                        "path.join(__dirname, 'src') }, dedupe: ['react'] } };");
    project.dir.write("src/main.ts", "import { helper } from '@/helper';\nimport 'ui';\n");
    project.dir.write("src/helper.ts", "export const helper = 1;\n");
    project.dir.write("node_modules/react/package.json", R"({"name": "react", "main": "root.js"})");
    project.dir.write("node_modules/react/root.js", "");
    project.dir.write("node_modules/ui/package.json", R"({"name": "ui", "main": "index.js"})");
    project.dir.write("node_modules/ui/index.js", "import 'react';\n");
    project.dir.write("node_modules/ui/node_modules/react/package.json",
                      R"({"name": "react", "main": "nested.js"})");
    project.dir.write("node_modules/ui/node_modules/react/nested.js", "");
    const auto result = testing::scanProject(project.dir.path().string());
    const auto keys = testing::moduleKeys(*result);
    EXPECT_NE(std::find(keys.begin(), keys.end(), "src/helper.ts@client"), keys.end());
    EXPECT_NE(std::find(keys.begin(), keys.end(), "node_modules/react/root.js@client"), keys.end());
    EXPECT_EQ(
        std::find(keys.begin(), keys.end(), "node_modules/ui/node_modules/react/nested.js@client"),
        keys.end());
}

TEST(ViteConfig, CodeIsAFindingAndTheRestStillApplies) {
    ViteProject project;
    project.dir.write("vite.config.mjs",
                      "const aliases = {};\n"
                      "export default { resolve: { alias: aliases, conditions: ['a', cond()],\n"
                      "  mainFields: ['browser'] } };\n");
    project.dir.write("src/main.ts", "");
    const auto config = project.config();
    ASSERT_EQ(config.configFindings.size(), 2u);
    EXPECT_NE(config.configFindings[0].message.find("\"resolve.alias\" is not a literal (aliases)"),
              std::string::npos)
        << config.configFindings[0].message;
    EXPECT_NE(config.configFindings[1].message.find("resolve.conditions"), std::string::npos);
    EXPECT_EQ(config.environments.front().resolver.mainFields, (Strings{"browser", "main"}));
    TempDir other;
    other.write("vite.config.ts", "export default ({ mode }) => ({});");
    other.write("src/main.ts", "");
    const auto fn = loadScanConfig(other.path().string(), {});
    ASSERT_EQ(fn.configFindings.size(), 1u);
    EXPECT_NE(fn.configFindings[0].message.find("not read"), std::string::npos);
}

} // namespace
} // namespace fanout
