// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/output/scan_json.h"

#include "fanout/analysis/analysis.h"
#include "fanout/barrels/barrel_imports.h"

#include "base/ordered_blocks.h"
#include "base/path_utils.h"
#include "output/compact_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

namespace fanout {
namespace {

using detail::CompactJson;
using detail::JsonKey;
using Json = nlohmann::ordered_json;

Json pathList(const std::vector<std::string>& paths, const std::string& root) {
    Json out = Json::array();
    for (const auto& path : paths) {
        out.push_back(displayPath(path, root));
    }
    return out;
}

Json configJson(const ScanConfig& config) {
    Json environments = Json::array();
    for (const auto& environment : config.environments) {
        environments.push_back(
            {{"name", environment.name},
             {"conditions", environment.resolver.conditions},
             {"mainFields", environment.resolver.mainFields},
             {"browserField", environment.resolver.browserField},
             {"tsconfig", displayPath(environment.resolver.tsconfig, config.root)},
             {"nearestTsconfig", environment.resolver.nearestTsconfig},
             {"workspace", environment.workspace},
             {"externalPackages", environment.resolver.externalPackages}});
    }
    Json switches = Json::object();
    for (const auto& rule : config.switches) {
        switches[rule.directive == Directive::Client ? "use client" : "use server"] =
            rule.environment;
    }
    Json entryEnvironments = Json::object();
    for (const auto& [path, name] : config.entryEnvironments) {
        entryEnvironments[displayPath(path, config.root)] = name;
    }
    Json workspaces = Json::array();
    for (const auto& workspace : config.workspaces) {
        const bool scanned =
            std::find(config.scannedWorkspaces.begin(), config.scannedWorkspaces.end(),
                      workspace.name) != config.scannedWorkspaces.end();
        workspaces.push_back({{"name", workspace.name},
                              {"dir", displayPath(workspace.dir, config.root)},
                              {"preset", workspace.preset},
                              {"scanned", scanned}});
    }
    return {{"preset", config.preset},
            {"workspaces", std::move(workspaces)},
            {"entries", pathList(config.entries, config.root)},
            {"entryEnvironments", std::move(entryEnvironments)},
            {"jsx",
             {{"runtime", toString(config.jsx.mode)}, {"importSource", config.jsx.importSource}}},
            {"environments", std::move(environments)},
            {"switch", std::move(switches)},
            {"directiveRule", toString(config.directiveRule)},
            {"compat", config.compatRwsdk ? "rwsdk" : ""},
            {"exclude", config.exclude},
            {"optimizePackages", config.optimizePackages},
            {"optimizeBarrels", config.optimizeBarrels}};
}

// The modules' display paths and the environments' names, written as JSON once.
struct QuotedNames {
    explicit QuotedNames(const ScanResult& result) {
        paths.reserve(result.modules.size());
        for (std::size_t i = 0; i < result.modules.size(); ++i) {
            const auto& path = result.modules[i].path;
            if (i > 0 && path == result.modules[i - 1].path) {
                paths.repeat(); // the same file in another environment
            } else {
                paths.add(displayPathView(path, result.config.root));
            }
        }
        for (const auto& environment : result.config.environments) {
            environments.add(environment.name);
        }
    }
    std::string_view path(ModuleId id) const { return paths[id.value]; }

    detail::QuotedStrings paths;        // by module
    detail::QuotedStrings environments; // by environment
};

void writeModule(CompactJson& json, std::size_t index, const ScanResult& result,
                 const QuotedNames& quoted, const ModuleMetrics* metrics) {
    const auto& config = result.config;
    const ScanModule& module = result.modules[index];
    json.beginObject();
    json.key("path").quoted(quoted.paths[index]);
    json.key("env").quoted(quoted.environments[module.environment]);
    json.key("kind").value(toString(module.kind));
    json.key("package");
    if (const auto* identity = result.packageOf(module)) {
        json.beginObject();
        json.key("name").value(identity->name).key("version").value(identity->version);
        json.endObject();
    } else {
        json.null();
    }
    json.key("bytes").value(module.bytes);
    json.key("directive").value(toString(module.directive.directive));
    json.key("aliases").beginArray();
    for (const auto& alias : module.aliases) {
        json.value(displayPathView(alias, config.root));
    }
    json.endArray();
    if (!config.workspaces.empty()) {
        const auto* workspace = workspaceOf(config, module.path);
        json.key("workspace");
        workspace != nullptr ? json.value(workspace->name) : json.null();
    }
    if (module.directive.conflict) {
        json.key("directiveConflict").value(true);
    }
    if (module.parseErrors > 0) {
        json.key("parseErrors").value(module.parseErrors);
    }
    if (!module.error.empty()) {
        json.key("error").value(module.error);
    }
    if (metrics != nullptr) {
        json.key("fanOut").value(metrics->fanOut).key("fanIn").value(metrics->fanIn);
        json.key("reachEstimate").value(metrics->reachEstimate);
        json.key("barrel").value(metrics->barrel);
    }
    json.endObject();
}

void writeEdge(CompactJson& json, const ScanEdge& edge, const ScanResult& result,
               const QuotedNames& quoted) {
    const auto& root = result.config.root;
    json.beginObject();
    json.key("importer").quoted(quoted.path(edge.importer));
    json.key("env").quoted(quoted.environments[result.module(edge.importer).environment]);
    json.key("specifier").value(result.specifier(edge));
    json.key("kind").value(toString(edge.kind));
    json.key("typeOnly").value(edge.typeOnly);
    json.key("line").value(edge.position.line).key("column").value(edge.position.column);
    json.key("query").value(edge.query());
    json.key("resolution").value(edge.typeOnly ? "type-only" : toString(edge.resolution));
    if (edge.target) {
        json.key("resolved").quoted(quoted.path(*edge.target));
        json.key("targetEnv").quoted(quoted.environments[result.module(*edge.target).environment]);
    } else {
        json.key("resolved").null();
        if (!edge.external().empty()) {
            json.key("external").value(edge.external());
        }
        json.key("reason").value(edge.reason());
    }
    if (edge.form != ImportForm::Names) {
        json.key("form").value(toString(edge.form));
    } else if (edge.namesCount > 0) {
        json.key("names").beginArray();
        for (const auto name : result.namesOf(edge)) {
            json.value(result.name(name));
        }
        json.endArray();
    }
    if (!edge.caseVariantOf().empty()) {
        json.key("caseVariantOf").value(displayPathView(edge.caseVariantOf(), root));
    }
    json.endObject();
}

void writeBarrelImport(CompactJson& json, const BarrelImport& row, const ScanResult& result,
                       const QuotedNames& quoted) {
    json.beginObject();
    json.key("importer").quoted(quoted.path(row.importer));
    json.key("env").quoted(quoted.environments[result.module(row.importer).environment]);
    json.key("specifier").value(result.specifier(result.edges[row.edge]));
    json.key("barrel").quoted(quoted.path(row.barrel));
    json.key("names").beginArray();
    for (const auto name : row.names) {
        json.value(result.name(name));
    }
    json.endArray();
    json.key("neededModules").value(row.needed.modules).key("neededBytes").value(row.needed.bytes);
    json.key("walkedModules").value(row.walked.modules).key("walkedBytes").value(row.walked.bytes);
    const auto fallback = row.fallbackText();
    json.key("fallback");
    fallback.empty() ? json.null() : json.value(fallback);
    json.key("suggestion").value(row.suggestion);
    json.endObject();
}

Json statsJson(const ScanResult& result, const JsonOptions& options) {
    const auto& stats = result.stats;
    Json out{{"modules", result.modules.size()},      {"edges", result.edges.size()},
             {"filesRead", stats.filesRead},          {"bytesRead", stats.bytesRead},
             {"parseErrors", stats.parseErrors},      {"unresolved", stats.unresolved},
             {"client", result.clientModules.size()}, {"server", result.serverModules.size()},
             {"cancelled", stats.cancelled}};
    if (!options.reproducible) {
        out["threads"] = stats.threads;
        // The resolver's own work: a rescan through the cache parses only what changed.
        out["manifestsParsed"] = stats.resolverCache.manifestsParsed;
        // How the files were read, not what was found: left out like the thread count.
        out["parser"] = {{"choice", toString(stats.parser)},
                         {"filesLexed", stats.filesLexed},
                         {"bytesLexed", stats.bytesLexed}};
        out["wallMs"] = stats.wallMs;
        out["phases"] = {{"scanMs", stats.scanMs}, {"collectMs", stats.collectMs}};
        out["peakResidentBytes"] = stats.peakResidentBytes;
        Json timeline = Json::array();
        for (const auto& sample : stats.memory) {
            timeline.push_back({sample.seconds, sample.residentBytes});
        }
        out["memory"] = {{"samples", stats.memory.size()},
                         {"peakBytes", stats.peakResidentBytes},
                         {"timeline", std::move(timeline)}};
    }
    return out;
}

std::string dump(const Json& json) {
    return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// One line; bytes that are not UTF-8 (file names can hold them) are replaced, never thrown on.
std::string compact(const Json& json) {
    return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace

namespace {

// Items [begin, end) as lines, each after ",\n    ", in `text` (emptied first: a buffer written
// out before, used again rather than new memory faulted in); `write` as for writeLines.
template <typename Items, typename Write>
std::string renderLines(const Items& items, std::size_t begin, std::size_t end, Write& write,
                        std::string text) {
    text.clear();
    for (auto i = begin; i < end; ++i) {
        const auto before = text.size();
        text += ",\n    ";
        if (!write(text, items[i])) {
            text.resize(before);
        }
    }
    return text;
}

// Writes `"key": [` then one element per line, then `]`. `write(text, item)` appends an item's
// compact JSON to `text`, or returns false to leave the item out (what it appended is dropped).
// With `threads` > 1, blocks of items are formatted on that many threads (this one included),
// a few blocks ahead, and written out in order by this one (`write` is called from all of them);
// the text is the same.
template <typename Items, typename Write>
void writeLines(std::ostream& out, const char* key, const Items& items, Write&& write,
                bool last = false, unsigned threads = 1) {
    // Items per block: a block of modules is ~90 KB of text. With 2,048, the blocks in flight
    // (and their growth) were 6 MB of fresh pages on the npm app, each a page fault.
    constexpr std::size_t kBlock = 256;
    out << "  \"" << key << "\": [";
    bool first = true;
    detail::orderedBlocks(
        (items.size() + kBlock - 1) / kBlock, threads, 2 * std::size_t{threads},
        [&](std::size_t block, std::string buffer) {
            const auto begin = block * kBlock;
            return renderLines(items, begin, std::min(begin + kBlock, items.size()), write,
                               std::move(buffer));
        },
        [&](const std::string& text) {
            if (!text.empty()) {
                const std::size_t skip = first ? 1 : 0; // the first line has no comma before it
                out.write(text.data() + skip, static_cast<std::streamsize>(text.size() - skip));
                first = false;
            }
        });
    out << (first ? "]" : "\n  ]") << (last ? "\n" : ",\n");
}

// The same on one thread, straight into `out` through a buffer of bounded size (CompactJson
// streamed), for items that can be large: `write(json, item)` writes an item.
template <typename Items, typename Write>
void writeStreamedLines(std::ostream& out, const char* key, const Items& items, Write&& write) {
    out << "  \"" << key << "\": [";
    {
        std::string buffer;
        CompactJson json(buffer, out);
        const char* before = "\n    "; // then ",\n    "
        for (const auto& item : items) {
            json.between(before);
            before = ",\n    ";
            write(json, item);
        }
    }
    out << (items.empty() ? "]" : "\n  ]") << ",\n";
}

// The same, for items made into nlohmann documents (null: left out).
template <typename Items, typename ToJson>
void writeArray(std::ostream& out, const char* key, const Items& items, ToJson&& toJson,
                bool last = false) {
    writeLines(
        out, key, items,
        [&](std::string& line, const auto& item) {
            const Json element = toJson(item);
            if (element.is_null()) {
                return false;
            }
            line += compact(element);
            return true;
        },
        last);
}

void writeField(std::ostream& out, const char* key, const Json& value, bool last = false) {
    out << "  \"" << key << "\": " << compact(value) << (last ? "\n" : ",\n");
}

Json packageJson(const ScanResult& result, PackageId id) {
    const auto& package = result.packages[id.value];
    return {{"name", package.name},
            {"version", package.version},
            {"root", displayPath(package.root, result.config.root)}};
}

// The directive map's four path lists, as they go (a path per "use client" module and per
// boundary: 1.2 MB of the JSON of an app with @mui/material), streamed.
void writeDirectives(std::ostream& out, const ScanResult& result) {
    out << "  \"directives\": ";
    {
        std::string buffer;
        CompactJson json(buffer, out);
        const auto list = [&](const JsonKey& key, const std::vector<std::string>& paths) {
            json.key(key).beginArray();
            for (const auto& path : paths) {
                json.value(displayPathView(path, result.config.root));
            }
            json.endArray();
        };
        json.beginObject();
        list("client", result.clientModules);
        list("server", result.serverModules);
        list("clientBoundaries", result.clientBoundaries);
        list("serverActions", result.serverActions);
        json.endObject();
    }
    out << ",\n";
}

void writeAnalysis(std::ostream& out, const ScanResult& result, const Analysis& analysis) {
    const auto& root = result.config.root;
    auto modulePath = [&](ModuleId id) { return displayPath(result.module(id).path, root); };
    writeArray(out, "hotspots", analysis.hotspots, [&](const Hotspot& hotspot) -> Json {
        Json importers = Json::array();
        for (const auto importer : hotspot.firstPartyImporters) {
            importers.push_back(modulePath(importer));
        }
        return {{"path", modulePath(hotspot.module)},
                {"env", result.config.environments[result.module(hotspot.module).environment].name},
                {"reachModules", hotspot.reach.modules},
                {"reachBytes", hotspot.reach.bytes},
                {"fanOut", hotspot.fanOut},
                {"barrel", hotspot.barrel},
                {"importedBy", std::move(importers)}};
    });
    // Written as they go: a package's entry points are one per edge into it (10,000 and more for
    // an icon package), 2 MB of the JSON of an app with @mui/icons-material.
    writeStreamedLines(out, "packages", analysis.packages,
                       [&](CompactJson& json, const PackageSummary& summary) {
                           const auto& package = result.packages[summary.package.value];
                           json.beginObject();
                           json.key("name").value(package.name);
                           json.key("version").value(package.version);
                           json.key("root").value(displayPathView(package.root, root));
                           json.key("modules").value(summary.modules);
                           json.key("bytes").value(summary.bytes);
                           json.key("share").value(summary.share);
                           json.key("entryPoints").beginArray();
                           for (const auto& entry : summary.entryPoints) {
                               json.value(entry);
                           }
                           json.endArray().endObject();
                       });
    const auto duplicatesJson = [&](const std::vector<DuplicatePath>& duplicates) {
        Json list = Json::array();
        for (const auto& duplicate : duplicates) {
            Json aliases = Json::array();
            for (const auto& [alias, cause] : duplicate.aliases) {
                aliases.push_back({{"path", displayPath(alias, root)}, {"cause", cause}});
            }
            list.push_back(
                {{"path", modulePath(duplicate.module)}, {"aliases", std::move(aliases)}});
        }
        return list;
    };
    Json packages = Json::array();
    for (const auto& duplicate : analysis.duplicatePackages) {
        Json copies = Json::array();
        for (const auto copy : duplicate.copies) {
            copies.push_back(packageJson(result, copy));
        }
        packages.push_back(
            {{"name", duplicate.name}, {"copies", std::move(copies)}, {"bytes", duplicate.bytes}});
    }
    writeField(out, "duplicates",
               {{"paths", duplicatesJson(analysis.duplicatePaths)},
                {"spellings", duplicatesJson(analysis.duplicateSpellings)},
                {"packages", std::move(packages)},
                {"multiplier",
                 {{"pathStrings", analysis.multiplier.pathStrings},
                  {"extraReads", analysis.multiplier.extraReads},
                  {"extraBytes", analysis.multiplier.extraBytes}}}});
    writeArray(out, "cycles", analysis.cycles, [&](const std::vector<ModuleId>& cycle) -> Json {
        Json members = Json::array();
        for (const auto id : cycle) {
            members.push_back(modulePath(id));
        }
        return members;
    });
}

} // namespace

void writeScanJson(std::ostream& out, const ScanResult& result, const JsonOptions& options) {
    const auto& root = result.config.root;
    out << "{\n";
    writeField(out, "schema", 1);
    writeField(out, "root", root);
    writeField(out, "config", configJson(result.config));
    const Analysis* analysis = options.analysis;
    const QuotedNames quoted(result);
    writeLines(
        out, "modules", result.modules,
        [&](std::string& line, const ScanModule& module) {
            CompactJson json(line);
            const auto index = static_cast<std::size_t>(&module - result.modules.data());
            writeModule(json, index, result, quoted,
                        analysis != nullptr ? &analysis->modules[index] : nullptr);
            return true;
        },
        false, options.threads);
    writeLines(
        out, "edges", result.edges,
        [&](std::string& line, const ScanEdge& edge) {
            CompactJson json(line);
            writeEdge(json, edge, result, quoted);
            return true;
        },
        false, options.threads);
    writeArray(out, "unresolved", result.edges, [&](const ScanEdge& edge) -> Json {
        if (edge.resolution != ResolutionKind::Unresolved || edge.typeOnly) {
            return nullptr;
        }
        return {{"importer", displayPath(result.module(edge.importer).path, root)},
                {"specifier", result.specifier(edge)},
                {"reason", edge.reason()}};
    });
    writeDirectives(out, result);
    writeArray(out, "findings", result.findings, [&](const Finding& finding) -> Json {
        return {{"kind", finding.kind},
                {"path", displayPath(finding.path, root)},
                {"message", finding.message}};
    });
    writeArray(out, "diagnostics", result.diagnostics, [&](const Diagnostic& diagnostic) -> Json {
        return {{"path", displayPath(diagnostic.path, root)}, {"message", diagnostic.message}};
    });
    if (analysis != nullptr) {
        writeAnalysis(out, result, *analysis);
    }
    if (options.barrelImports != nullptr) {
        writeStreamedLines(out, "barrelImports", *options.barrelImports,
                           [&](CompactJson& json, const BarrelImport& row) {
                               writeBarrelImport(json, row, result, quoted);
                           });
    }
    writeField(out, "stats", statsJson(result, options), true);
    out << "}\n";
}

std::string scanToJson(const ScanResult& result, const JsonOptions& options) {
    std::ostringstream out;
    writeScanJson(out, result, options);
    return out.str();
}

std::string directivesToJson(const ScanResult& result) {
    const auto& root = result.config.root;
    return dump(Json{{"client", pathList(result.clientModules, root)},
                     {"server", pathList(result.serverModules, root)},
                     {"clientBoundaries", pathList(result.clientBoundaries, root)},
                     {"serverActions", pathList(result.serverActions, root)}});
}

} // namespace fanout
