// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/io/utf8.h"

#include <gtest/gtest.h>

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
