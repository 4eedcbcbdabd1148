// SPDX-License-Identifier: GPL-3.0-or-later
#include "compat/rwsdk_compat.h"

#include "base/path_utils.h"
#include "fanout/base/display_path.h"

#include <algorithm>
#include <deque>
#include <set>

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
    std::set<std::string> seen;
    for (const auto& module : result.modules) {
        if (module.kind != ModuleKind::Parsed || !seen.insert(module.path).second) {
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
    std::vector<std::vector<std::uint32_t>> out(result.modules.size());
    for (std::size_t i = 0; i < result.edges.size(); ++i) {
        const auto& edge = result.edges[i];
        if (edge.target && !skipped[i]) {
            out[edge.importer.value].push_back(edge.target->value);
        }
    }
    std::vector<bool> reached(result.modules.size(), false);
    std::deque<std::uint32_t> queue;
    for (const auto entry : entryModules(result)) {
        reached[entry] = true;
        queue.push_back(entry);
    }
    while (!queue.empty()) {
        const auto at = queue.front();
        queue.pop_front();
        for (const auto next : out[at]) {
            if (!reached[next]) {
                reached[next] = true;
                queue.push_back(next);
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
        if (!edge.target || edge.typeOnly || !rwsdkSkipsDottedSpecifier(edge.specifier)) {
            continue;
        }
        skipped[i] = true;
        const auto& importer = result.module(edge.importer);
        result.findings.push_back(
            {"rwsdk-skips-specifier", importer.path,
             "rwsdk treats \"" + edge.specifier + "\" (line " + std::to_string(edge.position.line) +
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
