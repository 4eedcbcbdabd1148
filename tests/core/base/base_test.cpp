// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/text.h"
#include "fanout/base/csv.h"
#include "fanout/base/display_path.h"
#include "fanout/base/size_format.h"

#include <gtest/gtest.h>

namespace fanout {

TEST(SizeFormat, ReportsPickTheUnitAndProgressLinesStayInMegabytes) {
    EXPECT_EQ(formatSize(512), "512 B");
    EXPECT_EQ(formatSize(3482), "3.4 KB");
    EXPECT_EQ(formatSize(18035507), "17.2 MB");
    EXPECT_EQ(formatSize(2308544921ull), "2.15 GB");
    EXPECT_EQ(formatMegabytes(512), "0.0 MB");
    EXPECT_EQ(formatMegabytes(18035507), "17.2 MB");
    EXPECT_EQ(formatMegabytes(2308544921ull), "2201.6 MB");
    EXPECT_DOUBLE_EQ(toMegabytes(3u << 20), 3.0);
}

TEST(Csv, AFieldIsQuotedWhenItMustBeAndAlwaysWhenAsked) {
    EXPECT_EQ(csvField(""), "");
    EXPECT_EQ(csvQuoted("plain"), "\"plain\"");
    EXPECT_EQ(csvQuoted(""), "\"\"");
    EXPECT_EQ(csvQuoted("say \"hi\""), "\"say \"\"hi\"\"\"");
}

TEST(DisplayPath, RelativeInsideTheRootAbsoluteOutside) {
    EXPECT_EQ(displayPath("/p/src/a.ts", "/p"), "src/a.ts");
    EXPECT_EQ(displayPath("/p", "/p"), "/p");
    EXPECT_EQ(displayPath("/pq/a.ts", "/p"), "/pq/a.ts");
    EXPECT_EQ(displayPath("/other/a.ts", ""), "/other/a.ts");
}

TEST(Text, PrefixesSuffixesAndAsciiCase) {
    EXPECT_TRUE(detail::startsWith("node:fs", "node:"));
    EXPECT_FALSE(detail::startsWith("no", "node:"));
    EXPECT_TRUE(detail::endsWith("x.d.ts", ".ts"));
    EXPECT_FALSE(detail::endsWith("ts", ".ts"));
    EXPECT_EQ(detail::lower("Src/Button.TSX"), "src/button.tsx");
    EXPECT_TRUE(detail::equalsIgnoringCase("Button.tsx", "button.TSX"));
    EXPECT_FALSE(detail::equalsIgnoringCase("Button.tsx", "Button.ts"));
}

} // namespace fanout
