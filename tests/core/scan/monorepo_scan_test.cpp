// SPDX-License-Identifier: GPL-3.0-or-later
// An npm-workspaces monorepo scanned from its web app: the workspace package is reached through
// the root node_modules symlink, by its package.json "main" (Vite's fallback), and its own
// tsconfig paths resolve its imports; its files are first-party code.
#include "scan/scan_helpers.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace fanout {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

struct Workspaces {
    TempDir dir;
    Workspaces() {
        dir.write("package.json", R"({"name": "acme", "private": true,
            "workspaces": ["apps/*", "packages/*"]})");
        dir.write("apps/web/package.json", R"({"name": "web",
            "dependencies": {"@acme/ui": "*", "vite": "*"}})");
        dir.write("apps/web/index.html", R"(<script type="module" src="/src/main.tsx"></script>)");
        dir.write("apps/web/tsconfig.json",
                  R"({"compilerOptions": {"paths": {"@/*": ["./src/*"]}}})");
        dir.write("apps/web/src/main.tsx", "import { helper } from '@/helper';\n"
                                           "import { Button } from '@acme/ui';\n"
                                           "export const App = () => <Button label={helper} />;\n");
        dir.write("apps/web/src/helper.ts", "export const helper = 'x';\n");
        dir.write("packages/ui/package.json", R"({"name": "@acme/ui", "main": "src/index.ts"})");
        dir.write("packages/ui/tsconfig.json", R"({"compilerOptions": {"baseUrl": ".",
            "paths": {"~/*": ["src/*"]}}})");
        dir.write("packages/ui/src/index.ts", "export { Button } from '~/parts/Button';\n");
        dir.write("packages/ui/src/parts/Button.tsx", "export const Button = () => <b />;\n");
        dir.write("node_modules/react/package.json", R"({"name": "react", "version": "19.0.0"})");
        dir.write("node_modules/react/jsx-runtime.js", "module.exports = {};\n");
        fs::create_directories(dir.path() / "node_modules/@acme");
        fs::create_directory_symlink("../../packages/ui", dir.path() / "node_modules/@acme/ui");
    }
};

TEST(MonorepoScan, AWorkspacePackageIsFirstPartyAndUsesItsOwnTsconfig) {
    Workspaces repo;
    const auto result = testing::scanProject((repo.dir.path() / "apps/web").string());
    EXPECT_EQ(result->config.preset, "vite");
    EXPECT_EQ(result->stats.unresolved, 0u);
    for (const auto& edge : result->edges) {
        EXPECT_NE(edge.resolution, ResolutionKind::Unresolved)
            << edge.specifier << ": " << edge.reason;
    }
    const auto keys = testing::moduleKeys(*result);
    const auto root = fs::canonical(repo.dir.path()).string();
    for (const auto* expected :
         {"src/main.tsx@client", "src/helper.ts@client", "/packages/ui/src/index.ts@client",
          "/packages/ui/src/parts/Button.tsx@client",
          "/node_modules/react/jsx-runtime.js@client"}) {
        const std::string key = expected[0] == '/' ? root + expected : expected;
        EXPECT_NE(std::find(keys.begin(), keys.end(), key), keys.end()) << key;
    }
    for (const auto& module : result->modules) {
        if (module.path.find("/packages/ui/") != std::string::npos) {
            EXPECT_EQ(result->packageOf(module), nullptr) << module.path; // first-party
        }
    }
}

} // namespace
} // namespace fanout
