// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The import lexer's reader of statements, shared by its source files: import_lexer.cpp (the
// statement loop), import_lexer_ends.cpp (where statements end), import_lexer_modules.cpp
// (import and export statements, binding patterns), import_lexer_calls.cpp (import(), require(),
// CommonJS markers).
#include "extract/js_string_literal.h"
#include "extract/js_tokens.h"
#include "fanout/extract/extractor.h"

#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fanout::detail::lexer {

// Thrown inside the reader when the text is beyond it; caught by lexImports.
struct HandOff {};

[[noreturn]] inline void handOff() {
    throw HandOff{};
}

// Statements and patterns nest by recursion: 5,000 `else if` in a generated file must not exhaust a
// worker's stack. Deeper than this, tree-sitter (which keeps its own stack) reads the file.
inline constexpr unsigned kMaxDepth = 256;

class DepthGuard {
public:
    explicit DepthGuard(unsigned& depth) : m_depth(depth) {
        if (++m_depth > kMaxDepth) {
            --m_depth;
            handOff();
        }
    }
    ~DepthGuard() { --m_depth; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

private:
    unsigned& m_depth;
};

// One specifier of an import or export list.
struct Specifier {
    std::uint32_t name = 0;             // token
    std::optional<std::uint32_t> alias; // token after `as`
    bool typeOnly = false;
};

// An own export whose target is only known once every import is read: `export {a}` re-exports
// an imported binding, else it is local.
struct OwnExport {
    ExportEntry entry;
    std::string_view local; // set for an export clause specifier
};

class ImportLexer {
public:
    // `lineStarts`: empty, filled when a position is first asked for.
    ImportLexer(std::string_view text, std::uint32_t firstLineOffset, Grammar grammar,
                NameTable& names, Extraction& out, const std::vector<Token>& tokens,
                std::vector<std::uint32_t>& lineStarts)
        : m_text(text), m_firstLineOffset(firstLineOffset), m_grammar(grammar), m_names(names),
          m_out(out), m_tokens(tokens), m_count(tokens.size()), m_lineStarts(lineStarts) {}

    void run();

private:
    // --- tokens
    bool has(std::size_t k) const { return k < m_count; }
    const Token& token(std::size_t k) const {
        if (k >= m_count) {
            handOff();
        }
        return m_tokens[k];
    }
    std::string_view textOf(const Token& t) const {
        return m_text.substr(t.begin, t.end - t.begin);
    }
    bool isWord(std::size_t k, std::string_view word) const {
        return has(k) && m_tokens[k].kind == TokenKind::Identifier && textOf(m_tokens[k]) == word;
    }
    bool isPunct(std::size_t k, char c) const { return has(k) && m_tokens[k].is(c); }
    // Whether token k comes right after `.` or `?.`: a property name, keyword or not.
    bool afterMemberAccess(std::size_t k) const {
        return k > 0 && (m_tokens[k - 1].is('.') || m_tokens[k - 1].is(kOptional));
    }
    // A bracket that opens, or the first part of a template with substitutions: walks at one
    // level pass from it to its match.
    bool isOpener(const Token& t) const {
        return (t.kind == TokenKind::Punct &&
                (t.punct == '(' || t.punct == '[' || t.punct == '{')) ||
               (t.kind == TokenKind::TemplatePart && m_text[t.begin] == '`');
    }
    // A bracket that closes, or the last part of a template with substitutions: its match is
    // the opener (the first part).
    bool closesBracket(const Token& t) const {
        return (t.kind == TokenKind::Punct &&
                (t.punct == ')' || t.punct == ']' || t.punct == '}')) ||
               (t.kind == TokenKind::TemplatePart && m_text[t.begin] != '`' &&
                m_text[t.end - 1] == '`');
    }
    void expectPunct(std::size_t k, char c) const {
        if (!isPunct(k, c)) {
            handOff();
        }
    }
    std::string_view stringBody(const Token& t) const {
        return m_text.substr(t.begin + 1, t.end - t.begin - 2);
    }
    SourcePosition positionOf(std::uint32_t offset);

    // --- statement ends
    bool canEnd(std::size_t k) const;
    bool keywordBefore(std::size_t k) const;
    // An operand, or the end of one, as far as one token tells.
    bool endsOperand(const Token& t) const;
    // endsOperand of token k, reading `as` as TypeScript does: an operator after an operand, a
    // name where an operand goes (`a ** as`) or at the start of a line.
    bool endsOperandAt(std::size_t k) const;
    bool continues(std::size_t k) const;
    // Counts the conditional operators (`?`) at token k that wait for their `:`.
    void countConditional(std::size_t k, int& open) const {
        const Token& t = m_tokens[k];
        if (t.kind == TokenKind::Punct && (t.punct == '?' || t.punct == ':')) {
            countConditionalMark(k, open);
        }
    }
    void countConditionalMark(std::size_t k, int& open) const;
    // Whether token k (k > 0) comes right after an operator's punctuator, on its line or the
    // one before: not after `;`, a block's braces or `)`.
    bool operatorBefore(std::size_t k) const;
    // Whether token k is `return`, `break`, `continue` or `debugger`, not a property name.
    bool noArgumentWordAt(std::size_t k) const;
    // Whether the punctuator at k (k > 0) is the second of two alike, touching (`&&`, `||`, `??`).
    bool secondOfPair(std::size_t k) const {
        return m_tokens[k - 1].is(m_tokens[k].punct) && m_tokens[k - 1].end == m_tokens[k].begin;
    }
    // Whether the `?` at k is half of `??`.
    bool nullish(std::size_t k) const {
        return (isPunct(k + 1, '?') && secondOfPair(k + 1)) || (k > 0 && secondOfPair(k));
    }
    // In a type: whether the token before k takes a type after it (`keyof`, `infer`, `is`).
    bool typePrefixBefore(std::size_t k) const;
    // Whether a statement whose last token is `last` ends before `next` (a semicolon inserted).
    bool endsBetween(std::size_t last, std::size_t next) const {
        return next >= m_count || (m_tokens[next].newlineBefore && endsAtLineBreak(last, next));
    }
    // Where a line break comes between `last` and `next`: whether an expression statement ends
    // there, or (typeEndsAtLineBreak) a statement ending in a type (`type A = B`, `let a: T`).
    bool endsAtLineBreak(std::size_t last, std::size_t next) const;
    // Whether token k ends a decorator (`@a`, `@a.b`, `@a(x)`).
    bool decoratorEndsAt(std::size_t k) const;
    bool typeEndsAtLineBreak(std::size_t last, std::size_t next) const;
    // Whether a statement ends before token k, after a type (`type`) or an expression.
    bool endsBefore(std::size_t k, bool type) const {
        return k >= m_count || (m_tokens[k].newlineBefore &&
                                (type ? typeEndsAtLineBreak(k - 1, k) : endsAtLineBreak(k - 1, k)));
    }
    // The token after the one at k in an expression, a function or class expression passed
    // whole (their headers hold no statement end), a bracket passed to its match.
    std::size_t nextInExpression(std::size_t k) const;
    // The first token after an expression-like statement starting at `k` (after its `;`).
    std::size_t expressionStatementEnd(std::size_t k, bool type = false) const;
    // After a statement whose last token is k - 1: its `;`, or a line break that ends it.
    std::size_t finishStatement(std::size_t k) const;
    std::size_t blockStatementEnd(std::size_t k);
    std::size_t nestedStatementEnd(std::size_t k);
    // After a function's body; `expression`: a function expression, which always has one.
    std::size_t functionEnd(std::size_t k, bool* hasBody, bool expression = false) const;
    std::size_t afterBody(std::size_t k) const; // k: the first token where a `{` body may start
    // After a class body whose heritage has type arguments: whether tree-sitter may read on from
    // token k (anything but the end, `;`, `}` or a name on the next line).
    bool mayReadOnAfterBody(std::size_t k) const;
    std::size_t skipTypeParameters(std::size_t k) const;
    std::size_t skipReturnType(std::size_t k) const;

    // --- statements
    // Whether the word at k declares something (`module M`, `type T`): a name, a string or `{`
    // follows on its line.
    bool declaresAfter(std::size_t k) const;
    // Whether k starts a function or class (`async` and `abstract` included) without a name.
    bool isUnnamed(std::size_t k) const;
    std::size_t statement(std::size_t k);
    std::size_t importStatement(std::size_t k);
    std::size_t exportStatement(std::size_t k);
    std::size_t exportDeclaration(std::size_t k);
    std::size_t specifierList(std::size_t open, std::vector<Specifier>& into) const;
    std::size_t afterSource(std::size_t k) const;
    void collectBindings(std::size_t open);
    std::size_t bindingElement(std::size_t k, std::size_t close);
    std::size_t pattern(std::size_t k);

    // --- anywhere
    void scanCalls(std::size_t from, std::size_t to);
    void call(std::size_t k, ImportKind kind);
    // Whether an operand starting at token k is surely a value, not a type: `import(` there is a
    // dynamic import, not an import type (`a: () => import("x")`, `Map<K, import("x").T>`).
    // Decided by the tokens before it and the brackets around it; false where they leave a doubt.
    bool valueAt(std::size_t k) const;
    // For valueAt, the operand inside or after an opener at o: a decision, or (nullopt) the
    // operand whose place decides, in `k`.
    std::optional<bool> valueInBracket(std::size_t o, std::size_t& k) const;
    std::optional<bool> valueAfterAssignment(std::size_t p) const;
    // Whether token k is `if`, `while`, `for` or `with`: a statement follows its parentheses.
    bool statementHead(std::size_t k) const;
    // The conditional's `?` that the `:` at `colon` belongs to; m_count for none (an annotation,
    // a property, a label or a case); nullopt where the tokens do not tell.
    std::optional<std::size_t> questionOf(std::size_t colon) const;
    // Whether the conditional whose `?` is at `question` is a type (`A extends B ? C : D`).
    bool conditionalType(std::size_t question) const;
    // The opener of the innermost bracket around token k, or m_count at the top level.
    std::size_t enclosing(std::size_t k) const;

    NameId nameOf(std::size_t k) {
        const Token& t = token(k);
        if (t.kind == TokenKind::String) {
            return m_names.intern(decodeJsStringBody(stringBody(t)));
        }
        if (t.kind != TokenKind::Identifier) {
            handOff();
        }
        return m_names.intern(textOf(t));
    }
    std::uint32_t record(std::size_t specifierToken, ImportKind kind, bool typeOnly,
                         ImportForm form);
    void addName(std::uint32_t index, NameId name, NameId local) {
        m_out.names.push_back(name);
        m_out.locals.push_back(local);
        ++m_out.imports[index].namesCount;
    }

    std::string_view m_text;
    std::uint32_t m_firstLineOffset;
    Grammar m_grammar;
    NameTable& m_names;
    Extraction& m_out;
    const std::vector<Token>& m_tokens;
    std::size_t m_count;
    std::vector<std::uint32_t>& m_lineStarts; // as far as positionOf() was asked
    bool m_allLinesFound = false;
    std::unordered_map<std::string_view, ExportEntry> m_bindings;
    std::vector<OwnExport> m_own;
    unsigned m_depth = 0;                           // nested statements and patterns being read
    mutable std::vector<std::uint32_t> m_enclosing; // enclosing()'s table, built when first asked
    bool m_commonJsInDoubt = false;                 // a CommonJS marker that may be in a type
};

} // namespace fanout::detail::lexer
