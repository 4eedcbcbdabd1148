// SPDX-License-Identifier: GPL-3.0-or-later
#include "compat/rwsdk_compat.h"

#include "base/path_utils.h"
#include "fanout/base/display_path.h"

#include <algorithm>
#include <numeric>

namespace fanout::detail {

bool rwsdkSkipsDottedSpecifier(std::string_view specifier) {
    const auto extension = extensionOf(specifier);
    if (extension.empty()) {
        return false;
    }
    // /\.(c|m)?[jt]sx?$|\.mdx$/
    static constexpr std::string_view kScript[] = {".js",   ".jsx",  ".ts",  ".tsx",  ".mjs",
                                                   ".mts",  ".cjs",  ".cts", ".mjsx", ".mtsx",
                                                   ".cjsx", ".ctsx", ".mdx"};
    return std::find(std::begin(kScript), std::end(kScript), extension) == std::end(kScript);
}

namespace {

void directiveFindings(ScanResult& result) {
    // Modules are sorted by path: a file's modules (one per environment) are adjacent.
    const ScanModule* previous = nullptr;
    for (const auto& module : result.modules) {
        if (module.kind != ModuleKind::Parsed) {
            continue;
        }
        const bool seen = previous != nullptr && previous->path == module.path;
        previous = &module;
        if (seen) {
            continue;
        }
        const auto spec = module.specDirective.directive;
        const auto rwsdk = module.rwsdkDirective.directive;
        if (spec != rwsdk) {
            result.findings.push_back({"rwsdk-directive-differs", module.path,
                                       "rwsdk's text rule reads \"" + std::string(toString(rwsdk)) +
                                           "\" where the ECMAScript directive prologue says \"" +
                                           std::string(toString(spec)) + "\""});
        }
    }
}

// Modules reachable from the entries when the edges rwsdk skips are left out.
std::vector<bool> reachableWithout(const ScanResult& result, const std::vector<bool>& skipped) {
    // Each module's targets in one array (a vector per module was half of this function's time).
    std::vector<std::uint32_t> firstEdge(result.modules.size() + 1, 0);
    for (std::size_t i = 0; i < result.edges.size(); ++i) {
        if (result.edges[i].target && !skipped[i]) {
            ++firstEdge[result.edges[i].importer.value + 1];
        }
    }
    std::partial_sum(firstEdge.begin(), firstEdge.end(), firstEdge.begin());
    std::vector<std::uint32_t> targets(firstEdge.back());
    auto fill = firstEdge;
    for (std::size_t i = 0; i < result.edges.size(); ++i) {
        if (result.edges[i].target && !skipped[i]) {
            targets[fill[result.edges[i].importer.value]++] = result.edges[i].target->value;
        }
    }
    std::vector<bool> reached(result.modules.size(), false);
    std::vector<std::uint32_t> queue;
    for (const auto entry : entryModules(result)) {
        reached[entry] = true;
        queue.push_back(entry);
    }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const auto at = queue[head];
        for (auto i = firstEdge[at]; i < firstEdge[at + 1]; ++i) {
            if (!reached[targets[i]]) {
                reached[targets[i]] = true;
                queue.push_back(targets[i]);
            }
        }
    }
    return reached;
}

} // namespace

void addRwsdkFindings(ScanResult& result) {
    directiveFindings(result);
    std::vector<bool> skipped(result.edges.size(), false);
    for (std::size_t i = 0; i < result.edges.size(); ++i) {
        const auto& edge = result.edges[i];
        if (!edge.target || edge.typeOnly || !rwsdkSkipsDottedSpecifier(result.specifier(edge))) {
            continue;
        }
        skipped[i] = true;
        const auto& importer = result.module(edge.importer);
        result.findings.push_back(
            {"rwsdk-skips-specifier", importer.path,
             "rwsdk treats \"" + result.specifier(edge) + "\" (line " +
                 std::to_string(edge.position.line) +
                 ") as external because of its extension, so it does not scan " +
                 displayPath(result.module(*edge.target).path, result.config.root)});
    }
    const auto reached = reachableWithout(result, skipped);
    for (std::size_t i = 0; i < result.modules.size(); ++i) {
        if (!reached[i]) {
            result.findings.push_back(
                {"rwsdk-misses-module", result.modules[i].path,
                 "reached only through specifiers rwsdk skips (environment " +
                     result.config.environments[result.modules[i].environment].name + ")"});
        }
    }
    std::sort(result.findings.begin(), result.findings.end(),
              [](const Finding& a, const Finding& b) {
                  return std::tie(a.path, a.kind, a.message) < std::tie(b.path, b.kind, b.message);
              });
}

} // namespace fanout::detail
