// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/output/report_text.h"

#include "fanout/barrels/barrel_imports.h"
#include "fanout/base/display_path.h"

#include <algorithm>
#include <iomanip>
#include <map>
#include <sstream>

namespace fanout {
namespace {

std::string name(const ScanResult& result, ModuleId id) {
    const auto& module = result.module(id);
    return displayPath(module.path, result.config.root) + " [" +
           result.config.environments[module.environment].name + "]";
}

constexpr std::size_t kReportHotspots = 10;
constexpr std::size_t kExactBarrels = 50;
constexpr std::size_t kReportBarrelImports = 20;

template <typename Row> void section(std::ostringstream& out, const char* title, const Row& rows) {
    out << "\n" << title << "\n" << (rows.empty() ? "  none\n" : rows);
}

std::string hotspotRows(const ScanResult& result, const Analysis& analysis) {
    std::ostringstream out;
    for (std::size_t i = 0; i < analysis.hotspots.size() && i < kReportHotspots; ++i) {
        const auto& hotspot = analysis.hotspots[i];
        out << "  " << std::setw(7) << hotspot.reach.modules << "  " << std::setw(9)
            << formatSize(hotspot.reach.bytes) << "  fan-out " << std::setw(5) << hotspot.fanOut
            << "  " << name(result, hotspot.module) << (hotspot.barrel ? "  (barrel)" : "") << "\n";
        if (!isFirstParty(result.module(hotspot.module)) && !hotspot.firstPartyImporters.empty()) {
            out << "           imported by your code in ";
            for (std::size_t k = 0; k < hotspot.firstPartyImporters.size() && k < 5; ++k) {
                out << (k ? ", " : "")
                    << displayPath(result.module(hotspot.firstPartyImporters[k]).path,
                                   result.config.root);
            }
            out << (hotspot.firstPartyImporters.size() > 5 ? ", ..." : "") << "\n";
        }
    }
    return out.str();
}

std::string barrelImportRows(const ScanResult& result, const std::vector<BarrelImport>& rows) {
    std::ostringstream out;
    for (std::size_t i = 0; i < rows.size() && i < kReportBarrelImports; ++i) {
        const auto& row = rows[i];
        out << "  " << name(result, row.importer) << " -> \""
            << result.specifier(result.edges[row.edge]) << "\" {" << row.namesText(result) << "}\n"
            << "      needs " << row.needed.modules << " modules (" << formatSize(row.needed.bytes)
            << ") of " << row.walked.modules << " walked (" << formatSize(row.walked.bytes)
            << "): saves " << row.savedModules() << " modules, " << formatSize(row.savedBytes())
            << "\n";
        if (!row.fallbacks.empty()) {
            out << "      whole module: " << row.fallbackText() << "\n";
        }
        if (!row.suggestion.empty()) {
            out << "      suggestion: " << row.suggestion << "\n";
        }
    }
    if (rows.size() > kReportBarrelImports) {
        out << "  ... " << rows.size() - kReportBarrelImports
            << " more (all of them in the scan JSON's barrelImports and barrel_imports.csv)\n";
    }
    return out.str();
}

// Barrels are few: exact reach for the first kExactBarrels, the estimate (marked ~) after that.
std::string barrelRows(const ScanResult& result, const ModuleGraph& graph,
                       const Analysis& analysis) {
    std::ostringstream out;
    std::size_t exact = 0;
    for (std::uint32_t i = 0; i < result.modules.size(); ++i) {
        if (!analysis.modules[i].barrel) {
            continue;
        }
        out << "  " << name(result, ModuleId{i}) << ": " << result.modules[i].counts.reExports
            << " re-exports, reach ";
        if (exact++ < kExactBarrels) {
            const auto reach = exactReach(result, graph, ModuleId{i});
            out << reach.modules << " modules (" << formatSize(reach.bytes) << ")\n";
        } else {
            out << "~" << analysis.modules[i].reachEstimate << " modules (estimate)\n";
        }
    }
    return out.str();
}

std::string duplicateRows(const ScanResult& result, const Analysis& analysis) {
    std::ostringstream out;
    const auto& root = result.config.root;
    for (const auto& duplicate : analysis.duplicatePaths) {
        out << "  " << displayPath(result.module(duplicate.module).path, root) << "\n";
        for (const auto& [alias, cause] : duplicate.aliases) {
            out << "    also " << displayPath(alias, root) << "  (" << cause << ")\n";
        }
    }
    for (const auto& duplicate : analysis.duplicatePackages) {
        out << "  package " << duplicate.name << " installed " << duplicate.copies.size()
            << " times (" << formatSize(duplicate.bytes) << " in the extra copies):";
        for (const auto copy : duplicate.copies) {
            const auto& package = result.packages[copy.value];
            out << " " << package.version << " at " << displayPath(package.root, root) << ";";
        }
        out << "\n";
    }
    if (!analysis.duplicateSpellings.empty()) {
        const auto& first = analysis.duplicateSpellings.front();
        const auto count = analysis.duplicateSpellings.size();
        out << "  " << count << (count == 1 ? " file" : " files")
            << " imported under several relative spellings (resolvers normalize these: no extra "
               "reads), e.g. "
            << displayPath(result.module(first.module).path, root) << " as";
        for (const auto& [alias, cause] : first.aliases) {
            out << " " << displayPath(alias, root) << " (" << cause << ")";
        }
        out << "\n";
    }
    const auto& multiplier = analysis.multiplier;
    if (multiplier.extraReads > 0) {
        out << "  a scanner keyed by path strings would read " << multiplier.extraReads
            << " more files (" << formatSize(multiplier.extraBytes) << ", "
            << multiplier.pathStrings << " path strings for "
            << multiplier.pathStrings - multiplier.extraReads << " files)\n";
    }
    return out.str();
}

std::string packageRows(const ScanResult& result, const Analysis& analysis) {
    std::ostringstream out;
    for (std::size_t i = 0; i < analysis.packages.size() && i < 10; ++i) {
        const auto& summary = analysis.packages[i];
        const auto& package = result.packages[summary.package.value];
        out << "  " << std::setw(7) << summary.modules << "  " << std::setw(9)
            << formatSize(summary.bytes) << "  " << std::setw(5) << std::fixed
            << std::setprecision(1) << summary.share * 100 << "%  " << package.name << "@"
            << package.version << "\n";
    }
    return out.str();
}

std::string cycleRows(const ScanResult& result, const Analysis& analysis) {
    std::ostringstream out;
    for (const auto& cycle : analysis.cycles) {
        out << "  " << cycle.size() << " modules:";
        for (std::size_t i = 0; i < cycle.size() && i < 6; ++i) {
            out << " " << displayPath(result.module(cycle[i]).path, result.config.root);
        }
        out << (cycle.size() > 6 ? " ..." : "") << "\n";
    }
    return out.str();
}

// Client boundaries and server actions, each list cut at 20 paths.
std::string boundaryRows(const ScanResult& result) {
    std::ostringstream out;
    for (const auto& [title, paths] :
         {std::pair{"client boundaries (\"use client\" imported from the server)",
                    &result.clientBoundaries},
          std::pair{"server actions (\"use server\" modules imported)", &result.serverActions}}) {
        if (paths->empty()) {
            continue;
        }
        out << "  " << paths->size() << " " << title << "\n";
        for (std::size_t i = 0; i < paths->size() && i < 20; ++i) {
            out << "    " << displayPath((*paths)[i], result.config.root) << "\n";
        }
        if (paths->size() > 20) {
            out << "    ... and " << paths->size() - 20 << " more (scan --json lists all)\n";
        }
    }
    return out.str();
}

// Per workspace of a monorepo: its preset, whether its app was scanned, its modules and bytes,
// and the client boundaries in it.
std::string workspaceRows(const ScanResult& result) {
    const auto& config = result.config;
    std::map<std::string, std::pair<std::size_t, std::uint64_t>> modules;
    for (const auto& module : result.modules) {
        if (const auto* workspace = workspaceOf(config, module.path)) {
            auto& [count, bytes] = modules[workspace->name];
            ++count;
            bytes += module.bytes;
        }
    }
    std::map<std::string, std::size_t> boundaries;
    for (const auto& path : result.clientBoundaries) {
        if (const auto* workspace = workspaceOf(config, path)) {
            ++boundaries[workspace->name];
        }
    }
    std::ostringstream out;
    for (const auto& workspace : config.workspaces) {
        const bool scanned =
            std::find(config.scannedWorkspaces.begin(), config.scannedWorkspaces.end(),
                      workspace.name) != config.scannedWorkspaces.end();
        const auto [count, bytes] = modules[workspace.name];
        out << "  " << workspace.name << " (" << displayPath(workspace.dir, config.root) << ", "
            << workspace.preset << (scanned ? ", scanned from its entries" : "") << "): " << count
            << " modules (" << formatSize(bytes) << "), " << boundaries[workspace.name]
            << " client boundaries\n";
    }
    return out.str();
}

std::string unresolvedRows(const ScanResult& result) {
    std::map<std::string, std::vector<const ScanEdge*>> byCategory;
    for (const auto& edge : result.edges) {
        if (edge.resolution == ResolutionKind::Unresolved && !edge.typeOnly) {
            byCategory[unresolvedCategory(edge.reason())].push_back(&edge);
        }
    }
    std::ostringstream out;
    for (const auto& [category, edges] : byCategory) {
        out << "  " << edges.size() << " " << category << "\n";
        for (std::size_t i = 0; i < edges.size() && i < 3; ++i) {
            out << "    \"" << result.specifier(*edges[i]) << "\" from "
                << displayPath(result.module(edges[i]->importer).path, result.config.root) << ": "
                << edges[i]->reason() << "\n";
        }
    }
    return out.str();
}

} // namespace

std::string unresolvedCategory(const std::string& reason) {
    static const std::pair<const char*, const char*> kCategories[] = {
        {"letter case", "differ only in letter case"},
        {"tsconfig paths", "tsconfig paths matched, no file"},
        {"is not installed", "package not installed"},
        {"is not exported", "not exported by the package"},
        {"excluded by a null target", "excluded by exports/imports"},
        {"invalid exports", "invalid package.json exports"},
        {"invalid imports", "invalid package.json imports"},
        {"imports", "no matching package.json imports"},
        {"does not exist", "package.json points at a missing file"},
        {"no file or folder", "file not found"},
        {"no entry file", "package without an entry file"},
    };
    for (const auto& [needle, category] : kCategories) {
        if (reason.find(needle) != std::string::npos) {
            return category;
        }
    }
    return "other";
}

std::string formatReport(const ScanResult& result, const ModuleGraph& graph,
                         const Analysis& analysis) {
    std::ostringstream out;
    const auto& stats = result.stats;
    std::size_t edges = 0;
    for (const auto& edge : result.edges) {
        edges += edge.typeOnly ? 0 : 1;
    }
    out << "Fanout report for " << result.config.root << " (preset " << result.config.preset
        << ", directive rule " << toString(result.config.directiveRule)
        << (result.config.compatRwsdk ? ", rwsdk compatibility" : "") << ")\n";
    out << "  " << result.modules.size() << " modules in " << result.config.environments.size()
        << " environment(s), " << edges << " runtime edges, " << stats.unresolved
        << " unresolved\n";
    out << "  " << result.clientModules.size() << " \"use client\", " << result.serverModules.size()
        << " \"use server\"\n";
    out << "  " << stats.filesRead << " files (" << formatSize(stats.bytesRead) << ") "
        << (stats.fromCache ? "from the cache" : "read") << " in "
        << static_cast<long>(stats.wallMs) << " ms, peak resident memory "
        << formatSize(stats.peakResidentBytes) << "\n";
    if (!result.config.workspaces.empty()) { // a monorepo root only: "none" elsewhere is noise
        section(out, "Workspaces", workspaceRows(result));
    }
    section(out, "Directive boundaries", boundaryRows(result));
    section(out, "Hotspots (modules reached, bytes behind them, direct fan-out)",
            hotspotRows(result, analysis));
    section(out, "Barrels", barrelRows(result, graph, analysis));
    section(out, "Barrel imports (what the names imported need, against what is walked)",
            barrelImportRows(result, barrelImports(result, graph, analysis)));
    section(out, "Duplicates", duplicateRows(result, analysis));
    section(out, "Largest packages (modules, bytes, share of the graph)",
            packageRows(result, analysis));
    section(out, "Cycles", cycleRows(result, analysis));
    section(out, "Unresolved imports", unresolvedRows(result));
    return out.str();
}

namespace {

// Under an import of names from a module that re-exports: which names lead to the module asked
// about (`Camera -> icons/index.js -> icons/camera.js`), or whether it is only walked.
void namedSteps(std::ostringstream& out, const ScanResult& result, NamedReachWalker& walker,
                std::size_t edgeIndex, ModuleId asked, const std::string& indent) {
    const auto& edge = result.edges[edgeIndex];
    if (edge.form != ImportForm::Names || edge.namesCount == 0 ||
        result.module(*edge.target).counts.reExports == 0) {
        return;
    }
    bool leads = false;
    std::string names;
    for (const auto name : result.namesOf(edge)) {
        names += (names.empty() ? "" : ", ") + result.name(name);
        const auto trace = walker.trace(*edge.target, name);
        if (std::find(trace.chain.begin(), trace.chain.end(), asked) == trace.chain.end()) {
            continue;
        }
        leads = true;
        out << indent << "name " << result.name(name);
        for (const auto step : trace.chain) {
            out << " -> " << displayPath(result.module(step).path, result.config.root);
        }
        out << (trace.traced ? "\n" : "  (not exported there: the whole module is taken)\n");
    }
    if (leads) {
        return;
    }
    const auto reach = walker.ofEdge(edgeIndex);
    const bool needed = std::binary_search(reach.needed.begin(), reach.needed.end(), asked);
    out << indent
        << (needed ? "needed by what the modules defining {" + names + "} import\n"
                   : "no imported name {" + names +
                         "} needs it: walked, not needed (a tree-shaking bundler drops it)\n");
}

} // namespace

std::string formatChain(const ScanResult& result, const std::vector<ModuleId>& chain) {
    std::ostringstream out;
    if (chain.size() == 1) {
        out << "  " << name(result, chain.front()) << "  (an entry of the scan)\n";
        return out.str();
    }
    NamedReachWalker walker(result);
    for (std::size_t i = 0; i < chain.size(); ++i) {
        out << std::string(2 * i + 2, ' ') << name(result, chain[i]) << "\n";
        if (i + 1 == chain.size()) {
            break;
        }
        for (std::size_t e = 0; e < result.edges.size(); ++e) {
            const auto& edge = result.edges[e];
            if (edge.importer == chain[i] && edge.target == chain[i + 1] && !edge.typeOnly) {
                out << std::string(2 * i + 4, ' ') << "imports \"" << result.specifier(edge)
                    << "\" (" << toString(edge.kind) << ", line " << edge.position.line << ")\n";
                namedSteps(out, result, walker, e, chain.back(), std::string(2 * i + 6, ' '));
                break;
            }
        }
    }
    return out.str();
}

} // namespace fanout
