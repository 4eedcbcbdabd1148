// SPDX-License-Identifier: GPL-3.0-or-later
// The next preset against Next.js itself: a small App Router app (server pages, "use client"
// components, one from node_modules, a "use server" actions file, a Pages Router page and a
// middleware) installed with npm and built with `next build` at test time. Fanout's client
// boundaries must be the modules of Next's client reference manifests (Next's own files left
// out), its server actions the files of the server reference manifest.
#include "fanout/project/project_config.h"
#include "fanout/scan/scanner.h"

#include "file_text.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>

namespace fanout {
namespace {

namespace fs = std::filesystem;
using Paths = std::set<std::string>;

const std::string kDir = FANOUT_NEXTJS_DIR;
const std::string kApp = kDir + "/app";

std::string real(const std::string& path) {
    std::error_code error;
    const auto canonical = fs::canonical(path, error);
    return error ? path : canonical.string();
}

class NextBuild : public ::testing::Test {
protected:
    void SetUp() override {
        if (!fs::exists(kApp + "/.next/server/server-reference-manifest.json")) {
            GTEST_SKIP() << "the npm install or `next build` is missing ("
                         << testing::fileText(kDir + "/unavailable.txt") << ")";
        }
    }

    static const ScanResult& result() {
        static const auto scanned = scan(loadScanConfig(kApp, {}));
        return *scanned;
    }
};

// Every module of every page_client-reference-manifest.js, Next's own files left out. Each
// manifest is `globalThis.__RSC_MANIFEST["/page"]={...}`: the JSON after the first `=` is read.
Paths nextClientModules() {
    Paths out;
    for (const auto& entry : fs::recursive_directory_iterator(kApp + "/.next/server/app")) {
        const auto name = entry.path().filename().string();
        if (name.find("_client-reference-manifest.js") == std::string::npos) {
            continue;
        }
        const auto text = testing::fileText(entry.path());
        const auto start = text.find("]={");
        const auto end = text.rfind('}');
        EXPECT_NE(start, std::string::npos) << entry.path();
        if (start == std::string::npos) {
            continue;
        }
        const auto manifest = nlohmann::json::parse(text.substr(start + 2, end - start - 1));
        for (const auto& [path, value] : manifest["clientModules"].items()) {
            if (path.find("/node_modules/next/") == std::string::npos) {
                out.insert(real(path.substr(0, path.find('#'))));
            }
        }
    }
    return out;
}

Paths nextServerActions() {
    const auto manifest = nlohmann::json::parse(
        testing::fileText(kApp + "/.next/server/server-reference-manifest.json"));
    Paths out;
    for (const char* runtime : {"node", "edge"}) {
        for (const auto& [id, action] : manifest[runtime].items()) {
            out.insert(real(kApp + "/" + action["filename"].get<std::string>()));
        }
    }
    return out;
}

TEST_F(NextBuild, ThePresetIsDetectedAndFindsEveryEntry) {
    const auto& config = result().config;
    EXPECT_EQ(config.preset, "next");
    Paths entries;
    for (const auto& entry : config.entries) {
        entries.insert(entry.substr(kApp.size() + 1));
    }
    EXPECT_EQ(entries, (Paths{"app/dashboard/page.tsx", "app/layout.tsx", "app/page.tsx",
                              "middleware.ts", "pages/about.tsx"}));
    EXPECT_EQ(config.entryEnvironments.at(kApp + "/middleware.ts"), "edge");
    EXPECT_EQ(config.entryEnvironments.at(kApp + "/pages/about.tsx"), "ssr");
}

TEST_F(NextBuild, NothingIsUnresolvedThatNextResolves) {
    for (const auto& edge : result().edges) {
        if (edge.typeOnly) {
            continue; // recorded, never resolved
        }
        EXPECT_NE(edge.resolution, ResolutionKind::Unresolved)
            << result().specifier(edge) << " from " << result().module(edge.importer).path << ": "
            << edge.reason();
    }
}

TEST_F(NextBuild, ClientBoundariesAreTheClientReferenceManifests) {
    const Paths fanout(result().clientBoundaries.begin(), result().clientBoundaries.end());
    const auto next = nextClientModules();
    EXPECT_FALSE(next.empty());
    EXPECT_EQ(fanout, next);
}

TEST_F(NextBuild, ServerActionsAreTheServerReferenceManifest) {
    const Paths fanout(result().serverActions.begin(), result().serverActions.end());
    const auto next = nextServerActions();
    EXPECT_FALSE(next.empty());
    EXPECT_EQ(fanout, next);
}

TEST_F(NextBuild, JsxImportsTheAutomaticRuntime) {
    std::size_t runtimeEdges = 0;
    for (const auto& edge : result().edges) {
        if (edge.kind == ImportKind::JsxRuntime) {
            ++runtimeEdges;
            EXPECT_EQ(result().specifier(edge), "react/jsx-runtime");
            EXPECT_EQ(edge.resolution, ResolutionKind::File) << edge.reason();
        }
    }
    EXPECT_GE(runtimeEdges, 6u); // every .tsx file of the app renders JSX
}

// The optimizePackageImports list shipped with the preset is the installed Next's own
// (next/dist/server/config.js), plus the project's "sonner" read from next.config.mjs.
TEST_F(NextBuild, OptimizePackageImportsAreNextsDefaultsAndTheProjects) {
    const auto config = testing::fileText(kApp + "/node_modules/next/dist/server/config.js");
    const auto start = config.find("result.experimental.optimizePackageImports = [");
    ASSERT_NE(start, std::string::npos);
    const auto end = config.find("])", start);
    const std::string list = config.substr(start, end - start);
    std::vector<std::string> next{"sonner"};
    // Quoted names without spaces: the list's comments hold an apostrophe ("don't").
    static const std::regex quoted(R"('([^'\s,]+)')");
    for (auto it = std::sregex_iterator(list.begin(), list.end(), quoted);
         it != std::sregex_iterator(); ++it) {
        next.push_back((*it)[1].str());
    }
    EXPECT_GT(next.size(), 40u);
    EXPECT_EQ(result().config.optimizePackages, next);
}

TEST_F(NextBuild, ServerExternalPackagesAreLeavesOnTheServer) {
    const auto& environments = result().config.environments;
    const auto& server = environments.front();
    ASSERT_EQ(server.name, "server");
    const auto& externals = server.resolver.externalPackages;
    EXPECT_NE(std::find(externals.begin(), externals.end(), "left-pad"), externals.end());
    // Next's own list (dist/lib/server-external-packages.json) is there too.
    EXPECT_NE(std::find(externals.begin(), externals.end(), "sharp"), externals.end());
    EXPECT_TRUE(environments[1].resolver.externalPackages.empty()); // the client bundles all
}

} // namespace
} // namespace fanout
