// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "extract/syntax_table.h"
#include "fanout/extract/import_record.h"

#include <tree_sitter/api.h>

#include <string_view>
#include <vector>

namespace fanout::detail {

// Visits the direct children of a node in order. ts_node_child(node, i) walks from the first child
// on every call, so an index loop is quadratic: a bundle with 50,000 top-level statements spent
// most of its time there. A cursor visits each child once.
template <typename Visit> void forEachChild(TSNode node, Visit&& visit) {
    TSTreeCursor cursor = ts_tree_cursor_new(node);
    if (ts_tree_cursor_goto_first_child(&cursor)) {
        do {
            visit(ts_tree_cursor_current_node(&cursor));
        } while (ts_tree_cursor_goto_next_sibling(&cursor));
    }
    ts_tree_cursor_delete(&cursor);
}

// A parsed file as the tree walkers see it: the text tree-sitter read and the syntax table.
struct ParsedSource {
    std::string_view text;
    const SyntaxTable& table;
    // Bytes stripped before parsing (a UTF-8 BOM), added back to first-line columns.
    std::uint32_t firstLineOffset = 0;

    NodeKind kindOf(TSNode node) const { return table.kindOf(node); }

    std::string_view textOf(TSNode node) const {
        const auto start = ts_node_start_byte(node);
        const auto end = ts_node_end_byte(node);
        return text.substr(start, end - start);
    }

    SourcePosition positionOf(TSNode node) const {
        const TSPoint point = ts_node_start_point(node);
        const std::uint32_t offset = point.row == 0 ? firstLineOffset : 0;
        return {point.row + 1, point.column + 1 + offset};
    }

    // Named children other than comments, which tree-sitter attaches anywhere as extras.
    std::vector<TSNode> namedChildren(TSNode node) const {
        std::vector<TSNode> children;
        forEachChild(node, [&](TSNode child) {
            if (ts_node_is_named(child) && kindOf(child) != NodeKind::Comment) {
                children.push_back(child);
            }
        });
        return children;
    }

    // Whether a direct child (named or not) has the kind.
    bool hasChild(TSNode node, NodeKind kind) const {
        bool found = false;
        forEachChild(node, [&](TSNode child) { found = found || kindOf(child) == kind; });
        return found;
    }

    // The body of a string literal between its quotes, undecoded; empty for a broken literal.
    std::string_view rawStringBody(TSNode node) const {
        const auto literal = textOf(node);
        if (literal.size() < 2 || ts_node_has_error(node)) {
            return {};
        }
        return literal.substr(1, literal.size() - 2);
    }
};

} // namespace fanout::detail
