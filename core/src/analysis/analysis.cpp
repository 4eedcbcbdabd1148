// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/analysis/analysis.h"

#include "analysis/analysis_internal.h"
#include "base/path_utils.h"
#include "base/spread_thread.h"
#include "fanout/base/display_path.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

namespace fanout {
namespace {

bool isBarrel(const ScanModule& module, const AnalysisOptions& options) {
    return module.counts.barrel(options.barrelMinReExports, options.barrelMinShare);
}

std::vector<Hotspot> rankHotspots(const ScanResult& result, const ModuleGraph& graph,
                                  const std::vector<ModuleMetrics>& metrics,
                                  const AnalysisOptions& options) {
    std::vector<std::uint32_t> order(metrics.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    // Exact figures for a few times more candidates than are shown, chosen by the estimate.
    const auto candidates = std::min(order.size(), options.hotspotCount * 3);
    std::partial_sort(order.begin(), order.begin() + static_cast<long>(candidates), order.end(),
                      [&](std::uint32_t a, std::uint32_t b) {
                          return std::tie(metrics[b].reachEstimate, a) <
                                 std::tie(metrics[a].reachEstimate, b);
                      });
    std::vector<Hotspot> hotspots;
    for (std::size_t i = 0; i < candidates; ++i) {
        const ModuleId id{order[i]};
        Hotspot hotspot{id,
                        exactReach(result, graph, id),
                        metrics[id.value].fanOut,
                        metrics[id.value].barrel,
                        {}};
        for (const auto importer : graph.importers(id.value)) {
            if (isFirstParty(result.modules[importer])) {
                hotspot.firstPartyImporters.push_back(ModuleId{importer});
            }
        }
        hotspots.push_back(std::move(hotspot));
    }
    std::sort(hotspots.begin(), hotspots.end(), [](const Hotspot& a, const Hotspot& b) {
        return std::tie(b.reach.modules, b.reach.bytes, a.module) <
               std::tie(a.reach.modules, a.reach.bytes, b.module);
    });
    if (hotspots.size() > options.hotspotCount) {
        hotspots.resize(options.hotspotCount);
    }
    return hotspots;
}

std::vector<PackageSummary> summarizePackages(const ScanResult& result) {
    std::vector<PackageSummary> packages(result.packages.size());
    // Gathered, then sorted and made unique once: a set's node and string compares per insert
    // were most of the analysis on the npm app (30,000 edges into packages, most from icons).
    std::vector<std::vector<std::string>> entryPoints(result.packages.size());
    for (std::uint32_t i = 0; i < packages.size(); ++i) {
        packages[i].package = PackageId{i};
    }
    for (const auto& module : result.modules) {
        if (module.package) {
            auto& summary = packages[module.package->value];
            ++summary.modules;
            summary.bytes += module.bytes;
        }
    }
    for (const auto& edge : result.edges) {
        if (!edge.target) {
            continue;
        }
        const auto& target = result.module(*edge.target);
        const auto& importer = result.module(edge.importer);
        if (target.package && importer.package != target.package) {
            entryPoints[target.package->value].push_back(
                displayPath(importer.path, result.config.root) + " -> " + result.specifier(edge));
        }
    }
    for (std::size_t i = 0; i < packages.size(); ++i) {
        packages[i].share = result.modules.empty() ? 0
                                                   : static_cast<double>(packages[i].modules) /
                                                         static_cast<double>(result.modules.size());
        auto& points = entryPoints[i];
        std::sort(points.begin(), points.end());
        points.erase(std::unique(points.begin(), points.end()), points.end());
        packages[i].entryPoints = std::move(points);
    }
    std::stable_sort(
        packages.begin(), packages.end(),
        [](const PackageSummary& a, const PackageSummary& b) { return a.modules > b.modules; });
    return packages;
}

void findDuplicates(const ScanResult& result, Analysis& out) {
    // Real path -> its first module (a file is a module per environment). Views of the modules'
    // own paths: no copy of 100,000 strings into a tree.
    std::unordered_map<std::string_view, std::uint32_t> firstModuleOf;
    firstModuleOf.reserve(result.modules.size());
    for (std::uint32_t i = 0; i < result.modules.size(); ++i) {
        firstModuleOf.emplace(result.modules[i].path, i);
    }
    std::map<std::uint32_t, std::set<std::pair<std::string, std::string>>> aliases;
    for (std::uint32_t id = 0; id < result.modules.size(); ++id) {
        const auto& module = result.modules[id];
        if (firstModuleOf.at(module.path) != id) {
            continue; // the same file in another environment: counted once
        }
        for (const auto& alias : module.aliases) {
            aliases[id].insert({alias, detail::equalsIgnoringCase(alias, module.path)
                                           ? "case variant"
                                           : "symlink"});
        }
        ++out.multiplier.pathStrings;
        out.multiplier.pathStrings += module.aliases.size();
        out.multiplier.extraReads += module.aliases.size();
        out.multiplier.extraBytes += module.aliases.size() * module.bytes;
    }
    // Imports spelled with the wrong letter case: one more module on macOS and Windows.
    for (const auto& edge : result.edges) {
        if (edge.caseVariantOf().empty()) {
            continue;
        }
        const auto it = firstModuleOf.find(edge.caseVariantOf());
        if (it == firstModuleOf.end()) {
            continue;
        }
        const auto spelled =
            detail::joinPath(std::string(detail::parentPath(result.module(edge.importer).path)),
                             result.specifier(edge));
        if (aliases[it->second]
                .insert(
                    {spelled, "case variant (a second module on case-insensitive file systems)"})
                .second) {
            ++out.multiplier.pathStrings;
            ++out.multiplier.extraReads;
            out.multiplier.extraBytes += result.modules[it->second].bytes;
        }
    }
    for (auto& [id, list] : aliases) {
        if (!list.empty()) {
            out.duplicatePaths.push_back({ModuleId{id}, {list.begin(), list.end()}});
        }
    }
    std::map<std::string, std::vector<PackageId>> byName;
    for (std::uint32_t i = 0; i < result.packages.size(); ++i) {
        byName[result.packages[i].name].push_back(PackageId{i});
    }
    for (auto& [name, copies] : byName) {
        if (copies.size() < 2) {
            continue;
        }
        DuplicatePackage duplicate{name, copies, 0};
        for (const auto& module : result.modules) {
            if (module.package && module.package != copies.front() &&
                std::find(copies.begin(), copies.end(), *module.package) != copies.end()) {
                duplicate.bytes += module.bytes;
            }
        }
        out.duplicatePackages.push_back(std::move(duplicate));
    }
}

bool isRelativeSpecifier(std::string_view specifier) {
    return specifier.starts_with("./") || specifier.starts_with("../") || specifier == "." ||
           specifier == "..";
}

void findSpellings(const ScanResult& result, Analysis& out) {
    // Only a module reached by two relative imports or more can be spelled two ways: the others'
    // spellings are not made (most modules have one importer).
    std::vector<std::uint32_t> relativeImports(result.modules.size(), 0);
    for (const auto& edge : result.edges) {
        if (edge.target && isRelativeSpecifier(result.specifier(edge))) {
            ++relativeImports[edge.target->value];
        }
    }
    std::map<std::uint32_t, std::set<std::string>> spellings; // target -> importerDir/specifier
    for (const auto& edge : result.edges) {
        if (edge.target && relativeImports[edge.target->value] > 1 &&
            isRelativeSpecifier(result.specifier(edge))) {
            // "./x" is the importer's folder plus "x"; any other "." or ".." is kept as written.
            std::string_view rest = result.specifier(edge);
            while (rest.starts_with("./")) {
                rest.remove_prefix(2);
            }
            std::string spelled(detail::parentPath(result.module(edge.importer).path));
            if (rest != "." && !rest.empty()) {
                spelled += (spelled.ends_with('/') ? "" : "/") + std::string(rest);
            }
            spellings[edge.target->value].insert(std::move(spelled));
        }
    }
    for (const auto& [id, strings] : spellings) {
        if (strings.size() < 2) {
            continue;
        }
        const auto& module = result.modules[id];
        DuplicatePath duplicate{ModuleId{id}, {}};
        for (const auto& spelled : strings) {
            if (spelled == module.path) {
                continue;
            }
            const auto normalized = detail::normalizePath(spelled);
            const bool samePath =
                normalized == module.path || std::find(module.aliases.begin(), module.aliases.end(),
                                                       normalized) != module.aliases.end();
            const char* cause = "extension alias";
            if (samePath) {
                cause = "./ ../ spelling";
            } else if (module.path.starts_with(normalized + "/")) {
                cause = "directory index";
            }
            duplicate.aliases.emplace_back(spelled, cause);
        }
        out.duplicateSpellings.push_back(std::move(duplicate));
    }
}

} // namespace

bool isFirstParty(const ScanModule& module) {
    return !module.package && module.path.find("/node_modules/") == std::string::npos;
}

Analysis analyze(const ScanResult& result, const ModuleGraph& graph,
                 const AnalysisOptions& options) {
    Analysis out;
    // The duplicates ask only the result: found on a second thread, when allowed, while this one
    // ranks the graph (each half about 15 ms at 21,000 modules).
    Analysis duplicates;
    const auto findAllDuplicates = [&] {
        findDuplicates(result, duplicates);
        findSpellings(result, duplicates);
    };
    std::optional<detail::SpreadTask<void>> found;
    if (options.threads > 1) {
        found.emplace(detail::spreadAsync(findAllDuplicates));
    }
    out.modules.resize(result.modules.size());
    const auto components = detail::stronglyConnected(graph);
    const auto estimates = detail::estimateReach(graph, components);
    for (std::uint32_t i = 0; i < result.modules.size(); ++i) {
        auto& metrics = out.modules[i];
        metrics.fanOut = static_cast<std::uint32_t>(graph.targets(i).size());
        metrics.fanIn = static_cast<std::uint32_t>(graph.importers(i).size());
        metrics.reachEstimate = estimates[i];
        metrics.barrel = isBarrel(result.modules[i], options);
    }
    for (const auto& members : components.members) {
        if (members.size() > 1) {
            std::vector<ModuleId> cycle;
            cycle.reserve(members.size());
            for (const auto member : members) {
                cycle.push_back(ModuleId{member});
            }
            std::sort(cycle.begin(), cycle.end());
            out.cycles.push_back(std::move(cycle));
        }
    }
    std::sort(out.cycles.begin(), out.cycles.end());
    out.hotspots = rankHotspots(result, graph, out.modules, options);
    out.packages = summarizePackages(result);
    if (found) {
        found->get();
    } else {
        findAllDuplicates();
    }
    out.duplicatePaths = std::move(duplicates.duplicatePaths);
    out.duplicatePackages = std::move(duplicates.duplicatePackages);
    out.duplicateSpellings = std::move(duplicates.duplicateSpellings);
    out.multiplier = duplicates.multiplier;
    return out;
}

} // namespace fanout
