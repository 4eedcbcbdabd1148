// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan/scan_prior.h"

#include "scan/scan_state.h"

#include <set>

namespace fanout::detail {

PriorIndex::PriorIndex(const PriorScan& prior)
    : m_prior(prior), m_names(std::make_unique<std::atomic<NameId>[]>(prior.result->names.size())),
      m_walked(std::make_unique<std::atomic<bool>[]>(prior.result->modules.size())) {
    const auto& result = *prior.result;
    for (std::size_t i = 0; i < result.names.size(); ++i) {
        m_names[i].store(kNoName, std::memory_order_relaxed);
    }
    m_firstModule.reserve(result.modules.size());
    m_records.reserve(prior.inputs->files.size());
    for (std::uint32_t m = 0; m < result.modules.size(); ++m) {
        m_firstModule.try_emplace(result.modules[m].path, m);
    }
    // Edges are sorted by importer: each module's are a range.
    m_edgeBegin.assign(result.modules.size() + 1, 0);
    for (const auto& edge : result.edges) {
        ++m_edgeBegin[edge.importer.value + 1];
    }
    for (std::size_t m = 1; m < m_edgeBegin.size(); ++m) {
        m_edgeBegin[m] += m_edgeBegin[m - 1];
    }
    for (const auto& record : prior.inputs->files) {
        m_records.emplace(record.path, &record);
    }
    for (const auto& path : prior.edited) {
        m_edited.insert(path);
    }
    // Findings are sorted by path, then kind.
    for (std::size_t i = 0; i < result.findings.size(); ++i) {
        const auto& finding = result.findings[i];
        if (finding.kind == "non-literal-import") {
            auto [it, added] = m_findings.try_emplace(finding.path, i, i + 1);
            it->second.second = i + 1;
        }
    }
}

NameId PriorIndex::name(NameId prior, NameTable& names) const {
    auto id = m_names[prior].load(std::memory_order_relaxed);
    if (id == kNoName) {
        id = names.intern(m_prior.result->name(prior));
        m_names[prior].store(id, std::memory_order_relaxed);
    }
    return id;
}

const ScanModule* PriorIndex::anyModule(std::string_view path) const {
    const auto it = m_firstModule.find(path);
    return it == m_firstModule.end() ? nullptr : &m_prior.result->modules[it->second];
}

std::pair<std::uint32_t, std::uint32_t> PriorIndex::modulesOf(std::string_view path) const {
    const auto it = m_firstModule.find(path);
    if (it == m_firstModule.end()) {
        return {0, 0};
    }
    const auto& modules = m_prior.result->modules;
    auto end = it->second;
    while (end < modules.size() && modules[end].path == path) {
        ++end;
    }
    return {it->second, end};
}

std::optional<std::uint32_t> PriorIndex::parsedModule(std::string_view path,
                                                      std::uint16_t environment) const {
    const auto& modules = m_prior.result->modules;
    const auto [first, end] = modulesOf(path);
    for (auto m = first; m < end; ++m) {
        if (modules[m].environment == environment) {
            if (modules[m].kind != ModuleKind::Parsed) {
                return std::nullopt;
            }
            return m;
        }
    }
    return std::nullopt;
}

std::span<const ScanEdge> PriorIndex::edgesOf(std::uint32_t module) const {
    const auto& edges = m_prior.result->edges;
    return {edges.data() + m_edgeBegin[module], m_edgeBegin[module + 1] - m_edgeBegin[module]};
}

std::span<const Finding> PriorIndex::nonLiteralFindings(std::string_view path) const {
    const auto it = m_findings.find(path);
    if (it == m_findings.end()) {
        return {};
    }
    const auto& findings = m_prior.result->findings;
    return {findings.data() + it->second.first, it->second.second - it->second.first};
}

bool PriorIndex::seed(FileState& file, NameTable& names) const {
    if (m_edited.contains(file.path)) {
        return false;
    }
    const auto record = m_records.find(file.path);
    if (record == m_records.end()) {
        return false;
    }
    const auto& result = *m_prior.result;
    // Any parsed module of the file: every one has an edge per record of the file.
    auto [m, end] = modulesOf(file.path);
    while (m < end && result.modules[m].kind != ModuleKind::Parsed) {
        ++m;
    }
    if (m == end) {
        return false;
    }
    const auto& module = result.modules[m];
    const auto edges = edgesOf(m);
    Extraction& x = file.extraction;
    x.imports.reserve(edges.size());
    for (const auto& edge : edges) {
        ImportRecord imported;
        imported.specifier = result.specifier(edge);
        imported.kind = edge.kind;
        imported.typeOnly = edge.typeOnly;
        imported.position = edge.position;
        imported.form = edge.form;
        imported.namesBegin = static_cast<std::uint32_t>(x.names.size());
        imported.namesCount = edge.namesCount;
        for (const auto name : result.namesOf(edge)) {
            x.names.push_back(this->name(name, names));
        }
        for (const auto local : result.localsOf(edge)) {
            x.locals.push_back(this->name(local, names));
        }
        x.imports.push_back(std::move(imported));
    }
    const auto edgeBegin = m_edgeBegin[m];
    for (ExportEntry entry : module.exports) {
        entry.name = name(entry.name, names);
        entry.imported = name(entry.imported, names);
        if (entry.record != ExportEntry::kLocal) {
            entry.record -= edgeBegin;
        }
        x.exports.push_back(entry);
    }
    x.commonJs = module.commonJs;
    x.counts = module.counts;
    x.specDirective = module.specDirective;
    x.rwsdkDirective = module.rwsdkDirective;
    x.parseErrors = module.parseErrors;
    x.lexed = record->second->lexed;
    file.identity = record->second->identity;
    file.hash = record->second->hash;
    file.bytes = module.bytes;
    file.readOk = true;
    file.seeded = true;
    return true;
}

std::optional<PendingEdge> ScanState::priorEdge(const FileState& file, std::uint16_t environment,
                                                std::uint32_t recordIndex) {
    const auto module = m_prior->parsedModule(file.path, environment);
    if (!module) {
        return std::nullopt; // not scanned in this environment before: resolved now
    }
    const auto edges = m_prior->edgesOf(*module);
    if (recordIndex >= edges.size() ||
        (edges[recordIndex].resolution == ResolutionKind::File && !edges[recordIndex].target)) {
        return std::nullopt;
    }
    m_prior->markWalked(*module);
    const ScanEdge& old = edges[recordIndex];
    PendingEdge edge;
    edge.record = recordIndex;
    edge.targetEnvironment = environment;
    edge.resolution = old.resolution;
    edge.notes = sharedNotes(old.notes());
    if (old.target) {
        const ScanModule& target = m_prior->result().module(*old.target);
        edge.target = &fileState(target.path);
        edge.asset = target.kind == ModuleKind::Asset;
    }
    return edge;
}

void ScanState::noteFreshAlias(const std::string& file, const std::string& alias) {
    if (m_prior) {
        std::lock_guard lock(m_freshAliasesMutex);
        m_freshAliases.insert(file + '\n' + alias);
    }
}

bool ScanState::freshAlias(const std::string& file, const std::string& alias) const {
    return m_freshAliases.contains(file + '\n' + alias); // asked once the workers are done
}

void ScanState::settlePriorAliases() {
    if (!m_prior) {
        return;
    }
    // Every file this scan reached has its state (an import led to it).
    const auto stale = staleAliases(
        [&](std::string_view path) { return m_files.find(std::string(path)) != nullptr; });
    for (const auto& [path, aliases] : stale) {
        auto& file = **m_files.find(path);
        for (const auto& alias : aliases) {
            file.aliases.erase(alias); // given by the imports that are gone alone
        }
    }
}

std::unordered_map<std::string, std::set<std::string>>
ScanState::staleAliases(const std::function<bool(std::string_view)>& reached) {
    // The path strings the previous imports of edited files and of modules no longer walked gave
    // files still reached: each stays only if an import gives it now (this scan's own resolutions
    // are known; the imports taken from the previous scan are resolved again, those leading to
    // such a file only).
    const auto& prior = m_prior->result();
    std::unordered_map<std::string, std::set<std::string>> doubtful;
    std::vector<bool> doubtfulTarget(prior.modules.size());
    for (std::uint32_t m = 0; m < prior.modules.size(); ++m) {
        const auto& module = prior.modules[m];
        if (m_prior->walked(m) && !m_prior->edited(module.path)) {
            continue;
        }
        for (const auto& edge : m_prior->edgesOf(m)) {
            if (!edge.target || edge.typeOnly || prior.module(*edge.target).aliases.empty()) {
                continue;
            }
            const auto& target = prior.module(*edge.target);
            if (!reached(target.path)) {
                continue;
            }
            const auto resolved = m_resolvers[module.environment].resolve(
                module.path, prior.specifier(edge), edge.kind);
            if (resolved.kind == ResolutionKind::File && resolved.requestedPath != target.path &&
                !freshAlias(target.path, resolved.requestedPath)) {
                doubtful[target.path].insert(resolved.requestedPath);
                doubtfulTarget[edge.target->value] = true;
            }
        }
    }
    if (doubtful.empty()) {
        return doubtful;
    }
    // Their importers walked with the edges they had: what each gives now.
    for (const auto& edge : prior.edges) {
        const auto importer = edge.importer.value;
        if (!edge.target || !doubtfulTarget[edge.target->value] || edge.typeOnly ||
            !m_prior->walked(importer) || m_prior->edited(prior.modules[importer].path)) {
            continue;
        }
        const auto& from = prior.modules[importer];
        auto& aliases = doubtful[prior.module(*edge.target).path];
        if (!aliases.empty()) {
            aliases.erase(m_resolvers[from.environment]
                              .resolve(from.path, prior.specifier(edge), edge.kind)
                              .requestedPath);
        }
    }
    return doubtful;
}

} // namespace fanout::detail
