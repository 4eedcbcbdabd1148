// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/output/graph_export.h"

#include "fanout/io/atomic_file.h"
#include "fanout/output/scan_json.h"

#include <filesystem>
#include <iterator>
#include <map>
#include <set>

namespace fanout {
namespace {

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        if (c == '\n') {
            out += "\\n"; // a line break inside a DOT label
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::set<std::uint32_t> hotspotModules(const Analysis& analysis) {
    std::set<std::uint32_t> out;
    for (const auto& hotspot : analysis.hotspots) {
        out.insert(hotspot.module.value);
    }
    return out;
}

void writePackageDot(std::ostream& out, const ScanResult& result, const Analysis& analysis) {
    // Group 0 is the project's own files; package p is group p + 1.
    auto groupOf = [&](const ScanModule& module) {
        return module.package ? module.package->value + 1 : 0u;
    };
    std::vector<std::uint64_t> modules(result.packages.size() + 1, 0);
    std::vector<std::uint64_t> bytes(result.packages.size() + 1, 0);
    std::set<std::uint32_t> hot;
    const auto hotspots = hotspotModules(analysis);
    for (std::uint32_t i = 0; i < result.modules.size(); ++i) {
        const auto group = groupOf(result.modules[i]);
        ++modules[group];
        bytes[group] += result.modules[i].bytes;
        if (group != 0 && (hotspots.count(i) > 0 || analysis.modules[i].barrel)) {
            hot.insert(group);
        }
    }
    const auto most = *std::max_element(modules.begin(), modules.end());
    for (std::uint32_t group = 0; group < modules.size(); ++group) {
        if (modules[group] == 0) {
            continue;
        }
        const auto name =
            group == 0 ? std::string("(project)")
                       : result.packages[group - 1].name + "@" + result.packages[group - 1].version;
        const double scale =
            most == 0 ? 0 : static_cast<double>(modules[group]) / static_cast<double>(most);
        out << "  g" << group << " [label="
            << quoted(name + "\n" + std::to_string(modules[group]) + " modules, " +
                      std::to_string((bytes[group] + 1023) / 1024) + " KB")
            << ", width=" << 1.0 + 3.0 * scale << ", height=" << 0.5 + 1.5 * scale
            << (hot.count(group) ? ", style=filled, fillcolor=\"#f4a582\"" : "") << "];\n";
    }
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint64_t> links;
    for (const auto& edge : result.edges) {
        if (!edge.target || edge.typeOnly) {
            continue;
        }
        const auto from = groupOf(result.module(edge.importer));
        const auto to = groupOf(result.module(*edge.target));
        if (from != to) {
            ++links[{from, to}];
        }
    }
    for (const auto& [pair, count] : links) {
        out << "  g" << pair.first << " -> g" << pair.second << " [label=\"" << count << "\"];\n";
    }
}

void writeModuleDot(std::ostream& out, const ScanResult& result, const Analysis& analysis) {
    const auto hotspots = hotspotModules(analysis);
    for (std::uint32_t i = 0; i < result.modules.size(); ++i) {
        const auto& module = result.modules[i];
        out << "  m" << i << " [label="
            << quoted(displayPath(module.path, result.config.root) + " [" +
                      result.config.environments[module.environment].name + "]")
            << (analysis.modules[i].barrel ? ", shape=box" : "")
            << (hotspots.count(i) ? ", style=filled, fillcolor=\"#f4a582\"" : "") << "];\n";
    }
    std::set<std::tuple<std::uint32_t, std::uint32_t, ImportKind>> seen;
    for (const auto& edge : result.edges) {
        if (!edge.target || edge.typeOnly ||
            !seen.insert({edge.importer.value, edge.target->value, edge.kind}).second) {
            continue;
        }
        // By ImportKind: import, export, dynamic import, require, JSX runtime.
        static constexpr const char* kStyles[] = {"", " [style=bold]", " [style=dashed]",
                                                  " [style=dotted]", " [style=dashed,color=gray]"};
        static_assert(std::size(kStyles) == static_cast<std::size_t>(ImportKind::JsxRuntime) + 1);
        out << "  m" << edge.importer.value << " -> m" << edge.target->value
            << kStyles[static_cast<int>(edge.kind)] << ";\n";
    }
}

std::string row(std::initializer_list<std::string> fields) {
    std::string out;
    for (const auto& field : fields) {
        out += (out.empty() ? "" : ",") + csvField(field);
    }
    return out + "\n";
}

} // namespace

void writeDot(std::ostream& out, const ScanResult& result, const Analysis& analysis,
              DotLevel level) {
    out << "digraph fanout {\n  rankdir=LR;\n  node [shape=ellipse, fontname=\"sans-serif\"];\n";
    if (level == DotLevel::Package) {
        writePackageDot(out, result, analysis);
    } else {
        writeModuleDot(out, result, analysis);
    }
    out << "}\n";
}

std::string writeCsv(const std::string& dir, const ScanResult& result, const Analysis& analysis,
                     const std::vector<BarrelImport>& barrelImports) {
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) {
        return "cannot create " + dir + ": " + error.message();
    }
    const auto& root = result.config.root;
    auto envName = [&](std::uint16_t env) { return result.config.environments[env].name; };
    auto modules = writeFileAtomically(dir + "/modules.csv", [&](std::ostream& out) {
        out << "path,env,kind,package,version,bytes,directive,fan_out,fan_in,reach_estimate,"
               "barrel,aliases\n";
        for (std::uint32_t i = 0; i < result.modules.size(); ++i) {
            const auto& module = result.modules[i];
            const auto* package = result.packageOf(module);
            const auto& metrics = analysis.modules[i];
            out << row({displayPath(module.path, root), envName(module.environment),
                        std::string(toString(module.kind)), package ? package->name : "",
                        package ? package->version : "", std::to_string(module.bytes),
                        std::string(toString(module.directive.directive)),
                        std::to_string(metrics.fanOut), std::to_string(metrics.fanIn),
                        std::to_string(metrics.reachEstimate), metrics.barrel ? "true" : "false",
                        std::to_string(module.aliases.size())});
        }
        return true;
    });
    if (!modules.empty()) {
        return modules;
    }
    auto edges = writeFileAtomically(dir + "/edges.csv", [&](std::ostream& out) {
        out << "importer,env,specifier,kind,type_only,line,column,resolution,resolved,reason\n";
        for (const auto& edge : result.edges) {
            const auto& importer = result.module(edge.importer);
            out << row({displayPath(importer.path, root), envName(importer.environment),
                        result.specifier(edge), std::string(toString(edge.kind)),
                        edge.typeOnly ? "true" : "false", std::to_string(edge.position.line),
                        std::to_string(edge.position.column),
                        std::string(toString(edge.resolution)),
                        edge.target ? displayPath(result.module(*edge.target).path, root) : "",
                        edge.reason()});
        }
        return true;
    });
    if (!edges.empty()) {
        return edges;
    }
    auto packages = writeFileAtomically(dir + "/packages.csv", [&](std::ostream& out) {
        out << "name,version,root,modules,bytes,share\n";
        for (const auto& summary : analysis.packages) {
            const auto& package = result.packages[summary.package.value];
            out << row({package.name, package.version, displayPath(package.root, root),
                        std::to_string(summary.modules), std::to_string(summary.bytes),
                        std::to_string(summary.share)});
        }
        return true;
    });
    if (!packages.empty()) {
        return packages;
    }
    return writeFileAtomically(dir + "/barrel_imports.csv", [&](std::ostream& out) {
        out << "importer,env,specifier,barrel,names,needed_modules,needed_bytes,walked_modules,"
               "walked_bytes,fallback,suggestion\n";
        for (const auto& barrelImport : barrelImports) {
            const auto& importer = result.module(barrelImport.importer);
            out << row({displayPath(importer.path, root), envName(importer.environment),
                        result.specifier(result.edges[barrelImport.edge]),
                        displayPath(result.module(barrelImport.barrel).path, root),
                        barrelImport.namesText(result), std::to_string(barrelImport.needed.modules),
                        std::to_string(barrelImport.needed.bytes),
                        std::to_string(barrelImport.walked.modules),
                        std::to_string(barrelImport.walked.bytes), barrelImport.fallbackText(),
                        barrelImport.suggestion});
        }
        return true;
    });
}

} // namespace fanout
