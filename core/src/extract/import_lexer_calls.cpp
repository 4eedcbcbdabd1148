// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/import_lexer_reader.h"

#include <utility>

namespace fanout::detail::lexer {
namespace {

constexpr std::size_t kMaxExpressionText = 200;

} // namespace

void ImportLexer::scanCalls(std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) {
        const Token& t = m_tokens[k];
        // The words asked below have six or seven letters: most names are passed at once.
        if (t.kind != TokenKind::Identifier || (t.end - t.begin != 6 && t.end - t.begin != 7)) {
            continue;
        }
        if (afterMemberAccess(k)) {
            continue;
        }
        const auto word = textOf(t);
        const bool member = isPunct(k + 1, '.') || isPunct(k + 1, kOptional);
        if (word == "require" || word == "import") {
            if (isPunct(k + 1, '(')) {
                call(k, word == "require" ? ImportKind::Require : ImportKind::DynamicImport);
            } else if (word == "import" && !member && !isPunct(k + 1, ':')) {
                handOff(); // an import statement somewhere other than the top level
            }
        } else if ((word == "exports" && member) ||
                   (word == "module" && member && isWord(k + 2, "exports"))) {
            m_out.commonJs = true; // exports.x, module.exports
        } else if (word == "export" && !isPunct(k + 1, ':')) {
            handOff(); // inside a namespace or a block
        }
    }
}

void ImportLexer::call(std::size_t k, ImportKind kind) {
    if (k > 0) {
        const Token& before = m_tokens[k - 1];
        const auto word = before.kind == TokenKind::Identifier ? textOf(before) : "";
        if (kind == ImportKind::Require && word == "function") {
            return; // function require(...) {}: a declaration
        }
        // new require(x); types: typeof import("x"), Foo<import("x").T>, x: import("y").T
        if (word == "new" || word == "typeof" || word == "keyof" || word == "extends" ||
            word == "infer" || word == "as" || word == "satisfies" || before.is('<') ||
            before.is('|') || before.is('&') ||
            (before.is(':') && kind == ImportKind::DynamicImport)) {
            handOff();
        }
    }
    const std::size_t open = k + 1;
    const std::size_t close = m_tokens[open].match;
    if (isPunct(close + 1, '{') || (isPunct(close + 1, ':') && m_grammar == Grammar::TypeScript) ||
        isPunct(close + 1, kArrow)) {
        handOff(); // a method named require or import
    }
    // The arguments, split at commas of this level: how many, and the first one's tokens.
    // Brackets and templates are passed by their match (a comma inside a template's
    // substitution is the substitution's, `${a, b}`: fuzzer).
    std::size_t arguments = 0;
    std::pair<std::size_t, std::size_t> firstArgument;
    std::size_t start = open + 1;
    for (std::size_t at = open + 1; at <= close;) {
        if (at == close || m_tokens[at].is(',')) {
            if (at == start && at != close) {
                handOff(); // f(a,,b)
            }
            if (at > start && arguments++ == 0) {
                firstArgument = {start, at};
            }
            start = at + 1;
            ++at;
            continue;
        }
        at = isOpener(m_tokens[at]) ? m_tokens[at].match + 1 : at + 1;
    }
    if (arguments == 0 || (kind == ImportKind::Require && arguments != 1)) {
        return;
    }
    const auto [first, last] = firstArgument;
    const Token& argument = m_tokens[first];
    if (last == first + 1 &&
        (argument.kind == TokenKind::String || argument.kind == TokenKind::Template)) {
        record(first, kind, false, ImportForm::Namespace);
        return;
    }
    const auto text = m_text.substr(argument.begin, m_tokens[last - 1].end - argument.begin);
    m_out.nonLiteralImports.push_back(
        {kind, std::string(text.substr(0, kMaxExpressionText)), positionOf(argument.begin)});
}

} // namespace fanout::detail::lexer
