// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/extract/static_config.h"

#include "extract/js_string_literal.h"
#include "extract/syntax_table.h"

#include <tree_sitter/api.h>

#include <memory>

namespace fanout {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kMaxNonLiteralText = 80;
constexpr int kMaxDepth = 64;

class ConfigReader {
public:
    ConfigReader(std::string_view text, TSNode program) : m_text(text), m_program(program) {}

    StaticConfig read() {
        std::optional<TSNode> exported;
        eachChild(m_program, [&](TSNode statement) {
            const std::string_view type = ts_node_type(statement);
            if (type == "export_statement" && hasChildOfType(statement, "default")) {
                exported = ts_node_child_by_field_name(statement, "value", 5);
            } else if (type == "expression_statement") {
                const TSNode expression = ts_node_named_child(statement, 0);
                if (std::string_view(ts_node_type(expression)) == "assignment_expression" &&
                    textOf(ts_node_child_by_field_name(expression, "left", 4)) ==
                        "module.exports") {
                    exported = ts_node_child_by_field_name(expression, "right", 5);
                }
            }
        });
        if (!exported || ts_node_is_null(*exported)) {
            return {nullptr, "no `export default` or `module.exports =` at the top level"};
        }
        const auto object = configObject(*exported, 0);
        if (!object) {
            return {nullptr,
                    "the exported value is not an object literal: " + clip(textOf(*exported))};
        }
        return {valueOf(*object, 0), {}};
    }

private:
    template <typename Visit> static void eachChild(TSNode node, Visit&& visit) {
        const auto count = ts_node_named_child_count(node);
        for (std::uint32_t i = 0; i < count; ++i) {
            visit(ts_node_named_child(node, i));
        }
    }

    static bool hasChildOfType(TSNode node, std::string_view type) {
        const auto count = ts_node_child_count(node);
        for (std::uint32_t i = 0; i < count; ++i) {
            if (type == ts_node_type(ts_node_child(node, i))) {
                return true;
            }
        }
        return false;
    }

    std::string_view textOf(TSNode node) const {
        if (ts_node_is_null(node)) {
            return {};
        }
        return m_text.substr(ts_node_start_byte(node),
                             ts_node_end_byte(node) - ts_node_start_byte(node));
    }

    static std::string clip(std::string_view text) {
        return text.size() > kMaxNonLiteralText
                   ? std::string(text.substr(0, kMaxNonLiteralText)) + "..."
                   : std::string(text);
    }

    // The object literal an exported expression stands for: through defineConfig(...), a
    // top-level const of that name, parentheses, `satisfies` and `as`.
    std::optional<TSNode> configObject(TSNode node, int depth) const {
        if (depth > kMaxDepth || ts_node_is_null(node)) {
            return std::nullopt;
        }
        const std::string_view type = ts_node_type(node);
        if (type == "object") {
            return node;
        }
        if (type == "parenthesized_expression" || type == "satisfies_expression" ||
            type == "as_expression") {
            return configObject(ts_node_named_child(node, 0), depth + 1);
        }
        if (type == "call_expression") {
            const TSNode arguments = ts_node_child_by_field_name(node, "arguments", 9);
            return ts_node_named_child_count(arguments) == 1
                       ? configObject(ts_node_named_child(arguments, 0), depth + 1)
                       : std::nullopt;
        }
        if (type == "identifier") {
            return configObject(declaredValue(textOf(node)), depth + 1);
        }
        return std::nullopt;
    }

    // The initial value of a top-level `const/let/var name = value`.
    TSNode declaredValue(std::string_view name) const {
        TSNode found{};
        eachChild(m_program, [&](TSNode statement) {
            const std::string_view type = ts_node_type(statement);
            if (type != "lexical_declaration" && type != "variable_declaration") {
                return;
            }
            eachChild(statement, [&](TSNode declarator) {
                if (textOf(ts_node_child_by_field_name(declarator, "name", 4)) == name) {
                    found = ts_node_child_by_field_name(declarator, "value", 5);
                }
            });
        });
        return found;
    }

    Json nonLiteral(TSNode node) const { return Json{{"$nonLiteral", clip(textOf(node))}}; }

    std::optional<std::string> stringOf(TSNode node) const {
        const std::string_view type = ts_node_type(node);
        const auto text = textOf(node);
        bool substitution = false;
        eachChild(node, [&](TSNode child) {
            substitution =
                substitution || std::string_view(ts_node_type(child)) == "template_substitution";
        });
        if ((type == "string" || (type == "template_string" && !substitution)) &&
            text.size() >= 2) {
            return detail::decodeJsStringBody(text.substr(1, text.size() - 2));
        }
        return std::nullopt;
    }

    Json valueOf(TSNode node, int depth) const {
        const std::string_view type = ts_node_type(node);
        if (depth > kMaxDepth) {
            return nonLiteral(node);
        }
        if (auto text = stringOf(node)) {
            return *text;
        }
        if (type == "true" || type == "false") {
            return type == "true";
        }
        if (type == "regex") { // /pattern/flags
            const TSNode pattern = ts_node_child_by_field_name(node, "pattern", 7);
            const TSNode flags = ts_node_child_by_field_name(node, "flags", 5);
            return Json{{"$regex", std::string(textOf(pattern))},
                        {"flags", std::string(textOf(flags))}};
        }
        if (type == "null") {
            return nullptr;
        }
        if (type == "number") {
            const auto parsed = Json::parse(textOf(node), nullptr, false);
            return parsed.is_discarded() ? nonLiteral(node) : parsed;
        }
        if (type == "array") {
            Json out = Json::array();
            eachChild(node, [&](TSNode element) {
                if (std::string_view(ts_node_type(element)) != "comment") {
                    out.push_back(valueOf(element, depth + 1));
                }
            });
            return out;
        }
        if (type == "object") {
            return objectOf(node, depth);
        }
        if (type == "parenthesized_expression" || type == "satisfies_expression" ||
            type == "as_expression") {
            return valueOf(ts_node_named_child(node, 0), depth + 1);
        }
        return nonLiteral(node);
    }

    Json objectOf(TSNode node, int depth) const {
        Json out = Json::object();
        eachChild(node, [&](TSNode member) {
            const std::string_view type = ts_node_type(member);
            if (type == "comment") {
                return;
            }
            if (type != "pair") {
                // a spread, a shorthand property, a method: the object is not fully known
                out["$nonLiteral:" + std::to_string(out.size())] = nonLiteral(member);
                return;
            }
            const TSNode key = ts_node_child_by_field_name(member, "key", 3);
            const std::string_view keyType = ts_node_type(key);
            std::string name;
            if (auto text = stringOf(key)) {
                name = std::move(*text);
            } else if (keyType == "property_identifier" || keyType == "number") {
                name = std::string(textOf(key));
            } else {
                out["$nonLiteral:" + std::to_string(out.size())] = nonLiteral(member);
                return;
            }
            out[name] = valueOf(ts_node_child_by_field_name(member, "value", 5), depth + 1);
        });
        return out;
    }

    std::string_view m_text;
    TSNode m_program;
};

struct TreeDeleter {
    void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};
struct ParserDeleter {
    void operator()(TSParser* parser) const { ts_parser_delete(parser); }
};

constexpr std::uint64_t kConfigParseTimeoutMicros = 2'000'000;

} // namespace

bool isNonLiteral(const nlohmann::ordered_json& value) {
    return value.is_object() && value.contains("$nonLiteral");
}

StaticConfig readStaticConfig(std::string_view source, Grammar grammar) {
    const std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
    if (!ts_parser_set_language(parser.get(), detail::languageFor(grammar))) {
        return {nullptr, "the tree-sitter runtime rejects the grammar"};
    }
    ts_parser_set_timeout_micros(parser.get(), kConfigParseTimeoutMicros);
    const std::unique_ptr<TSTree, TreeDeleter> tree(ts_parser_parse_string(
        parser.get(), nullptr, source.data(), static_cast<std::uint32_t>(source.size())));
    if (!tree) {
        return {nullptr, "not parsed (tree-sitter gave up)"};
    }
    return ConfigReader(source, ts_tree_root_node(tree.get())).read();
}

} // namespace fanout
