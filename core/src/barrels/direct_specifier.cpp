// SPDX-License-Identifier: GPL-3.0-or-later
#include "barrels/direct_specifier.h"

#include "base/path_utils.h"
#include "io/jsonc.h"

#include <algorithm>

namespace fanout::detail {
namespace {

void collectTargets(const nlohmann::ordered_json& value, std::vector<std::string>& out) {
    if (value.is_string()) {
        out.push_back(value.get<std::string>());
    } else if (value.is_object() || value.is_array()) {
        for (const auto& item : value) {
            collectTargets(item, out);
        }
    }
}

// "./dist/esm/icons/*.js" against "./dist/esm/icons/camera.js" gives "camera".
std::optional<std::string> starMatch(std::string_view pattern, std::string_view path) {
    const auto star = pattern.find('*');
    if (star == std::string_view::npos) {
        return std::nullopt;
    }
    const auto prefix = pattern.substr(0, star);
    const auto suffix = pattern.substr(star + 1);
    if (path.size() <= prefix.size() + suffix.size() || !startsWith(path, prefix) ||
        !endsWith(path, suffix)) {
        return std::nullopt;
    }
    return std::string(path.substr(prefix.size(), path.size() - prefix.size() - suffix.size()));
}

std::string withoutExtension(const std::string& path) {
    const auto extension = extensionOf(path);
    return path.substr(0, path.size() - extension.size());
}

// `to` relative to the folder `from`, as a relative specifier ("./x", "../y/z").
std::string relativeSpecifier(std::string_view from, std::string_view to) {
    std::string base(from);
    std::string up;
    std::string inside;
    while (!relativeInside(base, to, inside)) {
        if (base == "/") {
            return std::string(to);
        }
        base = std::string(parentPath(base));
        up += "../";
    }
    return (up.empty() ? "./" : up) + inside;
}

} // namespace

DirectSpecifiers::DirectSpecifiers(const ScanResult& result) : m_result(result) {
    auto cache = std::make_shared<ResolverCache>();
    for (const auto& environment : result.config.environments) {
        m_resolvers.emplace_back(environment.resolver, cache);
    }
}

const nlohmann::ordered_json* DirectSpecifiers::exportsOf(const std::string& packageRoot) {
    auto [it, inserted] = m_exports.try_emplace(packageRoot);
    if (inserted) {
        auto file = readJsonFile(joinPath(packageRoot, "package.json"), false);
        if (file.ok() && file.json.is_object() && file.json.contains("exports")) {
            it->second = std::move(file.json["exports"]);
        }
    }
    return it->second ? &*it->second : nullptr;
}

std::vector<std::string> DirectSpecifiers::candidates(ModuleId importer, const ScanModule& module) {
    std::vector<std::string> out;
    const auto* package = m_result.packageOf(module);
    if (package == nullptr) {
        const auto from = parentPath(m_result.module(importer).path);
        out.push_back(relativeSpecifier(from, withoutExtension(module.path)));
        out.push_back(relativeSpecifier(from, module.path));
        return out;
    }
    std::string relative;
    if (!relativeInside(package->root, module.path, relative)) {
        return out;
    }
    const auto* exports = exportsOf(package->root);
    if (exports == nullptr) {
        out.push_back(package->name + "/" + withoutExtension(relative));
        out.push_back(package->name + "/" + relative);
        return out;
    }
    if (!exports->is_object()) {
        return out; // a string or an array: the package exposes "." alone
    }
    for (const auto& [key, value] : exports->items()) {
        if (key.empty() || key.front() != '.') {
            return out; // conditions at the top: "." alone
        }
        std::vector<std::string> targets;
        collectTargets(value, targets);
        const bool pattern = key.find('*') != std::string::npos;
        for (const auto& target : targets) {
            if (!pattern && target == "./" + relative) {
                out.push_back(package->name + key.substr(1));
            } else if (const auto match = starMatch(target, "./" + relative); match && pattern) {
                out.push_back(package->name + substituteStars(key.substr(1), *match));
            }
        }
    }
    return out;
}

std::optional<std::string> DirectSpecifiers::find(ModuleId importer, ModuleId target) {
    const auto& from = m_result.module(importer);
    const auto& module = m_result.module(target);
    std::optional<std::string> best;
    for (const auto& candidate : candidates(importer, module)) {
        if (best && candidate.size() >= best->size()) {
            continue;
        }
        const auto resolution =
            m_resolvers[from.environment].resolve(from.path, candidate, ImportKind::Import);
        if (resolution.kind == ResolutionKind::File && resolution.path == module.path) {
            best = candidate;
        }
    }
    return best;
}

} // namespace fanout::detail
