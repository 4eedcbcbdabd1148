// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/top_level.h"

#include <cstring>
#include <optional>

namespace fanout::detail {
namespace {

bool isReExport(TSNode statement) {
    return !ts_node_is_null(ts_node_child_by_field_name(statement, "source", 6));
}

// A directive is an expression statement made of one plain string literal; its raw text is
// compared, so an escaped `"use \x63lient"` is not one, as in the specification.
std::optional<std::string_view> directiveText(const ParsedSource& source, TSNode statement) {
    if (source.kindOf(statement) != NodeKind::ExpressionStatement) {
        return std::nullopt;
    }
    const auto children = source.namedChildren(statement);
    if (children.size() != 1 || source.kindOf(children.front()) != NodeKind::String ||
        ts_node_has_error(children.front())) {
        return std::nullopt;
    }
    return source.rawStringBody(children.front());
}

// Binding names of a declarator's pattern: `const {a, b: c, ...d} = x` declares a, c and d.
void collectBindings(const ParsedSource& source, TSNode pattern, ImportCollector& names,
                     Extraction& out) {
    const char* type = ts_node_type(pattern);
    if (std::strcmp(type, "identifier") == 0 ||
        std::strcmp(type, "shorthand_property_identifier_pattern") == 0) {
        out.exports.push_back({names.nameOf(pattern), ExportEntry::kLocal, 0, false});
        return;
    }
    if (std::strcmp(type, "pair_pattern") == 0) {
        const TSNode value = ts_node_child_by_field_name(pattern, "value", 5);
        if (!ts_node_is_null(value)) {
            collectBindings(source, value, names, out);
        }
        return;
    }
    if (std::strcmp(type, "assignment_pattern") == 0 ||
        std::strcmp(type, "object_assignment_pattern") == 0) {
        const TSNode left = ts_node_child_by_field_name(pattern, "left", 4);
        if (!ts_node_is_null(left)) {
            collectBindings(source, left, names, out);
        }
        return;
    }
    for (const TSNode child : source.namedChildren(pattern)) {
        collectBindings(source, child, names, out);
    }
}

// What `export <declaration>` defines. Types (interface, type, declare ...) define no value.
void readDeclaration(const ParsedSource& source, TSNode declaration, ImportCollector& names,
                     Extraction& out) {
    if (source.kindOf(declaration) == NodeKind::TypeContext) {
        return;
    }
    const char* type = ts_node_type(declaration);
    if (std::strcmp(type, "lexical_declaration") == 0 ||
        std::strcmp(type, "variable_declaration") == 0) {
        for (const TSNode declarator : source.namedChildren(declaration)) {
            const TSNode name = ts_node_child_by_field_name(declarator, "name", 4);
            if (!ts_node_is_null(name)) {
                collectBindings(source, name, names, out);
            }
        }
        return;
    }
    // function, generator, class, abstract class, enum, namespace: one name.
    const TSNode name = ts_node_child_by_field_name(declaration, "name", 4);
    if (!ts_node_is_null(name)) {
        out.exports.push_back({names.nameOf(name), ExportEntry::kLocal, 0, false});
    }
}

// `export default ...`, `export <declaration>`, `export {a as b}` and TypeScript's `export =`.
void readOwnExports(const ParsedSource& source, TSNode statement, ImportCollector& names,
                    Extraction& out) {
    bool typeOnly = false;
    std::optional<TSNode> clause;
    bool isDefault = false;
    bool assignment = false;
    forEachChild(statement, [&](TSNode child) {
        switch (source.kindOf(child)) {
        case NodeKind::TypeKeyword:
            typeOnly = true;
            break;
        case NodeKind::ExportClause:
            clause = child;
            break;
        case NodeKind::DefaultKeyword:
            isDefault = true;
            break;
        case NodeKind::EqualsToken:
            assignment = true;
            break;
        default:
            break;
        }
    });
    if (assignment) {
        out.commonJs = true; // export = x
    } else if (isDefault) {
        out.exports.push_back({NameTable::kDefault, ExportEntry::kLocal, 0, false});
    } else if (clause) {
        names.readExportClause(*clause, ExportEntry::kLocal, typeOnly);
    } else {
        const TSNode declaration = ts_node_child_by_field_name(statement, "declaration", 11);
        if (!ts_node_is_null(declaration)) {
            readDeclaration(source, declaration, names, out);
        }
    }
}

} // namespace

void readTopLevel(const ParsedSource& source, TSNode program, ImportCollector& imports,
                  Extraction& out) {
    bool inPrologue = true;
    bool client = false;
    bool server = false;
    forEachChild(program, [&](TSNode statement) {
        const NodeKind kind = source.kindOf(statement);
        if (!ts_node_is_named(statement) || kind == NodeKind::Comment ||
            kind == NodeKind::HashBang) {
            return;
        }
        if (inPrologue) {
            if (const auto text = directiveText(source, statement)) {
                client = client || *text == "use client";
                server = server || *text == "use server";
            } else {
                inPrologue = false;
            }
        }
        if (kind == NodeKind::EmptyStatement) {
            return;
        }
        ++out.counts.topLevel;
        if (kind == NodeKind::ImportStatement) {
            ++out.counts.imports;
        } else if (kind == NodeKind::ExportStatement) {
            if (isReExport(statement)) {
                ++out.counts.reExports;
            } else {
                readOwnExports(source, statement, imports, out);
            }
        }
    });
    if (client) {
        out.specDirective = {Directive::Client, server};
    } else if (server) {
        out.specDirective = {Directive::Server, false};
    }
}

} // namespace fanout::detail
