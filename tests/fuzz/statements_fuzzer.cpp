// SPDX-License-Identifier: GPL-3.0-or-later
// The extractor on generated files whose every choice is the fuzzer's: statements from
// tests/data/lexer/statement_snippets.txt, the line breaks and comments between their tokens,
// where they are moved and nested (tests/support/statement_generator.h). The first byte picks
// the grammar. Coverage guides the choices toward the lexer's rarer paths, which random bytes
// reach slowly: the import lexer must agree with tree-sitter wherever it does not hand the file
// off and tree-sitter finds no syntax error.
#include "fuzz_target.h"
#include "lexer_agreement.h"
#include "statement_generator.h"

#include <string>

FANOUT_FUZZ_TARGET(statements) {
    if (size == 0) {
        return 0;
    }
    static const auto snippets = fanout::testing::loadStatementSnippets(
        std::string(FANOUT_TEST_DATA) + "/lexer/statement_snippets.txt");
    if (snippets.empty()) {
        __builtin_trap(); // the snippets were not found: nothing would be checked
    }
    const auto grammar = (data[0] & 1) != 0 ? fanout::Grammar::TypeScript : fanout::Grammar::Tsx;
    fanout::testing::StatementGenerator generator(snippets,
                                                  fanout::testing::ByteChooser(data + 1, size - 1));
    fanout::fuzz::checkLexerAgainstTreeSitter(generator.file(), grammar);
    return 0;
}
