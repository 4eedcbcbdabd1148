// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/output/scan_json.h"
#include "fanout/project/project_config.h"
#include "fanout/scan/scanner.h"
#include "fixture_project.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace fanout::testing {

inline std::string scanFixture(const std::string& name) {
    return fixtureProject(std::string(FANOUT_TEST_DATA) + "/scan/" + name);
}

inline std::shared_ptr<const ScanResult> scanProject(const std::string& root,
                                                     const ScanOverrides& overrides = {},
                                                     const ScanOptions& options = {}) {
    return scan(loadScanConfig(root, overrides), options);
}

inline std::vector<std::string> relative(const std::vector<std::string>& paths,
                                         const std::string& root) {
    std::vector<std::string> out;
    out.reserve(paths.size());
    for (const auto& path : paths) {
        out.push_back(displayPath(path, root));
    }
    return out;
}

// "path@env" for every module, sorted.
inline std::vector<std::string> moduleKeys(const ScanResult& result) {
    std::vector<std::string> out;
    for (const auto& module : result.modules) {
        out.push_back(displayPath(module.path, result.config.root) + "@" +
                      result.config.environments[module.environment].name);
    }
    return out;
}

inline const ScanEdge* findEdge(const ScanResult& result, const std::string& importer,
                                const std::string& env, const std::string& specifier) {
    for (const auto& edge : result.edges) {
        const auto& module = result.module(edge.importer);
        if (displayPath(module.path, result.config.root) == importer &&
            result.config.environments[module.environment].name == env &&
            result.specifier(edge) == specifier) {
            return &edge;
        }
    }
    return nullptr;
}

} // namespace fanout::testing
