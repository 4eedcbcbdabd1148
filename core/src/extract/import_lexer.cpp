// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/import_lexer.h"

#include "extract/js_string_literal.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <unordered_map>

namespace fanout::detail {
namespace {

constexpr std::size_t kMaxExpressionText = 200;

// Thrown inside the reader when the text is beyond it; caught by lexImports.
struct HandOff {};

[[noreturn]] void handOff() {
    throw HandOff{};
}

// Statements and patterns nest by recursion: 5,000 `else if` in a generated file must not exhaust a
// worker's stack. Deeper than this, tree-sitter (which keeps its own stack) reads the file.
constexpr unsigned kMaxDepth = 256;

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

// Keywords that leave an expression unfinished: no statement ends after one of them.
bool keywordNeedsMore(std::string_view word) {
    static constexpr std::array<std::string_view, 22> kWords{
        "const",  "let",        "var",     "new",    "typeof", "void", "delete", "await",
        "in",     "instanceof", "extends", "throw",  "case",   "if",   "for",    "while",
        "switch", "function",   "class",   "import", "export", "as"};
    return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

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
    ImportLexer(std::string_view text, std::uint32_t firstLineOffset, Grammar grammar,
                NameTable& names, Extraction& out, const std::vector<Token>& tokens)
        : m_text(text), m_firstLineOffset(firstLineOffset), m_grammar(grammar), m_names(names),
          m_out(out), m_tokens(tokens), m_count(tokens.size()) {}

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
    bool isOpener(const Token& t) const {
        return t.kind == TokenKind::Punct && (t.punct == '(' || t.punct == '[' || t.punct == '{');
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
    bool continues(std::size_t k) const;
    // Whether a statement whose last token is `last` ends before `next` (a semicolon inserted).
    bool endsBetween(std::size_t last, std::size_t next) const {
        return next >= m_count ||
               (m_tokens[next].newlineBefore && canEnd(last) && !continues(next));
    }
    // The first token after an expression-like statement starting at `k` (after its `;`).
    std::size_t expressionStatementEnd(std::size_t k, bool type = false) const;
    // After a statement whose last token is k - 1: its `;`, or a line break that ends it.
    std::size_t finishStatement(std::size_t k) const;
    std::size_t blockStatementEnd(std::size_t k);
    std::size_t nestedStatementEnd(std::size_t k);
    // After a function's body; `expression`: a function expression, which always has one.
    std::size_t functionEnd(std::size_t k, bool* hasBody, bool expression = false) const;
    std::size_t afterBody(std::size_t k) const; // k: the first token where a `{` body may start
    std::size_t skipTypeParameters(std::size_t k) const;
    std::size_t skipReturnType(std::size_t k) const;

    // --- statements
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
    std::vector<std::uint32_t> m_lineStarts;
    std::unordered_map<std::string_view, ExportEntry> m_bindings;
    std::vector<OwnExport> m_own;
    unsigned m_depth = 0; // nested statements and patterns being read
};

SourcePosition ImportLexer::positionOf(std::uint32_t offset) {
    if (m_lineStarts.empty()) {
        m_lineStarts.push_back(0);
        for (const char* at = m_text.data(); at < m_text.data() + m_text.size();) {
            const void* found = std::memchr(at, '\n', m_text.data() + m_text.size() - at);
            if (found == nullptr) {
                break;
            }
            at = static_cast<const char*>(found) + 1;
            m_lineStarts.push_back(static_cast<std::uint32_t>(at - m_text.data()));
        }
    }
    const auto line = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset) - 1;
    const auto row = static_cast<std::uint32_t>(line - m_lineStarts.begin());
    return {row + 1, offset - *line + 1 + (row == 0 ? m_firstLineOffset : 0)};
}

bool ImportLexer::canEnd(std::size_t k) const {
    const Token& t = m_tokens[k];
    switch (t.kind) {
    case TokenKind::Identifier:
        return !keywordNeedsMore(textOf(t));
    case TokenKind::Punct:
        // Postfix `a++` and TypeScript's non-null `a!` end an expression; prefix `++a`, `!a` not.
        if (t.punct == kIncrement || t.punct == '!') {
            const bool operandBefore =
                k > 0 && (m_tokens[k - 1].kind == TokenKind::Identifier ||
                          m_tokens[k - 1].is(')') || m_tokens[k - 1].is(']'));
            return operandBefore && !t.newlineBefore;
        }
        return t.punct == ')' || t.punct == ']' || t.punct == '}';
    case TokenKind::TemplatePart:
        return m_text[t.end - 1] == '`';
    default:
        return true;
    }
}

// Tree-sitter's rule for an automatic semicolon: none before a token that continues the
// expression.
bool ImportLexer::continues(std::size_t k) const {
    const Token& t = m_tokens[k];
    if (t.kind == TokenKind::Identifier) {
        const auto word = textOf(t);
        return word == "in" || word == "instanceof";
    }
    // What tree-sitter's scanner looks at is the next character: `/` of a regular expression,
    // `.` of `.5`, a backtick or the `}` of a template literal.
    if (t.kind == TokenKind::Regex || t.kind == TokenKind::Number) {
        return m_text[t.begin] == '/' || m_text[t.begin] == '.';
    }
    if (t.kind == TokenKind::TemplatePart || t.kind == TokenKind::Template) {
        return true; // a tagged template (`a\n`x``), or the rest of one after `}`
    }
    if (t.kind != TokenKind::Punct) {
        return false;
    }
    switch (t.punct) {
    case ',':
    case '.':
    case ':':
    case ';':
    case '*':
    case '%':
    case '>':
    case '<':
    case '=':
    case '[':
    case '(':
    case '?':
    case '^':
    case '|':
    case '&':
    case '/':
    case '+':
    case '-':
    case kArrow:
    case kSpread:
    case kOptional:
    case kShiftOrLessEqual:
        return true;
    case '!':
        return isPunct(k + 1, '=') && m_tokens[k + 1].begin == t.end;
    default:
        return false;
    }
}

std::size_t ImportLexer::expressionStatementEnd(std::size_t k, bool type) const {
    while (k < m_count) {
        const Token& t = m_tokens[k];
        if (t.is(';')) {
            return k + 1;
        }
        const bool property = k > 0 && (m_tokens[k - 1].is('.') || m_tokens[k - 1].is(kOptional));
        if (t.kind == TokenKind::Identifier && !property && textOf(t) == "function") {
            k = functionEnd(k, nullptr, true); // no statement ends inside its header
        } else if (t.kind == TokenKind::Identifier && !property && textOf(t) == "class") {
            k = afterBody(k + 1);
        } else {
            k = isOpener(t) ? t.match + 1 : k + 1;
        }
        // In a type, `>` closes type arguments and a keyword (`void`) is a type: either may end
        // the statement.
        const bool typeEnd =
            type && (m_tokens[k - 1].is('>') || m_tokens[k - 1].kind == TokenKind::Identifier);
        if (endsBetween(k - 1, k) ||
            (typeEnd && has(k) && m_tokens[k].newlineBefore && !continues(k))) {
            return k;
        }
    }
    return k;
}

std::size_t ImportLexer::finishStatement(std::size_t k) const {
    if (isPunct(k, ';')) {
        return k + 1;
    }
    if (!endsBetween(k - 1, k)) {
        handOff();
    }
    return k;
}

// `<...>` after a function or class name: skipped by counting angle brackets.
std::size_t ImportLexer::skipTypeParameters(std::size_t k) const {
    if (!isPunct(k, '<')) {
        return k;
    }
    int depth = 0;
    while (k < m_count) {
        const Token& t = m_tokens[k];
        if (t.is('<')) {
            ++depth;
        } else if (t.is('>') && --depth == 0) {
            return k + 1;
        } else if (isOpener(t)) {
            k = t.match;
        }
        ++k;
    }
    handOff();
}

// From a `:` after a parameter list to the `{` of the body or the `;` of a signature.
std::size_t ImportLexer::skipReturnType(std::size_t k) const {
    if (!isPunct(k, ':')) {
        return k;
    }
    ++k;
    int angles = 0;
    while (k < m_count) {
        const Token& t = m_tokens[k];
        if (t.is('<')) {
            ++angles;
        } else if (t.is('>')) {
            --angles;
        } else if (angles == 0 && (t.is('{') || t.is(';'))) {
            const Token& before = m_tokens[k - 1];
            // `: {a: T}`, `: A | {b: T}`: an object type, not the body.
            if (t.is('{') && (before.is(':') || before.is('|') || before.is('&') ||
                              before.is(kArrow) || before.is(',') ||
                              (before.kind == TokenKind::Identifier && textOf(before) == "is"))) {
                handOff();
            }
            return k;
        } else if (angles == 0 && t.newlineBefore && endsBetween(k - 1, k)) {
            return k;
        } else if (isOpener(t)) {
            k = t.match;
        }
        ++k;
    }
    return k;
}

std::size_t ImportLexer::functionEnd(std::size_t k, bool* hasBody, bool expression) const {
    // k: at `function`
    ++k;
    if (isPunct(k, '*')) {
        ++k;
    }
    if (has(k) && m_tokens[k].kind == TokenKind::Identifier) {
        ++k;
    }
    k = skipTypeParameters(k);
    expectPunct(k, '(');
    k = skipReturnType(m_tokens[k].match + 1);
    if (isPunct(k, '{')) {
        if (hasBody != nullptr) {
            *hasBody = true;
        }
        return m_tokens[k].match + 1;
    }
    if (expression) {
        handOff();
    }
    if (hasBody != nullptr) {
        *hasBody = false;
    }
    return finishStatement(k); // an overload signature
}

// The first `{` at this level from k (brackets and type arguments skipped) is a body; the
// statement ends after it.
std::size_t ImportLexer::afterBody(std::size_t k) const {
    int angles = 0; // `interface A<T = {}>`, `class B extends C<{x: 1}>`
    while (k < m_count) {
        const Token& t = m_tokens[k];
        if (t.is('<')) {
            ++angles;
        } else if (t.is('>') && angles > 0) {
            --angles;
        } else if (t.is('{') && angles == 0) {
            return t.match + 1;
        }
        if (t.is(';')) {
            handOff();
        }
        k = isOpener(t) ? t.match + 1 : k + 1;
    }
    handOff();
}

// The body of an if, else, for, while or with: a block, a compound statement or an expression
// statement (`if (x) throw Error(y);`, `if (a) b()\nelse c()`).
std::size_t ImportLexer::nestedStatementEnd(std::size_t k) {
    const Token& t = token(k);
    if (t.is('{')) {
        return t.match + 1;
    }
    if (t.is(';')) {
        return k + 1;
    }
    if (t.kind == TokenKind::Identifier) {
        const auto word = textOf(t);
        if (isPunct(k + 1, ':') || word == "do" || word == "declare" || word == "import" ||
            word == "export") {
            handOff();
        }
        if (word == "if" || word == "for" || word == "while" || word == "with" ||
            word == "switch" || word == "try" || word == "function" || word == "class" ||
            (word == "async" && isWord(k + 1, "function"))) {
            return blockStatementEnd(k);
        }
    }
    return expressionStatementEnd(k);
}

std::size_t ImportLexer::blockStatementEnd(std::size_t k) {
    const DepthGuard guard(m_depth);
    const auto word = textOf(m_tokens[k]);
    if (word == "function") {
        return functionEnd(k, nullptr);
    }
    if (word == "async") {
        return functionEnd(k + 1, nullptr);
    }
    if (word == "class" || word == "abstract" || word == "enum" || word == "interface") {
        return afterBody(k + 1);
    }
    if (word == "if" || word == "for" || word == "while" || word == "with" || word == "switch") {
        std::size_t at = k + 1;
        if (word == "for" && isWord(at, "await")) {
            ++at;
        }
        expectPunct(at, '(');
        at = m_tokens[at].match + 1;
        if (word == "switch") {
            expectPunct(at, '{');
            return m_tokens[at].match + 1;
        }
        at = nestedStatementEnd(at);
        if (word == "if" && isWord(at, "else")) {
            return nestedStatementEnd(at + 1);
        }
        return at;
    }
    if (word == "try") {
        expectPunct(k + 1, '{');
        std::size_t at = m_tokens[k + 1].match + 1;
        if (isWord(at, "catch")) {
            ++at;
            if (isPunct(at, '(')) {
                at = m_tokens[at].match + 1;
            }
            expectPunct(at, '{');
            at = m_tokens[at].match + 1;
        }
        if (isWord(at, "finally")) {
            expectPunct(at + 1, '{');
            at = m_tokens[at + 1].match + 1;
        }
        return at;
    }
    handOff();
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

void ImportLexer::run() {
    for (std::size_t k = 0; k < m_count; ++k) {
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

std::size_t ImportLexer::statement(std::size_t k) {
    const Token& t = m_tokens[k];
    if (t.kind == TokenKind::Punct) {
        if (t.is('@')) {
            handOff(); // decorators
        }
        if (t.is('{')) {
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
        if (word == "declare" || word == "namespace" || word == "module" || word == "global" ||
            word == "do" || word == "using") {
            if (has(k + 1) && !m_tokens[k + 1].newlineBefore &&
                (m_tokens[k + 1].kind == TokenKind::Identifier ||
                 m_tokens[k + 1].kind == TokenKind::String || m_tokens[k + 1].is('{'))) {
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

// A `{...}` list of `a`, `a as b`, `type a`, `"a" as b`; returns the token after `}`.
std::size_t ImportLexer::specifierList(std::size_t open, std::vector<Specifier>& into) const {
    const std::size_t close = m_tokens[open].match;
    std::size_t k = open + 1;
    const auto isName = [&](std::size_t at) {
        return at < close && (m_tokens[at].kind == TokenKind::Identifier ||
                              m_tokens[at].kind == TokenKind::String);
    };
    while (k < close) {
        Specifier specifier;
        if (isWord(k, "type") && isName(k + 1) && !isWord(k + 1, "as")) {
            specifier.typeOnly = true;
            ++k;
        } else if (isWord(k, "type") && isWord(k + 1, "as")) {
            handOff(); // `type as x`: a name or a modifier
        }
        if (!isName(k)) {
            handOff();
        }
        specifier.name = static_cast<std::uint32_t>(k++);
        if (isWord(k, "as")) {
            if (!isName(k + 1)) {
                handOff();
            }
            specifier.alias = static_cast<std::uint32_t>(k + 1);
            k += 2;
        }
        into.push_back(specifier);
        if (k < close) {
            expectPunct(k, ',');
            ++k;
        }
    }
    return close + 1;
}

// After a module specifier: import attributes, then the statement's end.
std::size_t ImportLexer::afterSource(std::size_t k) const {
    if ((isWord(k, "with") || isWord(k, "assert")) && isPunct(k + 1, '{')) {
        k = m_tokens[k + 1].match + 1;
    }
    return finishStatement(k);
}

std::size_t ImportLexer::importStatement(std::size_t k) {
    std::size_t at = k + 1;
    bool typeOnly = false;
    if (isWord(at, "type")) {
        if (isWord(at + 1, "from") || isPunct(at + 1, ',')) {
            handOff(); // `import type from "x"`: a default import named `type`
        }
        typeOnly = true;
        ++at;
    }
    if (has(at) && m_tokens[at].kind == TokenKind::String) { // import "x"
        record(at, ImportKind::Import, typeOnly, ImportForm::Names);
        return afterSource(at + 1);
    }
    std::optional<std::size_t> defaultName;
    std::optional<std::size_t> namespaceName;
    std::vector<Specifier> specifiers;
    bool list = false;
    if (has(at) && m_tokens[at].kind == TokenKind::Identifier && !isWord(at, "from")) {
        if (isPunct(at + 1, '=')) { // import x = require("y")
            if (!isWord(at + 2, "require") || !isPunct(at + 3, '(') ||
                m_tokens[at + 3].match != at + 5 || m_tokens[at + 4].kind != TokenKind::String) {
                handOff(); // import x = Namespace.y
            }
            record(at + 4, ImportKind::Require, typeOnly, ImportForm::Namespace);
            return finishStatement(at + 6);
        }
        defaultName = at++;
        if (isPunct(at, ',')) {
            ++at;
            if (!isPunct(at, '{') && !isPunct(at, '*')) {
                handOff();
            }
        }
    }
    if (isPunct(at, '*')) {
        if (!isWord(at + 1, "as") || !has(at + 2) ||
            m_tokens[at + 2].kind != TokenKind::Identifier) {
            handOff();
        }
        namespaceName = at + 2;
        at += 3;
    } else if (isPunct(at, '{')) {
        at = specifierList(at, specifiers);
        list = true;
    }
    if (!isWord(at, "from") || (!defaultName && !namespaceName && !list)) {
        handOff();
    }
    const bool listOnly = list && !defaultName && !namespaceName;
    const bool allTyped =
        !specifiers.empty() && std::all_of(specifiers.begin(), specifiers.end(),
                                           [](const Specifier& s) { return s.typeOnly; });
    typeOnly = typeOnly || (listOnly && allTyped);
    const std::uint32_t index = record(at + 1, ImportKind::Import, typeOnly, ImportForm::Names);
    if (defaultName) {
        addName(index, NameTable::kDefault, nameOf(*defaultName));
        m_bindings[textOf(m_tokens[*defaultName])] = {NameTable::kDefault, index,
                                                      NameTable::kDefault};
    }
    if (namespaceName) {
        m_out.imports[index].form = ImportForm::Namespace;
        m_bindings[textOf(m_tokens[*namespaceName])] = {0, index, 0, true};
    }
    for (const auto& specifier : specifiers) {
        if (specifier.typeOnly) {
            continue;
        }
        const NameId imported = nameOf(specifier.name);
        const std::size_t local = specifier.alias.value_or(specifier.name);
        addName(index, imported, specifier.alias ? nameOf(*specifier.alias) : imported);
        m_bindings[textOf(m_tokens[local])] = {imported, index, imported};
    }
    return afterSource(at + 2);
}

std::size_t ImportLexer::exportStatement(std::size_t k) {
    std::size_t at = k + 1;
    if (isPunct(at, '*')) { // export * from "x", export * as ns from "x"
        std::optional<std::size_t> alias;
        if (isWord(at + 1, "as")) {
            alias = at + 2;
            at += 3;
        } else {
            ++at;
        }
        if (!isWord(at, "from")) {
            handOff();
        }
        ++m_out.counts.reExports;
        const auto index = record(at + 1, ImportKind::Export, false,
                                  alias ? ImportForm::Namespace : ImportForm::Star);
        if (alias) {
            m_out.exports.push_back({nameOf(*alias), index, 0, true});
        }
        return afterSource(at + 2);
    }
    bool typeOnly = false;
    if (isWord(at, "type") && isPunct(at + 1, '{')) {
        typeOnly = true;
        ++at;
    }
    if (isPunct(at, '{')) {
        std::vector<Specifier> specifiers;
        at = specifierList(at, specifiers);
        if (isWord(at, "from")) {
            ++m_out.counts.reExports;
            typeOnly = typeOnly || (!specifiers.empty() &&
                                    std::all_of(specifiers.begin(), specifiers.end(),
                                                [](const Specifier& s) { return s.typeOnly; }));
            const auto index = record(at + 1, ImportKind::Export, typeOnly, ImportForm::Names);
            for (const auto& specifier : specifiers) {
                if (specifier.typeOnly) {
                    continue;
                }
                const NameId exported = nameOf(specifier.alias.value_or(specifier.name));
                const NameId imported = nameOf(specifier.name);
                addName(index, imported, exported);
                if (!typeOnly) {
                    m_out.exports.push_back({exported, index, imported, false});
                }
            }
            return afterSource(at + 2);
        }
        if (!typeOnly) {
            for (const auto& specifier : specifiers) {
                if (!specifier.typeOnly) {
                    const NameId exported = nameOf(specifier.alias.value_or(specifier.name));
                    m_own.push_back({{exported, ExportEntry::kLocal, exported, false},
                                     textOf(m_tokens[specifier.name])});
                }
            }
        }
        return finishStatement(at);
    }
    if (isWord(at, "default")) {
        m_own.push_back({{NameTable::kDefault, ExportEntry::kLocal, 0, false}, {}});
        const std::size_t body = at + 1;
        const bool block = isWord(body, "function") || isWord(body, "class") ||
                           isWord(body, "interface") ||
                           (isWord(body, "abstract") && isWord(body + 1, "class")) ||
                           (isWord(body, "async") && isWord(body + 1, "function"));
        const std::size_t end = block ? blockStatementEnd(body) : expressionStatementEnd(body);
        scanCalls(body, end);
        return end;
    }
    if (isPunct(at, '=')) { // export = x
        m_out.commonJs = true;
        const std::size_t end = expressionStatementEnd(at + 1);
        scanCalls(at + 1, end);
        return end;
    }
    return exportDeclaration(at);
}

// `export <declaration>`: what it defines, and the calls it holds.
std::size_t ImportLexer::exportDeclaration(std::size_t k) {
    if (!has(k) || m_tokens[k].kind != TokenKind::Identifier) {
        handOff();
    }
    const auto word = textOf(m_tokens[k]);
    const auto own = [&](std::size_t name) {
        m_own.push_back({{nameOf(name), ExportEntry::kLocal, 0, false}, {}});
    };
    if (word == "function" || (word == "async" && isWord(k + 1, "function"))) {
        const std::size_t keyword = word == "async" ? k + 1 : k;
        const std::size_t name = isPunct(keyword + 1, '*') ? keyword + 2 : keyword + 1;
        bool hasBody = false;
        const std::size_t end = functionEnd(keyword, &hasBody);
        if (hasBody) { // a signature (overload) declares no value
            own(name);
        }
        scanCalls(k, end);
        return end;
    }
    if (word == "class" || word == "enum" || (word == "abstract" && isWord(k + 1, "class"))) {
        own(word == "abstract" ? k + 2 : k + 1);
        const std::size_t end = afterBody(k + 1);
        scanCalls(k, end);
        return end;
    }
    if (word == "interface") {
        return afterBody(k + 1);
    }
    if (word == "type" && has(k + 1) && m_tokens[k + 1].kind == TokenKind::Identifier) {
        return expressionStatementEnd(k, true);
    }
    if (word != "const" && word != "let" && word != "var") {
        handOff(); // declare, namespace, import x = ..., as namespace, ...
    }
    if (isWord(k + 1, "enum")) {
        handOff();
    }
    std::size_t at = k + 1;
    for (;;) {
        at = pattern(at);
        if (isPunct(at, '!')) {
            ++at;
        }
        // The type annotation and the initializer, up to the comma before the next declarator.
        bool angle = false;
        while (has(at) && !m_tokens[at].is(',') && !m_tokens[at].is(';') &&
               !(at > k + 1 && endsBetween(at - 1, at))) {
            const Token& t = m_tokens[at];
            angle = angle || t.is('<');
            at = isOpener(t) ? t.match + 1 : at + 1;
        }
        if (!isPunct(at, ',')) {
            break;
        }
        if (angle) {
            handOff(); // `f<A, B>()` or `Map<K, V>`: the comma may not end the declarator
        }
        ++at;
    }
    const std::size_t end = isPunct(at, ';') ? at + 1 : at;
    scanCalls(k, end);
    return end;
}

// A binding pattern at k (a name, `{...}` or `[...]`); its names are own exports.
std::size_t ImportLexer::pattern(std::size_t k) {
    const Token& t = token(k);
    if (t.kind == TokenKind::Identifier) {
        m_own.push_back({{nameOf(k), ExportEntry::kLocal, 0, false}, {}});
        return k + 1;
    }
    if (t.is('{') || t.is('[')) {
        collectBindings(k);
        return t.match + 1;
    }
    handOff();
}

void ImportLexer::collectBindings(std::size_t open) {
    const DepthGuard guard(m_depth);
    const std::size_t close = m_tokens[open].match;
    const bool object = m_tokens[open].is('{');
    std::size_t k = open + 1;
    while (k < close) {
        if (m_tokens[k].is(',')) { // an array hole
            ++k;
            continue;
        }
        if (m_tokens[k].punct == kSpread && m_tokens[k].kind == TokenKind::Punct) {
            k = pattern(k + 1);
        } else if (object) {
            const Token& key = m_tokens[k];
            if (isPunct(k + 1, ':')) { // key: pattern
                k = pattern(k + 2);
            } else if (key.is('[') && isPunct(key.match + 1, ':')) { // [computed]: pattern
                k = pattern(key.match + 2);
            } else if (key.kind == TokenKind::Identifier) { // shorthand
                k = pattern(k);
            } else {
                handOff();
            }
        } else {
            k = pattern(k);
        }
        k = bindingElement(k, close);
    }
}

// After a pattern element: its default value, up to the comma that ends it.
std::size_t ImportLexer::bindingElement(std::size_t k, std::size_t close) {
    if (isPunct(k, '=')) {
        while (k < close && !m_tokens[k].is(',')) {
            k = isOpener(m_tokens[k]) ? m_tokens[k].match + 1 : k + 1;
        }
    }
    if (k < close) {
        expectPunct(k, ',');
        ++k;
    }
    return k;
}

void ImportLexer::scanCalls(std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) {
        const Token& t = m_tokens[k];
        if (t.kind != TokenKind::Identifier) {
            continue;
        }
        const bool property = k > 0 && m_tokens[k - 1].kind == TokenKind::Punct &&
                              (m_tokens[k - 1].punct == '.' || m_tokens[k - 1].punct == kOptional);
        if (property) {
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
    // The arguments, split at commas of this level.
    std::vector<std::pair<std::size_t, std::size_t>> arguments;
    std::size_t start = open + 1;
    for (std::size_t at = open + 1; at <= close;) {
        if (at == close || m_tokens[at].is(',')) {
            if (at == start && at != close) {
                handOff(); // f(a,,b)
            }
            if (at > start) {
                arguments.emplace_back(start, at);
            }
            start = at + 1;
            ++at;
            continue;
        }
        at = isOpener(m_tokens[at]) ? m_tokens[at].match + 1 : at + 1;
    }
    if (arguments.empty() || (kind == ImportKind::Require && arguments.size() != 1)) {
        return;
    }
    const auto [first, last] = arguments.front();
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

} // namespace

bool lexImports(std::string_view text, std::uint32_t firstLineOffset, Grammar grammar,
                NameTable& names, Extraction& out, std::vector<Token>& tokens) {
    if (!tokenizeJs(text, tokens, out.jsx)) {
        return false;
    }
    try {
        ImportLexer(text, firstLineOffset, grammar, names, out, tokens).run();
    } catch (const HandOff&) {
        return false;
    }
    return true;
}

} // namespace fanout::detail
