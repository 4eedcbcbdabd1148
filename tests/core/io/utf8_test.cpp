// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/io/utf8.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace fanout {

TEST(Utf8Prefix, CountsUtf16UnitsNotBytes) {
    EXPECT_EQ(utf8::prefixByUtf16Units("abcdef", 3), "abc");
    // "é" is two bytes and one UTF-16 unit.
    EXPECT_EQ(utf8::prefixByUtf16Units("\xC3\xA9\xC3\xA9x", 2), "\xC3\xA9\xC3\xA9");
    // U+1F600 is four bytes and two units (a surrogate pair); it is not split.
    EXPECT_EQ(utf8::prefixByUtf16Units("a\xF0\x9F\x98\x80", 2), "a");
    EXPECT_EQ(utf8::prefixByUtf16Units("a\xF0\x9F\x98\x80", 3), "a\xF0\x9F\x98\x80");
    // Invalid bytes count one unit each.
    EXPECT_EQ(utf8::prefixByUtf16Units("\xFF\xFE"
                                       "ab",
                                       3),
              "\xFF\xFE"
              "a");
}

// ASCII is taken a byte a unit; the count goes on correctly where it stops.
TEST(Utf8Prefix, CountsOnPastAnAsciiRun) {
    EXPECT_EQ(utf8::prefixByUtf16Units("abc", 10), "abc");
    EXPECT_EQ(utf8::prefixByUtf16Units("abc", 0), "");
    EXPECT_EQ(utf8::prefixByUtf16Units("ab\xC3\xA9"
                                       "cd",
                                       3),
              "ab\xC3\xA9");
    const std::string run(511, 'a');
    // The limit falls inside a surrogate pair: the pair is left out whole.
    EXPECT_EQ(utf8::prefixByUtf16Units(run + "\xF0\x9F\x98\x80", 512), run);
    EXPECT_EQ(utf8::prefixByUtf16Units(run + "\xF0\x9F\x98\x80" + "b", 513),
              run + "\xF0\x9F\x98\x80");
    EXPECT_EQ(utf8::prefixByUtf16Units(run + "bc", 512), run + "b");
}

// The ASCII run is taken eight bytes at a time: a non-ASCII character at every offset from a
// word's start, and limits before, at and after it, against a count made here by hand.
TEST(Utf8Prefix, NonAsciiAtEveryOffsetOfAWord) {
    for (std::size_t ascii = 0; ascii < 20; ++ascii) {
        const std::string before(ascii, 'a');
        const std::string text = before + "\xC3\xA9" + "\xF0\x9F\x98\x80" + "bcdefghij";
        // Units: `ascii` of a, 1 of the e-acute, 2 of the emoji, 1 per letter after.
        for (std::size_t units = 0; units <= ascii + 8; ++units) {
            std::string expected;
            if (units <= ascii) {
                expected = text.substr(0, units);
            } else if (units <= ascii + 2) {
                expected = text.substr(0, ascii + 2); // the e-acute, the emoji not whole
            } else {
                expected = text.substr(0, std::min(text.size(), ascii + 6 + (units - ascii - 3)));
            }
            EXPECT_EQ(utf8::prefixByUtf16Units(text, units), expected)
                << ascii << " ASCII bytes, " << units << " units";
        }
    }
}

TEST(Utf8Trim, StripsJavaScriptWhitespaceIncludingBom) {
    EXPECT_EQ(utf8::trimJsWhitespace(" \t\r x y \v\f"), "x y");
    EXPECT_EQ(utf8::trimJsWhitespace("\xEF\xBB\xBF\"use client\""), "\"use client\"");
    EXPECT_EQ(utf8::trimJsWhitespace("\xC2\xA0"
                                     "a"
                                     "\xE2\x80\xA8"),
              "a");
    EXPECT_EQ(utf8::trimJsWhitespace("\xE3\x80\x80"), "");
    EXPECT_EQ(utf8::trimJsWhitespace("\xC3\xA9"), "\xC3\xA9");
}

} // namespace fanout
