// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/result_patch.h"

#include "fanout/extract/extractor.h"
#include "fanout/extract/grammar.h"
#include "fanout/io/file_reader.h"
#include "fanout/resolve/jsx_runtime.h"
#include "fanout/resolve/resolver_cache.h"
#include "scan/result_names.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace fanout::detail {
namespace {

// A file read and extracted again, its records in the order its edges are stored.
struct Edited {
    FileRecord* record = nullptr;
    FileContents contents;
    Extraction extraction;
    std::vector<std::uint32_t> order;    // records by (position, specifier), as edges are sorted
    std::vector<std::uint32_t> edgeRank; // record -> its place in `order`
};

class Patcher {
public:
    Patcher(ScanResult& result, const ScanConfig& config, ParserChoice parser)
        : m_result(result), m_config(config), m_extractor(m_names) {
        m_extractor.setParser(parser);
    }

    // "" when the file can be patched in; its new sizes and positions are then applied by apply().
    std::string prepare(Edited& file) {
        file.contents = readFile(file.record->path, m_config.maxFileBytes);
        const auto grammar = grammarForPath(file.record->path);
        if (!file.contents.ok() || !grammar) {
            return file.record->path + " cannot be read as a script any more";
        }
        try {
            file.extraction = m_extractor.extract(file.contents.bytes, *grammar);
        } catch (const std::exception& error) {
            return file.record->path + ": " + error.what();
        }
        auto& x = file.extraction;
        if (x.parseErrors > 0 || !x.nonLiteralImports.empty()) {
            return file.record->path + " has syntax errors or imports that cannot be followed";
        }
        addJsxRuntimeImport(x, m_config.jsx, m_resolverCache, file.record->path);
        file.order.resize(x.imports.size());
        std::iota(file.order.begin(), file.order.end(), 0u);
        std::stable_sort(file.order.begin(), file.order.end(), [&](auto a, auto b) {
            const auto& ra = x.imports[a];
            const auto& rb = x.imports[b];
            return std::tie(ra.position.line, ra.position.column, ra.specifier) <
                   std::tie(rb.position.line, rb.position.column, rb.specifier);
        });
        file.edgeRank.resize(file.order.size());
        for (std::uint32_t k = 0; k < file.order.size(); ++k) {
            file.edgeRank[file.order[k]] = k;
        }
        const auto [first, last] = modulesOf(file.record->path);
        if (first == last) {
            return file.record->path + " is not a module of the cached scan";
        }
        for (auto m = first; m < last; ++m) {
            if (auto why = sameModule(file, m); !why.empty()) {
                return file.record->path + " " + why;
            }
        }
        const auto noted = [&](const auto& entry) { return entry.path == file.record->path; };
        if (std::any_of(m_result.findings.begin(), m_result.findings.end(), noted) ||
            std::any_of(m_result.diagnostics.begin(), m_result.diagnostics.end(), noted)) {
            return file.record->path + " has findings or diagnostics";
        }
        return {};
    }

    void apply(Edited& file) {
        const auto [first, last] = modulesOf(file.record->path);
        const auto size = file.contents.bytes.size();
        const auto oldSize = m_result.modules[first].bytes;
        const auto& x = file.extraction;
        for (auto m = first; m < last; ++m) {
            auto& module = m_result.modules[m];
            module.bytes = size;
            // What the walk does not depend on (the optimized graph, which does, is scanned
            // again): statement counts, CommonJS, exports.
            module.counts = x.counts;
            module.commonJs = x.commonJs;
            const auto begin = edgesOf(m).first;
            for (std::uint32_t k = 0; k < file.order.size(); ++k) {
                m_result.edges[begin + k].position = x.imports[file.order[k]].position;
            }
            replaceExports(module, x, begin, file.edgeRank, m_resultNames);
        }
        auto& stats = m_result.stats;
        stats.bytesRead = stats.bytesRead - oldSize + size;
        const bool lexed = file.extraction.lexed;
        stats.filesLexed = stats.filesLexed - (file.record->lexed ? 1 : 0) + (lexed ? 1 : 0);
        stats.bytesLexed =
            stats.bytesLexed - (file.record->lexed ? oldSize : 0) + (lexed ? size : 0);
        file.record->identity = file.contents.identity;
        file.record->hash = contentHash(file.contents.bytes);
        file.record->lexed = lexed;
    }

private:
    // The modules of a file: adjacent, as modules are sorted by path.
    std::pair<std::uint32_t, std::uint32_t> modulesOf(const std::string& path) const {
        const auto& modules = m_result.modules;
        const auto first = std::lower_bound(
            modules.begin(), modules.end(), path,
            [](const ScanModule& module, const std::string& p) { return module.path < p; });
        auto last = first;
        while (last != modules.end() && last->path == path) {
            ++last;
        }
        return {static_cast<std::uint32_t>(first - modules.begin()),
                static_cast<std::uint32_t>(last - modules.begin())};
    }

    // A module's edges: adjacent, as edges are sorted by importer.
    std::pair<std::uint32_t, std::uint32_t> edgesOf(std::uint32_t module) const {
        const auto& edges = m_result.edges;
        const auto first = std::lower_bound(
            edges.begin(), edges.end(), module,
            [](const ScanEdge& edge, std::uint32_t m) { return edge.importer.value < m; });
        auto last = first;
        while (last != edges.end() && last->importer.value == module) {
            ++last;
        }
        return {static_cast<std::uint32_t>(first - edges.begin()),
                static_cast<std::uint32_t>(last - edges.begin())};
    }

    bool sameNames(std::span<const NameId> cached, std::span<const NameId> now) const {
        return std::equal(cached.begin(), cached.end(), now.begin(), now.end(),
                          [&](NameId a, NameId b) { return m_result.name(a) == m_names->text(b); });
    }

    // "" when module `m` of the cached result is what the new extraction gives, positions aside.
    std::string sameModule(const Edited& file, std::uint32_t m) const {
        const auto& module = m_result.modules[m];
        const auto& x = file.extraction;
        if (module.kind != ModuleKind::Parsed || module.parseErrors != 0) {
            return "was not a parsed module";
        }
        if (module.specDirective != x.specDirective || module.rwsdkDirective != x.rwsdkDirective) {
            return "changed its directive";
        }
        const auto [begin, end] = edgesOf(m);
        if (end - begin != x.imports.size()) {
            return "changed its imports";
        }
        for (std::uint32_t k = 0; k < file.order.size(); ++k) {
            const auto& edge = m_result.edges[begin + k];
            const auto& record = x.imports[file.order[k]];
            if (m_result.specifier(edge) != record.specifier || edge.kind != record.kind ||
                edge.typeOnly != record.typeOnly || edge.form != record.form ||
                !sameNames(m_result.namesOf(edge), x.namesOf(record)) ||
                !sameNames(m_result.localsOf(edge), x.localsOf(record))) {
                return "changed its imports";
            }
        }
        return {};
    }

    ScanResult& m_result;
    const ScanConfig& m_config;
    std::shared_ptr<NameTable> m_names = std::make_shared<NameTable>();
    Extractor m_extractor;
    ResolverCache m_resolverCache;
    ResultNames m_resultNames{m_result, *m_names};
};

} // namespace

std::string patchEditedFiles(ScanResult& result, const ScanConfig& config, ParserChoice parser,
                             const std::vector<FileRecord*>& edited) {
    if (config.optimizing()) {
        return "the optimized graph follows names: edited files are scanned again";
    }
    Patcher patcher(result, config, parser);
    std::vector<Edited> files(edited.size());
    for (std::size_t i = 0; i < edited.size(); ++i) {
        files[i].record = edited[i];
        if (auto why = patcher.prepare(files[i]); !why.empty()) {
            return why;
        }
    }
    for (auto& file : files) {
        patcher.apply(file);
    }
    return {};
}

} // namespace fanout::detail
