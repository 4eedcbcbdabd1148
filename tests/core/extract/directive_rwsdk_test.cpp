// SPDX-License-Identifier: GPL-3.0-or-later
// The RedwoodJS SDK's text rule on its own: the 512-character window, comment skipping by line
// prefix, and prefix matching.
#include "fanout/extract/directive.h"

#include <gtest/gtest.h>

#include <string>

namespace fanout {
namespace {

Directive rwsdk(const std::string& source) {
    return rwsdkDirective(source).directive;
}

TEST(RwsdkDirective, LooksOnlyAtTheFirst512Characters) {
    const std::string directive = "\"use client\"";
    // The directive line ends exactly at character 512: found.
    const std::string fits = "//" + std::string(512 - directive.size() - 3, 'x') + "\n" + directive;
    ASSERT_EQ(fits.size(), 512u);
    EXPECT_EQ(rwsdk(fits), Directive::Client);
    // One character later the closing quote is cut off, and the prefix no longer matches.
    EXPECT_EQ(rwsdk("/" + fits), Directive::None);
}

TEST(RwsdkDirective, CountsCharactersNotBytes) {
    // 300 two-byte characters in a comment: 600 bytes but 300 characters, so the directive is
    // still inside the window.
    std::string comment = "// ";
    for (int i = 0; i < 300; ++i) {
        comment += "\xC3\xA9";
    }
    EXPECT_EQ(rwsdk(comment + "\n'use server'\n"), Directive::Server);
}

// Three-byte characters make the window's 512 characters 1,500 bytes and more: a directive ending
// at character 512 is found however far in bytes, one character later it is not.
TEST(RwsdkDirective, CountsThreeByteCharactersUpToTheWindowsEnd) {
    const std::string directive = "'use server'";
    std::string comment = "//";
    for (std::size_t i = 0; i < 512 - directive.size() - 3; ++i) {
        comment += "\xE2\x82\xAC"; // U+20AC, one character
    }
    const std::string fits = comment + "\n" + directive;
    ASSERT_GT(fits.size(), 1400u);
    EXPECT_EQ(rwsdk(fits), Directive::Server);
    EXPECT_EQ(rwsdk("\xE2\x82\xAC" + fits), Directive::None);
    EXPECT_EQ(rwsdk(comment + "x\n" + directive), Directive::None);
}

TEST(RwsdkDirective, MatchesByPrefixSoOnlyTheFirstStatementOnALineCounts) {
    EXPECT_EQ(rwsdk("\"use client\"; \"use strict\";\n"), Directive::Client);
    EXPECT_EQ(rwsdk("\"use client\" + 1\n"), Directive::Client);
    EXPECT_EQ(rwsdk("\"use clientele\"\n"), Directive::None);
    EXPECT_EQ(rwsdk("\"use strict\"; \"use client\";\n"), Directive::None);
}

TEST(RwsdkDirective, UnclosedBlockCommentSkipsLinesUpToTheClosingOne) {
    // The rest of the line holding "*/" is ignored, even a directive.
    EXPECT_EQ(rwsdk("/* licence\n still */ \"use client\"\n"), Directive::None);
    EXPECT_EQ(rwsdk("/* licence\n still\n*/\n\"use client\"\n"), Directive::Client);
    // "/*" after other text does not open a comment: the line is not a string, so it ends.
    EXPECT_EQ(rwsdk("let a; /*\n*/\n\"use client\"\n"), Directive::None);
}

TEST(RwsdkDirective, IndentedAndBlankLinesAreFine) {
    EXPECT_EQ(rwsdk("\n\n   \t\"use server\";\n"), Directive::Server);
}

TEST(RwsdkDirective, OtherStringLinesContinueTheSearch) {
    EXPECT_EQ(rwsdk("'a'\n\"b\" + c\n'use client'\n"), Directive::Client);
    EXPECT_EQ(rwsdk("x\n'use client'\n"), Directive::None);
}

TEST(RwsdkDirective, TheQuotesMustMatch) {
    EXPECT_EQ(rwsdk("'use client\"\n"), Directive::None);
    EXPECT_EQ(rwsdk("\"use server'\n"), Directive::None);
    // Not a directive, but a line that starts with a quote: the search goes on past it.
    EXPECT_EQ(rwsdk("'use client\"\n'use server'\n"), Directive::Server);
}

TEST(RwsdkDirective, BothFoundWhereverTheyAreAmongTheLeadingStrings) {
    // One walk answers both: the second is found after the first, and after other strings.
    const auto both = rwsdkDirective("'use server'\n'a'\n// note\n\"use client\"\n");
    EXPECT_EQ(both.directive, Directive::Client);
    EXPECT_TRUE(both.conflict);
    const auto stopped = rwsdkDirective("'use server'\nx\n\"use client\"\n");
    EXPECT_EQ(stopped.directive, Directive::Server);
    EXPECT_FALSE(stopped.conflict);
}

} // namespace
} // namespace fanout
