// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The check of the extractor's fuzz targets: the import lexer must agree with tree-sitter
// wherever it does not hand the file off and tree-sitter finds no syntax error, and every record
// points into the file. Traps otherwise.
#include "fanout/extract/extraction_diff.h"
#include "fanout/extract/extractor.h"

#include <stdexcept>
#include <string_view>

namespace fanout::fuzz {

inline void checkLexerAgainstTreeSitter(std::string_view source, Grammar grammar) {
    static Extractor extractor = [] { // one per process, reused like the scanner's
        Extractor reference;
        reference.setParser(ParserChoice::TreeSitter);
        return reference;
    }();
    const auto lexed = extractor.lex(source, grammar);
    Extraction extraction;
    try {
        extraction = extractor.extract(source, grammar);
    } catch (const std::runtime_error&) {
        return; // tree-sitter gave up within its deadline: the documented outcome
    }
    if (lexed && extraction.parseErrors == 0 &&
        !extractionDifference(extraction, *lexed, extractor.names()).empty()) {
        __builtin_trap(); // the lexer read a valid file differently
    }
    for (const auto& record : extraction.imports) {
        // Positions point into the file.
        if (record.position.line == 0 || record.position.column == 0) {
            __builtin_trap();
        }
    }
}

} // namespace fanout::fuzz
