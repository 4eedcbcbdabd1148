// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/barrels/named_reach.h"

#include "scan/scan_helpers.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace fanout::testing {

// A project written file by file, scanned from src/main.js with the node preset.
struct BarrelProject {
    TempDir dir;
    std::shared_ptr<const ScanResult> result;

    BarrelProject() { dir.write("package.json", R"({"name": "app", "type": "module"})"); }

    void file(const std::string& path, const std::string& text) { dir.write(path, text); }

    // A package in node_modules: its package.json fields after name and main.
    void package(const std::string& name, const std::string& fields = "") {
        dir.write("node_modules/" + name + "/package.json",
                  R"({"name": ")" + name + R"(", "type": "module", "main": "index.js")" +
                      (fields.empty() ? "" : ", " + fields) + "}");
    }

    const ScanResult& scan(ScanOverrides overrides = {}) {
        overrides.preset = "node";
        overrides.entries = {"src/main.js"};
        result = scanProject(dir.path().string(), overrides);
        return *result;
    }

    std::size_t edge(const std::string& importer, const std::string& specifier) const {
        for (std::size_t i = 0; i < result->edges.size(); ++i) {
            const auto& edge = result->edges[i];
            if (displayPath(result->module(edge.importer).path, result->config.root) == importer &&
                result->specifier(edge) == specifier) {
                return i;
            }
        }
        ADD_FAILURE() << "no edge " << importer << " -> " << specifier;
        return 0;
    }

    std::vector<std::string> paths(const std::vector<ModuleId>& modules) const {
        std::vector<std::string> out;
        for (const auto id : modules) {
            out.push_back(displayPath(result->module(id).path, result->config.root));
        }
        return out;
    }

    NamedReach needs(const std::string& importer, const std::string& specifier) const {
        NamedReachWalker walker(*result);
        return walker.ofEdge(edge(importer, specifier));
    }
};

} // namespace fanout::testing
