// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/syntax_table.h"

#include <array>
#include <string_view>
#include <utility>

extern "C" const TSLanguage* tree_sitter_typescript(void);
extern "C" const TSLanguage* tree_sitter_tsx(void);

namespace fanout::detail {
namespace {

struct NamedKind {
    std::string_view name;
    bool named;
    NodeKind kind;
};

constexpr std::array kNamedKinds{
    NamedKind{"import_statement", true, NodeKind::ImportStatement},
    NamedKind{"export_statement", true, NodeKind::ExportStatement},
    NamedKind{"call_expression", true, NodeKind::CallExpression},
    NamedKind{"arguments", true, NodeKind::Arguments},
    NamedKind{"import_require_clause", true, NodeKind::ImportRequireClause},
    NamedKind{"import_clause", true, NodeKind::ImportClause},
    NamedKind{"named_imports", true, NodeKind::NamedImports},
    NamedKind{"import_specifier", true, NodeKind::ImportSpecifier},
    NamedKind{"export_clause", true, NodeKind::ExportClause},
    NamedKind{"export_specifier", true, NodeKind::ExportSpecifier},
    NamedKind{"namespace_import", true, NodeKind::NamespaceImport},
    NamedKind{"namespace_export", true, NodeKind::NamespaceExport},
    NamedKind{"member_expression", true, NodeKind::MemberExpression},
    NamedKind{"default", false, NodeKind::DefaultKeyword},
    NamedKind{"=", false, NodeKind::EqualsToken},
    NamedKind{"string", true, NodeKind::String},
    NamedKind{"template_string", true, NodeKind::TemplateString},
    NamedKind{"template_substitution", true, NodeKind::TemplateSubstitution},
    NamedKind{"identifier", true, NodeKind::Identifier},
    NamedKind{"import", true, NodeKind::ImportCallee},
    NamedKind{"type", false, NodeKind::TypeKeyword},
    NamedKind{"typeof", false, NodeKind::TypeKeyword},
    NamedKind{"expression_statement", true, NodeKind::ExpressionStatement},
    NamedKind{"empty_statement", true, NodeKind::EmptyStatement},
    NamedKind{"comment", true, NodeKind::Comment},
    NamedKind{"html_comment", true, NodeKind::Comment},
    NamedKind{"hash_bang_line", true, NodeKind::HashBang},
    NamedKind{"jsx_element", true, NodeKind::JsxElement},
    NamedKind{"jsx_self_closing_element", true, NodeKind::JsxElement},
    // Type positions: `typeof import("x")` lives in a type_query; `declare module "x" {...}` and
    // everything else under `declare` has no runtime code.
    NamedKind{"type_annotation", true, NodeKind::TypeContext},
    NamedKind{"opting_type_annotation", true, NodeKind::TypeContext},
    NamedKind{"omitting_type_annotation", true, NodeKind::TypeContext},
    NamedKind{"asserts_annotation", true, NodeKind::TypeContext},
    NamedKind{"type_predicate_annotation", true, NodeKind::TypeContext},
    NamedKind{"type_arguments", true, NodeKind::TypeContext},
    NamedKind{"type_parameters", true, NodeKind::TypeContext},
    NamedKind{"type_query", true, NodeKind::TypeContext},
    NamedKind{"type_alias_declaration", true, NodeKind::TypeContext},
    NamedKind{"interface_declaration", true, NodeKind::TypeContext},
    NamedKind{"ambient_declaration", true, NodeKind::TypeContext},
    NamedKind{"function_signature", true, NodeKind::TypeContext},
    NamedKind{"ERROR", true, NodeKind::Error},
};

} // namespace

SyntaxTable::SyntaxTable(const TSLanguage* language)
    : m_kinds(ts_language_symbol_count(language), NodeKind::Other) {
    for (TSSymbol symbol = 0; symbol < m_kinds.size(); ++symbol) {
        const std::string_view name = ts_language_symbol_name(language, symbol);
        const bool named = ts_language_symbol_type(language, symbol) == TSSymbolTypeRegular;
        for (const auto& entry : kNamedKinds) {
            if (entry.name == name && entry.named == named) {
                m_kinds[symbol] = entry.kind;
                break;
            }
        }
    }
}

const TSLanguage* languageFor(Grammar grammar) {
    return grammar == Grammar::TypeScript ? tree_sitter_typescript() : tree_sitter_tsx();
}

} // namespace fanout::detail
