// SPDX-License-Identifier: GPL-3.0-or-later
// How the scan cache stores a scan: cereal's binary layout (memory_archive.h), one function per
// type (found by cereal in its own namespace), each used both to write and to read.
#pragma once

#include "cache/memory_archive.h"
#include "fanout/project/scan_config.h"
#include "fanout/result/scan_result.h"
#include "fanout/scan/scan_inputs.h"

#include <cereal/cereal.hpp>
#include <cereal/types/map.hpp>
#include <cereal/types/optional.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/utility.hpp>
#include <cereal/types/vector.hpp>

#include <cstring>

namespace cereal {

template <class Archive, class Tag> void serialize(Archive& archive, fanout::TypedId<Tag>& id) {
    archive(id.value);
}
template <class Archive> void serialize(Archive& archive, fanout::DirectiveVerdict& verdict) {
    archive(verdict.directive, verdict.conflict);
}
template <class Archive> void serialize(Archive& archive, fanout::StatementCounts& counts) {
    archive(counts.topLevel, counts.imports, counts.reExports);
}
// A string as cereal writes it (its size, then its bytes), read in place.
inline void loadText(fanout::detail::MemoryInputArchive& archive, std::string& text) {
    const auto bytes = archive.take(archive.loadCount());
    text.assign(bytes.data(), bytes.size());
}
// Strings as cereal writes them.
inline void loadTexts(fanout::detail::MemoryInputArchive& archive,
                      std::vector<std::string>& texts) {
    texts.resize(archive.loadCount());
    for (auto& text : texts) {
        loadText(archive, text);
    }
}
template <class Archive> void serialize(Archive& archive, fanout::ExportEntry& entry) {
    archive(entry.name, entry.record, entry.imported, entry.namespaceOf);
}
// A module's exports read in one pass: the fields serialize() writes, 13 bytes an entry, checked
// against the bytes left once for the whole vector (a cached result of an icon barrel holds
// hundreds of thousands; read field by field they were a third of its decoding time).
inline void CEREAL_LOAD_FUNCTION_NAME(fanout::detail::MemoryInputArchive& archive,
                                      std::vector<fanout::ExportEntry>& entries) {
    using Entry = fanout::ExportEntry;
    static_assert(sizeof(Entry::name) == 4 && sizeof(Entry::record) == 4 &&
                  sizeof(Entry::imported) == 4 && sizeof(Entry::namespaceOf) == 1);
    constexpr std::size_t kEntryBytes = 13;
    const auto size = archive.loadCount(); // at most the bytes left: the product cannot overflow
    const char* at = archive.take(size * kEntryBytes).data();
    entries.resize(size);
    for (auto& entry : entries) {
        std::memcpy(&entry.name, at, 4);
        std::memcpy(&entry.record, at + 4, 4);
        std::memcpy(&entry.imported, at + 8, 4);
        entry.namespaceOf = at[12] != 0;
        at += kEntryBytes;
    }
}
template <class Archive> void serialize(Archive& archive, fanout::SourcePosition& position) {
    archive(position.line, position.column);
}
template <class Archive> void serialize(Archive& archive, fanout::SideEffects& sideEffects) {
    archive(sideEffects.kind, sideEffects.patterns);
}
template <class Archive> void serialize(Archive& archive, fanout::PackageIdentity& package) {
    archive(package.name, package.version, package.root, package.sideEffects);
}
template <class Archive> void serialize(Archive& archive, fanout::Diagnostic& diagnostic) {
    archive(diagnostic.path, diagnostic.message);
}
template <class Archive> void serialize(Archive& archive, fanout::Finding& finding) {
    archive(finding.kind, finding.path, finding.message);
}
template <class Archive> void serialize(Archive& archive, fanout::MemorySample& sample) {
    archive(sample.seconds, sample.residentBytes);
}
template <class Archive> void serialize(Archive& archive, fanout::ResolverCacheStats& stats) {
    archive(stats.stats, stats.realPaths, stats.listings, stats.manifestsParsed);
}
template <class Archive> void serialize(Archive& archive, fanout::ScanStats& stats) {
    archive(stats.filesRead, stats.bytesRead, stats.filesLexed, stats.bytesLexed, stats.parser,
            stats.parseErrors, stats.unresolved, stats.wallMs, stats.scanMs, stats.collectMs,
            stats.peakResidentBytes, stats.memory, stats.resolverCache, stats.threads,
            stats.cancelled);
}
template <class Archive> void save(Archive& archive, const fanout::ScanModule& module) {
    archive(fanout::detail::SavedPathText{module.path}, module.environment, module.kind,
            module.bytes, module.directive, module.specDirective, module.rwsdkDirective,
            module.package, module.aliases, module.parseErrors, module.counts, module.exports,
            module.commonJs, module.error);
}
inline void loadVerdict(const char* at, fanout::DirectiveVerdict& verdict) {
    static_assert(sizeof verdict.directive == 1);
    std::memcpy(&verdict.directive, at, 1);
    verdict.conflict = at[1] != 0;
}
// A module as save() writes it, its runs of fixed-size fields checked against the bytes left at
// once (field by field, the modules were most of a cached result's decoding time).
inline void CEREAL_LOAD_FUNCTION_NAME(fanout::detail::MemoryInputArchive& archive,
                                      fanout::ScanModule& module) {
    static_assert(sizeof module.environment == 2 && sizeof module.kind == 1 &&
                  sizeof module.bytes == 8 && sizeof module.parseErrors == 4 &&
                  sizeof module.counts.topLevel == 4 && sizeof module.package->value == 4);
    archive(fanout::detail::PathText{module.path});
    // environment, kind, bytes, the three verdicts, whether there is no package.
    constexpr std::size_t kHeadBytes = 18;
    const char* at = archive.take(kHeadBytes).data();
    std::memcpy(&module.environment, at, 2);
    std::memcpy(&module.kind, at + 2, 1);
    std::memcpy(&module.bytes, at + 3, 8);
    loadVerdict(at + 11, module.directive);
    loadVerdict(at + 13, module.specDirective);
    loadVerdict(at + 15, module.rwsdkDirective);
    if (at[17] == 0) {
        module.package.emplace();
        archive.loadValue(module.package->value);
    } else {
        module.package.reset();
    }
    loadTexts(archive, module.aliases);
    // parseErrors and the three statement counts.
    constexpr std::size_t kCountBytes = 16;
    at = archive.take(kCountBytes).data();
    std::memcpy(&module.parseErrors, at, 4);
    std::memcpy(&module.counts.topLevel, at + 4, 4);
    std::memcpy(&module.counts.imports, at + 8, 4);
    std::memcpy(&module.counts.reExports, at + 12, 4);
    archive(module.exports);
    module.commonJs = archive.take(1)[0] != 0;
    loadText(archive, module.error);
}
template <class Archive> void serialize(Archive& archive, fanout::EdgeNotes& notes) {
    archive(notes.query, notes.external, notes.reason, notes.caseVariantOf);
}
template <class Archive> void save(Archive& archive, const fanout::ScanEdge& edge) {
    archive(edge.specifierId, edge.kind, edge.typeOnly, edge.position, edge.form, edge.namesBegin,
            edge.namesCount, edge.resolution, edge.importer, edge.target);
    // Notes are shared, immutable and rare: a flag, then the values of those there are.
    const fanout::EdgeNotes& notes = edge.notes();
    const bool noted = notes != fanout::EdgeNotes{};
    archive(noted);
    if (noted) {
        archive(notes);
    }
}
// An edge as save() writes it, its fixed-size fields checked against the bytes left at once (a
// cached result holds one per import: field by field, they were most of its decoding time).
inline void CEREAL_LOAD_FUNCTION_NAME(fanout::detail::MemoryInputArchive& archive,
                                      fanout::ScanEdge& edge) {
    static_assert(sizeof edge.specifierId == 4 && sizeof edge.kind == 1 && sizeof edge.form == 1 &&
                  sizeof edge.resolution == 1 && sizeof edge.position.line == 4 &&
                  sizeof edge.namesBegin == 4 && sizeof edge.importer.value == 4);
    // specifier, kind, typeOnly, line, column, form, namesBegin, namesCount, resolution,
    // importer, whether there is no target.
    constexpr std::size_t kFixedBytes = 29;
    const char* at = archive.take(kFixedBytes).data();
    std::memcpy(&edge.specifierId, at, 4);
    at += 4;
    std::memcpy(&edge.kind, at, 1);
    edge.typeOnly = at[1] != 0;
    std::memcpy(&edge.position.line, at + 2, 4);
    std::memcpy(&edge.position.column, at + 6, 4);
    std::memcpy(&edge.form, at + 10, 1);
    std::memcpy(&edge.namesBegin, at + 11, 4);
    std::memcpy(&edge.namesCount, at + 15, 4);
    std::memcpy(&edge.resolution, at + 19, 1);
    std::memcpy(&edge.importer.value, at + 20, 4);
    if (at[24] == 0) {
        edge.target.emplace();
        archive.loadValue(edge.target->value);
    } else {
        edge.target.reset();
    }
    if (archive.take(1)[0] != 0) {
        fanout::EdgeNotes notes;
        archive(notes);
        edge.setNotes(fanout::sharedNotes(std::move(notes)));
    } else {
        edge.setNotes(nullptr);
    }
}
// The result without its configuration: a cached result is only used under the same one.
template <class Archive> void serialize(Archive& archive, fanout::ScanResult& result) {
    archive(result.modules, result.packages, result.edges, result.clientModules,
            result.serverModules, result.clientBoundaries, result.serverActions, result.findings,
            result.diagnostics, result.stats, result.names, result.edgeNames, result.edgeLocals,
            result.projectSideEffects);
}

template <class Archive> void serialize(Archive& archive, fanout::FileIdentity& identity) {
    archive(identity.device, identity.inode, identity.size, identity.mtimeNs, identity.ctimeNs,
            identity.mode);
}
template <class Archive> void serialize(Archive& archive, fanout::FileRecord& file) {
    archive(fanout::detail::PathText{file.path}, file.identity, file.hash, file.lexed);
}
template <class Archive> void serialize(Archive& archive, fanout::PathAnswer& answer) {
    archive(fanout::detail::PathText{answer.path}, answer.question, answer.type,
            answer.answeredByStat);
    // A real path mostly shares all or most of its bytes with the path asked about.
    bool answered = answer.text.has_value();
    archive(answered);
    if (answered) {
        if constexpr (Archive::is_loading::value) {
            answer.text.emplace();
        }
        archive(fanout::detail::PathText{*answer.text});
    }
}
template <class Archive> void serialize(Archive& archive, fanout::FolderRead& folder) {
    archive(fanout::detail::PathText{folder.path}, folder.identity);
}
template <class Archive> void serialize(Archive& archive, fanout::ScanInputs& inputs) {
    archive(inputs.startedNs, inputs.files, inputs.manifests, inputs.folders, inputs.answers);
}

// The configuration, for the cache key: everything that decides what a scan finds.
template <class Archive> void serialize(Archive& archive, fanout::AliasRule& rule) {
    archive(rule.find, rule.replacement, rule.regex);
}
template <class Archive> void serialize(Archive& archive, fanout::ResolverConfig& config) {
    archive(config.conditions, config.mainFields, config.extensions, config.extensionAlias,
            config.browserField, config.alias, config.tsconfig, config.nearestTsconfig,
            config.externalPackages, config.dedupe, config.dedupeFrom, config.assetQueries,
            config.letterCase);
}
template <class Archive> void serialize(Archive& archive, fanout::Environment& environment) {
    archive(environment.name, environment.resolver, environment.workspace);
}
template <class Archive> void serialize(Archive& archive, fanout::EnvironmentSwitch& rule) {
    archive(rule.directive, rule.environment, rule.workspace);
}
template <class Archive> void serialize(Archive& archive, fanout::Workspace& workspace) {
    archive(workspace.name, workspace.dir, workspace.preset);
}
template <class Archive> void serialize(Archive& archive, fanout::JsxConfig& jsx) {
    archive(jsx.mode, jsx.importSource);
}
template <class Archive> void serialize(Archive& archive, fanout::ScanConfig& config) {
    archive(config.root, config.entries, config.entryEnvironments, config.conditionalEntries,
            config.environments, config.switches, config.workspaces, config.scannedWorkspaces,
            config.directiveRule, config.exclude, config.compatRwsdk, config.maxFileBytes,
            config.optimizePackages, config.optimizeBarrels, config.jsx, config.configFindings,
            config.preset);
}

} // namespace cereal
