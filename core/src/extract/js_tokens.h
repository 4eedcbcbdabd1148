// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/extract/import_record.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace fanout::detail {

enum class TokenKind : unsigned char {
    Identifier, // names and keywords alike
    String,
    Template,     // a whole template literal without substitutions
    TemplatePart, // a piece of a template literal with ${}: up to a `${`, or from a `}`
    Number,
    Regex,
    Punct,
    PrivateName, // #name
};

// The punctuators the import lexer tells apart; every other one is its first character.
inline constexpr char kArrow = 'A';            // =>
inline constexpr char kSpread = 'S';           // ...
inline constexpr char kOptional = 'O';         // ?.
inline constexpr char kIncrement = 'I';        // ++ and --
inline constexpr char kShiftOrLessEqual = 'L'; // << <<= <=

struct Token {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    // For ( [ {: the index of the token that closes it, and the other way round. For the first
    // part of a template with substitutions: the index of its last part; for a later part: the
    // index of the first.
    std::uint32_t match = 0;
    TokenKind kind = TokenKind::Punct;
    char punct = 0;
    bool newlineBefore = false;

    bool is(char c) const { return kind == TokenKind::Punct && punct == c; }
};

// The significant tokens of a JavaScript or TypeScript file, and what its comments say about the
// JSX runtime. Regular expressions are told from divisions by the token before them, as the fast
// ECMAScript lexers do. Returns false when the text is beyond this lexer, to be left to
// tree-sitter: an ambiguity it cannot settle (a `/` after `}`), JSX or a type assertion (`<` where
// an expression starts), non-ASCII outside literals and comments, unbalanced brackets, an
// unterminated literal or comment, control characters, an HTML-like comment.
// `tokens` gets the tokens; `open` is scratch space (the brackets open at a point). Both are
// cleared first and keep their capacity: reused between files, they spare the allocator the
// blocks a growing vector takes (with the lexer's line starts, about eight per file of the
// 21,012-module corpus).
bool tokenizeJs(std::string_view text, std::vector<Token>& tokens, std::vector<std::uint32_t>& open,
                JsxUse& jsx);

} // namespace fanout::detail
