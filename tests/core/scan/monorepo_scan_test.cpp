// SPDX-License-Identifier: GPL-3.0-or-later
// An npm-workspaces monorepo scanned from its web app: the workspace package is reached through
// the root node_modules symlink, by its package.json "main" (Vite's fallback), and its own
// tsconfig paths resolve its imports; its files are first-party code.
#include "scan/scan_helpers.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

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
            << result->specifier(edge) << ": " << edge.reason();
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

// From the root: both apps, each with its own environments, switches and entries.
struct TwoApps : Workspaces {
    TwoApps() {
        dir.write("apps/web/src/Widget.tsx", "'use client';\nexport const Widget = () => null;\n");
        dir.write("apps/admin/package.json", R"({"name": "admin", "dependencies": {"next": "*"}})");
        dir.write("apps/admin/app/page.tsx", "import { Button } from '@acme/ui';\n"
                                             "import { Panel } from '../components/Panel';\n"
                                             "export default () => <Panel><Button /></Panel>;\n");
        dir.write("apps/admin/components/Panel.tsx", "'use client';\n"
                                                     "export const Panel = () => null;\n");
        dir.write("tools/script/package.json", R"({"name": "script"})");
    }
    std::string root() const { return fs::canonical(dir.path()).string(); }
};

TEST(MonorepoScan, TheRootScansEveryAppWithItsOwnPreset) {
    TwoApps repo;
    const auto result = testing::scanProject(repo.root());
    const auto& config = result->config;
    EXPECT_EQ(config.preset, "workspaces");
    std::vector<std::string> names;
    for (const auto& workspace : config.workspaces) {
        names.push_back(workspace.name + "=" + workspace.preset);
    }
    // tools/script is not a workspace: the root's patterns are apps/* and packages/*
    EXPECT_EQ(names, (std::vector<std::string>{"admin=next", "web=vite", "@acme/ui=node"}));
    EXPECT_EQ(config.scannedWorkspaces, (std::vector<std::string>{"admin", "web"}));
    const auto keys = testing::moduleKeys(*result);
    for (const auto* key :
         {"apps/admin/app/page.tsx@admin:server", "apps/admin/components/Panel.tsx@admin:client",
          "apps/web/src/main.tsx@web:client", "packages/ui/src/parts/Button.tsx@admin:server",
          "packages/ui/src/parts/Button.tsx@web:client"}) {
        EXPECT_NE(std::find(keys.begin(), keys.end(), key), keys.end()) << key;
    }
    EXPECT_EQ(testing::relative(result->clientBoundaries, config.root),
              (std::vector<std::string>{"apps/admin/components/Panel.tsx"}));
    const auto* ui = workspaceOf(config, repo.root() + "/packages/ui/src/index.ts");
    ASSERT_NE(ui, nullptr);
    EXPECT_EQ(ui->name, "@acme/ui");
    const auto json = nlohmann::json::parse(scanToJson(*result));
    for (const auto& module : json["modules"]) {
        if (module["path"] == "apps/web/src/main.tsx") {
            EXPECT_EQ(module["workspace"], "web");
        }
    }
}

TEST(MonorepoScan, WorkspacePicksSomeAndPnpmWorkspacesAreRead) {
    TwoApps repo;
    repo.dir.write("package.json", R"({"name": "acme", "private": true})");
    repo.dir.write("pnpm-workspace.yaml", "packages:\n  - 'apps/*'\n  - packages/*\n"
                                          "  - '!apps/legacy'\n");
    repo.dir.write("apps/legacy/package.json",
                   R"({"name": "legacy", "dependencies": {"vite": "*"}})");
    ScanOverrides overrides;
    overrides.workspaces = {"apps/web"};
    const auto result = testing::scanProject(repo.root(), overrides);
    EXPECT_EQ(result->config.scannedWorkspaces, (std::vector<std::string>{"web"}));
    EXPECT_EQ(result->config.workspaces.size(), 3u); // legacy excluded by the "!" pattern
    for (const auto& environment : result->config.environments) {
        EXPECT_EQ(environment.workspace, "web");
    }
    overrides.workspaces = {"nope"};
    try {
        loadScanConfig(repo.root(), overrides);
        ADD_FAILURE() << "an unknown workspace must be an error";
    } catch (const ConfigError& error) {
        EXPECT_NE(std::string(error.what()).find("no workspace \"nope\""), std::string::npos);
        EXPECT_NE(std::string(error.what()).find("admin, web, @acme/ui"), std::string::npos)
            << error.what();
    }
}

TEST(MonorepoScan, MalformedPnpmWorkspaceIsAConfigError) {
    TwoApps repo;
    repo.dir.write("pnpm-workspace.yaml", "packages: [unclosed\n");
    EXPECT_THROW(loadScanConfig(repo.root(), {}), ConfigError);
}

} // namespace
} // namespace fanout
