// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/analysis/budgets.h"

#include "fanout/base/display_path.h"

#include <fnmatch.h>
#include <map>
#include <set>

namespace fanout {
namespace {

bool matches(const std::string& pattern, const std::string& text) {
    return ::fnmatch(pattern.c_str(), text.c_str(), 0) == 0;
}

std::string moduleName(const ScanResult& result, ModuleId id) {
    return displayPath(result.module(id).path, result.config.root);
}

// An import as a baseline knows it: importer and specifier.
std::string importSubject(const ScanResult& result, const ScanEdge& edge) {
    return moduleName(result, edge.importer) + " -> " + result.specifier(edge);
}

void checkReach(const ScanResult& result, const ModuleGraph& graph, const Analysis& analysis,
                std::uint64_t limit, const ImportReach& importReach,
                std::vector<BudgetViolation>& out) {
    // Exact reach only where the estimate comes near the limit (the estimate is within ~35 %).
    std::map<std::uint32_t, Reach> exact;
    std::set<std::pair<std::uint32_t, std::uint32_t>> reported; // (importer, target)
    for (std::size_t e = 0; e < result.edges.size(); ++e) {
        const auto& edge = result.edges[e];
        if (!edge.target || edge.typeOnly || !isFirstParty(result.module(edge.importer))) {
            continue;
        }
        const auto target = edge.target->value;
        if (static_cast<double>(analysis.modules[target].reachEstimate) <
                0.6 * static_cast<double>(limit) ||
            !reported.insert({edge.importer.value, target}).second) {
            continue;
        }
        auto it = exact.find(target);
        if (it == exact.end()) {
            it = exact.emplace(target, exactReach(result, graph, *edge.target)).first;
        }
        // What an import needs is never more than what it walks: only the imports over the
        // limit by walk are asked what their names need.
        if (it->second.modules <= limit || (importReach && importReach(e).modules <= limit)) {
            continue;
        }
        const auto modules = importReach ? importReach(e).modules : it->second.modules;
        BudgetViolation violation{
            "max-reach",
            moduleName(result, edge.importer) + " imports \"" + result.specifier(edge) +
                "\" (line " + std::to_string(edge.position.line) + "), which " +
                (importReach ? "needs " : "drags in ") + std::to_string(modules) +
                " modules (budget " + std::to_string(limit) + ")",
            whyReached(graph, edge.importer), importSubject(result, edge)};
        violation.chain.push_back(*edge.target);
        out.push_back(std::move(violation));
    }
}

void checkForbidden(const ScanResult& result, const ModuleGraph& graph,
                    const std::vector<std::string>& patterns, std::vector<BudgetViolation>& out) {
    for (const auto& edge : result.edges) {
        if (edge.typeOnly || !isFirstParty(result.module(edge.importer))) {
            continue;
        }
        const std::string resolved = edge.target ? moduleName(result, *edge.target) : "";
        for (const auto& pattern : patterns) {
            if (!matches(pattern, result.specifier(edge)) &&
                (resolved.empty() || !matches(pattern, resolved))) {
                continue;
            }
            BudgetViolation violation{
                "forbid-import",
                moduleName(result, edge.importer) + " imports \"" + result.specifier(edge) +
                    "\" (line " + std::to_string(edge.position.line) +
                    "), which matches the forbidden pattern \"" + pattern + "\"",
                whyReached(graph, edge.importer), importSubject(result, edge)};
            if (edge.target) {
                violation.chain.push_back(*edge.target);
            }
            out.push_back(std::move(violation));
            break;
        }
    }
}

} // namespace

std::vector<BudgetViolation> checkBudgets(const ScanResult& result, const ModuleGraph& graph,
                                          const Analysis& analysis, const Budgets& budgets,
                                          const ImportReach& importReach) {
    std::vector<BudgetViolation> out;
    if (budgets.maxModules && result.modules.size() > *budgets.maxModules) {
        out.push_back({"max-modules",
                       std::to_string(result.modules.size()) + " modules (budget " +
                           std::to_string(*budgets.maxModules) + ")",
                       {},
                       {}});
    }
    if (budgets.maxReach) {
        checkReach(result, graph, analysis, *budgets.maxReach, importReach, out);
    }
    for (const auto& [name, limit] : budgets.maxPackageModules) {
        std::uint64_t modules = 0;
        for (const auto& summary : analysis.packages) {
            modules += result.packages[summary.package.value].name == name ? summary.modules : 0;
        }
        if (modules > limit) {
            out.push_back({"max-package-modules",
                           "package " + name + " has " + std::to_string(modules) +
                               " modules in the graph (budget " + std::to_string(limit) + ")",
                           {},
                           name});
        }
    }
    if (!budgets.forbidImport.empty()) {
        checkForbidden(result, graph, budgets.forbidImport, out);
    }
    if (budgets.maxDuplicatePaths && analysis.duplicatePaths.size() > *budgets.maxDuplicatePaths) {
        out.push_back({"max-duplicate-paths",
                       std::to_string(analysis.duplicatePaths.size()) +
                           " files are reached under more than one path string (budget " +
                           std::to_string(*budgets.maxDuplicatePaths) + ")",
                       {},
                       {}});
    }
    const auto peakMb = result.stats.peakResidentBytes / (1024ull * 1024);
    if (budgets.maxRssMb && peakMb > *budgets.maxRssMb) {
        out.push_back({"max-rss",
                       "the scan peaked at " + std::to_string(peakMb) + " MB resident (budget " +
                           std::to_string(*budgets.maxRssMb) + " MB)",
                       {},
                       {}});
    }
    return out;
}

} // namespace fanout
