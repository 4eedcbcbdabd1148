// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/js_tokens.h"

#include "extract/import_collector.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace fanout::detail {
namespace {

constexpr bool isIdentifierStart(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}

// By table: a name's bytes are most of the text's, each tested once.
constexpr auto kIdentifierPart = [] {
    std::array<bool, 256> part{};
    for (unsigned c = 0; c < part.size(); ++c) {
        part[c] = isIdentifierStart(static_cast<unsigned char>(c)) || (c >= '0' && c <= '9');
    }
    return part;
}();

constexpr bool isIdentifierPart(unsigned char c) {
    return kIdentifierPart[c];
}

constexpr bool isDigit(unsigned char c) {
    return c >= '0' && c <= '9';
}

// Keywords after which an expression starts, so a `/` opens a regular expression.
bool keywordBeforeExpression(std::string_view word) {
    static constexpr std::array<std::string_view, 14> kWords{
        "return", "typeof", "instanceof", "in",   "new",   "delete", "void",
        "throw",  "case",   "do",         "else", "yield", "await",  "extends"};
    for (const auto keyword : kWords) {
        if (word == keyword) {
            return true;
        }
    }
    return false;
}

class Tokenizer {
public:
    Tokenizer(std::string_view text, std::vector<Token>& tokens, std::vector<std::uint32_t>& open,
              JsxUse& jsx)
        : m_text(text), m_tokens(tokens), m_jsx(jsx), m_open(open) {}

    bool run();

private:
    enum class Slash { Regex, Division, Unsure };

    unsigned char at(std::size_t i) const {
        return i < m_text.size() ? static_cast<unsigned char>(m_text[i]) : 0;
    }
    void push(TokenKind kind, std::size_t begin, char punct = 0) {
        Token token;
        token.begin = static_cast<std::uint32_t>(begin);
        token.end = static_cast<std::uint32_t>(m_pos);
        token.kind = kind;
        token.punct = punct;
        token.newlineBefore = m_newline;
        m_tokens.push_back(token);
        m_newline = false;
    }
    std::string_view textOf(const Token& token) const {
        return m_text.substr(token.begin, token.end - token.begin);
    }
    // Whether an expression may start here: what decides `/` (regex or division) and `<`.
    Slash slashAfterPrevious() const;
    bool endsOperand(const Token& token) const;
    bool skipSpaceAndComments();
    // Past the name characters from here. The hot loops work on a local index and store the
    // position once: a store to m_pos per byte could alias the text's bytes for the compiler.
    void skipIdentifierParts() {
        const char* const text = m_text.data();
        const std::size_t size = m_text.size();
        std::size_t i = m_pos;
        while (i < size && isIdentifierPart(static_cast<unsigned char>(text[i]))) {
            ++i;
        }
        m_pos = i;
    }
    bool nextOnLine(unsigned char& c);
    bool string(unsigned char quote);
    // From after a backtick or a `}` closing a substitution, to the closing backtick or a `${`.
    // `first`: the index of the template's first part, kTemplate when this part is the first.
    bool templatePart(std::size_t begin, std::uint32_t first);
    bool regex();
    bool number();
    bool punctuator();
    bool open(char c);
    bool close(char c);

    std::string_view m_text;
    std::vector<Token>& m_tokens;
    JsxUse& m_jsx;
    std::size_t m_pos = 0;
    bool m_newline = false;
    // Open brackets by token index; an open template substitution is two entries: the index of
    // its template's first part, then kTemplate.
    static constexpr std::uint32_t kTemplate = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t>& m_open;
};

// Whether an expression may end with `token`: a name that is not a keyword taking an expression,
// a literal, a closing bracket, a postfix operator.
bool Tokenizer::endsOperand(const Token& token) const {
    switch (token.kind) {
    case TokenKind::Identifier:
        return !keywordBeforeExpression(textOf(token));
    case TokenKind::TemplatePart:
        return m_text[token.end - 1] == '`';
    case TokenKind::Punct:
        return token.is(')') || token.is(']') || token.is('}') || token.is('!') ||
               token.is(kIncrement);
    default:
        return true;
    }
}

Tokenizer::Slash Tokenizer::slashAfterPrevious() const {
    if (m_tokens.empty()) {
        return Slash::Regex;
    }
    const Token& previous = m_tokens.back();
    switch (previous.kind) {
    case TokenKind::Identifier: {
        const Token* before = m_tokens.size() >= 2 ? &m_tokens[m_tokens.size() - 2] : nullptr;
        const bool property = before != nullptr && (before->is('.') || before->is(kOptional));
        const auto word = textOf(previous);
        if (!property && (word == "in" || word == "instanceof") &&
            (before == nullptr || !endsOperand(*before) || before->is('}'))) {
            // No operand before it: tree-sitter takes it for a name (`in/p/` then a line break
            // is two divisions to it; fuzzer). Left to tree-sitter.
            return Slash::Unsure;
        }
        return !property && keywordBeforeExpression(word) ? Slash::Regex : Slash::Division;
    }
    case TokenKind::Punct:
        if (previous.punct == ')') {
            // `if (x) /re/.test(y)`: the keyword before the matching `(` decides.
            const std::uint32_t open = previous.match;
            if (open > 0 && m_tokens[open - 1].kind == TokenKind::Identifier) {
                const auto word = textOf(m_tokens[open - 1]);
                if (word == "if" || word == "while" || word == "for" || word == "with") {
                    return Slash::Regex;
                }
            }
            return Slash::Division;
        }
        if (previous.punct == ']') {
            return Slash::Division;
        }
        if (previous.punct == kIncrement) {
            // Postfix after an operand on its line (`i++ / 2`). A prefix `++` before a slash is
            // not JavaScript anyone writes, and tree-sitter reads a regular expression there.
            const Token* operand = m_tokens.size() >= 2 && !previous.newlineBefore
                                       ? &m_tokens[m_tokens.size() - 2]
                                       : nullptr;
            const bool postfix =
                operand != nullptr && ((operand->kind == TokenKind::Identifier &&
                                        !keywordBeforeExpression(textOf(*operand))) ||
                                       operand->is(')') || operand->is(']'));
            return postfix ? Slash::Division : Slash::Unsure;
        }
        if (previous.punct == '!' && m_tokens.size() >= 2 &&
            endsOperand(m_tokens[m_tokens.size() - 2])) {
            // `m! / 2`: after an operand, `!` is TypeScript's non-null assertion, on its line or
            // the next, and tree-sitter reads a division there; a `/` that would end such a
            // "regular expression" on a later line decided it differently. Left to tree-sitter.
            return Slash::Unsure;
        }
        // A block or an object literal: nothing here tells which.
        return previous.punct == '}' ? Slash::Unsure : Slash::Regex;
    case TokenKind::TemplatePart:
        // A head or middle part ends in `${`: an expression follows.
        return m_text[previous.end - 1] == '{' ? Slash::Regex : Slash::Division;
    default:
        return Slash::Division;
    }
}

namespace {

// Letters in a number literal only where they belong: a radix prefix and its digits, one
// exponent, a BigInt's final `n`; one point at most, before any exponent, never in a radix
// literal. The scan takes every point it meets: `.2.` is the number `.2` and a `.` (a member
// access that goes on past a line break), which tree-sitter is left to read.
bool numberIsWellFormed(std::string_view text) {
    const bool radix = text.size() > 1 && text[0] == '0' &&
                       std::string_view("xXoObB").find(text[1]) != std::string_view::npos;
    const bool hex = radix && (text[1] == 'x' || text[1] == 'X');
    int exponents = 0;
    int points = 0;
    for (std::size_t i = radix ? 2 : 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '.' && (radix || exponents > 0 || ++points > 1)) {
            return false;
        }
        if (!std::isalpha(static_cast<unsigned char>(c))) {
            continue;
        }
        const bool bigint = c == 'n' && i + 1 == text.size();
        const bool exponent = !radix && (c == 'e' || c == 'E') && ++exponents == 1;
        const bool hexDigit = hex && std::isxdigit(static_cast<unsigned char>(c)) != 0;
        if (!bigint && !exponent && !hexDigit) {
            return false;
        }
    }
    return true;
}

// From i, the first byte of text[..size) that a quoted string must look at: its quote, a
// backslash or a line break (size if none). Strings hold about a third of the bytes of an npm
// app (icon path data): sixteen bytes are tested at once where SSE2 is there.
std::size_t plainStringRunEnd(const char* text, std::size_t i, std::size_t size, char quote) {
#if defined(__SSE2__)
    const __m128i quotes = _mm_set1_epi8(quote);
    const __m128i backslashes = _mm_set1_epi8('\\');
    const __m128i newlines = _mm_set1_epi8('\n');
    const __m128i returns = _mm_set1_epi8('\r');
    for (; i + 16 <= size; i += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + i));
        const __m128i stops = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(bytes, quotes), _mm_cmpeq_epi8(bytes, backslashes)),
            _mm_or_si128(_mm_cmpeq_epi8(bytes, newlines), _mm_cmpeq_epi8(bytes, returns)));
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(stops));
        if (mask != 0) {
            return i + static_cast<std::size_t>(std::countr_zero(mask));
        }
    }
#endif
    for (; i < size; ++i) {
        const char c = text[i];
        if (c == quote || c == '\\' || c == '\n' || c == '\r') {
            break;
        }
    }
    return i;
}

// Where a `//` comment starting at `from` ends: at a line terminator, as tree-sitter's comment
// token ends (\n, \r, U+2028, U+2029), or at the end of the text.
std::size_t lineCommentEnd(std::string_view text, std::size_t from) {
    auto end = std::min(text.find_first_of("\r\n", from), text.size());
    for (const std::string_view separator : {"\xE2\x80\xA8", "\xE2\x80\xA9"}) {
        end = std::min(end, text.substr(0, end).find(separator, from)); // npos: not found
    }
    return end;
}

} // namespace

bool Tokenizer::skipSpaceAndComments() {
    bool commentBreak = false; // a line break inside a block comment
    for (;;) {
        const unsigned char c = at(m_pos);
        if (c == '\n') {
            m_newline = true;
            ++m_pos;
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f') {
            ++m_pos;
        } else if (c == '/' && at(m_pos + 1) == '/') {
            const auto stop = lineCommentEnd(m_text, m_pos);
            readJsxPragmas(m_text.substr(m_pos, stop - m_pos), m_jsx);
            m_pos = stop;
        } else if (c == '/' && at(m_pos + 1) == '*') {
            const auto end = m_text.find("*/", m_pos + 2);
            if (end == std::string_view::npos) {
                return false;
            }
            const auto comment = m_text.substr(m_pos, end + 2 - m_pos);
            readJsxPragmas(comment, m_jsx);
            commentBreak = commentBreak || comment.find('\n') != std::string_view::npos;
            m_pos = end + 2;
        } else {
            // A line break inside a block comment and none outside it, between two tokens at the
            // top level: a line terminator to ECMAScript, none to tree-sitter (`async/*\n*/a =>
            // {}` is one arrow function to it, `a/*\n*/b` a syntax error). Left to tree-sitter.
            // Inside brackets no statement ends (Flow's `a /*: {\n} */` types are common).
            return !commentBreak || m_newline || m_tokens.empty() || m_pos >= m_text.size() ||
                   !m_open.empty();
        }
    }
}

// The next character of a literal that cannot span lines (a string, a regular expression); false
// at a line break or the end of the text, where such a literal is unterminated.
bool Tokenizer::nextOnLine(unsigned char& c) {
    c = at(m_pos);
    if (m_pos >= m_text.size() || c == '\n' || c == '\r') {
        return false;
    }
    ++m_pos;
    return true;
}

bool Tokenizer::string(unsigned char quote) {
    const std::size_t begin = m_pos;
    const char* const text = m_text.data();
    const std::size_t size = m_text.size();
    for (std::size_t i = begin + 1; i < size;) {
        i = plainStringRunEnd(text, i, size, static_cast<char>(quote));
        if (i >= size) {
            break;
        }
        const auto c = static_cast<unsigned char>(text[i++]);
        if (c == quote) {
            m_pos = i;
            push(TokenKind::String, begin);
            return true;
        }
        if (c == '\n' || c == '\r') {
            return false; // unterminated on its line
        }
        if (c == '\\') {
            if (i >= size) {
                return false;
            }
            i += text[i] == '\r' && i + 1 < size && text[i + 1] == '\n' ? 2 : 1;
        }
    }
    return false;
}

bool Tokenizer::templatePart(std::size_t begin, std::uint32_t first) {
    for (;;) {
        if (m_pos >= m_text.size()) {
            return false;
        }
        const unsigned char c = at(m_pos++);
        if (c == '\\') {
            ++m_pos;
        } else if (c == '`') {
            push(first == kTemplate ? TokenKind::Template : TokenKind::TemplatePart, begin);
            if (first != kTemplate) { // the last part: matched with the first, like brackets
                m_tokens[first].match = static_cast<std::uint32_t>(m_tokens.size() - 1);
                m_tokens.back().match = first;
            }
            return true;
        } else if (c == '$' && at(m_pos) == '{') {
            ++m_pos;
            push(TokenKind::TemplatePart, begin);
            if (first == kTemplate) {
                first = static_cast<std::uint32_t>(m_tokens.size() - 1);
            } else {
                m_tokens.back().match = first; // a middle part points back to the first
            }
            m_open.push_back(first);
            m_open.push_back(kTemplate);
            return true;
        }
    }
}

bool Tokenizer::regex() {
    const std::size_t begin = m_pos++;
    bool inClass = false;
    for (unsigned char c = 0;;) {
        if (!nextOnLine(c)) {
            return false;
        }
        if (c == '\\') {
            ++m_pos;
        } else if (c == '[') {
            inClass = true;
        } else if (c == ']') {
            inClass = false;
        } else if (c == '/' && !inClass) {
            break;
        }
    }
    skipIdentifierParts(); // the flags
    push(TokenKind::Regex, begin);
    return true;
}

bool Tokenizer::number() {
    const std::size_t begin = m_pos;
    while (m_pos < m_text.size()) {
        const unsigned char c = at(m_pos);
        // Digits, letters (hex, exponent, bigint `n`), separators, the point, an exponent's sign.
        const bool exponentSign =
            (c == '+' || c == '-') && (at(m_pos - 1) == 'e' || at(m_pos - 1) == 'E') &&
            !(at(begin) == '0' && (at(begin + 1) == 'x' || at(begin + 1) == 'X'));
        if (isIdentifierPart(c) || c == '.' || exponentSign) {
            ++m_pos;
        } else {
            break;
        }
    }
    if (!numberIsWellFormed(m_text.substr(begin, m_pos - begin))) {
        return false; // `1as`: tree-sitter reads a number and a name there
    }
    push(TokenKind::Number, begin);
    return true;
}

bool Tokenizer::open(char c) {
    m_open.push_back(static_cast<std::uint32_t>(m_tokens.size()));
    ++m_pos;
    push(TokenKind::Punct, m_pos - 1, c);
    return true;
}

bool Tokenizer::close(char c) {
    if (m_open.empty()) {
        return false;
    }
    const std::uint32_t opener = m_open.back();
    m_open.pop_back();
    if (opener == kTemplate) {
        const std::uint32_t first = m_open.back();
        m_open.pop_back();
        if (c != '}') {
            return false;
        }
        const std::size_t begin = m_pos++;
        return templatePart(begin, first);
    }
    const char expected = m_tokens[opener].punct == '('   ? ')'
                          : m_tokens[opener].punct == '[' ? ']'
                                                          : '}';
    if (c != expected) {
        return false;
    }
    ++m_pos;
    push(TokenKind::Punct, m_pos - 1, c);
    m_tokens[opener].match = static_cast<std::uint32_t>(m_tokens.size() - 1);
    m_tokens.back().match = opener;
    return true;
}

bool Tokenizer::punctuator() {
    const std::size_t begin = m_pos;
    const unsigned char c = at(m_pos);
    const unsigned char next = at(m_pos + 1);
    switch (c) {
    case '(':
    case '[':
    case '{':
        return open(static_cast<char>(c));
    case ')':
    case ']':
    case '}':
        return close(static_cast<char>(c));
    case '=':
        if (next == '>') {
            m_pos += 2;
            push(TokenKind::Punct, begin, kArrow);
            return true;
        }
        break;
    case '.':
        if (next == '.' && at(m_pos + 2) == '.') {
            m_pos += 3;
            push(TokenKind::Punct, begin, kSpread);
            return true;
        }
        break;
    case '?':
        if (next == '.' && !isDigit(at(m_pos + 2))) {
            m_pos += 2;
            push(TokenKind::Punct, begin, kOptional);
            return true;
        }
        break;
    case '+':
    case '-':
        if (next == c) {
            if (c == '-' && at(m_pos + 2) == '>' &&
                (m_newline || m_tokens.empty() || !endsOperand(m_tokens.back()))) {
                // An HTML-like closing comment: at a line start, and to tree-sitter wherever no
                // operand comes before (`b, -->u`: fuzzer). After one, `a-->b` is `a-- > b`.
                return false;
            }
            m_pos += 2;
            push(TokenKind::Punct, begin, kIncrement);
            return true;
        }
        break;
    case '<':
        if (next == '!' && at(m_pos + 2) == '-' && at(m_pos + 3) == '-') {
            return false; // an HTML-like comment
        }
        if (slashAfterPrevious() != Slash::Division) {
            return false; // JSX, a type assertion or a generic arrow function
        }
        if (next == '<' || next == '=') { // << <<= <=: operators, never type arguments
            m_pos += next == '<' && at(m_pos + 2) == '=' ? 3 : 2;
            push(TokenKind::Punct, begin, kShiftOrLessEqual);
            return true;
        }
        break;
    case ';':
    case ',':
    case ':':
    case '~':
    case '!':
    case '%':
    case '^':
    case '&':
    case '|':
    case '*':
    case '>':
    case '@':
        break;
    default:
        return false;
    }
    ++m_pos;
    push(TokenKind::Punct, begin, static_cast<char>(c));
    return true;
}

bool Tokenizer::run() {
    if (m_text.substr(0, 2) == "#!") {
        m_pos = m_text.find('\n');
        if (m_pos == std::string_view::npos) {
            return true;
        }
    }
    for (;;) {
        if (!skipSpaceAndComments()) {
            return false;
        }
        if (m_pos >= m_text.size()) {
            return m_open.empty();
        }
        const unsigned char c = at(m_pos);
        const std::size_t begin = m_pos;
        if (isIdentifierStart(c)) {
            skipIdentifierParts();
            if (at(m_pos) == '\\' || at(m_pos) >= 0x80) {
                return false; // an escape or a non-ASCII letter in the name
            }
            if (!m_tokens.empty() && m_tokens.back().kind == TokenKind::Identifier &&
                textOf(m_tokens.back()) == "using") {
                // A `using` declaration, on one line or two: tree-sitter's reading is its own
                // (`x = using` then `res = y` on the next line is `x = (res = y)` to it).
                return false;
            }
            push(TokenKind::Identifier, begin);
        } else if (isDigit(c) || (c == '.' && isDigit(at(m_pos + 1)))) {
            if (!number()) {
                return false;
            }
        } else if (c == '"' || c == '\'') {
            if (!string(c)) {
                return false;
            }
        } else if (c == '`') {
            ++m_pos;
            if (!templatePart(begin, kTemplate)) {
                return false;
            }
        } else if (c == '#' && isIdentifierStart(at(m_pos + 1))) {
            ++m_pos;
            skipIdentifierParts();
            push(TokenKind::PrivateName, begin);
        } else if (c == '/') {
            const Slash slash = slashAfterPrevious();
            if (slash == Slash::Unsure) {
                return false;
            }
            if (slash == Slash::Regex) {
                if (!regex()) {
                    return false;
                }
            } else {
                ++m_pos;
                push(TokenKind::Punct, begin, '/');
            }
        } else if (!punctuator()) {
            return false;
        }
    }
}

} // namespace

bool tokenizeJs(std::string_view text, std::vector<Token>& tokens, std::vector<std::uint32_t>& open,
                JsxUse& jsx) {
    tokens.clear();
    open.clear();
    if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
        return false;
    }
    tokens.reserve(text.size() / 4); // minified code: a token every 3 to 5 bytes
    return Tokenizer(text, tokens, open, jsx).run();
}

} // namespace fanout::detail
