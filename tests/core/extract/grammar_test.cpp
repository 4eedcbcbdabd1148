// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/extract/grammar.h"

#include <gtest/gtest.h>

namespace fanout {

TEST(GrammarForPath, TypeScriptExtensionsUseTheTypeScriptGrammar) {
    for (const char* path : {"a.ts", "dir/b.mts", "/abs/c.cts", "x.d.ts"}) {
        EXPECT_EQ(grammarForPath(path), Grammar::TypeScript) << path;
    }
}

TEST(GrammarForPath, JavaScriptAndTsxUseTheTsxGrammar) {
    for (const char* path : {"a.tsx", "b.js", "c.jsx", "d.mjs", "e.cjs", "dir.v2/f.js"}) {
        EXPECT_EQ(grammarForPath(path), Grammar::Tsx) << path;
    }
}

TEST(GrammarForPath, OtherFilesHaveNoGrammar) {
    for (const char* path :
         {"a.css", "b.json", "README", ".ts", "dir.ts/file", "a.TS", "a.js.map"}) {
        EXPECT_EQ(grammarForPath(path), std::nullopt) << path;
    }
}

} // namespace fanout
