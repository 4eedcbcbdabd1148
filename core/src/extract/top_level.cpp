// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/top_level.h"

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

} // namespace

void readTopLevel(const ParsedSource& source, TSNode program, Extraction& out) {
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
        } else if (kind == NodeKind::ExportStatement && isReExport(statement)) {
            ++out.counts.reExports;
        }
    });
    if (client) {
        out.specDirective = {Directive::Client, server};
    } else if (server) {
        out.specDirective = {Directive::Server, false};
    }
}

} // namespace fanout::detail
