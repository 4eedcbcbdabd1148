// SPDX-License-Identifier: GPL-3.0-or-later
// Differential test: Fanout's resolver against enhanced-resolve (webpack's resolver) on the
// fixture project. Every disagreement must be listed, with the reason it is deliberate, in
// expected-differences.json; a listed case that no longer differs fails too, so the list stays
// true.
#include "fanout/resolve/resolver.h"

#include "fixture_project.h"
#include "process.h"
#include "temp_dir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

namespace fanout {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const std::string kConformance = FANOUT_CONFORMANCE_DIR;
const std::string kModules = FANOUT_REFERENCE_MODULES;

Json readJson(const std::string& path) {
    std::ifstream in(path);
    return Json::parse(in);
}

std::string caseName(const Json& c) {
    std::string name = c.value("kind", "import") + " \"" + c["specifier"].get<std::string>() +
                       "\" from " + c["from"].get<std::string>();
    if (c.contains("conditions")) {
        name += " with " + c["conditions"].dump();
    }
    return name;
}

// Resolves every case with both resolvers; returns the disagreements not listed in `expected`
// and the listed cases that agree after all.
struct Comparison {
    std::string unexpected;
    std::string agreedButListed;
    std::size_t cases = 0;
    std::size_t resolvedByBoth = 0;
};

Comparison compare(const std::string& root, const Json& cases,
                   const std::map<std::string, std::string>& expected) {
    testing::TempDir tmp;
    const auto casesFile = tmp.write("cases.json", cases.dump());
    const auto run = testing::runProcess({FANOUT_NODE_EXECUTABLE,
                                          kConformance + "/resolve-with-enhanced-resolve.mjs",
                                          kModules, root, casesFile.string()});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    const auto theirs = Json::parse(run.out);
    EXPECT_EQ(theirs.size(), cases.size());

    Comparison out;
    out.cases = cases.size();
    for (std::size_t i = 0; i < cases.size() && i < theirs.size(); ++i) {
        const auto& c = cases[i];
        ResolverConfig config;
        if (c.contains("conditions")) {
            config.conditions = c["conditions"].get<std::vector<std::string>>();
        }
        const Resolver resolver(config, std::make_shared<ResolverCache>());
        const auto ours = resolver.resolve(
            root + "/" + c["from"].get<std::string>(), c["specifier"].get<std::string>(),
            c.value("kind", "import") == "require" ? ImportKind::Require : ImportKind::Import);
        const std::string ourPath = ours.kind == ResolutionKind::File ? ours.path : "";
        const std::string theirPath = theirs[i]["path"].is_string() ? theirs[i]["path"] : "";
        const auto name = caseName(c);
        const bool listed = expected.count(name) > 0;
        out.resolvedByBoth += !ourPath.empty() && ourPath == theirPath ? 1 : 0;
        if (ourPath != theirPath && !listed) {
            out.unexpected +=
                "\n  " + name + "\n    fanout:           " +
                (ourPath.empty() ? "unresolved: " + ours.reason : ourPath) +
                "\n    enhanced-resolve: " +
                (theirPath.empty() ? "error: " + theirs[i].value("error", "") : theirPath);
        } else if (ourPath == theirPath && listed) {
            out.agreedButListed += "\n  " + name;
        }
    }
    return out;
}

std::map<std::string, std::string> expectedDifferences() {
    std::map<std::string, std::string> expected;
    for (const auto& difference : readJson(kConformance + "/expected-differences.json")) {
        expected[caseName(difference)] = difference["why"];
    }
    return expected;
}

void expectAgreement(const Comparison& comparison) {
    EXPECT_TRUE(comparison.unexpected.empty())
        << "disagreements not in expected-differences.json:" << comparison.unexpected;
    EXPECT_TRUE(comparison.agreedButListed.empty())
        << "listed in expected-differences.json but now agree:" << comparison.agreedButListed;
}

class EnhancedResolveConformance : public ::testing::Test {
protected:
    void SetUp() override {
        if (!fs::exists(kModules + "/node_modules/enhanced-resolve/package.json")) {
            std::ifstream why(kModules + "/unavailable.txt");
            std::stringstream text;
            text << why.rdbuf();
            GTEST_SKIP() << "enhanced-resolve is not installed (" << text.str() << ")";
        }
    }
};

TEST_F(EnhancedResolveConformance, FixtureProject) {
    const std::string root =
        testing::fixtureProject(std::string(FANOUT_TEST_DATA) + "/resolve/project");
    const auto comparison =
        compare(root, readJson(kConformance + "/cases.json"), expectedDifferences());
    EXPECT_GT(comparison.resolvedByBoth, 30u);
    expectAgreement(comparison);
}

// Every installed package by name and by each of its exported subpaths, as import and require.
Json realTreeCases(const std::string& modules) {
    std::vector<std::string> packages;
    for (const auto& entry : fs::directory_iterator(modules + "/node_modules")) {
        const auto name = entry.path().filename().string();
        if (name.starts_with("@")) {
            for (const auto& scoped : fs::directory_iterator(entry.path())) {
                packages.push_back(name + "/" + scoped.path().filename().string());
            }
        } else if (!name.starts_with(".")) {
            packages.push_back(name);
        }
    }
    std::sort(packages.begin(), packages.end());
    Json cases = Json::array();
    for (const auto& name : packages) {
        std::vector<std::string> specifiers{name};
        const auto manifest = readJson(modules + "/node_modules/" + name + "/package.json");
        if (manifest.contains("exports") && manifest["exports"].is_object()) {
            for (const auto& [key, value] : manifest["exports"].items()) {
                if (key.starts_with("./") && key.find('*') == std::string::npos) {
                    specifiers.push_back(name + key.substr(1));
                }
            }
        }
        for (const auto& specifier : specifiers) {
            for (const char* kind : {"import", "require"}) {
                cases.push_back(
                    {{"from", "src/index.js"}, {"specifier", specifier}, {"kind", kind}});
            }
        }
    }
    return cases;
}

TEST_F(EnhancedResolveConformance, RealInstalledPackageTree) {
    const std::string root = fs::canonical(kModules).string();
    const auto cases = realTreeCases(root);
    const auto comparison = compare(root, cases, expectedDifferences());
    std::cout << "real package tree: " << comparison.cases << " cases, "
              << comparison.resolvedByBoth << " resolved to the same file by both\n";
    EXPECT_GT(comparison.resolvedByBoth, 50u);
    expectAgreement(comparison);
}

} // namespace
} // namespace fanout
