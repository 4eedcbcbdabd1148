// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/barrels/barrel_imports.h"

#include "barrels/direct_specifier.h"

#include <algorithm>
#include <map>

namespace fanout {
namespace {

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& part : parts) {
        out += (out.empty() ? "" : "; ") + part;
    }
    return out;
}

// One import statement per specifier: `import Camera, { a as b } from "x"`.
struct DirectImport {
    std::string specifier;
    std::string defaultBinding;
    std::vector<std::string> named;
    std::string namespaceBinding;

    std::string text() const {
        std::vector<std::string> parts;
        if (!defaultBinding.empty()) {
            parts.push_back(defaultBinding);
        }
        if (!namespaceBinding.empty()) {
            parts.push_back("* as " + namespaceBinding);
        }
        if (!named.empty()) {
            std::string list;
            for (const auto& binding : named) {
                list += (list.empty() ? "" : ", ") + binding;
            }
            parts.push_back("{ " + list + " }");
        }
        std::string bindings;
        for (const auto& part : parts) {
            bindings += (bindings.empty() ? "" : ", ") + part;
        }
        return "import " + bindings + " from \"" + specifier + "\"";
    }
};

// The importer keeps its own binding names: `import { Heart as Love }` becomes
// `import Love from ".../heart"`.
void addBinding(const ScanResult& result, const NameTrace& trace, DirectImport& statement) {
    const auto& local = result.name(trace.local);
    if (trace.namespaceOf) {
        statement.namespaceBinding = local;
    } else if (trace.definedAs == NameTable::kDefault && statement.defaultBinding.empty()) {
        statement.defaultBinding = local;
    } else if (trace.definedAs == trace.local) {
        statement.named.push_back(local);
    } else {
        statement.named.push_back(result.name(trace.definedAs) + " as " + local);
    }
}

// Direct imports of the defining modules, when every name has one inside the barrel's own
// package (or, for the project's barrels, in the project); otherwise what a user can configure.
std::string suggestionFor(const ScanResult& result, const BarrelImport& row,
                          detail::DirectSpecifiers& direct) {
    const auto& barrel = result.module(row.barrel);
    const auto* package = result.packageOf(barrel);
    const auto& edge = result.edges[row.edge];
    if (edge.form != ImportForm::Names) {
        return "import the names used instead of the whole module";
    }
    std::vector<DirectImport> statements;
    bool allDirect = !row.traces.empty() && row.fallbacks.empty();
    for (const auto& trace : row.traces) {
        if (!allDirect) {
            break;
        }
        const auto definer = trace.chain.back();
        std::optional<std::string> specifier;
        if (trace.traced && result.module(definer).package == barrel.package) {
            specifier = direct.find(row.importer, definer);
        }
        if (!specifier) {
            allDirect = false;
            break;
        }
        auto it = std::find_if(statements.begin(), statements.end(),
                               [&](const DirectImport& s) { return s.specifier == *specifier; });
        if (it == statements.end()) {
            it = statements.insert(statements.end(), DirectImport{*specifier, {}, {}, {}});
        }
        addBinding(result, trace, *it);
    }
    if (allDirect) {
        std::vector<std::string> texts;
        texts.reserve(statements.size());
        for (const auto& statement : statements) {
            texts.push_back(statement.text());
        }
        return joined(texts);
    }
    if (package != nullptr) {
        return "add \"" + package->name + "\" to optimizePackageImports (Next.js)";
    }
    return "mark \"sideEffects\" in package.json so that bundlers skip what is not imported";
}

} // namespace

std::string BarrelImport::fallbackText() const {
    return joined(fallbacks);
}

std::string BarrelImport::namesText(const ScanResult& result) const {
    if (result.edges[edge].form != ImportForm::Names) {
        return "*";
    }
    std::string out;
    for (const auto name : names) {
        out += (out.empty() ? "" : ", ") + result.name(name);
    }
    return out;
}

std::vector<BarrelImport> barrelImports(const ScanResult& result, const ModuleGraph& graph,
                                        const Analysis& analysis) {
    std::vector<BarrelImport> rows;
    NamedReachWalker walker(result);
    detail::DirectSpecifiers direct(result);
    std::map<std::uint32_t, Reach> walkedOf;
    for (std::size_t i = 0; i < result.edges.size(); ++i) {
        const auto& edge = result.edges[i];
        if (edge.typeOnly || !edge.target || !analysis.modules[edge.target->value].barrel) {
            continue;
        }
        const auto& importer = result.module(edge.importer);
        const auto& barrel = result.module(*edge.target);
        if (importer.package && importer.package == barrel.package) {
            continue; // inside the package: not a place its user can change
        }
        auto reach = walker.ofEdge(i);
        BarrelImport row;
        row.edge = i;
        row.importer = edge.importer;
        row.barrel = *edge.target;
        const auto names = result.namesOf(edge);
        row.names.assign(names.begin(), names.end());
        row.needed = {reach.needed.size(), reach.bytes};
        auto [walked, fresh] = walkedOf.try_emplace(edge.target->value);
        if (fresh) {
            walked->second = exactReach(result, graph, *edge.target);
        }
        row.walked = walked->second;
        row.fallbacks = std::move(reach.fallbacks);
        row.traces = std::move(reach.traces);
        row.suggestion = suggestionFor(result, row, direct);
        rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const BarrelImport& a, const BarrelImport& b) {
        return std::pair(a.savedBytes(), a.savedModules()) >
               std::pair(b.savedBytes(), b.savedModules());
    });
    return rows;
}

} // namespace fanout
