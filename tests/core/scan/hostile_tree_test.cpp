// SPDX-License-Identifier: GPL-3.0-or-later
// A tree written by a stranger: the scan completes, names every file it could not take, and
// neither crashes nor hangs (ctest's timeout catches a hang).
#include "hostile_tree.h"
#include "scan/scan_helpers.h"
#include "temp_dir.h"

#include "fanout/demo/demo_project.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <map>
#include <thread>

#include <unistd.h>

namespace fanout {
namespace {

namespace fs = std::filesystem;

// Everything a user is told about: diagnostics, unresolved imports, modules' errors.
std::string toldAbout(const ScanResult& result) {
    std::string text;
    for (const auto& diagnostic : result.diagnostics) {
        text += diagnostic.path + ": " + diagnostic.message + "\n";
    }
    for (const auto& edge : result.edges) {
        if (edge.resolution == ResolutionKind::Unresolved) {
            text += result.module(edge.importer).path + " imports " +
                    result.specifier(edge).substr(0, 200) + ": " + edge.reason() + "\n";
        }
    }
    for (const auto& module : result.modules) {
        if (!module.error.empty()) {
            text += module.path + ": " + module.error + "\n";
        }
    }
    return text;
}

TEST(HostileTree, TheScanCompletesAndNamesEveryFileItCouldNotTake) {
    testing::TempDir tmp;
    const auto root = fs::canonical(tmp.path()) / "project";
    const auto cases = testing::writeHostileTree(root);
    const auto result = testing::scanProject(root.string());
    EXPECT_FALSE(result->stats.cancelled);
    const auto told = toldAbout(*result);
    const bool root_user = ::geteuid() == 0; // root reads files whatever their mode
    for (const auto& hostile : cases) {
        if (hostile.path.empty() || (root_user && hostile.what.starts_with("unreadable"))) {
            continue;
        }
        EXPECT_NE(told.find(hostile.path), std::string::npos)
            << hostile.what << ": " << hostile.path << " is not named in\n"
            << told;
    }
    // The ordinary files around them were still scanned.
    bool okScanned = false;
    for (const auto& module : result->modules) {
        okScanned |=
            module.path == (root / "src/ok.js").string() && module.kind == ModuleKind::Parsed;
    }
    EXPECT_TRUE(okScanned);
}

// The parse limit: a file over it is a too-large module with its size and a diagnostic; one under
// it is parsed. Set by fanout.json's maxFileSizeMb, and the command line wins over the file.
TEST(HostileTree, FilesOverTheSizeLimitAreNotReadButReported) {
    testing::TempDir tmp;
    const auto root = fs::canonical(tmp.path());
    tmp.write("fanout.json", R"({"preset": "node", "entries": ["index.js"], "maxFileSizeMb": 1})");
    tmp.write("index.js", "import './big.js';\nimport './small.js';\n");
    tmp.write("big.js", "import './never.js';\n" + std::string(2u << 20, ' '));
    tmp.write("small.js", std::string(512u << 10, ' ') + "export {};\n");
    const auto result = testing::scanProject(root.string());
    std::map<std::string, const ScanModule*> byName;
    for (const auto& module : result->modules) {
        byName[fs::path(module.path).filename().string()] = &module;
    }
    ASSERT_TRUE(byName.contains("big.js"));
    EXPECT_EQ(byName["big.js"]->kind, ModuleKind::TooLarge);
    EXPECT_EQ(byName["big.js"]->bytes, fs::file_size(root / "big.js"));
    EXPECT_FALSE(byName.contains("never.js")); // its imports are unknown
    ASSERT_TRUE(byName.contains("small.js"));
    EXPECT_EQ(byName["small.js"]->kind, ModuleKind::Parsed);
    ASSERT_EQ(result->diagnostics.size(), 1u);
    EXPECT_EQ(result->diagnostics[0].path, (root / "big.js").string());
    EXPECT_NE(result->diagnostics[0].message.find("over the 1.0 MB limit"), std::string::npos)
        << result->diagnostics[0].message;

    ScanOverrides overrides;
    overrides.maxFileSizeMb = 3;
    const auto wider = testing::scanProject(root.string(), overrides);
    EXPECT_TRUE(wider->diagnostics.empty());
    EXPECT_EQ(toString(ModuleKind::TooLarge), "too-large");
}

// Files deleted, recreated and relinked while the scan runs: every scan completes, and a module
// is either parsed or carries the reason it is not.
TEST(HostileTree, FilesVanishingAndChangingDuringTheScanAreSurvived) {
    testing::TempDir tmp;
    const auto root = fs::canonical(tmp.path()) / "demo";
    writeDemoProject(root, 3000);
    const auto icons = root / "node_modules/lucide-mini/dist/esm/icons";
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(icons)) {
        files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::atomic<bool> done{false};
    std::thread vandal([&] {
        std::size_t i = 0;
        while (!done) {
            const auto& file = files[i++ % files.size()];
            std::error_code error;
            if (i % 3 == 0) {
                fs::remove(file, error); // gone
            } else if (i % 3 == 1) {
                std::ofstream(file) << "export default '" << i << "'; import './" << i << ".js';\n";
            } else {
                fs::remove(file, error);
                fs::create_symlink(files[(i * 7) % files.size()], file, error); // relinked
            }
        }
    });
    for (int run = 0; run < 5; ++run) {
        const auto result = testing::scanProject(root.string());
        EXPECT_FALSE(result->stats.cancelled);
        for (const auto& module : result->modules) {
            EXPECT_TRUE(module.kind != ModuleKind::Unreadable || !module.error.empty())
                << module.path;
        }
    }
    done = true;
    vandal.join();
}

} // namespace
} // namespace fanout
