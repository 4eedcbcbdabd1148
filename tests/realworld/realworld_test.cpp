// SPDX-License-Identifier: GPL-3.0-or-later
// A real project as a new user has it: an app importing lucide-react, react and react-dom,
// installed with npm and with pnpm at test time. Both layouts must give the same graph.
#include "fanout/output/scan_json.h"
#include "fanout/project/project_config.h"
#include "fanout/scan/scanner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace fanout {
namespace {

namespace fs = std::filesystem;

const std::string kInstalled = FANOUT_REALWORLD_DIR;

// package@version:path-inside-package (or the project path) and environment, for every module.
std::set<std::string> identities(const ScanResult& result) {
    std::set<std::string> out;
    for (const auto& module : result.modules) {
        const auto& env = result.config.environments[module.environment].name;
        if (const auto* package = result.packageOf(module)) {
            const auto inside = module.path.substr(package->root.size() + 1);
            out.insert(package->name + "@" + package->version + ":" + inside + "@" + env);
        } else {
            out.insert(displayPath(module.path, result.config.root) + "@" + env);
        }
    }
    return out;
}

class RealWorld : public ::testing::Test {
protected:
    void SetUp() override {
        for (const char* layout : {"npm", "pnpm"}) {
            if (!fs::exists(kInstalled + "/" + layout +
                            "/node_modules/lucide-react/package.json")) {
                std::ifstream why(kInstalled + "/unavailable.txt");
                std::stringstream text;
                text << why.rdbuf();
                GTEST_SKIP() << "the " << layout << " install is missing (" << text.str() << ")";
            }
        }
    }

    static std::shared_ptr<const ScanResult> scanLayout(const std::string& layout) {
        return scan(loadScanConfig(kInstalled + "/" + layout, {}));
    }
};

TEST_F(RealWorld, NpmAndPnpmInstallsGiveTheSameGraph) {
    const auto npm = scanLayout("npm");
    const auto pnpm = scanLayout("pnpm");
    EXPECT_EQ(identities(*npm), identities(*pnpm));
    EXPECT_EQ(npm->stats.unresolved, 0u);
    EXPECT_EQ(pnpm->stats.unresolved, 0u);
    EXPECT_EQ(npm->edges.size(), pnpm->edges.size());
}

TEST_F(RealWorld, TheIconBarrelFansOutAndTheDirectiveMapIsExact) {
    const auto result = scanLayout("pnpm");
    std::size_t icons = 0;
    for (const auto& module : result->modules) {
        icons += module.path.find("/lucide-react/dist/esm/icons/") != std::string::npos ? 1 : 0;
    }
    EXPECT_GT(icons, 1400u);
    std::vector<std::string> client;
    for (const auto& path : result->clientModules) {
        client.push_back(displayPath(path, result->config.root));
    }
    EXPECT_EQ(client, (std::vector<std::string>{"src/Counter.tsx", "src/IconGallery.tsx"}));
    EXPECT_EQ(result->serverModules.size(), 1u);
    // Every file is read once, though pnpm reaches react through several links.
    std::set<std::string> paths;
    for (const auto& module : result->modules) {
        paths.insert(module.path);
    }
    EXPECT_EQ(result->stats.filesRead + 0u, paths.size());
}

} // namespace
} // namespace fanout
