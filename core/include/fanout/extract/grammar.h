// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string_view>

namespace fanout {

// Which tree-sitter grammar reads a file. TSX is a superset of JavaScript with JSX, so it reads
// every JavaScript flavour; the plain TypeScript grammar is kept for .ts/.mts/.cts because there
// `<T>expr` is a type assertion, not JSX.
enum class Grammar : unsigned char { TypeScript, Tsx };

std::string_view toString(Grammar grammar);

// The grammar for a file name by its extension, or nullopt when the file is not a script.
std::optional<Grammar> grammarForPath(std::string_view path);

} // namespace fanout
