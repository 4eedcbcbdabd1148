// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/extract/grammar.h"

#include <tree_sitter/api.h>

#include <vector>

namespace fanout::detail {

// The node kinds the extractor cares about. Grammars give every node a numeric symbol, different
// per grammar and with several ids for one name (aliases), so a table built once per grammar maps
// symbols to these kinds instead of comparing type names for every node.
enum class NodeKind : unsigned char {
    Other,
    ImportStatement,
    ExportStatement,
    CallExpression,
    Arguments,
    ImportRequireClause,
    ImportClause,
    NamedImports,
    ImportSpecifier,
    ExportClause,
    ExportSpecifier,
    NamespaceImport, // * as ns in an import clause
    NamespaceExport, // * as ns in export * as ns from
    MemberExpression,
    DefaultKeyword, // the anonymous `default` of export default
    EqualsToken,    // the anonymous `=` of TypeScript's export =
    String,
    TemplateString,
    TemplateSubstitution,
    Identifier,
    ImportCallee, // the named `import` node that is the callee of import("x")
    TypeKeyword,  // the anonymous `type` / `typeof` keyword of a type-only import or export
    ExpressionStatement,
    EmptyStatement,
    Comment,
    HashBang,
    JsxElement,  // <a>...</a> or <a />: compiled to calls of a JSX runtime
    TypeContext, // a subtree that only exists in the type system: never runtime imports
    Error,
};

class SyntaxTable {
public:
    explicit SyntaxTable(const TSLanguage* language);

    NodeKind kindOf(TSNode node) const {
        const TSSymbol symbol = ts_node_symbol(node);
        return symbol < m_kinds.size() ? m_kinds[symbol] : NodeKind::Error;
    }

private:
    std::vector<NodeKind> m_kinds;
};

const TSLanguage* languageFor(Grammar grammar);

} // namespace fanout::detail
