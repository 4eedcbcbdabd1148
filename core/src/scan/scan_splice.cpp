// SPDX-License-Identifier: GPL-3.0-or-later
// A previous scan updated in place for edited files whose imports changed, when every module they
// lead to now was already in it: the new edges replace the old, and what the entries no longer
// reach goes. Everything a full scan derives from the graph is derived again the same way.
#include "base/path_utils.h"
#include "resolve/resolver_cache_impl.h"
#include "scan/result_names.h"
#include "scan/scan_state.h"

#include <algorithm>
#include <numeric>
#include <set>

namespace fanout::detail {
namespace {

// The edges of one edited module, as collect() orders them, with their targets in the previous
// scan's ids.
struct NewEdges {
    const FileState* file = nullptr;
    std::vector<ScanEdge> edges; // names as ranges of `names`/`locals`
    std::vector<NameId> names;
    std::vector<NameId> locals;
    std::vector<std::uint32_t> edgeOfRecord;
};

} // namespace

// The steps of ScanState::splicePrior(); each returns "" or why the splice cannot be done.
class PriorSplice {
public:
    explicit PriorSplice(ScanState& state)
        : m_state(state), m_prior(*state.m_prior), m_old(m_prior.result()),
          m_extractor(state.m_names), m_kept(m_old.modules.size()) {
        m_extractor.setParser(state.m_options.parser);
    }

    std::shared_ptr<ScanResult> run(std::string& why) {
        for (auto step :
             {&PriorSplice::findStarts, &PriorSplice::resolveEdited, &PriorSplice::findReached}) {
            if (why = (this->*step)(); !why.empty()) {
                return nullptr;
            }
        }
        return build();
    }

private:
    // The previous scan's module of a file reached in an environment, as collect() finds it.
    std::optional<std::uint32_t> moduleOf(FileState& file, std::uint16_t environment, bool asset) {
        const bool parsed = !asset && file.script && !file.excluded;
        if (parsed) {
            m_state.parse(file, m_extractor); // taken from the previous scan, or read if edited
            environment = m_state.effectiveEnvironment(file, environment);
        }
        const auto [first, end] = m_prior.modulesOf(file.path);
        for (auto m = first; m < end; ++m) {
            const auto& module = m_old.modules[m];
            if (module.environment == environment &&
                (module.kind == ModuleKind::Parsed) == (parsed && file.readOk)) {
                return m;
            }
        }
        return std::nullopt;
    }

    // Where the walk starts, as run() starts it.
    std::string findStarts() {
        const auto add = [&](const std::string& path, bool conditional) {
            const auto environment = m_state.entryEnvironment(path);
            FileState& file = m_state.fileState(
                m_state.m_cache->impl().realPath(path).value_or(normalizePath(path)));
            if (const auto alias = normalizePath(path); alias != file.path) {
                m_state.noteFreshAlias(file.path, alias); // as the walk gives it
            }
            if (conditional && (!file.script || file.excluded)) {
                return true;
            }
            if (file.script && !file.excluded) {
                m_state.parse(file, m_extractor);
                if (conditional && m_state.directiveOf(file) == Directive::None) {
                    return true;
                }
            }
            const auto module = moduleOf(file, environment, !file.script);
            if (module) {
                m_starts.push_back(*module);
            }
            return module.has_value();
        };
        const auto& config = m_state.m_config;
        for (const auto& entry : config.entries) {
            if (!add(entry, false)) {
                return "an entry is not a module of the cached scan";
            }
        }
        for (const auto& entry : config.conditionalEntries) {
            if (!add(entry, true)) {
                return "a conditional entry is not a module of the cached scan";
            }
        }
        return {};
    }

    // The edited files' modules, their records resolved now.
    std::string resolveEdited() {
        for (const auto& path : m_state.m_options.prior->edited) {
            FileState& file = m_state.fileState(path);
            m_state.parse(file, m_extractor);
            if (!file.readOk || !file.diagnostic.empty()) {
                return path + " cannot be read or parsed cleanly";
            }
            const auto [first, end] = m_prior.modulesOf(path);
            for (auto m = first; m < end; ++m) {
                if (auto why = resolveModule(file, m); !why.empty()) {
                    return why;
                }
            }
        }
        return m_edited.empty() ? "the edited files are not modules of the cached scan" : "";
    }

    std::string resolveModule(FileState& file, std::uint32_t m) {
        const auto& module = m_old.modules[m];
        const auto& x = file.extraction;
        if (module.kind != ModuleKind::Parsed) {
            return file.path + " was not a parsed module";
        }
        if (module.specDirective != x.specDirective || module.rwsdkDirective != x.rwsdkDirective) {
            return file.path + " changed its directive";
        }
        for (const auto& edge : m_prior.edgesOf(m)) {
            if (!edge.query().empty()) {
                return file.path + " imported a file with a query";
            }
        }
        auto& out = m_edited[m];
        out.file = &file;
        std::vector<PendingEdge> pending;
        for (std::uint32_t i = 0; i < x.imports.size(); ++i) {
            pending.push_back(m_state.resolveEdge(file, module.environment, i));
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
                return file.path + " imports a script as an asset";
            }
            ScanEdge facts = m_state.edgeFacts(edge, file, scratch);
            if (edge.target != nullptr) {
                const auto target = moduleOf(*edge.target, edge.targetEnvironment, edge.asset);
                if (!target) {
                    return file.path + " now reaches " + edge.target->path +
                           ", which the cached scan has not scanned there";
                }
                if (m_old.modules[*target].package.has_value() !=
                    (edge.target->package != nullptr)) {
                    return file.path + " now gives " + edge.target->path + " a package";
                }
                facts.target = ModuleId{*target};
            }
            out.edgeOfRecord[edge.record] = static_cast<std::uint32_t>(out.edges.size());
            out.edges.push_back(std::move(facts));
        }
        out.names = std::move(scratch.edgeNames);
        out.locals = std::move(scratch.edgeLocals);
        return {};
    }

    std::span<const ScanEdge> edgesNow(std::uint32_t m) const {
        const auto it = m_edited.find(m);
        return it != m_edited.end() ? std::span<const ScanEdge>(it->second.edges)
                                    : m_prior.edgesOf(m);
    }

    // What the entries reach now; the path strings only imports that are gone gave.
    std::string findReached() {
        std::vector<std::uint32_t> queue(m_starts.begin(), m_starts.end());
        for (const auto m : m_starts) {
            m_kept[m] = true;
        }
        while (!queue.empty()) {
            const auto m = queue.back();
            queue.pop_back();
            for (const auto& edge : edgesNow(m)) {
                if (edge.target && !m_kept[edge.target->value]) {
                    m_kept[edge.target->value] = true;
                    queue.push_back(edge.target->value);
                }
            }
        }
        for (const auto& [m, edges] : m_edited) {
            if (!m_kept[m]) {
                return "an edited file is no longer reached";
            }
        }
        for (std::uint32_t m = 0; m < m_old.modules.size(); ++m) {
            if (m_kept[m] && !m_edited.contains(m)) {
                m_prior.markWalked(m);
            }
        }
        // A file kept only through imports with a query would now be an asset.
        for (const auto& edge : m_old.edges) {
            if (edge.target && m_kept[edge.importer.value] && !edge.query().empty() &&
                m_old.module(*edge.target).kind == ModuleKind::Parsed) {
                return "a kept module is imported with a query";
            }
        }
        m_stale = m_state.staleAliases([&](std::string_view path) { return fileKept(path); });
        return {};
    }

    bool fileKept(std::string_view path) const {
        const auto [first, end] = m_prior.modulesOf(path);
        return std::any_of(m_kept.begin() + first, m_kept.begin() + end, [](bool k) { return k; });
    }

    // The new result: first what reads the previous one, then its parts taken.
    std::shared_ptr<ScanResult> build() {
        auto result = std::make_shared<ScanResult>();
        result->config = m_state.m_config;
        addFindings(*result);
        result->stats = m_old.stats;
        countReads(result->stats);
        ScanResult& owned = *m_state.m_options.prior->result;
        result->projectSideEffects = std::move(owned.projectSideEffects);
        result->names = std::move(owned.names);
        ResultNames names(*result, *m_state.m_names);
        addModules(owned, *result);
        addEdges(owned, *result, names);
        m_state.addDirectiveBoundaries(*result);
        return result;
    }

    // Calls not followed in the files kept (the edited ones' as they are now), the configuration's.
    void addFindings(ScanResult& result) const {
        for (const auto& finding : m_old.findings) {
            if (finding.kind == "non-literal-import" && fileKept(finding.path) &&
                !m_prior.edited(finding.path)) {
                result.findings.push_back(finding);
            }
        }
        for (const auto* file : editedFiles()) {
            for (const auto& call : file->extraction.nonLiteralImports) {
                result.findings.push_back(nonLiteralFinding(file->path, call));
            }
        }
        m_state.finishFindings(result);
    }

    std::set<const FileState*> editedFiles() const {
        std::set<const FileState*> files;
        for (const auto& [m, out] : m_edited) {
            files.insert(out.file);
        }
        return files;
    }

    // What was read, as a full scan counts it: less the files no longer reached, the edited files
    // at their new sizes.
    void countReads(ScanStats& stats) const {
        const auto count = [&](std::uint64_t bytes, bool lexed, bool add) {
            const auto apply = [add](std::uint64_t& total, std::uint64_t by) {
                total = add ? total + by : total - by;
            };
            apply(stats.filesRead, 1);
            apply(stats.bytesRead, bytes);
            if (lexed) {
                apply(stats.filesLexed, 1);
                apply(stats.bytesLexed, bytes);
            }
        };
        const auto lexedBefore = [&](const std::string& path) {
            const auto* record = m_prior.record(path);
            return record != nullptr && record->lexed;
        };
        for (std::uint32_t m = 0; m < m_old.modules.size();) {
            const auto& path = m_old.modules[m].path;
            const auto [first, end] = m_prior.modulesOf(path);
            const bool parsed = std::any_of(
                m_old.modules.begin() + first, m_old.modules.begin() + end,
                [](const ScanModule& module) { return module.kind == ModuleKind::Parsed; });
            if (parsed && !fileKept(path)) {
                count(m_old.modules[m].bytes, lexedBefore(path), false);
            }
            m = end;
        }
        for (const auto* file : editedFiles()) {
            count(m_prior.anyModule(file->path)->bytes, lexedBefore(file->path), false);
            count(file->bytes, file->extraction.lexed, true);
        }
    }

    // The modules kept, in the previous order, renumbered; packages likewise.
    void addModules(ScanResult& owned, ScanResult& result) {
        m_newId.assign(m_old.modules.size(), UINT32_MAX);
        std::vector<std::uint32_t> newPackage(m_old.packages.size(), UINT32_MAX);
        result.modules.reserve(m_old.modules.size());
        for (std::uint32_t m = 0; m < m_old.modules.size(); ++m) {
            if (!m_kept[m]) {
                continue;
            }
            auto& module = owned.modules[m];
            m_newId[m] = static_cast<std::uint32_t>(result.modules.size());
            // Taken, but for its path, which is copied: the previous scan's index points into it.
            ScanModule& copy = result.modules.emplace_back();
            std::swap(copy, module);
            std::swap(copy.path, module.path);
            copy.path = module.path;
            if (copy.package) {
                auto& id = newPackage[copy.package->value];
                if (id == UINT32_MAX) {
                    id = static_cast<std::uint32_t>(result.packages.size());
                    result.packages.push_back(m_old.packages[copy.package->value]);
                }
                copy.package = PackageId{id};
            }
            settleAliases(copy);
            // Sorted by path: a file's modules are adjacent.
            const auto directive = copy.directive.directive;
            auto* map = directive == Directive::Client   ? &result.clientModules
                        : directive == Directive::Server ? &result.serverModules
                                                         : nullptr;
            if (map != nullptr && (map->empty() || map->back() != copy.path)) {
                map->push_back(copy.path);
            }
        }
    }

    // The path strings the imports resolved now gave, less those only gone imports gave.
    void settleAliases(ScanModule& module) const {
        const auto* file = m_state.m_files.find(module.path);
        const auto gone = m_stale.find(module.path);
        if (file == nullptr && gone == m_stale.end()) {
            return;
        }
        std::set<std::string> aliases(module.aliases.begin(), module.aliases.end());
        if (file != nullptr) {
            aliases.insert((*file)->aliases.begin(), (*file)->aliases.end());
        }
        if (gone != m_stale.end()) {
            for (const auto& alias : gone->second) {
                aliases.erase(alias);
            }
        }
        module.aliases.assign(aliases.begin(), aliases.end());
    }

    // Edges in module order, targets renumbered; a re-export's record follows its edge.
    void addEdges(ScanResult& owned, ScanResult& result, ResultNames& names) const {
        std::vector<std::uint32_t> newEdge(m_old.edges.size(), UINT32_MAX);
        result.edges.reserve(m_old.edges.size());
        result.stats.unresolved = 0;
        result.stats.parseErrors = 0;
        const auto add = [&](ScanEdge edge, std::span<const NameId> edgeNames,
                             std::span<const NameId> edgeLocals, bool translate,
                             std::uint32_t importer) {
            edge.importer = ModuleId{importer};
            if (translate) {
                edge.specifierId = names(edge.specifierId);
            }
            if (edge.target) {
                edge.target = ModuleId{m_newId[edge.target->value]};
            }
            edge.namesBegin = static_cast<std::uint32_t>(result.edgeNames.size());
            for (std::size_t i = 0; i < edgeNames.size(); ++i) {
                result.edgeNames.push_back(translate ? names(edgeNames[i]) : edgeNames[i]);
                result.edgeLocals.push_back(translate ? names(edgeLocals[i]) : edgeLocals[i]);
            }
            if (edge.resolution == ResolutionKind::Unresolved && !edge.typeOnly) {
                ++result.stats.unresolved;
            }
            result.edges.push_back(std::move(edge));
        };
        for (std::uint32_t m = 0; m < m_old.modules.size(); ++m) {
            if (!m_kept[m]) {
                continue;
            }
            const auto id = m_newId[m];
            auto& module = result.modules[id];
            const auto begin = static_cast<std::uint32_t>(result.edges.size());
            if (const auto it = m_edited.find(m); it != m_edited.end()) {
                const auto& out = it->second;
                for (const auto& edge : out.edges) {
                    add(edge, {out.names.data() + edge.namesBegin, edge.namesCount},
                        {out.locals.data() + edge.namesBegin, edge.namesCount}, true, id);
                }
                const auto& x = out.file->extraction;
                module.bytes = out.file->bytes;
                module.counts = x.counts;
                module.commonJs = x.commonJs;
                module.parseErrors = x.parseErrors;
                replaceExports(module, x, begin, out.edgeOfRecord, names);
            } else {
                const auto old = m_prior.edgesOf(m);
                const auto oldBegin = static_cast<std::uint32_t>(old.data() - m_old.edges.data());
                for (std::uint32_t k = 0; k < old.size(); ++k) {
                    newEdge[oldBegin + k] = begin + k;
                    auto& taken = owned.edges[oldBegin + k];
                    const auto takenNames = owned.namesOf(taken);
                    const auto takenLocals = owned.localsOf(taken);
                    add(std::move(taken), takenNames, takenLocals, false, id);
                }
                for (auto& entry : module.exports) {
                    if (entry.record != ExportEntry::kLocal) {
                        entry.record = newEdge[entry.record];
                    }
                }
            }
            result.stats.parseErrors += module.parseErrors;
        }
    }

    ScanState& m_state;
    const PriorIndex& m_prior;
    const ScanResult& m_old;
    Extractor m_extractor;
    std::vector<std::uint32_t> m_starts;
    std::unordered_map<std::uint32_t, NewEdges> m_edited; // by the previous scan's module
    std::vector<bool> m_kept;                             // by the previous scan's module
    std::unordered_map<std::string, std::set<std::string>> m_stale;
    std::vector<std::uint32_t> m_newId;
};

std::shared_ptr<ScanResult> ScanState::splicePrior(std::string& why) {
    m_cache->impl().preferStat = true; // a few questions: a stat() each, no folder listed
    return PriorSplice(*this).run(why);
}

} // namespace fanout::detail
