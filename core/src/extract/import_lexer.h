// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "extract/js_tokens.h"
#include "fanout/extract/extractor.h"

#include <string_view>
#include <vector>

namespace fanout::detail {

// The import lexer's scratch space, reused between files: its vectors keep their capacity.
struct LexerScratch {
    std::vector<Token> tokens;
    std::vector<std::uint32_t> openBrackets; // the tokenizer's
    std::vector<std::uint32_t> lineStarts;   // offsets of the lines of the file being read
    // Frees what a large file (a bundle) made grow past `maxBytes` in all.
    void trim(std::size_t maxBytes);
};

// The extractor's fast path: one pass of tokens (js_tokens.h) and a reading of the top-level
// statements that fills what the tree-sitter walk fills (imports with names, exports, import() and
// require() calls, CommonJS markers, JSX pragmas, statement counts, the directive prologue),
// record for record. Whenever the text holds something it does not model exactly (JSX,
// declarations under `declare`, namespaces, decorators, labels, brace-less `if` bodies, a type
// it cannot skip, a `/` it cannot classify, ...) it returns false and leaves `out` to be
// cleared: the file goes to tree-sitter, the reference implementation.
//
// `text` is the source without its BOM; `firstLineOffset` is added to first-line columns.
// `scratch` is the caller's, kept from one file to the next.
bool lexImports(std::string_view text, std::uint32_t firstLineOffset, Grammar grammar,
                NameTable& names, Extraction& out, LexerScratch& scratch);

} // namespace fanout::detail
