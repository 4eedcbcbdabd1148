// SPDX-License-Identifier: GPL-3.0-or-later
// npm and pnpm install the same packages in different shapes; a scan must see the same graph.
#include "scan/scan_helpers.h"

#include "temp_dir.h"

#include <gtest/gtest.h>

namespace fanout {
namespace {

namespace fs = std::filesystem;

struct PackageFiles {
    std::string name;
    std::string version;
    std::vector<std::string> dependencies;
};

void writePackage(testing::TempDir& tmp, const std::string& dir, const PackageFiles& package) {
    std::string imports;
    for (const auto& dependency : package.dependencies) {
        imports += "import '" + dependency + "';\n";
    }
    tmp.write(dir + "/package.json", "{ \"name\": \"" + package.name + "\", \"version\": \"" +
                                         package.version + "\", \"main\": \"index.js\" }");
    tmp.write(dir + "/index.js", imports + "export const name = '" + package.name + "';\n");
}

const std::vector<PackageFiles> kPackages{
    {"app-shell", "1.0.0", {"ui-kit", "@scope/util"}},
    {"ui-kit", "2.1.0", {"@scope/util"}},
    {"@scope/util", "0.3.0", {}},
};

void writeApp(testing::TempDir& tmp) {
    tmp.write("package.json", R"({ "name": "app", "dependencies": { "app-shell": "1.0.0" } })");
    tmp.write("src/index.js", "import 'app-shell';\nimport 'ui-kit';\n");
}

// node_modules/<name> folders, hoisted flat as npm does.
void npmLayout(testing::TempDir& tmp) {
    writeApp(tmp);
    for (const auto& package : kPackages) {
        writePackage(tmp, "node_modules/" + package.name, package);
    }
}

// node_modules/.pnpm/<name>@<version>/node_modules/<name> holds the files; every dependency is a
// symlink beside it; the project's direct dependencies are symlinks in node_modules.
void pnpmLayout(testing::TempDir& tmp) {
    writeApp(tmp);
    const auto root = fs::canonical(tmp.path()).string();
    auto storeDir = [](const PackageFiles& package) {
        std::string id = package.name;
        std::replace(id.begin(), id.end(), '/', '+');
        return "node_modules/.pnpm/" + id + "@" + package.version + "/node_modules/";
    };
    for (const auto& package : kPackages) {
        writePackage(tmp, storeDir(package) + package.name, package);
    }
    for (const auto& package : kPackages) {
        for (const auto& dependency : package.dependencies) {
            const auto& target = *std::find_if(kPackages.begin(), kPackages.end(),
                                               [&](const auto& p) { return p.name == dependency; });
            const auto link = root + "/" + storeDir(package) + dependency;
            fs::create_directories(fs::path(link).parent_path());
            fs::create_directory_symlink(root + "/" + storeDir(target) + dependency, link);
        }
    }
    for (const char* direct : {"app-shell", "ui-kit"}) {
        const auto& target = *std::find_if(kPackages.begin(), kPackages.end(),
                                           [&](const auto& p) { return p.name == direct; });
        fs::create_directory_symlink(root + "/" + storeDir(target) + direct,
                                     root + "/node_modules/" + direct);
    }
}

// What a module is, independent of where the package manager put it.
std::set<std::string> identities(const ScanResult& result) {
    std::set<std::string> out;
    for (const auto& module : result.modules) {
        const auto* package = result.packageOf(module);
        out.insert(package ? package->name + "@" + package->version + ":" +
                                 fs::path(module.path).filename().string()
                           : displayPath(module.path, result.config.root));
    }
    return out;
}

TEST(ScanLayouts, NpmAndPnpmGiveTheSameModules) {
    testing::TempDir npm;
    testing::TempDir pnpm;
    npmLayout(npm);
    pnpmLayout(pnpm);
    ScanOverrides overrides;
    overrides.entries = {"src/index.js"};
    const auto a = testing::scanProject(npm.path().string(), overrides);
    const auto b = testing::scanProject(pnpm.path().string(), overrides);
    EXPECT_EQ(identities(*a), identities(*b));
    EXPECT_EQ(identities(*a),
              (std::set<std::string>{"@scope/util@0.3.0:index.js", "app-shell@1.0.0:index.js",
                                     "src/index.js", "ui-kit@2.1.0:index.js"}));
    EXPECT_EQ(a->stats.unresolved, 0u);
    EXPECT_EQ(b->stats.unresolved, 0u);
    // pnpm reaches ui-kit through two links; both path strings are its aliases.
    for (const auto& module : b->modules) {
        if (const auto* package = b->packageOf(module); package && package->name == "ui-kit") {
            EXPECT_EQ(module.aliases.size(), 2u);
        }
    }
}

} // namespace
} // namespace fanout
