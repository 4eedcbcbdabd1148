// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/base/display_path.h"
#include "fanout/compare/scan_document.h"

namespace fanout {
namespace {

std::vector<std::string> displayPaths(const std::vector<std::string>& paths,
                                      const std::string& root) {
    std::vector<std::string> out;
    out.reserve(paths.size());
    for (const auto& path : paths) {
        out.push_back(displayPath(path, root));
    }
    return out;
}

} // namespace

ScanDocument documentOf(const ScanResult& result, const Analysis& analysis) {
    const auto& root = result.config.root;
    const auto environment = [&](const ScanModule& module) {
        return result.config.environments[module.environment].name;
    };
    ScanDocument document;
    document.root = root;
    document.modules.reserve(result.modules.size());
    for (const auto& module : result.modules) {
        const auto* package = result.packageOf(module);
        document.modules.push_back({displayPath(module.path, root), environment(module),
                                    package != nullptr ? package->name : std::string(),
                                    module.bytes,
                                    std::string(toString(module.directive.directive))});
    }
    for (const auto& summary : analysis.packages) {
        const auto& package = result.packages[summary.package.value];
        document.packages.push_back({package.name, package.version, displayPath(package.root, root),
                                     summary.modules, summary.bytes});
    }
    for (const auto& hotspot : analysis.hotspots) {
        const auto& module = result.module(hotspot.module);
        document.hotspots.push_back({displayPath(module.path, root), environment(module),
                                     hotspot.reach.modules, hotspot.reach.bytes});
    }
    document.client = displayPaths(result.clientModules, root);
    document.server = displayPaths(result.serverModules, root);
    document.clientBoundaries = displayPaths(result.clientBoundaries, root);
    document.serverActions = displayPaths(result.serverActions, root);
    for (const auto& duplicate : analysis.duplicatePaths) {
        document.duplicatePaths.push_back(displayPath(result.module(duplicate.module).path, root));
    }
    for (const auto& duplicate : analysis.duplicatePackages) {
        DocumentDuplicatePackage entry{duplicate.name, {}};
        for (const auto copy : duplicate.copies) {
            const auto& package = result.packages[copy.value];
            entry.copies.push_back(package.version + " (" + displayPath(package.root, root) + ")");
        }
        document.duplicatePackages.push_back(std::move(entry));
    }
    const auto& stats = result.stats;
    document.stats = {result.modules.size(), result.edges.size(), stats.bytesRead,
                      stats.unresolved,      stats.wallMs,        stats.peakResidentBytes};
    return document;
}

} // namespace fanout
