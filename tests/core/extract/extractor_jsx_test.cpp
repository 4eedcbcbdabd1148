// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/extract_helpers.h"

#include <gtest/gtest.h>

namespace fanout {
namespace {

using testing::extractTs;
using testing::extractTsx;

TEST(ExtractorJsx, TheFirstElementIsRecorded) {
    const auto x = extractTsx("const a = 1;\n"
                              "export const B = () => (\n"
                              "  <div><span /></div>\n"
                              ");\n"
                              "export const C = () => <></>;\n");
    ASSERT_TRUE(x.jsx.used());
    EXPECT_EQ(x.jsx.first, (SourcePosition{3, 3}));
    EXPECT_EQ(x.jsx.runtime, JsxRuntimePragma::None);
    EXPECT_EQ(x.jsx.importSource, "");
}

TEST(ExtractorJsx, ASelfClosingElementCounts) {
    EXPECT_TRUE(extractTsx("export default () => <Icon size={3} />;").jsx.used());
}

TEST(ExtractorJsx, NoJsxNoUse) {
    EXPECT_FALSE(extractTsx("const a = b < c && d > e; // <div/>\nconst s = '<p/>';").jsx.used());
    EXPECT_FALSE(extractTs("const a = <number>b;").jsx.used());
}

TEST(ExtractorJsx, ImportsInsideJsxAreStillFound) {
    const auto x = extractTsx("export const A = () => <div>{import('./lazy')}</div>;");
    ASSERT_EQ(x.imports.size(), 1u);
    EXPECT_EQ(x.imports[0].specifier, "./lazy");
    EXPECT_TRUE(x.jsx.used());
}

TEST(ExtractorJsx, PragmasAreReadFromAnyComment) {
    const auto x = extractTsx("/** @jsxImportSource @emotion/react */\n"
                              "export const A = () => <div css={{}} />;\n");
    EXPECT_EQ(x.jsx.importSource, "@emotion/react");
    EXPECT_EQ(x.jsx.runtime, JsxRuntimePragma::None);

    const auto classic = extractTsx("// @jsxRuntime classic\n"
                                    "/* @jsx h */\n"
                                    "export const A = () => <div />;\n");
    EXPECT_EQ(classic.jsx.runtime, JsxRuntimePragma::Classic);
    EXPECT_EQ(classic.jsx.importSource, "");

    const auto automatic =
        extractTsx("export const A = () => <div />;\n"
                   "/**\n * @jsxRuntime automatic\n * @jsxImportSource preact\n */\n");
    EXPECT_EQ(automatic.jsx.runtime, JsxRuntimePragma::Automatic);
    EXPECT_EQ(automatic.jsx.importSource, "preact");
}

TEST(ExtractorJsx, APragmaNeedsItsWordAndAnArgument) {
    const auto x = extractTsx("// @jsxImportSourcex preact\n// @jsxImportSource\n"
                              "// @jsxRuntime sideways\nexport const A = () => <div />;\n");
    EXPECT_EQ(x.jsx.importSource, "");
    EXPECT_EQ(x.jsx.runtime, JsxRuntimePragma::None);
}

} // namespace
} // namespace fanout
