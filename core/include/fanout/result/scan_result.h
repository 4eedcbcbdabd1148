// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/base/diagnostic.h"
#include "fanout/base/ids.h"
#include "fanout/extract/directive.h"
#include "fanout/extract/import_record.h"
#include "fanout/extract/parser_choice.h"
#include "fanout/project/scan_config.h"
#include "fanout/resolve/resolution.h"
#include "fanout/resolve/resolver_cache.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace fanout {

enum class ModuleKind : unsigned char {
    Parsed,     // read and parsed: its imports were followed
    Asset,      // resolved but never parsed (asset query, non-script file)
    Excluded,   // matched an exclude pattern
    Unreadable, // could not be read; `error` says why
    TooLarge,   // larger than the configured limit (maxFileBytes): not read, imports unknown
};

std::string_view toString(ModuleKind kind);

struct ScanModule {
    std::string path; // real path
    std::uint16_t environment = 0;
    ModuleKind kind = ModuleKind::Parsed;
    std::uint64_t bytes = 0;
    DirectiveVerdict directive;     // by the configured rule
    DirectiveVerdict specDirective; // both rules, for comparisons
    DirectiveVerdict rwsdkDirective;
    std::optional<PackageId> package; // into ScanResult::packages
    std::vector<std::string> aliases; // other path strings that reached this file, sorted
    std::uint32_t parseErrors = 0;
    StatementCounts counts;
    // Its exports; a re-export's `record` is the index of its edge in ScanResult::edges.
    std::vector<ExportEntry> exports;
    bool commonJs = false; // module.exports / exports.x / export =: names cannot be traced
    std::string error;
};

// What few edges carry (all empty on almost every edge), kept out of line.
struct EdgeNotes {
    std::string query;    // "?raw", cut from the specifier before resolving
    std::string external; // builtin:x or the external specifier
    std::string reason;   // why it was not resolved or not followed
    std::string caseVariantOf;
    bool operator==(const EdgeNotes&) const = default;
};

// Null when every note is empty, as on almost every edge.
std::shared_ptr<const EdgeNotes> sharedNotes(EdgeNotes notes);

// What one import statement became: the record and how it resolved.
struct EdgeFacts {
    // What it imports, as written: a name of the result's table (ScanResult::specifier), where
    // the tens of thousands of edges of an icon barrel share a few thousand texts.
    NameId specifierId = 0;
    ImportKind kind = ImportKind::Import;
    bool typeOnly = false;
    SourcePosition position;
    ImportForm form = ImportForm::Names;
    // Its names: a range of ScanResult::edgeNames (of Extraction::names while scanning).
    std::uint32_t namesBegin = 0;
    std::uint32_t namesCount = 0;
    ResolutionKind resolution = ResolutionKind::Unresolved;

    const std::string& query() const { return notes().query; }
    const std::string& external() const { return notes().external; }
    const std::string& reason() const { return notes().reason; }
    const std::string& caseVariantOf() const { return notes().caseVariantOf; }
    const EdgeNotes& notes() const;
    // Notes are immutable once made (sharedNotes), so copies of an edge share them.
    void setNotes(std::shared_ptr<const EdgeNotes> notes) { m_notes = std::move(notes); }

private:
    std::shared_ptr<const EdgeNotes> m_notes;
};

struct ScanEdge : EdgeFacts {
    ModuleId importer;
    std::optional<ModuleId> target; // set for resolved files that are in the graph
};

struct Finding {
    std::string kind; // e.g. "non-literal-import", "rwsdk-directive-differs"
    std::string path;
    std::string message;
};

struct MemorySample {
    double seconds = 0;
    std::uint64_t residentBytes = 0;
};

struct ScanStats {
    std::uint64_t filesRead = 0;
    std::uint64_t bytesRead = 0;
    // Of those, read by the import lexer; the rest went to tree-sitter.
    std::uint64_t filesLexed = 0;
    std::uint64_t bytesLexed = 0;
    ParserChoice parser = ParserChoice::Lexer;
    std::uint64_t parseErrors = 0;
    std::uint64_t unresolved = 0;
    double wallMs = 0;
    double scanMs = 0;    // reading, parsing and resolving
    double collectMs = 0; // sorting and building the result
    std::uint64_t peakResidentBytes = 0;
    std::vector<MemorySample> memory; // downsampled timeline
    ResolverCacheStats resolverCache;
    unsigned threads = 0;
    bool cancelled = false;
    // Loaded from the persistent cache (nothing it depends on changed): the figures above are the
    // cached scan's, except scanMs and wallMs, which are this check's and load's.
    bool fromCache = false;
};

// One immutable scan: modules sorted by (path, environment), edges by (importer, position,
// specifier), every list sorted, so any thread count gives the same result.
struct ScanResult {
    ScanConfig config;
    std::vector<ScanModule> modules;
    std::vector<PackageIdentity> packages; // one per (name, real root), sorted by root
    std::vector<ScanEdge> edges;
    std::vector<std::string> clientModules; // directive map: real paths, sorted, unique
    std::vector<std::string> serverModules;
    // The directive map as Next.js reports it (real paths, sorted, unique): "use client" modules
    // imported from the server environment (the one "use server" switches to, else the first),
    // node_modules included; and "use server" modules something imports (server actions).
    std::vector<std::string> clientBoundaries;
    std::vector<std::string> serverActions;
    std::vector<Finding> findings;
    std::vector<Diagnostic> diagnostics;
    ScanStats stats;
    // Every import and export name and every import specifier, by NameId.
    std::vector<std::string> names;
    std::vector<NameId> edgeNames;  // the names of every edge, one range per edge
    std::vector<NameId> edgeLocals; // beside each, the binding it gets (Extraction::locals)
    // The project's own package.json "sideEffects", for modules outside node_modules.
    SideEffects projectSideEffects;

    const std::string& name(NameId id) const { return names[id]; }
    const std::string& specifier(const EdgeFacts& edge) const { return names[edge.specifierId]; }
    std::span<const NameId> namesOf(const EdgeFacts& edge) const {
        return {edgeNames.data() + edge.namesBegin, edge.namesCount};
    }
    std::span<const NameId> localsOf(const EdgeFacts& edge) const {
        return {edgeLocals.data() + edge.namesBegin, edge.namesCount};
    }

    const ScanModule& module(ModuleId id) const { return modules[id.value]; }
    const PackageIdentity* packageOf(const ScanModule& module) const {
        return module.package ? &packages[module.package->value] : nullptr;
    }
};

// Modules where a scan started: its entries, and the conditional entries that became modules.
std::vector<std::uint32_t> entryModules(const ScanResult& result);

} // namespace fanout
