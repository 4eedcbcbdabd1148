// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/extract_helpers.h"

#include <gtest/gtest.h>

namespace fanout {
namespace {

using testing::extractTs;
using testing::specifiers;
using Strings = std::vector<std::string>;

// Returns "specifier:type" or "specifier:value" per record, to compare flags in one assertion.
Strings flags(const Extraction& x) {
    Strings out;
    for (const auto& record : x.imports) {
        out.push_back(record.specifier + (record.typeOnly ? ":type" : ":value"));
    }
    return out;
}

TEST(ExtractorTypeOnly, ImportTypeForms) {
    const auto x = extractTs("import type A from './a';\n"
                             "import type { B } from './b';\n"
                             "import type * as C from './c';\n"
                             "import { type D, type E } from './de';\n"
                             "import type F = require('./f');\n");
    EXPECT_EQ(flags(x), (Strings{"./a:type", "./b:type", "./c:type", "./de:type", "./f:type"}));
}

TEST(ExtractorTypeOnly, ExportTypeForms) {
    const auto x = extractTs("export type { A } from './a';\n"
                             "export type * from './star';\n"
                             "export type * as ns from './ns';\n"
                             "export { type B, type C } from './bc';\n");
    EXPECT_EQ(flags(x), (Strings{"./a:type", "./star:type", "./ns:type", "./bc:type"}));
    // `export type *` is TypeScript 5.0 syntax the grammar does not know; it is no parse error.
    EXPECT_EQ(x.parseErrors, 0u);
}

TEST(ExtractorTypeOnly, MixedOrEmptyClausesAreValueImports) {
    const auto x = extractTs("import { type A, b } from './mixed';\n"
                             "import D, { type E } from './default';\n"
                             "import {} from './empty';\n"
                             "import type from './named-type';\n"
                             "import { type as t } from './renamed';\n"
                             "export { type F, g } from './export-mixed';\n");
    EXPECT_EQ(flags(x), (Strings{"./mixed:value", "./default:value", "./empty:value",
                                 "./named-type:value", "./renamed:value", "./export-mixed:value"}));
}

TEST(ExtractorTypeOnly, TypePositionImportCallsAreNoEdges) {
    const auto x = extractTs("type A = typeof import('./typeof');\n"
                             "let b: import('./annotation').B;\n"
                             "function f(x: typeof import('./param')): void {}\n"
                             "interface I { m: import('./interface').M }\n"
                             "const c = {} as typeof import('./as');\n"
                             "declare module 'ambient' { import './inside-declare'; }\n"
                             "declare const d: typeof import('./declare');\n"
                             "const real = import('./real');\n");
    EXPECT_EQ(specifiers(x), (Strings{"./real"}));
    EXPECT_TRUE(x.nonLiteralImports.empty());
}

} // namespace
} // namespace fanout
