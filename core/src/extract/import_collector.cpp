// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/import_collector.h"

#include "extract/js_string_literal.h"

#include <optional>

namespace fanout::detail {
namespace {

constexpr std::size_t kMaxExpressionText = 200;

TSNode field(TSNode node, std::string_view name) {
    return ts_node_child_by_field_name(node, name.data(), static_cast<std::uint32_t>(name.size()));
}

// tree-sitter-typescript 0.23 predates TypeScript 5.0's `export type * from "x"` and reads it as
// an export_statement holding an ERROR node that is just the `type` keyword. It is valid code, so
// it is read as a type-only re-export and not counted as a parse error.
bool isExportTypeStarKeyword(const ParsedSource& source, TSNode node) {
    if (source.kindOf(node) != NodeKind::Error || source.textOf(node) != "type") {
        return false;
    }
    const TSNode parent = ts_node_parent(node);
    return !ts_node_is_null(parent) && source.kindOf(parent) == NodeKind::ExportStatement;
}

} // namespace

void ImportCollector::collect(TSNode root) {
    TSTreeCursor cursor = ts_tree_cursor_new(root);
    for (;;) {
        const TSNode node = ts_tree_cursor_current_node(&cursor);
        if (visit(node) && ts_tree_cursor_goto_first_child(&cursor)) {
            continue;
        }
        bool more = true;
        while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
            if (!ts_tree_cursor_goto_parent(&cursor)) {
                more = false;
                break;
            }
        }
        if (!more) {
            break;
        }
    }
    ts_tree_cursor_delete(&cursor);
}

bool ImportCollector::visit(TSNode node) {
    switch (m_source.kindOf(node)) {
    case NodeKind::TypeContext:
    case NodeKind::String:
        return false;
    case NodeKind::Comment:
        readJsxPragmas(m_source.textOf(node), m_out.jsx);
        return false;
    case NodeKind::JsxElement:
        if (!m_out.jsx.used()) {
            m_out.jsx.first = m_source.positionOf(node);
        }
        return true;
    case NodeKind::ImportStatement:
        visitImportStatement(node);
        return false;
    case NodeKind::ExportStatement:
        return visitExportStatement(node);
    case NodeKind::CallExpression:
        visitCall(node);
        return true;
    case NodeKind::MemberExpression:
        visitMember(node);
        return true;
    default:
        return ts_node_child_count(node) > 0;
    }
}

void ImportCollector::visitImportStatement(TSNode node) {
    TSNode source = field(node, "source");
    ImportKind kind = ImportKind::Import;
    bool typeOnly = false;
    std::optional<TSNode> clause;
    forEachChild(node, [&](TSNode child) {
        switch (m_source.kindOf(child)) {
        case NodeKind::TypeKeyword:
            typeOnly = true; // import type ..., import type x = require(...)
            break;
        case NodeKind::ImportRequireClause:
            source = field(child, "source");
            kind = ImportKind::Require;
            break;
        case NodeKind::ImportClause:
            clause = child;
            typeOnly = typeOnly ||
                       clauseIsTypeOnly(child, NodeKind::NamedImports, NodeKind::ImportSpecifier);
            break;
        default:
            break;
        }
    });
    if (ts_node_is_null(source)) {
        return;
    }
    auto specifier = literalValue(source);
    if (!specifier) {
        return;
    }
    if (kind == ImportKind::Require) { // import x = require("y")
        record(source, std::move(*specifier), kind, typeOnly, ImportForm::Namespace);
        return;
    }
    const auto index = record(source, std::move(*specifier), kind, typeOnly);
    if (clause) {
        readImportClause(*clause, index);
    }
}

// The value specifiers of an import or export list, as (name, alias); `type` ones left out.
template <typename Visit>
void ImportCollector::forEachSpecifier(TSNode list, NodeKind kind, Visit&& visit) const {
    forEachChild(list, [&](TSNode specifier) {
        if (m_source.kindOf(specifier) != kind ||
            m_source.hasChild(specifier, NodeKind::TypeKeyword)) {
            return;
        }
        const TSNode name = field(specifier, "name");
        if (!ts_node_is_null(name)) {
            visit(name, field(specifier, "alias"));
        }
    });
}

void ImportCollector::readImportClause(TSNode clause, std::uint32_t index) {
    forEachChild(clause, [&](TSNode part) {
        switch (m_source.kindOf(part)) {
        case NodeKind::Identifier: // import d from
            addName(index, NameTable::kDefault, nameOf(part));
            m_bindings[m_source.textOf(part)] = {NameTable::kDefault, index, NameTable::kDefault};
            break;
        case NodeKind::NamespaceImport: // import * as ns from
            m_out.imports[index].form = ImportForm::Namespace;
            forEachChild(part, [&](TSNode name) {
                if (m_source.kindOf(name) == NodeKind::Identifier) {
                    m_bindings[m_source.textOf(name)] = {0, index, 0, true};
                }
            });
            break;
        case NodeKind::NamedImports:
            forEachSpecifier(part, NodeKind::ImportSpecifier, [&](TSNode name, TSNode alias) {
                const NameId imported = nameOf(name);
                addName(index, imported, ts_node_is_null(alias) ? imported : nameOf(alias));
                const TSNode local = ts_node_is_null(alias) ? name : alias;
                m_bindings[m_source.textOf(local)] = {imported, index, imported};
            });
            break;
        default:
            break;
        }
    });
}

// `export {a as b} from "x"` (index: the record) and `export {a as b}` (index: kLocal).
void ImportCollector::readExportClause(TSNode clause, std::uint32_t index, bool typeOnly) {
    forEachSpecifier(clause, NodeKind::ExportSpecifier, [&](TSNode name, TSNode alias) {
        const NameId exported = nameOf(ts_node_is_null(alias) ? name : alias);
        if (index != ExportEntry::kLocal) {
            const NameId imported = nameOf(name);
            addName(index, imported, exported);
            if (!typeOnly) {
                m_out.exports.push_back({exported, index, imported, false});
            }
            return;
        }
        if (typeOnly) {
            return;
        }
        if (const auto* binding = bindingOf(m_source.textOf(name))) { // import {a}; export {a}
            ExportEntry entry = *binding;
            entry.name = exported;
            m_out.exports.push_back(entry);
        } else {
            m_out.exports.push_back({exported, ExportEntry::kLocal, exported, false});
        }
    });
}

// Names are added to the record just made, so each record's names are one range.
void ImportCollector::addName(std::uint32_t record, NameId name, NameId local) {
    m_out.names.push_back(name);
    m_out.locals.push_back(local);
    ++m_out.imports[record].namesCount;
}

const ExportEntry* ImportCollector::bindingOf(std::string_view local) const {
    const auto it = m_bindings.find(local);
    return it == m_bindings.end() ? nullptr : &it->second;
}

NameId ImportCollector::nameOf(TSNode node) {
    if (m_source.kindOf(node) == NodeKind::String) {
        return m_names.intern(decodeJsStringBody(m_source.rawStringBody(node)));
    }
    return m_names.intern(m_source.textOf(node));
}

bool ImportCollector::visitExportStatement(TSNode node) {
    const TSNode source = field(node, "source");
    if (ts_node_is_null(source)) {
        return true; // export const x = require("y") and friends hold calls
    }
    bool typeOnly = m_source.hasChild(node, NodeKind::TypeKeyword);
    std::optional<TSNode> clause;
    std::optional<TSNode> namespaceExport;
    forEachChild(node, [&](TSNode child) {
        const NodeKind kind = m_source.kindOf(child);
        if (kind == NodeKind::ExportClause) {
            clause = child;
            typeOnly = typeOnly ||
                       clauseIsTypeOnly(child, NodeKind::ExportClause, NodeKind::ExportSpecifier);
        } else if (kind == NodeKind::NamespaceExport) {
            namespaceExport = child;
        } else if (isExportTypeStarKeyword(m_source, child)) {
            typeOnly = true;
        }
    });
    auto specifier = literalValue(source);
    if (!specifier) {
        return false;
    }
    const ImportForm form = namespaceExport ? ImportForm::Namespace
                            : clause        ? ImportForm::Names
                                            : ImportForm::Star;
    const auto index = record(source, std::move(*specifier), ImportKind::Export, typeOnly, form);
    if (clause) {
        readExportClause(*clause, index, typeOnly);
    } else if (namespaceExport && !typeOnly) { // export * as ns from "x"
        forEachChild(*namespaceExport, [&](TSNode name) {
            const NodeKind kind = m_source.kindOf(name);
            if (kind == NodeKind::Identifier || kind == NodeKind::String) {
                m_out.exports.push_back({nameOf(name), index, 0, true});
            }
        });
    }
    return false;
}

// `import {type A, type B} from` and `export {type A} from` are erased like `import type`;
// `import {type A, b}`, `import D, {type A}` and an empty `{}` are not.
bool ImportCollector::clauseIsTypeOnly(TSNode clause, NodeKind listKind,
                                       NodeKind specifierKind) const {
    TSNode list = clause;
    if (m_source.kindOf(clause) != listKind) {
        const auto parts = m_source.namedChildren(clause);
        if (parts.size() != 1 || m_source.kindOf(parts.front()) != listKind) {
            return false;
        }
        list = parts.front();
    }
    const auto specifiers = m_source.namedChildren(list);
    if (specifiers.empty()) {
        return false;
    }
    for (const TSNode specifier : specifiers) {
        if (m_source.kindOf(specifier) != specifierKind ||
            !m_source.hasChild(specifier, NodeKind::TypeKeyword)) {
            return false;
        }
    }
    return true;
}

void ImportCollector::visitCall(TSNode node) {
    const TSNode callee = field(node, "function");
    const TSNode arguments = field(node, "arguments");
    if (ts_node_is_null(callee) || ts_node_is_null(arguments) ||
        m_source.kindOf(arguments) != NodeKind::Arguments) {
        return;
    }
    ImportKind kind;
    const NodeKind calleeKind = m_source.kindOf(callee);
    if (calleeKind == NodeKind::ImportCallee) {
        kind = ImportKind::DynamicImport;
    } else if (calleeKind == NodeKind::Identifier && m_source.textOf(callee) == "require") {
        kind = ImportKind::Require;
    } else {
        return;
    }
    const auto args = m_source.namedChildren(arguments);
    // import(x, options) is fine; require only takes one argument, anything else is not the
    // CommonJS loader (a bundler leaves it alone too).
    if (args.empty() || (kind == ImportKind::Require && args.size() != 1)) {
        return;
    }
    const TSNode argument = args.front();
    if (auto specifier = literalValue(argument)) {
        record(argument, std::move(*specifier), kind, false, ImportForm::Namespace);
        return;
    }
    auto expression = std::string(m_source.textOf(argument).substr(0, kMaxExpressionText));
    m_out.nonLiteralImports.push_back({kind, std::move(expression), m_source.positionOf(argument)});
}

// module.exports and exports.x make a CommonJS module, whose names cannot be traced.
void ImportCollector::visitMember(TSNode node) {
    if (m_out.commonJs) {
        return;
    }
    const TSNode object = ts_node_child(node, 0);
    if (ts_node_is_null(object) || m_source.kindOf(object) != NodeKind::Identifier) {
        return;
    }
    const auto name = m_source.textOf(object);
    if (name == "exports") {
        m_out.commonJs = true;
    } else if (name == "module") {
        const TSNode property = field(node, "property");
        m_out.commonJs = !ts_node_is_null(property) && m_source.textOf(property) == "exports";
    }
}

std::optional<std::string> ImportCollector::literalValue(TSNode node) const {
    if (ts_node_has_error(node) || ts_node_is_missing(node)) {
        return std::nullopt;
    }
    const NodeKind kind = m_source.kindOf(node);
    if (kind == NodeKind::TemplateString) {
        const auto parts = m_source.namedChildren(node);
        for (const TSNode part : parts) {
            if (m_source.kindOf(part) == NodeKind::TemplateSubstitution) {
                return std::nullopt;
            }
        }
    } else if (kind != NodeKind::String) {
        return std::nullopt;
    }
    const auto literal = m_source.textOf(node);
    if (literal.size() < 2) {
        return std::nullopt;
    }
    return decodeJsStringBody(literal.substr(1, literal.size() - 2));
}

std::uint32_t ImportCollector::record(TSNode specifierNode, std::string specifier, ImportKind kind,
                                      bool typeOnly, ImportForm form) {
    m_out.imports.push_back({std::move(specifier), kind, typeOnly,
                             m_source.positionOf(specifierNode), form,
                             static_cast<std::uint32_t>(m_out.names.size()), 0});
    return static_cast<std::uint32_t>(m_out.imports.size() - 1);
}

std::uint32_t countParseErrors(const ParsedSource& source, TSNode root) {
    if (!ts_node_has_error(root)) {
        return 0;
    }
    std::uint32_t errors = 0;
    std::vector<TSNode> pending{root};
    while (!pending.empty()) {
        const TSNode node = pending.back();
        pending.pop_back();
        if (ts_node_is_missing(node) ||
            (source.kindOf(node) == NodeKind::Error && !isExportTypeStarKeyword(source, node))) {
            ++errors;
        }
        forEachChild(node, [&](TSNode child) {
            if (ts_node_has_error(child)) {
                pending.push_back(child);
            }
        });
    }
    return errors;
}

namespace {

// The word after `@name` and whitespace ("" when the pragma is absent or has no argument).
std::string_view pragmaArgument(std::string_view comment, std::string_view name) {
    for (auto at = comment.find(name); at != std::string_view::npos;
         at = comment.find(name, at + 1)) {
        auto begin = at + name.size();
        if (begin >= comment.size() || (comment[begin] != ' ' && comment[begin] != '\t')) {
            continue; // @jsxImportSourceX is another word
        }
        while (begin < comment.size() && (comment[begin] == ' ' || comment[begin] == '\t')) {
            ++begin;
        }
        auto end = begin;
        while (end < comment.size() && comment[end] != ' ' && comment[end] != '\t' &&
               comment[end] != '\n' && comment[end] != '\r' && comment[end] != '*') {
            ++end;
        }
        return comment.substr(begin, end - begin);
    }
    return {};
}

} // namespace

void readJsxPragmas(std::string_view comment, JsxUse& into) {
    if (comment.find("@jsx") == std::string_view::npos) {
        return;
    }
    const auto runtime = pragmaArgument(comment, "@jsxRuntime");
    if (runtime == "classic") {
        into.runtime = JsxRuntimePragma::Classic;
    } else if (runtime == "automatic") {
        into.runtime = JsxRuntimePragma::Automatic;
    }
    if (const auto source = pragmaArgument(comment, "@jsxImportSource"); !source.empty()) {
        into.importSource = std::string(source);
    }
}

} // namespace fanout::detail
