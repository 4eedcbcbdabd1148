// SPDX-License-Identifier: GPL-3.0-or-later
// The extractor on arbitrary bytes: the first byte picks the grammar, the rest is the file. The
// import lexer must agree with tree-sitter wherever it does not hand the file off and tree-sitter
// finds no syntax error.
#include "fuzz_target.h"
#include "lexer_agreement.h"

FANOUT_FUZZ_TARGET(extractor) {
    if (size == 0) {
        return 0;
    }
    const auto grammar = (data[0] & 1) != 0 ? fanout::Grammar::TypeScript : fanout::Grammar::Tsx;
    fanout::fuzz::checkLexerAgainstTreeSitter(fanout::fuzz::bytes(data + 1, size - 1), grammar);
    return 0;
}
