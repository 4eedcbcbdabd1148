// SPDX-License-Identifier: GPL-3.0-or-later
// The scan's edges: resolving a module's import records and following them, and the name-level
// tasks of barrels optimized like a bundler (only the names imported are followed).
#include "scan/scan_state.h"

#include "base/path_utils.h"
#include "compat/rwsdk_compat.h"
#include "scan/resolution_memo.h"

#include <algorithm>

namespace fanout::detail {

bool ScanState::optimizedBarrel(const FileState& file) const {
    if (!file.readOk || !file.extraction.counts.barrel()) {
        return false;
    }
    const auto* package = file.package;
    // A package name, or a folder of one ("react-icons/fa": its barrels under fa/).
    const auto listed = [&](const std::string& entry) {
        if (entry == package->name) {
            return true;
        }
        std::string relative;
        return startsWith(entry, package->name + "/") &&
               relativeInside(package->root, file.path, relative) &&
               startsWith(relative, entry.substr(package->name.size() + 1) + "/");
    };
    if (package != nullptr &&
        std::any_of(m_config.optimizePackages.begin(), m_config.optimizePackages.end(), listed)) {
        return true;
    }
    return m_config.optimizeBarrels &&
           !mayHaveSideEffects(file.path, package, m_projectSideEffects, m_config.root);
}

void ScanState::processName(const Task& task, FileState& file, std::uint16_t environment) {
    const auto& extraction = file.extraction;
    const auto entry = std::find_if(extraction.exports.begin(), extraction.exports.end(),
                                    [&](const ExportEntry& e) { return e.name == task.name; });
    const bool local = entry != extraction.exports.end() && entry->record == ExportEntry::kLocal;
    std::vector<std::uint32_t> stars;
    if (entry == extraction.exports.end() && task.name != NameTable::kDefault) {
        for (std::uint32_t i = 0; i < extraction.imports.size(); ++i) {
            if (extraction.imports[i].form == ImportForm::Star && !extraction.imports[i].typeOnly) {
                stars.push_back(i);
            }
        }
    }
    // Defined here, or a name nothing here provides: the barrel is taken whole (a fallback a
    // bundler makes too); a probe that finds nothing ends here.
    if (local || (entry == extraction.exports.end() && stars.empty())) {
        if (task.kind == TaskKind::Name || local) {
            if (task.kind == TaskKind::Probe) {
                addProbeEdge(task);
            }
            processWhole(file, environment);
        }
        return;
    }
    if (task.kind == TaskKind::Probe) {
        addProbeEdge(task);
    }
    std::optional<std::uint32_t> claimed;
    {
        std::lock_guard lock(file.modulesMutex);
        auto& module = moduleOf(file, environment);
        if (module.whole) {
            return;
        }
        if (module.file == nullptr || module.kind == ModuleKind::Asset) {
            module.file = &file;
            module.environment = environment;
            module.kind = ModuleKind::Parsed;
        }
        if (module.followed.empty()) {
            module.followed.assign(extraction.imports.size(), false);
        }
        if (entry != extraction.exports.end() && !module.followed[entry->record]) {
            module.followed[entry->record] = true;
            claimed = entry->record;
        }
    }
    if (entry != extraction.exports.end()) {
        auto edge = resolveEdge(file, environment, entry->record);
        if (edge.target != nullptr && !edge.asset && edge.target->script) {
            if (entry->namespaceOf) {
                enqueue(*edge.target, environment, false);
            } else {
                enqueueName(*edge.target, environment, entry->imported, TaskKind::Name);
            }
        } else if (edge.target != nullptr) {
            enqueue(*edge.target, environment, edge.asset);
        }
        if (claimed) {
            std::vector<PendingEdge> edges;
            edges.push_back(std::move(edge));
            appendEdges(file, environment, std::move(edges));
        }
        return;
    }
    for (const auto star : stars) {
        const auto edge = resolveEdge(file, environment, star);
        if (edge.target != nullptr) {
            enqueueName(*edge.target, environment, task.name, TaskKind::Probe, &file, star);
        }
    }
}

void ScanState::addProbeEdge(const Task& task) {
    // The barrel's environment: probes run in the environment of the barrel that asked.
    const std::uint16_t originEnvironment = task.environment;
    {
        std::lock_guard lock(task.origin->modulesMutex);
        auto& module = moduleOf(*task.origin, originEnvironment);
        if (module.whole || module.followed.empty() || module.followed[task.originRecord]) {
            return;
        }
        module.followed[task.originRecord] = true;
    }
    std::vector<PendingEdge> edges;
    edges.push_back(resolveEdge(*task.origin, originEnvironment, task.originRecord));
    edges.back().targetEnvironment = originEnvironment;
    appendEdges(*task.origin, originEnvironment, std::move(edges));
}

void ScanState::enqueueName(FileState& file, std::uint16_t environment, NameId name, TaskKind kind,
                            FileState* origin, std::uint32_t originRecord) {
    {
        std::lock_guard lock(m_queueMutex);
        if (!m_seenNames.insert({&file, environment, name, kind, origin, originRecord}).second) {
            return;
        }
        Task task{&file, environment, false, false, kind, name, origin, originRecord};
        m_queue.push_back(task);
    }
    m_queueChanged.notify_one();
}

void ScanState::follow(const PendingEdge& edge, const FileState& file, const ImportRecord& record) {
    if (edge.target == nullptr) {
        return;
    }
    if (m_config.optimizing() && record.kind == ImportKind::Import &&
        record.form == ImportForm::Names && record.namesCount > 0 && !edge.asset &&
        edge.target->script) {
        for (const auto name : file.extraction.namesOf(record)) {
            enqueueName(*edge.target, edge.targetEnvironment, name, TaskKind::Name);
        }
        return;
    }
    enqueue(*edge.target, edge.targetEnvironment, edge.asset);
}

PendingEdge ScanState::resolveEdge(const FileState& file, std::uint16_t environment,
                                   std::uint32_t recordIndex) {
    if (file.seeded) {
        if (auto edge = priorEdge(file, environment, recordIndex)) {
            return std::move(*edge);
        }
    }
    const ImportRecord& record = file.extraction.imports[recordIndex];
    PendingEdge edge;
    edge.record = recordIndex;
    edge.targetEnvironment = environment;
    if (record.typeOnly) {
        // Shared by every type-only edge: notes are immutable.
        static const auto typeOnly =
            sharedNotes(EdgeNotes{{}, {}, "type-only import: recorded, not followed", {}});
        edge.notes = typeOnly;
        return edge;
    }
    if (m_config.compatRwsdk && rwsdkSkipsDottedSpecifier(record.specifier)) {
        edge.resolution = ResolutionKind::External;
        edge.notes = sharedNotes(
            EdgeNotes{{},
                      record.specifier,
                      "rwsdk compatibility: the last segment has a non-script extension",
                      {}});
        return edge;
    }
    auto* memo = ResolutionMemo::current();
    if (memo != nullptr) {
        if (const auto* answer = memo->find(environment, parentPath(file.path), record.specifier,
                                            record.kind == ImportKind::Require)) {
            edge.resolution = answer->kind;
            edge.asset = answer->asset;
            edge.target = answer->target;
            edge.notes = answer->notes;
            return edge;
        }
    }
    resolveRecord(file, environment, record, edge);
    if (memo != nullptr) {
        memo->store({edge.resolution, edge.asset, edge.target, edge.notes});
    }
    return edge;
}

void ScanState::resolveRecord(const FileState& file, std::uint16_t environment,
                              const ImportRecord& record, PendingEdge& edge) {
    auto result = m_resolvers[environment].resolve(file.path, record.specifier, record.kind);
    edge.resolution = result.kind;
    const bool external =
        result.kind == ResolutionKind::Builtin || result.kind == ResolutionKind::External;
    edge.notes =
        sharedNotes(EdgeNotes{std::move(result.query), external ? result.path : std::string(),
                              std::move(result.reason), std::move(result.caseVariantOf)});
    if (result.kind != ResolutionKind::File) {
        return;
    }
    FileState& target = fileState(result.path);
    {
        std::lock_guard lock(target.aliasMutex);
        if (result.requestedPath != target.path) {
            target.aliases.insert(result.requestedPath);
            noteFreshAlias(target.path, result.requestedPath);
        }
        if (!target.package && result.package) {
            target.package = sharedPackage(*result.package);
        }
    }
    edge.target = &target;
    edge.asset = result.asset;
}

} // namespace fanout::detail
