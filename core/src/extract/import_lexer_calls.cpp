// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/import_lexer_reader.h"

#include <cstdint>
#include <optional>
#include <utility>

namespace fanout::detail::lexer {
namespace {

constexpr std::size_t kMaxExpressionText = 200;
constexpr std::uint32_t kTopLevel = 0x7fffffff;
constexpr std::size_t kMaxWalk = 256;          // tokens walked back at one level before giving up
constexpr std::uint32_t kHoldsLess = 1U << 31; // on an opener's entry: a `<` directly inside

// Keywords after which an operand is a value: `return import("x")`, `of [import("x")]`.
bool takesValue(std::string_view word) {
    return word == "return" || word == "await" || word == "yield" || word == "throw" ||
           word == "void" || word == "delete" || word == "else" || word == "do" || word == "of";
}

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
            // A `(` after the statement's end starts the next one (`const require` then `("x")`
            // on the next line: a declaration, then a string in parentheses; generated test).
            if (k + 1 < to && isPunct(k + 1, '(')) {
                call(k, word == "require" ? ImportKind::Require : ImportKind::DynamicImport);
            } else if (word == "import" && !member && !isPunct(k + 1, ':')) {
                handOff(); // an import statement somewhere other than the top level
            }
        } else if (!m_out.commonJs && ((word == "exports" && member) ||
                                       (word == "module" && member && isWord(k + 2, "exports")))) {
            // exports.x, module.exports; in a type (`let a: typeof exports.x`) no marker, which
            // matters only if no other marker comes (run() decides).
            m_out.commonJs = valueAt(k);
            m_commonJsInDoubt = m_commonJsInDoubt || !m_out.commonJs;
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
        // new require(x); require in a type (`typeof require("x")`) is no call either.
        if (kind == ImportKind::Require &&
            (word == "new" || word == "typeof" || word == "keyof" || word == "extends" ||
             word == "infer" || word == "as" || word == "satisfies" || before.is('<') ||
             before.is('|') || before.is('&'))) {
            handOff();
        }
    }
    if (kind == ImportKind::DynamicImport && !valueAt(k)) {
        handOff(); // perhaps an import type: `a: () => import("x")`, `typeof import("x")`
    }
    const std::size_t open = k + 1;
    const std::size_t close = m_tokens[open].match;
    // A method named require or import (`import(x): T {}`, also in a type literal), unless the
    // `:` is a conditional's (`c ? import(x) : y`).
    const bool returnType =
        isPunct(close + 1, ':') && questionOf(close + 1).value_or(m_count) == m_count;
    if (isPunct(close + 1, '{') || returnType || isPunct(close + 1, kArrow)) {
        handOff();
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

std::size_t ImportLexer::enclosing(std::size_t k) const {
    if (m_enclosing.empty()) {
        m_enclosing.resize(m_count);
        std::vector<std::uint32_t> open;
        for (std::size_t i = 0; i < m_count; ++i) {
            const Token& t = m_tokens[i];
            if (closesBracket(t) && !open.empty()) {
                open.pop_back();
            }
            m_enclosing[i] = open.empty() ? kTopLevel : open.back();
            if (t.is('<') && !open.empty()) {
                m_enclosing[open.back()] |= kHoldsLess;
            }
            if (isOpener(t)) {
                open.push_back(static_cast<std::uint32_t>(i));
            }
        }
    }
    const std::uint32_t e = m_enclosing[k] & ~kHoldsLess;
    return e == kTopLevel ? m_count : e;
}

bool ImportLexer::valueAt(std::size_t k) const {
    for (;;) {
        // A `{` here was reached from a property's `:` inside it: the braces must hold an object,
        // not a block (`{ let a: import("x").T }`), where a statement starts.
        const bool brace = m_tokens[k].is('{');
        if (k == 0) {
            return !brace; // the file's first statement
        }
        const std::size_t p = k - 1;
        const Token& before = m_tokens[p];
        if (m_tokens[k].newlineBefore && endsOperandAt(p) && !typePrefixBefore(k)) {
            return !brace; // a statement that starts on its line
        }
        if (before.kind == TokenKind::Identifier) {
            const auto word = textOf(before);
            if (word == "typeof" && !afterMemberAccess(p)) {
                k = p; // `typeof x` is a value or a type query: its place decides
                continue;
            }
            // Braces after these open a block (`function f(): void {`: a return type, then
            // the body).
            const bool statement = word == "else" || word == "do" || word == "void";
            return !afterMemberAccess(p) && !(brace && statement) &&
                   (takesValue(word) || (word == "default" && isWord(p - 1, "export")));
        }
        if (before.kind == TokenKind::TemplatePart && m_text[before.end - 1] == '{') {
            // A substitution: the template's place decides (template literal types exist).
            k = m_text[before.begin] == '`' ? p : m_tokens[p].match;
            continue;
        }
        if (before.kind != TokenKind::Punct) {
            return false;
        }
        std::optional<bool> decided;
        switch (before.punct) {
        case ';':
        case '{':
        case '}':
            return !brace; // a statement's start
        case ')':
            // After `if (...)`, `while (...)`, `for (...)`, `with (...)`: a statement's start.
            return !brace && before.match > 0 && statementHead(before.match - 1);
        case '+':
        case '-':
        case '*':
        case '/':
        case '%':
        case '^':
        case '~':
        case kShiftOrLessEqual:
            return true; // operators no type has
        case '!':
        case '>':
            // Prefix `!` or a comparison; or a postfix `!` (`a!!` then a block on the next
            // line), type arguments' end then a block (`f(): Promise<T> {`).
            return !brace;
        case '&':
        case '|':
            // `&&` and `||` (the two touching): no type has them; `&` and `|` join types.
            return p > 0 && secondOfPair(p);
        case '?':
            // `??`, or a conditional expression's consequent (a conditional type's has `extends`
            // before its `?`).
            return nullish(p) || !conditionalType(p);
        case kArrow:
            if (brace) {
                return false; // an arrow function's body
            }
            if (p > 0 && m_tokens[p - 1].is(')')) {
                // The parameters' place decides (a function type's are in a type).
                k = m_tokens[p - 1].match;
                if (isWord(k - 1, "async") && !m_tokens[k].newlineBefore) {
                    --k;
                }
                continue;
            }
            // `a => import()`: a function type's parameters are always in parentheses.
            return p > 0 && m_tokens[p - 1].kind == TokenKind::Identifier;
        case '(':
        case '[':
            decided = valueInBracket(p, k);
            break;
        case ',': {
            // Arguments or elements if the bracket around holds them; no `<` there, which may
            // open type arguments (`f(g<A, import("x").T>())`).
            const std::size_t o = enclosing(p);
            if (o == m_count || m_tokens[o].is('{') || (m_enclosing[o] & kHoldsLess) != 0 ||
                m_tokens[o].kind != TokenKind::Punct) {
                return false;
            }
            decided = valueInBracket(o, k);
            break;
        }
        case ':': {
            // A conditional's alternate: as its consequent.
            const auto question = questionOf(p);
            if (!question) {
                return false;
            }
            if (*question < m_count) {
                return !conditionalType(*question);
            }
            // A property's value if the braces around hold an object (or a label's statement
            // in a block); else an annotation's (`m(): T`, `a?: T`) or a case's.
            const Token* key = p > 0 ? &m_tokens[p - 1] : nullptr;
            const bool named = key != nullptr && (key->kind == TokenKind::Identifier ||
                                                  key->kind == TokenKind::String ||
                                                  key->kind == TokenKind::Number || key->is(']'));
            const std::size_t o = enclosing(p);
            if (!named || o == m_count || !m_tokens[o].is('{')) {
                return false;
            }
            k = o;
            continue;
        }
        case '=':
            decided = valueAfterAssignment(p);
            break;
        default:
            return false;
        }
        if (decided) {
            return *decided;
        }
    }
}

bool ImportLexer::statementHead(std::size_t k) const {
    return !afterMemberAccess(k) &&
           (isWord(k, "if") || isWord(k, "while") || isWord(k, "for") || isWord(k, "with"));
}

std::optional<std::size_t> ImportLexer::questionOf(std::size_t colon) const {
    int nested = 0; // the `:` of conditionals passed, waiting for their `?`
    for (std::size_t i = colon, steps = 0; i > 0 && steps < kMaxWalk; ++steps) {
        const Token& t = m_tokens[--i];
        if (closesBracket(t)) {
            i = t.match;
            continue;
        }
        if (t.kind == TokenKind::TemplatePart || isOpener(t) || t.is(';') || t.is(',')) {
            return m_count; // none in this expression
        }
        if (t.kind != TokenKind::Punct) {
            continue;
        }
        if (t.is(':')) {
            ++nested;
        } else if (t.is('?') && !nullish(i) && !isPunct(i + 1, ':') && !isPunct(i + 1, ',') &&
                   !isPunct(i + 1, ')') && !isPunct(i + 1, '=')) {
            if (isPunct(i + 1, '(') && !isPunct(m_tokens[i + 1].match + 1, kArrow)) {
                return std::nullopt; // `c ? (a) : b` or an optional method `m?(): T`
            }
            if (nested-- == 0) {
                return i;
            }
        }
    }
    return std::nullopt;
}

bool ImportLexer::conditionalType(std::size_t question) const {
    std::size_t i = question;
    for (std::size_t steps = 0; i > 0; ++steps) {
        if (steps == kMaxWalk) {
            return true; // too far to tell: taken for a type, the file handed off
        }
        const Token& t = m_tokens[--i];
        if (closesBracket(t)) {
            i = t.match;
        } else if (t.kind == TokenKind::Identifier && textOf(t) == "extends" &&
                   !afterMemberAccess(i)) {
            return true;
        } else if (t.kind == TokenKind::TemplatePart || isOpener(t) || t.is(';') || t.is(',') ||
                   t.is(':') || t.is('?') || t.is('=')) {
            return false; // the check ended without `extends`
        }
    }
    return false;
}

std::optional<bool> ImportLexer::valueInBracket(std::size_t o, std::size_t& k) const {
    const Token& open = m_tokens[o];
    const std::size_t close = open.match;
    if (isPunct(close + 1, kArrow)) {
        return false; // an arrow function's parameters
    }
    if (o == 0) {
        return true;
    }
    const Token& callee = m_tokens[o - 1];
    bool called = callee.kind != TokenKind::Punct || callee.is(')') || callee.is(']');
    if (callee.kind == TokenKind::Identifier && !afterMemberAccess(o - 1)) {
        const auto word = textOf(callee);
        if (statementHead(o - 1) || word == "switch") {
            return open.is('('); // a statement's head
        }
        // `return (`, `of [`, `keyof [`: a group, an array or a tuple.
        called = !typePrefixBefore(o) && !takesValue(word);
    }
    if (!called) {
        k = o; // a group or an array: its place decides
        return std::nullopt;
    }
    // A call's arguments, not a function's parameters (`f(a: () => import("x")) {}`) nor an
    // index (`A[import("x").K]` may be a type).
    return open.is('(') && !isPunct(close + 1, '{') && !isPunct(close + 1, ':');
}

std::optional<bool> ImportLexer::valueAfterAssignment(std::size_t p) const {
    if (p == 0) {
        return false;
    }
    const std::size_t q = p - 1; // the target
    const Token& target = m_tokens[q];
    if (target.is('>')) {
        return false; // `type T<A> =`, `let a: A<B> =`
    }
    if (target.kind != TokenKind::Identifier || q == 0) {
        return true; // `==`, `a[0] =`, `{a} =`
    }
    if (isWord(q - 1, "type") && !afterMemberAccess(q - 1)) {
        return false; // a type alias
    }
    if (m_tokens[q - 1].is('<')) {
        return false; // a type parameter's default
    }
    if (m_tokens[q - 1].is(',')) {
        // A parameter's or an element's default, not a type parameter's (`<A, B = T>`).
        const std::size_t o = enclosing(q - 1);
        return o < m_count && (m_tokens[o].is('(') || m_tokens[o].is('[')) &&
               (m_enclosing[o] & kHoldsLess) == 0;
    }
    return true;
}

} // namespace fanout::detail::lexer
