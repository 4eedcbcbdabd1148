// SPDX-License-Identifier: GPL-3.0-or-later
// A previous scan updated in place for edited files whose imports changed, when every module they
// lead to now was already in it: the new edges replace the old, and what the entries no longer
// reach goes. Everything a full scan derives from the graph is derived again the same way.
#include "base/path_utils.h"
#include "compat/rwsdk_compat.h"
#include "resolve/resolver_cache_impl.h"
#include "scan/scan_state.h"

#include <algorithm>
#include <deque>
#include <numeric>
#include <set>

namespace fanout::detail {
namespace {

// The result's id of a name of this scan's table, added to the result's names when new.
class ResultNames {
public:
    ResultNames(ScanResult& result, const NameTable& names) : m_result(result), m_names(names) {
        for (NameId i = 0; i < result.names.size(); ++i) {
            m_ids.emplace(result.names[i], i);
        }
    }
    NameId operator()(NameId id) {
        auto text = m_names.text(id);
        const auto [it, added] = m_ids.emplace(text, static_cast<NameId>(m_result.names.size()));
        if (added) {
            m_result.names.push_back(std::move(text));
        }
        return it->second;
    }

private:
    ScanResult& m_result;
    const NameTable& m_names;
    std::unordered_map<std::string, NameId> m_ids;
};

// The edges of one edited module, as collect() orders them, with their targets in the previous
// scan's ids.
struct NewEdges {
    std::vector<ScanEdge> edges; // names as ranges of `names`/`locals`
    std::vector<NameId> names;
    std::vector<NameId> locals;
    std::vector<std::uint32_t> edgeOfRecord;
};

} // namespace

std::shared_ptr<ScanResult> ScanState::splicePrior(std::string& why) {
    const auto& prior = m_prior->result();
    m_cache->impl().preferStat = true; // a few questions: a stat() each, no folder listed
    Extractor extractor(m_names);
    extractor.setParser(m_options.parser);
    // The previous scan's module of a file reached in an environment, as collect() would find it.
    const auto moduleOf = [&](FileState& file, std::uint16_t environment,
                              bool asset) -> std::optional<std::uint32_t> {
        const bool parsed = !asset && file.script && !file.excluded;
        if (parsed) {
            parse(file, extractor); // taken from the previous scan, or read if edited
            environment = effectiveEnvironment(file, environment);
        }
        const auto first = m_prior->anyModule(file.path);
        if (first == nullptr) {
            return std::nullopt;
        }
        for (auto m = static_cast<std::uint32_t>(first - prior.modules.data());
             m < prior.modules.size() && prior.modules[m].path == file.path; ++m) {
            const auto& module = prior.modules[m];
            if (module.environment == environment &&
                (module.kind == ModuleKind::Parsed) == (parsed && file.readOk)) {
                return m;
            }
        }
        return std::nullopt;
    };

    // Where the walk starts, as run() starts it.
    std::vector<std::uint32_t> starts;
    const auto addStart = [&](const std::string& path, bool conditional) {
        const auto environment = entryEnvironment(path);
        FileState& file = fileState(m_cache->impl().realPath(path).value_or(normalizePath(path)));
        if (const auto alias = normalizePath(path); alias != file.path) {
            m_freshAliases.insert(file.path + '\n' + alias); // as the walk gives it
        }
        if (conditional && (!file.script || file.excluded)) {
            return true;
        }
        if (file.script && !file.excluded) {
            parse(file, extractor);
            if (conditional && directiveOf(file) == Directive::None) {
                return true;
            }
        }
        const auto module = moduleOf(file, environment, !file.script);
        if (module) {
            starts.push_back(*module);
        }
        return module.has_value();
    };
    for (const auto& entry : m_config.entries) {
        if (!addStart(entry, false)) {
            why = "an entry is not a module of the cached scan";
            return nullptr;
        }
    }
    for (const auto& entry : m_config.conditionalEntries) {
        if (!addStart(entry, true)) {
            why = "a conditional entry is not a module of the cached scan";
            return nullptr;
        }
    }

    // The edited files' modules, their records resolved now.
    std::unordered_map<std::uint32_t, NewEdges> edited;
    std::unordered_map<std::uint32_t, FileState*> editedFiles;
    for (const auto& path : m_options.prior->edited) {
        FileState& file = fileState(path);
        parse(file, extractor);
        if (!file.readOk || !file.diagnostic.empty()) {
            why = path + " cannot be read or parsed cleanly";
            return nullptr;
        }
        const auto first = m_prior->anyModule(path);
        for (auto m = first == nullptr ? static_cast<std::uint32_t>(prior.modules.size())
                                       : static_cast<std::uint32_t>(first - prior.modules.data());
             m < prior.modules.size() && prior.modules[m].path == path; ++m) {
            const auto& module = prior.modules[m];
            if (module.kind != ModuleKind::Parsed) {
                why = path + " was not a parsed module";
                return nullptr;
            }
            if (module.specDirective != file.extraction.specDirective ||
                module.rwsdkDirective != file.extraction.rwsdkDirective) {
                why = path + " changed its directive";
                return nullptr;
            }
            for (const auto& edge : m_prior->edgesOf(m)) {
                if (!edge.query().empty()) {
                    why = path + " imported a file with a query";
                    return nullptr;
                }
            }
            auto& out = edited[m];
            editedFiles[m] = &file;
            const auto& x = file.extraction;
            std::vector<PendingEdge> pending;
            for (std::uint32_t i = 0; i < x.imports.size(); ++i) {
                pending.push_back(resolveEdge(file, module.environment, i));
            }
            std::vector<std::uint32_t> order(pending.size());
            std::iota(order.begin(), order.end(), 0u);
            std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) {
                const auto& ra = x.imports[pending[a].record];
                const auto& rb = x.imports[pending[b].record];
                return std::tie(ra.position.line, ra.position.column, ra.specifier) <
                       std::tie(rb.position.line, rb.position.column, rb.specifier);
            });
            out.edgeOfRecord.assign(x.imports.size(), ExportEntry::kLocal);
            ScanResult scratch;
            for (const auto j : order) {
                PendingEdge& edge = pending[j];
                if (edge.asset && edge.target != nullptr && edge.target->script) {
                    why = path + " imports a script as an asset";
                    return nullptr;
                }
                ScanEdge facts = edgeFacts(edge, x, scratch);
                if (edge.target != nullptr) {
                    const auto target = moduleOf(*edge.target, edge.targetEnvironment, edge.asset);
                    if (!target) {
                        why = path + " now reaches " + edge.target->path +
                              ", which the cached scan has not scanned there";
                        return nullptr;
                    }
                    const auto* known = m_prior->anyModule(edge.target->path);
                    if (static_cast<bool>(known->package) != (edge.target->package != nullptr)) {
                        why = path + " now gives " + edge.target->path + " a package";
                        return nullptr;
                    }
                    facts.target = ModuleId{*target};
                }
                out.edgeOfRecord[edge.record] = static_cast<std::uint32_t>(out.edges.size());
                out.edges.push_back(std::move(facts));
            }
            out.names = std::move(scratch.edgeNames);
            out.locals = std::move(scratch.edgeLocals);
        }
    }
    if (edited.empty()) {
        why = "the edited files are not modules of the cached scan";
        return nullptr;
    }

    // What the entries reach now.
    const auto edgesOf = [&](std::uint32_t m) -> std::span<const ScanEdge> {
        const auto it = edited.find(m);
        return it != edited.end() ? std::span<const ScanEdge>(it->second.edges)
                                  : m_prior->edgesOf(m);
    };
    std::vector<bool> kept(prior.modules.size());
    std::vector<std::uint32_t> queue(starts.begin(), starts.end());
    for (const auto m : starts) {
        kept[m] = true;
    }
    while (!queue.empty()) {
        const auto m = queue.back();
        queue.pop_back();
        for (const auto& edge : edgesOf(m)) {
            if (edge.target && !kept[edge.target->value]) {
                kept[edge.target->value] = true;
                queue.push_back(edge.target->value);
            }
        }
    }
    for (const auto& [m, edges] : edited) {
        if (!kept[m]) {
            why = "an edited file is no longer reached";
            return nullptr;
        }
    }
    for (std::uint32_t m = 0; m < prior.modules.size(); ++m) {
        if (kept[m] && !edited.contains(m)) {
            m_prior->markWalked(m);
        }
    }
    // A file kept only through imports of a file with a query would now be an asset.
    for (const auto& edge : prior.edges) {
        if (edge.target && kept[edge.importer.value] && !edge.query().empty() &&
            prior.module(*edge.target).kind == ModuleKind::Parsed) {
            why = "a kept module is imported with a query";
            return nullptr;
        }
    }
    const auto stale = staleAliases([&](std::string_view path) {
        const auto first = m_prior->anyModule(path);
        for (auto m = first == nullptr ? prior.modules.size()
                                       : static_cast<std::size_t>(first - prior.modules.data());
             m < prior.modules.size() && prior.modules[m].path == path; ++m) {
            if (kept[m]) {
                return true;
            }
        }
        return false;
    });

    // The previous result's parts are taken (it is not read past this point but for paths).
    ScanResult& owned = *m_options.prior->result;
    auto result = std::make_shared<ScanResult>();
    result->config = m_config;
    result->projectSideEffects = std::move(owned.projectSideEffects);
    result->names = std::move(owned.names);
    result->stats = std::move(owned.stats);
    ResultNames names(*result, *m_names);
    // Modules and packages, in the previous order, renumbered.
    std::vector<std::uint32_t> newId(prior.modules.size(), UINT32_MAX);
    std::vector<std::uint32_t> newPackage(prior.packages.size(), UINT32_MAX);
    // Files (by their first module) with a module kept, and parsed files with none.
    std::vector<bool> keptFile(prior.modules.size());
    std::vector<std::uint32_t> goneFiles;
    for (std::uint32_t m = 0, first = 0; m <= prior.modules.size(); ++m) {
        if (m == prior.modules.size() || prior.modules[m].path != prior.modules[first].path) {
            bool any = false;
            bool parsed = false;
            for (auto k = first; k < m; ++k) {
                any = any || kept[k];
                parsed = parsed || prior.modules[k].kind == ModuleKind::Parsed;
            }
            keptFile[first] = any;
            if (!any && parsed && m > first) {
                goneFiles.push_back(first);
            }
            first = m;
        }
    }
    const auto fileKept = [&](std::string_view path) {
        const auto* first = m_prior->anyModule(path);
        return first != nullptr && keptFile[static_cast<std::size_t>(first - prior.modules.data())];
    };
    result->modules.reserve(prior.modules.size());
    for (std::uint32_t m = 0; m < prior.modules.size(); ++m) {
        if (!kept[m]) {
            continue;
        }
        auto& module = owned.modules[m];
        newId[m] = static_cast<std::uint32_t>(result->modules.size());
        // Its path copied (the index of the previous scan points into it), the rest taken.
        ScanModule copy;
        copy.path = module.path;
        copy.environment = module.environment;
        copy.kind = module.kind;
        copy.bytes = module.bytes;
        copy.directive = module.directive;
        copy.specDirective = module.specDirective;
        copy.rwsdkDirective = module.rwsdkDirective;
        copy.package = module.package;
        copy.aliases = std::move(module.aliases);
        copy.parseErrors = module.parseErrors;
        copy.counts = module.counts;
        copy.exports = std::move(module.exports);
        copy.commonJs = module.commonJs;
        copy.error = std::move(module.error);
        if (copy.package) {
            auto& id = newPackage[copy.package->value];
            if (id == UINT32_MAX) {
                id = static_cast<std::uint32_t>(result->packages.size());
                result->packages.push_back(prior.packages[copy.package->value]);
            }
            copy.package = PackageId{id};
        }
        const auto* file = m_files.find(module.path);
        const auto gone = stale.find(module.path);
        if (file != nullptr || gone != stale.end()) {
            // The path strings the imports resolved now gave, less those only gone imports gave.
            std::set<std::string> aliases(copy.aliases.begin(), copy.aliases.end());
            if (file != nullptr) {
                aliases.insert((*file)->aliases.begin(), (*file)->aliases.end());
            }
            if (gone != stale.end()) {
                for (const auto& alias : gone->second) {
                    aliases.erase(alias);
                }
            }
            copy.aliases.assign(aliases.begin(), aliases.end());
        }
        // Sorted by path: a file's modules are adjacent.
        auto* directiveMap = copy.directive.directive == Directive::Client ? &result->clientModules
                             : copy.directive.directive == Directive::Server
                                 ? &result->serverModules
                                 : nullptr;
        if (directiveMap != nullptr &&
            (directiveMap->empty() || directiveMap->back() != copy.path)) {
            directiveMap->push_back(copy.path);
        }
        result->modules.push_back(std::move(copy));
    }
    // Edges, in module order; a re-export's record follows its edge.
    std::vector<std::uint32_t> newEdge(prior.edges.size(), UINT32_MAX);
    result->edges.reserve(prior.edges.size());
    result->edgeNames.clear();
    result->edgeLocals.clear();
    result->stats.unresolved = 0;
    result->stats.parseErrors = 0;
    const auto addEdge = [&](ScanEdge edge, std::span<const NameId> edgeNames,
                             std::span<const NameId> edgeLocals, bool translate,
                             std::uint32_t importer) {
        edge.importer = ModuleId{importer};
        if (edge.target) {
            edge.target = ModuleId{newId[edge.target->value]};
        }
        edge.namesBegin = static_cast<std::uint32_t>(result->edgeNames.size());
        for (std::size_t i = 0; i < edgeNames.size(); ++i) {
            result->edgeNames.push_back(translate ? names(edgeNames[i]) : edgeNames[i]);
            result->edgeLocals.push_back(translate ? names(edgeLocals[i]) : edgeLocals[i]);
        }
        if (edge.resolution == ResolutionKind::Unresolved && !edge.typeOnly) {
            ++result->stats.unresolved;
        }
        result->edges.push_back(std::move(edge));
    };
    for (std::uint32_t m = 0; m < prior.modules.size(); ++m) {
        if (!kept[m]) {
            continue;
        }
        const auto id = newId[m];
        auto& module = result->modules[id];
        const auto begin = static_cast<std::uint32_t>(result->edges.size());
        if (const auto it = edited.find(m); it != edited.end()) {
            const auto& out = it->second;
            for (const auto& edge : out.edges) {
                addEdge(edge, {out.names.data() + edge.namesBegin, edge.namesCount},
                        {out.locals.data() + edge.namesBegin, edge.namesCount}, true, id);
            }
            const FileState& file = *editedFiles.at(m);
            const auto& x = file.extraction;
            module.bytes = file.bytes;
            module.counts = x.counts;
            module.commonJs = x.commonJs;
            module.parseErrors = x.parseErrors;
            module.exports.clear();
            for (ExportEntry entry : x.exports) {
                entry.name = names(entry.name);
                entry.imported = names(entry.imported);
                if (entry.record != ExportEntry::kLocal) {
                    entry.record = begin + out.edgeOfRecord[entry.record];
                }
                module.exports.push_back(entry);
            }
        } else {
            const auto old = m_prior->edgesOf(m);
            const auto oldBegin = static_cast<std::uint32_t>(old.data() - prior.edges.data());
            for (std::uint32_t k = 0; k < old.size(); ++k) {
                newEdge[oldBegin + k] = begin + k;
                auto& taken = owned.edges[oldBegin + k];
                const auto takenNames = owned.namesOf(taken);
                const auto takenLocals = owned.localsOf(taken);
                addEdge(std::move(taken), takenNames, takenLocals, false, id);
            }
            for (auto& entry : module.exports) {
                if (entry.record != ExportEntry::kLocal) {
                    entry.record = newEdge[entry.record];
                }
            }
        }
        result->stats.parseErrors += module.parseErrors;
    }
    addDirectiveBoundaries(*result);
    // Findings as collect() makes them: calls not followed in the files kept, the configuration's.
    std::set<const FileState*> editedOnce;
    for (const auto& [m, file] : editedFiles) {
        editedOnce.insert(file);
    }
    for (const auto& finding : prior.findings) {
        if (finding.kind == "non-literal-import" && fileKept(finding.path) &&
            !m_prior->edited(finding.path)) {
            result->findings.push_back(finding);
        }
    }
    for (const auto* file : editedOnce) {
        for (const auto& call : file->extraction.nonLiteralImports) {
            result->findings.push_back(nonLiteralFinding(file->path, call));
        }
    }
    for (const auto& finding : m_config.configFindings) {
        result->findings.push_back({"config-not-static", finding.path, finding.message});
    }
    std::sort(result->findings.begin(), result->findings.end(),
              [](const Finding& a, const Finding& b) {
                  return std::tie(a.path, a.kind, a.message) < std::tie(b.path, b.kind, b.message);
              });
    if (m_config.preset == "rwsdk" && !m_config.compatRwsdk) {
        addRwsdkFindings(*result);
    }
    // What was read, as a full scan counts it: less the files no longer reached, the edited
    // files at their new sizes.
    auto& stats = result->stats;
    const auto countFile = [&](std::uint64_t bytes, bool lexed, int sign) {
        const auto add = [sign](std::uint64_t& total, std::uint64_t by) {
            total = sign > 0 ? total + by : total - by;
        };
        add(stats.filesRead, 1);
        add(stats.bytesRead, bytes);
        if (lexed) {
            add(stats.filesLexed, 1);
            add(stats.bytesLexed, bytes);
        }
    };
    for (const auto first : goneFiles) {
        const auto* record = m_prior->record(prior.modules[first].path);
        countFile(prior.modules[first].bytes, record != nullptr && record->lexed, -1);
    }
    for (const auto* file : editedOnce) {
        const auto* record = m_prior->record(file->path);
        countFile(m_prior->anyModule(file->path)->bytes, record != nullptr && record->lexed, -1);
        countFile(file->bytes, file->extraction.lexed, +1);
    }
    return result;
}

} // namespace fanout::detail
