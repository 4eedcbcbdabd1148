// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace fanout {

// Which reader the extractor uses. Lexer: the import lexer, which hands every file it is not sure
// of to tree-sitter (the default). TreeSitter: tree-sitter for every file, the reference.
enum class ParserChoice : unsigned char { Lexer, TreeSitter };

std::string_view toString(ParserChoice choice); // "lexer", "tree-sitter"

} // namespace fanout
