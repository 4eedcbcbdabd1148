// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/import_lexer.h"

#include "extract/import_lexer_reader.h"
#include "extract/js_string_literal.h"

#include <algorithm>
#include <cstring>

namespace fanout::detail {
namespace lexer {
namespace {

// Tokens that cannot follow each other in valid code (`= ;`, `a + )`, `x. }`): the file has a
// syntax error, whose extent tree-sitter reports.
bool operatorWithoutOperand(const Token& t, const Token* next) {
    if (t.kind != TokenKind::Punct) {
        return false;
    }
    switch (t.punct) {
    case '=':
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
    case '&':
    case '|':
    case '^':
    case '~':
    case '.':
    case kArrow:
    case kSpread:
    case kOptional:
        break;
    default:
        return false;
    }
    return next == nullptr || next->is(';') || next->is(')') || next->is(']') || next->is('}') ||
           next->is(',');
}

// `++` or `--` next to another one (`a ++ ++b`) or after a literal (`2++`): which are prefix and
// which postfix is up to tree-sitter's precedences.
bool tangledIncrement(const Token& t, const Token* previous, const Token* next) {
    if (t.kind != TokenKind::Punct || t.punct != kIncrement) {
        return false;
    }
    const auto increment = [](const Token* other) {
        return other != nullptr && other->kind == TokenKind::Punct && other->punct == kIncrement;
    };
    const bool afterLiteral =
        previous != nullptr && !t.newlineBefore &&
        (previous->kind == TokenKind::Number || previous->kind == TokenKind::String ||
         previous->kind == TokenKind::Template || previous->kind == TokenKind::Regex);
    return increment(previous) || increment(next) || afterLiteral;
}

// Whether a statement may start with this punctuator: a bracket, a unary operator, a decorator
// (which statement() hands off).
bool canStartStatement(char punct) {
    switch (punct) {
    case '(':
    case '[':
    case '{':
    case '!':
    case '~':
    case '+':
    case '-':
    case kIncrement:
    case '@':
        return true;
    default:
        return false;
    }
}

} // namespace

SourcePosition ImportLexer::positionOf(std::uint32_t offset) {
    // Lines are found as far as a record asks: a file's records are mostly near its top.
    if (m_lineStarts.empty()) {
        m_lineStarts.push_back(0);
    }
    while (!m_allLinesFound && m_lineStarts.back() <= offset) {
        const char* from = m_text.data() + m_lineStarts.back();
        const void* found = std::memchr(from, '\n', m_text.data() + m_text.size() - from);
        if (found == nullptr) {
            m_allLinesFound = true;
            break;
        }
        m_lineStarts.push_back(
            static_cast<std::uint32_t>(static_cast<const char*>(found) + 1 - m_text.data()));
    }
    const auto line = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset) - 1;
    const auto row = static_cast<std::uint32_t>(line - m_lineStarts.begin());
    return {row + 1, offset - *line + 1 + (row == 0 ? m_firstLineOffset : 0)};
}

std::uint32_t ImportLexer::record(std::size_t specifierToken, ImportKind kind, bool typeOnly,
                                  ImportForm form) {
    const Token& t = token(specifierToken);
    // A template literal names a module only as the argument of import() or require().
    const bool call = kind == ImportKind::DynamicImport ||
                      (kind == ImportKind::Require && form == ImportForm::Namespace);
    if (t.kind != TokenKind::String && !(call && t.kind == TokenKind::Template)) {
        handOff();
    }
    ImportRecord record;
    record.specifier = decodeJsStringBody(stringBody(t));
    record.kind = kind;
    record.typeOnly = typeOnly;
    record.position = positionOf(t.begin);
    record.form = form;
    record.namesBegin = static_cast<std::uint32_t>(m_out.names.size());
    m_out.imports.push_back(std::move(record));
    return static_cast<std::uint32_t>(m_out.imports.size() - 1);
}

void ImportLexer::run() {
    for (std::size_t k = 0; k < m_count; ++k) {
        if (m_tokens[k].kind != TokenKind::Punct) {
            continue; // both checks are of punctuators
        }
        const Token* previous = k > 0 ? &m_tokens[k - 1] : nullptr;
        const Token* next = k + 1 < m_count ? &m_tokens[k + 1] : nullptr;
        if (operatorWithoutOperand(m_tokens[k], next) ||
            tangledIncrement(m_tokens[k], previous, next)) {
            handOff();
        }
    }
    bool prologue = true;
    bool client = false;
    bool server = false;
    std::size_t k = 0;
    while (k < m_count) {
        const Token& t = m_tokens[k];
        if (t.is(';')) {
            prologue = false; // an empty statement
            ++k;
            continue;
        }
        if (t.kind == TokenKind::Punct &&
            (!canStartStatement(t.punct) || (t.punct == kIncrement && isPunct(k + 1, '>')))) {
            // `{a, b} || c`: after a block, an operator. No valid statement starts so, and
            // tree-sitter reads the braces as an object, all one expression; `a; -->` where a
            // statement starts is an HTML-like comment to tree-sitter.
            handOff();
        }
        ++m_out.counts.topLevel;
        if (prologue && t.kind == TokenKind::String &&
            (isPunct(k + 1, ';') || endsBetween(k, k + 1))) {
            const auto body = stringBody(t);
            client = client || body == "use client";
            server = server || body == "use server";
            k = isPunct(k + 1, ';') ? k + 2 : k + 1;
            continue;
        }
        prologue = false;
        k = statement(k);
    }
    if (m_commonJsInDoubt && !m_out.commonJs) {
        handOff(); // its only CommonJS markers may be in types
    }
    for (const auto& own : m_own) {
        ExportEntry entry = own.entry;
        if (!own.local.empty()) {
            if (const auto it = m_bindings.find(own.local); it != m_bindings.end()) {
                entry = it->second; // import {a}; export {a}
                entry.name = own.entry.name;
            }
        }
        m_out.exports.push_back(entry);
    }
    if (client) {
        m_out.specDirective = {Directive::Client, server};
    } else if (server) {
        m_out.specDirective = {Directive::Server, false};
    }
}

bool ImportLexer::declaresAfter(std::size_t k) const {
    return has(k + 1) && !m_tokens[k + 1].newlineBefore &&
           (m_tokens[k + 1].kind == TokenKind::Identifier ||
            m_tokens[k + 1].kind == TokenKind::String || m_tokens[k + 1].is('{'));
}

bool ImportLexer::isUnnamed(std::size_t k) const {
    const std::size_t keyword = isWord(k, "async") || isWord(k, "abstract") ? k + 1 : k;
    if (!isWord(keyword, "class") && !isWord(keyword, "function")) {
        return false;
    }
    const std::size_t name = isPunct(keyword + 1, '*') ? keyword + 2 : keyword + 1;
    return !has(name) || m_tokens[name].kind != TokenKind::Identifier || isWord(name, "extends");
}

std::size_t ImportLexer::statement(std::size_t k) {
    const Token& t = m_tokens[k];
    if (t.kind == TokenKind::Punct) {
        if (t.is('@')) {
            handOff(); // decorators
        }
        if (t.is('{')) {
            const bool objectLike = isPunct(k + 2, ':') || isPunct(k + 1, kSpread);
            if (objectLike || isWord(t.match + 1, "as") || isWord(t.match + 1, "satisfies")) {
                // `{a: 1} + b`, `{...a}`, `{} as const`: perhaps an object to tree-sitter, even
                // at a statement's start.
                handOff();
            }
            scanCalls(k, t.match + 1);
            return t.match + 1;
        }
    }
    if (t.kind == TokenKind::Identifier) {
        const auto word = textOf(t);
        if (isPunct(k + 1, ':')) {
            handOff(); // a label
        }
        if (word == "import" && !isPunct(k + 1, '(') && !isPunct(k + 1, '.')) {
            ++m_out.counts.imports;
            return importStatement(k);
        }
        if (word == "export") {
            return exportStatement(k);
        }
        if (word == "do") {
            handOff(); // do-while: its own rules for the `;` after `while (...)`
        }
        if (word == "declare" || word == "namespace" || word == "module" || word == "global") {
            if (declaresAfter(k)) {
                handOff(); // ambient declarations, namespaces: their own rules
            }
        }
        if (word == "interface" ||
            (word == "type" && has(k + 1) && m_tokens[k + 1].kind == TokenKind::Identifier &&
             !m_tokens[k + 1].newlineBefore)) {
            // Types only: nothing in them runs.
            return word == "interface" ? afterBody(k + 1) : expressionStatementEnd(k, true);
        }
        const bool block =
            word == "function" || word == "class" || word == "if" || word == "for" ||
            word == "while" || word == "with" || word == "switch" || word == "try" ||
            word == "enum" || (word == "abstract" && isWord(k + 1, "class")) ||
            (word == "const" && isWord(k + 1, "enum")) ||
            (word == "async" && isWord(k + 1, "function") && !m_tokens[k + 1].newlineBefore);
        if (block) {
            const std::size_t end = blockStatementEnd(k);
            scanCalls(k, end);
            return end;
        }
    }
    const std::size_t end = expressionStatementEnd(k);
    scanCalls(k, end);
    return end;
}

} // namespace lexer

void LexerScratch::trim(std::size_t maxBytes) {
    const std::size_t bytes =
        tokens.capacity() * sizeof(Token) +
        (openBrackets.capacity() + lineStarts.capacity()) * sizeof(std::uint32_t);
    if (bytes > maxBytes) {
        *this = LexerScratch{};
    }
}

bool lexImports(std::string_view text, std::uint32_t firstLineOffset, Grammar grammar,
                NameTable& names, Extraction& out, LexerScratch& scratch) {
    if (!tokenizeJs(text, scratch.tokens, scratch.openBrackets, out.jsx)) {
        return false;
    }
    scratch.lineStarts.clear();
    try {
        lexer::ImportLexer(text, firstLineOffset, grammar, names, out, scratch.tokens,
                           scratch.lineStarts)
            .run();
    } catch (const lexer::HandOff&) {
        return false;
    }
    return true;
}

} // namespace fanout::detail
