// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/workspaces.h"

#include "base/path_utils.h"
#include "fanout/project/project_config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fnmatch.h>

namespace fanout::detail {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxWorkspaceDepth = 4;

std::vector<std::string> declaredPatterns(const std::string& root) {
    std::vector<std::string> out;
    const auto package = readJsonc(joinPath(root, "package.json"));
    if (package.is_object() && package.contains("workspaces")) {
        auto list = package["workspaces"];
        if (list.is_object()) { // yarn: {"packages": [...], "nohoist": [...]}
            list = list.value("packages", nlohmann::ordered_json::array());
        }
        if (list.is_array()) {
            for (const auto& item : list) {
                if (item.is_string()) {
                    out.push_back(item.get<std::string>());
                }
            }
        }
    }
    const auto pnpm = joinPath(root, "pnpm-workspace.yaml");
    if (fs::is_regular_file(pnpm)) {
        try {
            const auto yaml = YAML::LoadFile(pnpm);
            if (const auto packages = yaml["packages"]; packages && packages.IsSequence()) {
                for (const auto& item : packages) {
                    if (item.IsScalar()) {
                        out.push_back(item.as<std::string>());
                    }
                }
            }
        } catch (const YAML::Exception& error) {
            throw ConfigError(pnpm + ": not valid YAML: " + error.what());
        }
    }
    return out;
}

// Folders under the root holding a package.json, node_modules and hidden folders skipped.
std::vector<std::string> packageFolders(const std::string& root) {
    std::vector<std::string> out;
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(
             root, fs::directory_options::skip_permission_denied, error);
         it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (error) {
            break;
        }
        const auto name = it->path().filename().string();
        if (!it->is_directory(error) || it->is_symlink(error)) {
            continue;
        }
        if (name == "node_modules" || startsWith(name, ".") || it.depth() >= kMaxWorkspaceDepth) {
            it.disable_recursion_pending();
            continue;
        }
        if (fs::is_regular_file(it->path() / "package.json")) {
            std::string relative;
            relativeInside(root, it->path().string(), relative);
            out.push_back(relative);
        }
    }
    return out;
}

// npm/pnpm globs: `*` stays in one folder, `**` crosses them; "./" and a trailing "/" ignored.
bool matches(std::string pattern, const std::string& folder) {
    if (startsWith(pattern, "./")) {
        pattern = pattern.substr(2);
    }
    while (!pattern.empty() && pattern.back() == '/') {
        pattern.pop_back();
    }
    const bool deep = pattern.find("**") != std::string::npos;
    return ::fnmatch(pattern.c_str(), folder.c_str(), deep ? 0 : FNM_PATHNAME) == 0;
}

std::string prefixed(const Workspace& workspace, const std::string& environment) {
    return workspace.name + ":" + environment;
}

} // namespace

std::vector<Workspace> findWorkspaces(const std::string& root) {
    const auto patterns = declaredPatterns(root);
    std::vector<Workspace> out;
    if (patterns.empty()) {
        return out;
    }
    for (const auto& folder : packageFolders(root)) {
        bool included = false;
        for (const auto& pattern : patterns) {
            if (startsWith(pattern, "!")) {
                included = included && !matches(pattern.substr(1), folder);
            } else {
                included = included || matches(pattern, folder);
            }
        }
        if (!included) {
            continue;
        }
        Workspace workspace;
        workspace.dir = joinPath(root, folder);
        const auto package = readJsonc(joinPath(workspace.dir, "package.json"));
        workspace.name = package.is_object() && package.value("name", "") != ""
                             ? package["name"].get<std::string>()
                             : folder;
        workspace.preset = detectPreset(workspace.dir);
        out.push_back(std::move(workspace));
    }
    std::sort(out.begin(), out.end(),
              [](const Workspace& a, const Workspace& b) { return a.dir < b.dir; });
    return out;
}

bool isApp(const Workspace& workspace) {
    return workspace.preset == "rwsdk" || workspace.preset == "next" || workspace.preset == "vite";
}

PresetConfig monorepoPreset(const std::string& root, const std::vector<Workspace>& workspaces,
                            const std::vector<std::string>& only) {
    for (const auto& name : only) {
        const bool known = std::any_of(workspaces.begin(), workspaces.end(), [&](const auto& w) {
            return w.name == name || w.dir == joinPath(root, name);
        });
        if (!known) {
            std::string list;
            for (const auto& workspace : workspaces) {
                list += (list.empty() ? "" : ", ") + workspace.name;
            }
            throw ConfigError("no workspace \"" + name + "\" in " + root + " (workspaces: " + list +
                              ")");
        }
    }
    PresetConfig out;
    auto& config = out.config;
    config.root = root;
    config.preset = "workspaces";
    config.environments.clear();
    config.workspaces = workspaces;
    for (const auto& workspace : workspaces) {
        const bool picked =
            only.empty()
                ? isApp(workspace)
                : std::any_of(only.begin(), only.end(), [&](const std::string& name) {
                      return workspace.name == name || workspace.dir == joinPath(root, name);
                  });
        if (!picked) {
            continue;
        }
        auto app = presetConfig(workspace.preset, workspace.dir);
        config.scannedWorkspaces.push_back(workspace.name);
        const auto first = prefixed(workspace, app.config.environments.front().name);
        for (auto& environment : app.config.environments) {
            environment.name = prefixed(workspace, environment.name);
            environment.workspace = workspace.name;
            config.environments.push_back(std::move(environment));
        }
        for (auto rule : app.config.switches) {
            rule.environment = prefixed(workspace, rule.environment);
            rule.workspace = workspace.name;
            config.switches.push_back(std::move(rule));
        }
        const auto startIn = [&](const std::string& entry) {
            const auto it = app.config.entryEnvironments.find(entry);
            config.entryEnvironments[entry] =
                it == app.config.entryEnvironments.end() ? first : prefixed(workspace, it->second);
        };
        for (const auto& entry : app.config.entries) {
            startIn(entry);
            config.entries.push_back(entry);
        }
        for (const auto& entry : app.conditionalEntries) {
            startIn(entry);
            out.conditionalEntries.push_back(entry);
        }
        for (const auto& name : app.config.optimizePackages) {
            if (std::find(config.optimizePackages.begin(), config.optimizePackages.end(), name) ==
                config.optimizePackages.end()) {
                config.optimizePackages.push_back(name);
            }
        }
        config.configFindings.insert(config.configFindings.end(), app.config.configFindings.begin(),
                                     app.config.configFindings.end());
        config.jsx = app.config.jsx;
    }
    if (config.environments.empty()) {
        throw ConfigError("no app among the workspaces of " + root +
                          " (an app is a workspace the rwsdk, next or vite preset detects); "
                          "pick some with --workspace NAME, or pass --entry FILE");
    }
    return out;
}

} // namespace fanout::detail
