// SPDX-License-Identifier: GPL-3.0-or-later
// The extractor on arbitrary bytes: the first byte picks the grammar, the rest is the file. The
// import lexer must agree with tree-sitter wherever it does not hand the file off and tree-sitter
// finds no syntax error.
#include "fanout/extract/extraction_diff.h"
#include "fanout/extract/extractor.h"
#include "fuzz_target.h"

#include <stdexcept>

FANOUT_FUZZ_TARGET(extractor) {
    if (size == 0) {
        return 0;
    }
    static fanout::Extractor extractor = [] { // one per thread, reused like the scanner's
        fanout::Extractor reference;
        reference.setParser(fanout::ParserChoice::TreeSitter);
        return reference;
    }();
    const auto grammar = (data[0] & 1) != 0 ? fanout::Grammar::TypeScript : fanout::Grammar::Tsx;
    const auto source = fanout::fuzz::bytes(data + 1, size - 1);
    const auto lexed = extractor.lex(source, grammar);
    fanout::Extraction extraction;
    try {
        extraction = extractor.extract(source, grammar);
    } catch (const std::runtime_error&) {
        return 0; // tree-sitter gave up within its deadline: the documented outcome
    }
    if (lexed && extraction.parseErrors == 0 &&
        !fanout::extractionDifference(extraction, *lexed, extractor.names()).empty()) {
        __builtin_trap(); // the lexer read a valid file differently
    }
    for (const auto& record : extraction.imports) {
        // Positions point into the file.
        if (record.position.line == 0 || record.position.column == 0) {
            __builtin_trap();
        }
    }
    return 0;
}
