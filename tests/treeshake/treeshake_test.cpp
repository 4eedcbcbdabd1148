// SPDX-License-Identifier: GPL-3.0-or-later
// Named reach against a tree-shaking bundler: an app importing a few names from lucide-react,
// @mui/icons-material, date-fns and lodash-es (all "sideEffects": false), installed with npm and
// bundled with esbuild's metafile at test time. Per package, the modules Fanout says the names
// need must be the files esbuild keeps (bytesInOutput > 0).
#include "fanout/barrels/named_reach.h"
#include "fanout/base/display_path.h"
#include "fanout/cache/scan_cache.h"
#include "fanout/output/scan_json.h"
#include "fanout/project/project_config.h"
#include "fanout/scan/scanner.h"

#include "temp_dir.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace fanout {
namespace {

namespace fs = std::filesystem;
using Paths = std::set<std::string>;

const std::string kApp = std::string(FANOUT_TREESHAKE_DIR) + "/app";

// The package a project-relative path belongs to ("@mui/icons-material", "lodash-es").
std::string packageOf(const std::string& path) {
    const auto at = path.rfind("node_modules/");
    if (at == std::string::npos) {
        return "";
    }
    const auto rest = path.substr(at + 13);
    auto end = rest.find('/');
    if (!rest.empty() && rest[0] == '@') {
        end = rest.find('/', end + 1);
    }
    return rest.substr(0, end);
}

class TreeShake : public ::testing::Test {
protected:
    void SetUp() override {
        if (!fs::exists(kApp + "/meta.json")) {
            std::ifstream why(std::string(FANOUT_TREESHAKE_DIR) + "/unavailable.txt");
            std::stringstream text;
            text << why.rdbuf();
            GTEST_SKIP() << "the npm install or the esbuild bundle is missing (" << text.str()
                         << ")";
        }
    }

    // What esbuild kept: inputs with bytes in the bundle, by package.
    static std::map<std::string, Paths> esbuildKept() {
        std::ifstream file(kApp + "/meta.json");
        const auto meta = nlohmann::json::parse(file);
        std::map<std::string, Paths> out;
        for (const auto& [output, info] : meta["outputs"].items()) {
            for (const auto& [input, bytes] : info["inputs"].items()) {
                if (bytes["bytesInOutput"].get<std::uint64_t>() > 0) {
                    out[packageOf(input)].insert(input);
                }
            }
        }
        return out;
    }
};

TEST_F(TreeShake, NeededModulesAreWhatEsbuildKeeps) {
    const auto result = scan(loadScanConfig(kApp, {}));
    ASSERT_EQ(result->stats.unresolved, 0u);
    NamedReachWalker walker(*result);
    std::map<std::string, Paths> needed;
    for (std::size_t e = 0; e < result->edges.size(); ++e) {
        const auto& edge = result->edges[e];
        if (displayPath(result->module(edge.importer).path, result->config.root) != "src/main.js") {
            continue;
        }
        const auto reach = walker.ofEdge(e);
        EXPECT_TRUE(reach.fallbacks.empty())
            << result->specifier(edge) << ": " << reach.fallbacks[0];
        for (const auto id : reach.needed) {
            const auto path = displayPath(result->module(id).path, result->config.root);
            needed[packageOf(path)].insert(path);
        }
    }
    const auto kept = esbuildKept();

    // Icon barrels (each icon one default export built by a shared factory) and the function
    // libraries alike: the same files. The difference to expect if one ever appears: esbuild also
    // shakes statements inside a module and drops an imported module none of whose exports the
    // kept statements use, while Fanout keeps every module a needed module imports.
    for (const char* package : {"lucide-react", "@mui/icons-material", "date-fns", "lodash-es"}) {
        EXPECT_EQ(needed[package], kept.at(package)) << package;
        std::cout << package << ": " << needed[package].size() << " modules needed, "
                  << kept.at(package).size() << " kept by esbuild\n";
    }
    EXPECT_LE(needed["lucide-react"].size(), 8u);        // of 1,500 walked
    EXPECT_LE(needed["@mui/icons-material"].size(), 8u); // of 10,000 walked
}

TEST_F(TreeShake, TheOptimizedScanWalksTheNeededModules) {
    ScanOverrides overrides;
    overrides.optimizeBarrels = true;
    const auto plain = scan(loadScanConfig(kApp, {}));
    const auto optimized = scan(loadScanConfig(kApp, overrides));
    std::map<std::string, std::size_t> count;
    for (const auto& module : optimized->modules) {
        ++count[packageOf(displayPath(module.path, optimized->config.root))];
    }
    const auto kept = esbuildKept();
    // The icons esbuild keeps, the barrel, and at most one module that only re-exports (MUI's
    // utils/createSvgIcon.js: not a barrel, so walked whole; esbuild keeps no byte of it).
    for (const char* package : {"lucide-react", "@mui/icons-material"}) {
        for (const auto& path : kept.at(package)) {
            EXPECT_TRUE(std::any_of(optimized->modules.begin(), optimized->modules.end(),
                                    [&](const ScanModule& m) {
                                        return displayPath(m.path, optimized->config.root) == path;
                                    }))
                << path;
        }
        EXPECT_LE(count[package], kept.at(package).size() + 2) << package;
    }
    EXPECT_LT(optimized->modules.size() * 4, plain->modules.size());
    EXPECT_LT(optimized->stats.filesRead * 4, plain->stats.filesRead);
}

// The scan cache on the real app: an edit that replaces barrel imports with direct ones, puts one
// back and drops another, each rescanned through the cache (the graph updated in place, or walked
// with the rest from the cache) must equal a plain scan byte for byte. The project is a copy of the
// app's own files beside a link to its node_modules (so every package file also has a path string).
TEST_F(TreeShake, RescansThroughTheCacheAfterBarrelImportsChangeEqualAPlainScan) {
    testing::TempDir project;
    testing::TempDir cache;
    for (const auto* file : {"package.json", "fanout.json", "src/main.js"}) {
        std::ifstream in(kApp + "/" + file);
        std::stringstream text;
        text << in.rdbuf();
        project.write(file, text.str());
    }
    fs::create_directory_symlink(kApp + "/node_modules", project.path() / "node_modules");
    const auto root = fs::canonical(project.path()).string();
    ScanCacheSettings settings;
    settings.dir = cache.path().string();
    const auto check = [&](const std::string& main, const char* how) {
        project.write("src/main.js", main);
        ScanCacheReport report;
        const auto config = loadScanConfig(root, {});
        const auto cached = cachedScan(config, {}, settings, &report);
        EXPECT_TRUE(report.updated) << report.note;
        EXPECT_NE(report.note.find(how), std::string::npos) << report.note;
        EXPECT_EQ(scanToJson(*cached, {.reproducible = true}),
                  scanToJson(*scan(config), {.reproducible = true}))
            << report.note;
        return cached->modules.size();
    };
    ScanCacheReport first;
    const auto before = cachedScan(loadScanConfig(root, {}), {}, settings, &first);
    ASSERT_FALSE(first.updated);
    std::string camera;
    std::string heart;
    for (const auto& module : before->modules) {
        if (module.path.ends_with("/lucide-react/dist/esm/icons/camera.js")) {
            camera = module.path;
        } else if (module.path.ends_with("/lucide-react/dist/esm/icons/heart.js")) {
            heart = module.path;
        }
    }
    ASSERT_FALSE(camera.empty() || heart.empty()) << "lucide-react's icon files moved";
    const std::string rest =
        "import { AccessAlarm, ThreeDRotation } from \"@mui/icons-material\";\n"
        "import { addDays, format } from \"date-fns\";\n"
        "import { chunk, debounce } from \"lodash-es\";\n";
    const std::string direct =
        "import Camera from \"" + camera + "\";\nimport Heart from \"" + heart + "\";\n";
    const auto barrel = std::string("import { Camera, Heart } from \"lucide-react\";\n");
    const auto barrelModules = before->modules.size();
    const auto directModules = check(direct + rest, "the graph updated in place");
    EXPECT_LT(directModules + 1000, barrelModules) << "the icon barrel's files are gone";
    EXPECT_EQ(check(barrel + rest, "the rest taken from the cached scan"), barrelModules);
    EXPECT_LT(check(barrel + "import { addDays } from \"date-fns\";\n", "updated in place"),
              barrelModules);
    EXPECT_TRUE(finishCacheWrites().empty()); // each update stored
}

} // namespace
} // namespace fanout
