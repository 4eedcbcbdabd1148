// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <cstring>

// Eight bytes of text tested at once in a 64-bit word, with the classic borrow tricks: the JSON
// writer's check for strings that need no escaping, the ASCII run at the head of a file. Each test
// says exactly whether any byte of the word matches; which one is left to a byte-by-byte look (a
// borrow may mark bytes after a match). Worth it for long runs only: string literals scanned this
// way took the tokenizer longer (most are a few bytes).
namespace fanout::detail::words {

inline constexpr std::uint64_t kOnes = ~std::uint64_t{0} / 255; // 0x0101...01
inline constexpr std::uint64_t kHighBits = kOnes * 0x80;

// The eight bytes at `at` (any alignment).
inline std::uint64_t load(const char* at) {
    std::uint64_t word = 0;
    std::memcpy(&word, at, sizeof word);
    return word;
}

// Non-zero when a byte of `word` is below `limit` (at most 128).
constexpr std::uint64_t anyBelow(std::uint64_t word, unsigned limit) {
    return (word - kOnes * limit) & ~word & kHighBits;
}

// Non-zero when a byte of `word` equals `byte`.
constexpr std::uint64_t anyEqual(std::uint64_t word, unsigned char byte) {
    return anyBelow(word ^ (kOnes * byte), 1);
}

} // namespace fanout::detail::words
