// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string_view>

namespace fanout::utf8 {

// The longest prefix of `text` that holds at most `units` UTF-16 code units, which is what
// JavaScript's String.prototype.slice(0, units) keeps of the decoded file. Invalid bytes count as
// one unit each, like the U+FFFD that Node's decoder puts in their place.
std::string_view prefixByUtf16Units(std::string_view text, std::size_t units);

// JavaScript's String.prototype.trim(): strips white space and line terminators as ECMAScript
// defines them (including U+FEFF, so a byte-order mark vanishes), from both ends.
std::string_view trimJsWhitespace(std::string_view text);

// Why `text` is not source text, or empty when it is: it holds NUL bytes (a binary file), or it
// is not valid UTF-8.
std::string_view textProblem(std::string_view text);

} // namespace fanout::utf8
