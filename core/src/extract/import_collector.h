// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "extract/tree_text.h"
#include "fanout/extract/extractor.h"

namespace fanout::detail {

// Walks a whole tree once and records static imports, re-exports, import() and require() calls.
// Subtrees that only exist for the type checker are skipped, so `typeof import("x")` is no edge.
class ImportCollector {
public:
    ImportCollector(const ParsedSource& source, Extraction& out) : m_source(source), m_out(out) {}

    void collect(TSNode root);

private:
    // Each returns whether the walk should descend into the node's children.
    bool visit(TSNode node);
    void visitImportStatement(TSNode node);
    bool visitExportStatement(TSNode node);
    void visitCall(TSNode node);

    bool clauseIsTypeOnly(TSNode clause, NodeKind listKind, NodeKind specifierKind) const;
    // The decoded value of a string or substitution-free template literal, if `node` is one.
    std::optional<std::string> literalValue(TSNode node) const;
    void record(TSNode specifierNode, std::string specifier, ImportKind kind, bool typeOnly);

    const ParsedSource& m_source;
    Extraction& m_out;
};

// ERROR and MISSING nodes, visiting only subtrees that contain one.
std::uint32_t countParseErrors(const ParsedSource& source, TSNode root);

} // namespace fanout::detail
