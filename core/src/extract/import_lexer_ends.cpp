// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/import_lexer_reader.h"

#include <algorithm>
#include <array>

namespace fanout::detail::lexer {
namespace {

// Keywords that leave an expression unfinished: no statement ends after one of them.
bool keywordNeedsMore(std::string_view word) {
    static constexpr std::array<std::string_view, 23> kWords{
        "const",  "let",        "var",     "new",    "typeof", "void", "delete",   "await",
        "in",     "instanceof", "extends", "throw",  "case",   "if",   "for",      "while",
        "switch", "function",   "class",   "import", "export", "as",   "satisfies"};
    return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

// TypeScript's operators between a value and a type (`x as T`, `x satisfies T`): an operator
// right after an operand on its line, a name elsewhere.
bool isTypeOperator(std::string_view word) {
    return word == "as" || word == "satisfies";
}

// Words that take a type after them, in a type (`keyof T`, `infer U`, `asserts x is T`): at a
// line break after one, tree-sitter reads on where a statement could otherwise end.
bool isTypePrefixWord(std::string_view word) {
    return word == "keyof" || word == "infer" || word == "unique" || word == "readonly" ||
           word == "asserts" || word == "is";
}

// Statements whose argument is optional (`return`), or that take none.
bool endsAtNoArgument(std::string_view word) {
    return word == "return" || word == "debugger" || word == "break" || word == "continue";
}

// Keywords that are operators on what follows them.
bool isPrefixKeyword(std::string_view word) {
    return word == "typeof" || word == "void" || word == "await" || word == "delete" ||
           word == "function" || word == "class" || word == "import";
}

} // namespace

bool ImportLexer::endsOperand(const Token& t) const {
    switch (t.kind) {
    case TokenKind::Identifier:
        return !keywordNeedsMore(textOf(t));
    case TokenKind::Punct:
        return t.punct == ')' || t.punct == ']' || t.punct == '}';
    case TokenKind::TemplatePart:
        return m_text[t.end - 1] == '`';
    default:
        return true;
    }
}

bool ImportLexer::endsOperandAt(std::size_t k) const {
    const Token& t = m_tokens[k];
    if (t.kind == TokenKind::Identifier && afterMemberAccess(k)) {
        return true; // a property name, keyword or not (`a.in!` then a line break ends there)
    }
    if (t.kind == TokenKind::Identifier && isTypeOperator(textOf(t))) {
        // In a run of such words on one line, names and operators alternate from the first: a
        // name where no operand comes before it (`as as T` is the name `as` as the type `T`;
        // fuzzer), an operator after one (`a as as`: the type `as`). Counted, not recursed.
        std::size_t first = k;
        while (first > 0 && !m_tokens[first].newlineBefore &&
               m_tokens[first - 1].kind == TokenKind::Identifier &&
               isTypeOperator(textOf(m_tokens[first - 1])) && !afterMemberAccess(first - 1)) {
            --first;
        }
        if (first > 0 && !m_tokens[first].newlineBefore &&
            (m_tokens[first - 1].is('>') || keywordBefore(first - 1) ||
             noArgumentWordAt(first - 1))) {
            // `r<T,> as`: after type arguments (an instantiation expression) an operator, after
            // a comparison's `>` a name; `case as`: after a keyword that tree-sitter may read as
            // a name (`case` outside a switch), an operator; `return as`: the name returned.
            // Tree-sitter picks (fuzzer).
            handOff();
        }
        const bool firstIsName = first == 0 || m_tokens[first].newlineBefore ||
                                 !endsOperandAt(first - 1); // no run there
        return firstIsName == ((k - first) % 2 == 0);
    }
    return endsOperand(t);
}

// A keyword that takes more and is no operator on what follows (`switch`, `const`, `new`; `in` and
// `instanceof` unless between operands), not a property name: where a postfix `!` or `++` follows
// it, tree-sitter's reading varies.
bool ImportLexer::keywordBefore(std::size_t k) const {
    const Token& t = m_tokens[k];
    if (t.kind != TokenKind::Identifier || afterMemberAccess(k)) {
        return false;
    }
    const auto word = textOf(t);
    if (word == "in" || word == "instanceof") {
        return k == 0 || !endsOperand(m_tokens[k - 1]); // not between operands: a name, perhaps
    }
    // `throw` and `case` too: after an operator they are names to tree-sitter (`a & throw!` then a
    // line break ends a statement there), and no real code puts a postfix `!` or `++` after them.
    return keywordNeedsMore(word) && !isPrefixKeyword(word) && !isTypeOperator(word);
}

bool ImportLexer::canEnd(std::size_t k) const {
    const Token& t = m_tokens[k];
    if (t.kind == TokenKind::Identifier) {
        if (afterMemberAccess(k)) {
            return true; // a property name, keyword or not (`source.function`)
        }
        const auto word = textOf(t);
        const Token* before = k > 0 && !t.newlineBefore ? &m_tokens[k - 1] : nullptr;
        if (isTypeOperator(word)) {
            if (before != nullptr && (before->is('!') || before->is(kIncrement))) {
                // `x! as` then a line break: `as` is the operator after a postfix `!` and a name
                // after a prefix one; tree-sitter reads which (fuzzer: `ort !as` `rgtts`).
                handOff();
            }
            return endsOperandAt(k);
        }
        if (keywordNeedsMore(word)) {
            // At a line break after a keyword that takes more, tree-sitter's reading depends on
            // the keyword and what came before. Between operands, `in` and `instanceof` are
            // operators (`x in` then `y`); right after an operator, a keyword that cannot go
            // there is a name (`x = new` then a line break is two statements) unless it is a
            // prefix operator. Elsewhere (a statement's start, after `}` or another keyword),
            // tree-sitter decides.
            if (before == nullptr || before->is('}')) {
                handOff();
            }
            // A postfix `!` or `++` ends an operand too (`so!instanceof` then `x`: fuzzer).
            const bool postfix = (before->is('!') || before->is(kIncrement)) && canEnd(k - 1);
            if (endsOperand(*before) || postfix) {
                if (word != "in" && word != "instanceof") {
                    handOff();
                }
                return false;
            }
            const bool afterOperator = before->kind == TokenKind::Punct && !before->is(';') &&
                                       !before->is('{') && before->punct != kIncrement;
            if (!afterOperator) {
                handOff();
            }
            return !isPrefixKeyword(word);
        }
    }
    if (t.kind == TokenKind::Punct && (t.punct == kIncrement || t.punct == '!')) {
        // Postfix `a++` and TypeScript's non-null `a!` end an expression, also one after the
        // other (`a!++`) and after a literal (`0!`); prefix `++a`, `!a`, `typeof !a` not.
        std::size_t operand = k;
        while (operand > 0 && !m_tokens[operand].newlineBefore &&
               (m_tokens[operand - 1].is('!') || m_tokens[operand - 1].is(kIncrement))) {
            --operand;
        }
        if (operand > 0 && !m_tokens[operand].newlineBefore && keywordBefore(operand - 1)) {
            handOff(); // `switch!` then a line break: tree-sitter may take the keyword for a name
        }
        if (operand > 0 && !m_tokens[operand].newlineBefore && m_tokens[operand - 1].is('}') &&
            m_tokens[operand - 1].match > 0 && !m_tokens[m_tokens[operand - 1].match - 1].is(';')) {
            // `x = {}!` then a line break: after an object a postfix `!`, which ends the
            // statement; after a block a prefix one. Left to tree-sitter unless the braces
            // follow a `;` (a block).
            handOff();
        }
        // After `return`, `yield` (anywhere, to tree-sitter: `k + yield!` then `x` on the next
        // line is one statement; fuzzer) or `export default`, `--` and `!` are prefix operators.
        // A `return` after an operator, on its line or the one before, is a name to tree-sitter
        // (`!` `return!` then a line break: fuzzer): left to it.
        if (operand > 1 && isWord(operand - 1, "return") && !afterMemberAccess(operand - 1) &&
            operatorBefore(operand - 1)) {
            handOff();
        }
        const bool exportDefault =
            operand > 1 && isWord(operand - 1, "default") && isWord(operand - 2, "export");
        const bool afterKeyword =
            operand > 0 && !afterMemberAccess(operand - 1) &&
            (isWord(operand - 1, "return") || isWord(operand - 1, "yield") || exportDefault);
        return operand > 0 && !m_tokens[operand].newlineBefore && !m_tokens[operand - 1].is('}') &&
               !afterKeyword && endsOperandAt(operand - 1);
    }
    return endsOperand(t);
}

bool ImportLexer::typePrefixBefore(std::size_t k) const {
    const Token& before = m_tokens[k - 1];
    if (before.kind != TokenKind::Identifier || afterMemberAccess(k - 1)) {
        return false;
    }
    // Keywords that take more do in a type too (`new () => A`, `import("x")`), but for the
    // type `void`.
    const auto word = textOf(before);
    return isTypePrefixWord(word) || word == "abstract" ||
           (keywordNeedsMore(word) && word != "void");
}

bool ImportLexer::endsAtLineBreak(std::size_t last, std::size_t next) const {
    if (decoratorEndsAt(last)) {
        // `!@dec` then `class D {}` on the next line: one statement to tree-sitter, a decorated
        // class expression (generated statements).
        handOff();
    }
    if (noArgumentWordAt(last)) {
        if (last > 0 && operatorBefore(last)) {
            // After an operator, `return` (or `break`) is a name to tree-sitter, which reads on
            // into `[a]` or `(a)` on the next line (`!return` then `[a] = []`: generated test).
            handOff();
        }
        // `return` then `(a)` or `[a]` on the next line: two statements to tree-sitter; then `+a`
        // or a template: one.
        return !continues(next) || m_tokens[next].is('(') || m_tokens[next].is('[');
    }
    return canEnd(last) && !continues(next);
}

bool ImportLexer::decoratorEndsAt(std::size_t k) const {
    if (m_tokens[k].is(')')) {
        k = m_tokens[k].match; // `@f(x)`
        if (k == 0) {
            return false;
        }
        --k;
    }
    while (k >= 2 && m_tokens[k].kind == TokenKind::Identifier && m_tokens[k - 1].is('.')) {
        k -= 2; // `@a.b`
    }
    return k >= 1 && m_tokens[k].kind == TokenKind::Identifier && m_tokens[k - 1].is('@');
}

bool ImportLexer::noArgumentWordAt(std::size_t k) const {
    return m_tokens[k].kind == TokenKind::Identifier && !afterMemberAccess(k) &&
           endsAtNoArgument(textOf(m_tokens[k]));
}

bool ImportLexer::operatorBefore(std::size_t k) const {
    const Token& before = m_tokens[k - 1];
    return before.kind == TokenKind::Punct && !before.is(';') && !before.is('{') &&
           !before.is('}') && !before.is(')');
}

void ImportLexer::countConditionalMark(std::size_t k, int& open) const {
    const Token& t = m_tokens[k];
    if (t.punct == '?') {
        if (nullish(k)) {
            return; // `??` is no conditional
        }
        // A conditional's `?` follows an operand (or a type, `T extends A<infer U> ? U : T`).
        // Where none ends before it, the `?` starts Flow's maybe type to tree-sitter (`a as ?T`,
        // `let a: ?T` then a line break ends the statement; fuzzer), else it is a syntax error:
        // left to tree-sitter either way.
        const bool postfixOrType =
            k > 0 &&
            (m_tokens[k - 1].is('!') || m_tokens[k - 1].is(kIncrement) || m_tokens[k - 1].is('>'));
        if (k == 0 || (!postfixOrType && !endsOperandAt(k - 1))) {
            handOff();
        }
        ++open;
    } else if (open > 0) {
        --open;
    }
}

bool ImportLexer::typeEndsAtLineBreak(std::size_t last, std::size_t next) const {
    if (typePrefixBefore(next)) {
        handOff(); // `keyof`, `asserts`, `x is` then a line break: tree-sitter reads on
    }
    const Token& before = m_tokens[last];
    // A type may end with a name, a keyword (`void`) or type arguments' `>`; `(` or `[` on the
    // next line starts a new statement (`type A = B` then `[c]`: tree-sitter).
    const bool end = before.is('>') || before.kind == TokenKind::Identifier || canEnd(last);
    return end && (!continues(next) || m_tokens[next].is('(') || m_tokens[next].is('['));
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

std::size_t ImportLexer::nextInExpression(std::size_t k) const {
    const Token& t = m_tokens[k];
    if (t.kind == TokenKind::Identifier && !afterMemberAccess(k)) {
        const auto word = textOf(t);
        if (word == "function") {
            return functionEnd(k, nullptr, true); // no statement ends inside its header
        }
        if (word == "class") {
            return afterBody(k + 1);
        }
    }
    return isOpener(t) ? t.match + 1 : k + 1;
}

std::size_t ImportLexer::expressionStatementEnd(std::size_t k, bool type) const {
    // In a declaration (`let a: T = b, c`), each name and its type annotation, up to an `=`, are
    // read as a type.
    const std::size_t start = k;
    const bool declaration = !type && (isWord(k, "var") || isWord(k, "let") || isWord(k, "const"));
    if (declaration && has(k + 1) && m_tokens[k + 1].kind == TokenKind::Punct &&
        !m_tokens[k + 1].is('[') && !m_tokens[k + 1].is('{')) {
        handOff(); // `let > void` then a name on the next line: `let` is a name to tree-sitter
    }
    if (k > 0 && has(k) && !m_tokens[k].newlineBefore && !m_tokens[k - 1].is(';') &&
        m_tokens[k].kind == TokenKind::Identifier && !afterMemberAccess(k)) {
        const auto word = textOf(m_tokens[k]);
        if (isTypeOperator(word) || word == "in" || word == "instanceof") {
            // A statement starting with a word that is an operator after an operand, on the
            // line of what ends the one before (`if (a) as`, `class A {} in`, `else satisfies`):
            // the walks that tell a name from an operator look back across the statement's
            // start, where tree-sitter does not (probing the fuzzer's `as` findings).
            handOff();
        }
    }
    bool typePart = type || declaration;
    int conditionals = 0; // `?` waiting for their `:`: no statement ends before it comes
    while (k < m_count) {
        const Token& t = m_tokens[k];
        if (t.is(';')) {
            return k + 1;
        }
        countConditional(k, conditionals);
        if (declaration && (t.is('=') || t.is(','))) {
            typePart = t.is(',');
        }
        k = nextInExpression(k);
        if (k >= m_count) {
            return k;
        }
        if (!m_tokens[k].newlineBefore) {
            continue;
        }
        if (!type) {
            std::size_t last = k - 1;
            while (last > start && (m_tokens[last].is('!') || m_tokens[last].is(kIncrement))) {
                --last;
            }
            if (m_tokens[last].is('>')) {
                // `a<b>` (or `a<b>!`) then a line break: type arguments (a statement ends) or
                // two comparisons, which tree-sitter picks by what came before.
                handOff();
            }
        }
        // After `let` itself, the expression rule (`let` then `x = 1` on the next line is one).
        const bool typeRule = typePart && k - 1 > start;
        if (conditionals == 0 &&
            (typeRule ? typeEndsAtLineBreak(k - 1, k) : endsAtLineBreak(k - 1, k))) {
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
        } else if (angles == 0 && endsBefore(k, true)) {
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

// Only the end, `;`, `}` or a word on a new line (not `in` or `instanceof`) surely ends a class
// declaration for tree-sitter when its heritage has type arguments.
bool ImportLexer::mayReadOnAfterBody(std::size_t k) const {
    if (!has(k) || m_tokens[k].is(';') || m_tokens[k].is('}')) {
        return false;
    }
    const Token& t = m_tokens[k];
    return !(t.newlineBefore && t.kind == TokenKind::Identifier && !continues(k));
}

// The first `{` at this level from k (brackets and type arguments skipped) is a body; the
// statement ends after it.
std::size_t ImportLexer::afterBody(std::size_t k) const {
    int angles = 0; // `interface A<T = {}>`, `class B extends C<{x: 1}>`
    bool typeArguments = false;
    while (k < m_count) {
        const Token& t = m_tokens[k];
        if (t.is('<')) {
            ++angles;
            typeArguments = true;
        } else if (t.is('>')) {
            if (angles == 0) {
                handOff(); // `class A extends B > {} {}`: a comparison, then the body
            }
            --angles;
        } else if (t.is('{') && angles == 0) {
            // `class A extends {} {}`: an object, then the body; `extends B<c> {}` then `{`, `(`,
            // `+ a` on the next line or anything on its line: to tree-sitter, perhaps
            // `B < c > {}` compared (or added to), then the body.
            if (isWord(k - 1, "extends") || (typeArguments && mayReadOnAfterBody(t.match + 1))) {
                handOff();
            }
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
    if (t.is('@') || t.is('!') || t.is(kIncrement)) {
        // A decorator; a prefix operator, which canEnd would take for a postfix one after the
        // header's `)` (`for (;;) !` then `x` on the next line).
        handOff();
    }
    if (t.kind == TokenKind::Identifier) {
        const auto word = textOf(t);
        // A label, do-while, and declarations that cannot stand there (`if (c) enum E {}`):
        // tree-sitter's own readings.
        const bool contextual =
            word == "type" || word == "module" || word == "namespace" || word == "global";
        // (A `using` declaration is handed off by the tokenizer.)
        const bool acrossLines = word == "abstract" && isWord(k + 1, "class");
        if (isPunct(k + 1, ':') || word == "do" || word == "declare" || word == "import" ||
            word == "export" || word == "enum" || word == "interface" || word == "const" ||
            (contextual && declaresAfter(k)) || acrossLines ||
            (word == "async" && isWord(k + 1, "function") && m_tokens[k + 1].newlineBefore)) {
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
    if (isUnnamed(k)) {
        // `class {}` or `function () {}` where a statement starts (`if (a) function () {}()`:
        // fuzzer): an expression to tree-sitter, which goes on after the body.
        handOff();
    }
    const DepthGuard guard(m_depth);
    const auto word = textOf(m_tokens[k]);
    if (word == "function") {
        return functionEnd(k, nullptr);
    }
    if (word == "async") {
        return functionEnd(k + 1, nullptr);
    }
    if (word == "class" || word == "abstract" || word == "enum" || word == "interface" ||
        word == "const") { // `const`: of `const enum`
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

} // namespace fanout::detail::lexer
