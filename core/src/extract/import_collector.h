// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "extract/tree_text.h"
#include "fanout/extract/extractor.h"

#include <unordered_map>

namespace fanout::detail {

// Walks a whole tree once and records static imports, re-exports, import() and require() calls.
// Subtrees that only exist for the type checker are skipped, so `typeof import("x")` is no edge.
class ImportCollector {
public:
    ImportCollector(const ParsedSource& source, NameTable& names, Extraction& out)
        : m_source(source), m_names(names), m_out(out) {}

    void collect(TSNode root);

    // What a local name imported at the top level refers to (`import {a as b}`: b -> a of the
    // record), so that `export {b}` is read as the re-export it is. Null for other names.
    const ExportEntry* bindingOf(std::string_view local) const;
    // An identifier or a string literal used as a module export name.
    NameId nameOf(TSNode node);
    // The specifiers of an export clause: re-exports of imports[record], or the module's own
    // names (record: ExportEntry::kLocal).
    void readExportClause(TSNode clause, std::uint32_t record, bool typeOnly);

private:
    // Each returns whether the walk should descend into the node's children.
    bool visit(TSNode node);
    void visitImportStatement(TSNode node);
    bool visitExportStatement(TSNode node);
    void visitCall(TSNode node);
    void visitMember(TSNode node);
    void readImportClause(TSNode clause, std::uint32_t record);
    void addName(std::uint32_t record, NameId name, NameId local);
    template <typename Visit>
    void forEachSpecifier(TSNode list, NodeKind kind, Visit&& visit) const;

    bool clauseIsTypeOnly(TSNode clause, NodeKind listKind, NodeKind specifierKind) const;
    // The decoded value of a string or substitution-free template literal, if `node` is one.
    std::optional<std::string> literalValue(TSNode node) const;
    // Appends the record and returns its index.
    std::uint32_t record(TSNode specifierNode, std::string specifier, ImportKind kind,
                         bool typeOnly, ImportForm form = ImportForm::Names);

    const ParsedSource& m_source;
    NameTable& m_names;
    Extraction& m_out;
    std::unordered_map<std::string_view, ExportEntry> m_bindings;
};

// The @jsxRuntime and @jsxImportSource pragmas of one comment, as esbuild reads them.
void readJsxPragmas(std::string_view comment, JsxUse& into);

// ERROR and MISSING nodes, visiting only subtrees that contain one.
std::uint32_t countParseErrors(const ParsedSource& source, TSNode root);

} // namespace fanout::detail
