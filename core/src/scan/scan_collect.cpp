// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/spread_thread.h"
#include "compat/rwsdk_compat.h"
#include "fanout/scan/memory_sampler.h"
#include "resolve/resolver_cache_impl.h"
#include "scan/scan_state.h"

#include <algorithm>
#include <filesystem>
#include <optional>

namespace fanout::detail {
namespace {

std::uint64_t sizeOnDisk(const std::string& path) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    return error ? 0 : size;
}

} // namespace

Finding nonLiteralFinding(const std::string& path, const NonLiteralImport& call) {
    return {"non-literal-import", path,
            std::string(toString(call.kind)) + "(" + call.expression + ") at " +
                std::to_string(call.position.line) + ":" + std::to_string(call.position.column) +
                " is not followed"};
}

std::shared_ptr<ScanResult> ScanState::collect(double scanMs, bool releaseRecords) {
    const auto collectStart = std::chrono::steady_clock::now();
    auto result = std::make_shared<ScanResult>();
    result->config = m_config;
    if (m_cancelled) {
        // A cancelled scan answers at once, with its statistics only: sorting and building a
        // partial graph took half a second at 60,000 modules, and a partial graph misleads.
        fillStats(*result, scanMs, collectStart);
        return result;
    }
    // The resolver caches are done with: release them before the result is built, so the two
    // never take memory at the same time.
    if (const auto project = m_cache->impl().packageJson(m_config.root)) {
        result->projectSideEffects = project->sideEffects();
    }
    result->diagnostics = m_cache->diagnostics();
    result->stats.resolverCache = m_cache->stats();
    // Freed on another thread, when the scan had two, while this one gathers and sorts the files
    // (10 ms at 21,000 modules); waited for before the result takes memory.
    // Emptied in the body, so that the freeing is done there whichever thread lets the captures go.
    auto release = [resolvers = std::move(m_resolvers), cache = std::move(m_cache),
                    tasks = std::move(m_seenTasks), names = std::move(m_seenNames)]() mutable {
        resolvers.clear();
        cache.reset();
        decltype(tasks)().swap(tasks);
        decltype(names)().swap(names);
    };
    std::optional<SpreadTask<void>> released;
    if (threadCount() > 1) {
        released.emplace(spreadAsync(std::move(release)));
    } else {
        release();
    }

    // By path, then environment: the files are sorted (each path once, half as many as the
    // modules on a two-environment app), then each file's few modules.
    // Sorted by a view of each path beside its file: a compare reads the two paths' bytes, not
    // first the two files (cache misses, the files being scattered over the heap).
    std::vector<std::pair<std::string_view, FileState*>> files;
    m_files.forEach([&](const std::string& path, const std::shared_ptr<FileState>& file) {
        if (file != nullptr && !file->modules.empty()) { // null: its making threw
            files.emplace_back(path, file.get());
        }
    });
    std::sort(files.begin(), files.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<ModuleState*> order;
    order.reserve(m_moduleCount.load());
    for (const auto& sorted : files) {
        FileState* file = sorted.second;
        const auto first = order.size();
        for (auto& module : file->modules) {
            if (module.file != nullptr) {
                order.push_back(&module);
            }
        }
        std::sort(order.begin() + static_cast<std::ptrdiff_t>(first), order.end(),
                  [](const ModuleState* a, const ModuleState* b) {
                      return a->environment < b->environment;
                  });
    }
    decltype(files)().swap(files);
    std::size_t edgeCount = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i]->id = static_cast<std::uint32_t>(i);
        edgeCount += order[i]->edges.size();
    }
    if (released) {
        released->get();
    }
    // Sized once: grown by doubling, the two vectors took half as much again at their peak.
    result->modules.reserve(order.size());
    result->edges.reserve(edgeCount);
    // A file's modules are adjacent (sorted by path): its import records are released after its
    // last module's edges are built, so the scan state shrinks as the result grows. Not when the
    // state is kept until the process exits anyway (2 ms of the corpus's 13).
    collectDiagnostics(order, *result);
    // The modules and the edges are built at once when the scan had two threads: they fill
    // different parts of the result (3-4 ms each at 21,000 modules). Not when the records go as
    // the edges are built: the modules read them too.
    std::vector<std::vector<ExportEntry>> exports;
    {
        std::optional<SpreadTask<void>> modules;
        if (threadCount() > 1 && !releaseRecords) {
            modules.emplace(spreadAsync([&] { collectModules(order, *result); }));
        } else {
            collectModules(order, *result);
        }
        exports = collectEdges(order, *result, releaseRecords);
        if (modules) {
            modules->get();
        }
    }
    for (std::size_t i = 0; i < exports.size(); ++i) {
        result->modules[i].exports = std::move(exports[i]);
    }
    result->names = m_names->snapshot();
    addDirectiveBoundaries(*result);
    finishFindings(*result);

    fillStats(*result, scanMs, collectStart);
    return result;
}

namespace {

bool lastModuleOfFile(const std::vector<ModuleState*>& order, std::size_t i) {
    return i + 1 == order.size() || order[i + 1]->file != order[i]->file;
}

void addNonLiteralFindings(const FileState& file, ScanResult& result) {
    for (const auto& call : file.extraction.nonLiteralImports) {
        result.findings.push_back(nonLiteralFinding(file.path, call));
    }
}

// What the edges were built from; the directives stay (an importer's edge asks them).
void releaseRecordsOf(FileState& file) {
    std::vector<NameId>().swap(file.specifierIds);
    Extraction& extraction = file.extraction;
    std::vector<ImportRecord>().swap(extraction.imports);
    std::vector<NonLiteralImport>().swap(extraction.nonLiteralImports);
    std::vector<ExportEntry>().swap(extraction.exports);
    std::vector<NameId>().swap(extraction.names);
    std::vector<NameId>().swap(extraction.locals);
}

} // namespace

void ScanState::collectDiagnostics(const std::vector<ModuleState*>& order,
                                   ScanResult& result) const {
    // A file that could not be read is a diagnostic too, once, whatever reached it.
    for (std::size_t i = 0; i < order.size(); ++i) {
        const FileState& file = *order[i]->file;
        if (!file.diagnostic.empty() && lastModuleOfFile(order, i)) {
            result.diagnostics.push_back({file.path, file.diagnostic});
        }
    }
    std::sort(result.diagnostics.begin(), result.diagnostics.end(),
              [](const Diagnostic& a, const Diagnostic& b) {
                  return std::tie(a.path, a.message) < std::tie(b.path, b.message);
              });
}

void ScanState::collectModules(const std::vector<ModuleState*>& order, ScanResult& result) const {
    std::map<std::string_view, const PackageIdentity*> packagesByRoot;
    for (const ModuleState* state : order) {
        if (state->file->package) {
            packagesByRoot.emplace(state->file->package->root, state->file->package);
        }
    }
    std::unordered_map<const PackageIdentity*, PackageId> packageIds;
    for (const auto& [root, package] : packagesByRoot) {
        packageIds.emplace(package, PackageId{static_cast<std::uint32_t>(result.packages.size())});
        result.packages.push_back(*package);
    }

    const bool rwsdk = m_config.compatRwsdk || m_config.directiveRule == DirectiveRule::Rwsdk;
    // The modules come in path order, so each list is sorted as it is made; a file in two
    // environments comes twice in a row.
    const auto addOnce = [](std::vector<std::string>& paths, const std::string& path) {
        if (paths.empty() || paths.back() != path) {
            paths.push_back(path);
        }
    };
    const FileState* findingsOf = nullptr;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const ModuleState& state = *order[i];
        FileState& file = *state.file;
        ScanModule module;
        module.environment = state.environment;
        module.kind = state.kind;
        module.bytes = file.readOk || file.tooLarge ? file.bytes : sizeOnDisk(file.path);
        if (file.package) {
            module.package = packageIds.at(file.package);
        }
        module.error = file.error;
        module.aliases.assign(file.aliases.begin(), file.aliases.end());
        if (state.kind == ModuleKind::Parsed) {
            const Extraction& extraction = file.extraction;
            module.specDirective = extraction.specDirective;
            module.rwsdkDirective = extraction.rwsdkDirective;
            module.directive = rwsdk ? module.rwsdkDirective : module.specDirective;
            module.parseErrors = extraction.parseErrors;
            module.counts = extraction.counts;
            module.commonJs = extraction.commonJs;
            result.stats.parseErrors += module.parseErrors;
            if (module.directive.directive == Directive::Client) {
                addOnce(result.clientModules, file.path);
            } else if (module.directive.directive == Directive::Server) {
                addOnce(result.serverModules, file.path);
            }
            if (&file != findingsOf) { // once per file, whatever its environments
                findingsOf = &file;
                addNonLiteralFindings(file, result);
                if (file.seeded) {
                    const auto found = m_prior->nonLiteralFindings(file.path);
                    result.findings.insert(result.findings.end(), found.begin(), found.end());
                }
            }
        }
        // Copied, not moved: a string moved out of the scan state stays where a worker allocated
        // it and keeps that memory from going back once the state is freed (28 MB at 100k).
        module.path = file.path;
        result.modules.push_back(std::move(module));
    }
}

std::vector<std::vector<ExportEntry>>
ScanState::collectEdges(const std::vector<ModuleState*>& order, ScanResult& result,
                        bool releaseRecords) const {
    std::vector<std::vector<ExportEntry>> exportsOf(order.size());
    std::vector<ScanEdge> edges;
    std::vector<std::uint32_t> sorted;
    std::vector<std::uint32_t> edgeOfRecord;
    for (std::size_t i = 0; i < order.size(); ++i) {
        ModuleState& state = *order[i];
        const Extraction& extraction = state.file->extraction;
        edges.clear();
        for (PendingEdge& pending : state.edges) {
            edges.push_back(edgeOf(pending, *state.file, result));
            edges.back().importer = ModuleId{static_cast<std::uint32_t>(i)};
        }
        sorted.resize(edges.size());
        for (std::uint32_t j = 0; j < sorted.size(); ++j) {
            sorted[j] = j;
        }
        // By position, then specifier (the text, as the records have it).
        const auto key = [&](std::uint32_t j) {
            return std::tie(edges[j].position.line, edges[j].position.column,
                            extraction.imports[state.edges[j].record].specifier);
        };
        const auto before = [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); };
        // Mostly in that order already (as the records were found): checked before sorting,
        // which takes a temporary buffer from the heap per module.
        if (!std::is_sorted(sorted.begin(), sorted.end(), before)) {
            std::stable_sort(sorted.begin(), sorted.end(), before);
        }
        edgeOfRecord.assign(extraction.imports.size(), ExportEntry::kLocal);
        for (const auto j : sorted) {
            edgeOfRecord[state.edges[j].record] = static_cast<std::uint32_t>(result.edges.size());
            result.edges.push_back(std::move(edges[j]));
        }
        if (state.kind == ModuleKind::Parsed) {
            auto& exports = exportsOf[i];
            for (ExportEntry entry : extraction.exports) {
                if (entry.record != ExportEntry::kLocal) {
                    entry.record = edgeOfRecord[entry.record];
                    if (entry.record == ExportEntry::kLocal) {
                        continue; // its import was never resolved (a cancelled scan)
                    }
                }
                exports.push_back(entry);
            }
        }
        if (releaseRecords) {
            std::vector<PendingEdge>().swap(state.edges);
            if (lastModuleOfFile(order, i)) {
                releaseRecordsOf(*state.file);
            }
        }
    }
    return exportsOf;
}

ScanEdge ScanState::edgeOf(PendingEdge& pending, const FileState& file, ScanResult& result) const {
    ScanEdge edge = edgeFacts(pending, file, result);
    if (pending.target != nullptr) {
        const bool parsedTarget =
            !pending.asset && pending.target->script && !pending.target->excluded;
        const auto environment =
            parsedTarget ? effectiveEnvironment(*pending.target, pending.targetEnvironment)
                         : pending.targetEnvironment;
        if (const auto* module = findModule(*pending.target, environment);
            module != nullptr && module->file != nullptr) {
            edge.target = ModuleId{module->id};
        }
    }
    if (edge.resolution == ResolutionKind::Unresolved && !edge.typeOnly) {
        ++result.stats.unresolved;
    }
    return edge;
}

ScanEdge ScanState::edgeFacts(PendingEdge& pending, const FileState& file,
                              ScanResult& result) const {
    const Extraction& extraction = file.extraction;
    const ImportRecord& record = extraction.imports[pending.record];
    ScanEdge edge;
    edge.specifierId = pending.record < file.specifierIds.size()
                           ? file.specifierIds[pending.record]
                           : m_names->intern(record.specifier);
    edge.kind = record.kind;
    edge.typeOnly = record.typeOnly;
    edge.position = record.position;
    edge.form = record.form;
    edge.resolution = pending.resolution;
    edge.setNotes(std::move(pending.notes));
    const auto names = extraction.namesOf(record);
    edge.namesBegin = static_cast<std::uint32_t>(result.edgeNames.size());
    edge.namesCount = static_cast<std::uint32_t>(names.size());
    result.edgeNames.insert(result.edgeNames.end(), names.begin(), names.end());
    const auto locals = extraction.localsOf(record);
    result.edgeLocals.insert(result.edgeLocals.end(), locals.begin(), locals.end());
    return edge;
}

void ScanState::finishFindings(ScanResult& result) const {
    for (const auto& finding : m_config.configFindings) {
        result.findings.push_back({"config-not-static", finding.path, finding.message});
    }
    std::sort(result.findings.begin(), result.findings.end(),
              [](const Finding& a, const Finding& b) {
                  return std::tie(a.path, a.kind, a.message) < std::tie(b.path, b.kind, b.message);
              });
    if (m_config.preset == "rwsdk" && !m_config.compatRwsdk) {
        addRwsdkFindings(result);
    }
}

void ScanState::addDirectiveBoundaries(ScanResult& result) const {
    // By module id: modules are sorted by path, so sorted ids give sorted paths.
    std::vector<std::uint32_t> boundaries;
    std::vector<std::uint32_t> actions;
    for (const auto& edge : result.edges) {
        if (!edge.target || edge.typeOnly) {
            continue;
        }
        const auto& target = result.module(*edge.target);
        if (target.directive.directive == Directive::Client &&
            result.module(edge.importer).environment ==
                m_serverOf[result.module(edge.importer).environment]) {
            boundaries.push_back(edge.target->value);
        } else if (target.directive.directive == Directive::Server) {
            actions.push_back(edge.target->value);
        }
    }
    const auto paths = [&](std::vector<std::uint32_t>& ids, std::vector<std::string>& into) {
        std::sort(ids.begin(), ids.end());
        into.clear();
        for (const auto id : ids) {
            if (into.empty() || into.back() != result.modules[id].path) {
                into.push_back(result.modules[id].path);
            }
        }
    };
    paths(boundaries, result.clientBoundaries);
    paths(actions, result.serverActions);
}

void ScanState::fillStats(ScanResult& result, double scanMs,
                          std::chrono::steady_clock::time_point collectStart) const {
    auto& stats = result.stats;
    stats.filesRead = m_filesParsed;
    stats.bytesRead = m_bytesRead;
    stats.filesLexed = m_filesLexed;
    stats.bytesLexed = m_bytesLexed;
    stats.parser = m_options.parser;
    stats.scanMs = scanMs;
    stats.peakResidentBytes = m_sampler->peak();
    stats.memory = m_sampler->timeline();
    stats.cancelled = m_cancelled;
    stats.threads = threadCount();
    stats.collectMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - collectStart)
            .count();
    stats.wallMs = stats.scanMs + stats.collectMs;
}

} // namespace fanout::detail
