// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/extract_helpers.h"

#include <gtest/gtest.h>

namespace fanout {
namespace {

using testing::extractTs;
using testing::extractTsx;
using testing::specifiers;
using Strings = std::vector<std::string>;

TEST(ExtractorImports, StaticImportsOfEveryShape) {
    const auto x = extractTsx("import a from './default';\n"
                              "import * as ns from './namespace';\n"
                              "import { b, c as d } from './named';\n"
                              "import e, { f } from './mixed';\n"
                              "import './side-effect';\n"
                              "import data from './data.json' with { type: 'json' };\n");
    EXPECT_EQ(specifiers(x), (Strings{"./default", "./namespace", "./named", "./mixed",
                                      "./side-effect", "./data.json"}));
    for (const auto& record : x.imports) {
        EXPECT_EQ(record.kind, ImportKind::Import) << record.specifier;
        EXPECT_FALSE(record.typeOnly) << record.specifier;
    }
}

TEST(ExtractorImports, ReExportsButNotLocalExports) {
    const auto x = extractTsx("export * from './star';\n"
                              "export * as ns from './ns';\n"
                              "export { a, default } from './named';\n"
                              "export { default as Icon } from './icons/icon.js';\n"
                              "const local = 1;\nexport { local };\n"
                              "export const value = 2;\n");
    EXPECT_EQ(specifiers(x), (Strings{"./star", "./ns", "./named", "./icons/icon.js"}));
    for (const auto& record : x.imports) {
        EXPECT_EQ(record.kind, ImportKind::Export) << record.specifier;
    }
}

TEST(ExtractorImports, DynamicImportWithStringOrPlainTemplate) {
    const auto x =
        extractTsx("const a = import('./a');\n"
                   "const b = import(`./b`);\n"
                   "const c = import('./c', { with: { type: 'json' } });\n"
                   "async function load() { return (await import(\"./nested\")).x; }\n"
                   "const lazy = () => import('./lazy').then(() => import('./then'));\n");
    EXPECT_EQ(specifiers(x), (Strings{"./a", "./b", "./c", "./nested", "./lazy", "./then"}));
    for (const auto& record : x.imports) {
        EXPECT_EQ(record.kind, ImportKind::DynamicImport) << record.specifier;
    }
    EXPECT_TRUE(x.nonLiteralImports.empty());
}

TEST(ExtractorImports, RequireWithThePlainIdentifierAndOneLiteral) {
    const auto x = extractTsx("const a = require('a');\n"
                              "const b = require(`b`);\n"
                              "module.exports = require('./c');\n"
                              "export const d = require('d');\n"
                              "const e = foo.require('e');\n"
                              "const f = require('f', 'extra');\n"
                              "const g = requireLike('g');\n"
                              "const h = require();\n");
    EXPECT_EQ(specifiers(x), (Strings{"a", "b", "./c", "d"}));
    for (const auto& record : x.imports) {
        EXPECT_EQ(record.kind, ImportKind::Require) << record.specifier;
    }
}

TEST(ExtractorImports, TypeScriptImportEqualsRequire) {
    const auto x = extractTs("import fs = require('fs');\nexport import p = require('path');\n");
    ASSERT_GE(x.imports.size(), 1u);
    EXPECT_EQ(x.imports[0].specifier, "fs");
    EXPECT_EQ(x.imports[0].kind, ImportKind::Require);
    EXPECT_FALSE(x.imports[0].typeOnly);
}

TEST(ExtractorImports, NonLiteralArgumentsAreReportedSeparately) {
    const auto x = extractTsx("const page = import(`./pages/${name}.js`);\n"
                              "const mod = require(moduleName);\n"
                              "const other = import(base + '/x');\n");
    EXPECT_TRUE(x.imports.empty());
    ASSERT_EQ(x.nonLiteralImports.size(), 3u);
    EXPECT_EQ(x.nonLiteralImports[0].kind, ImportKind::DynamicImport);
    EXPECT_EQ(x.nonLiteralImports[0].expression, "`./pages/${name}.js`");
    EXPECT_EQ(x.nonLiteralImports[0].position, (SourcePosition{1, 21}));
    EXPECT_EQ(x.nonLiteralImports[1].kind, ImportKind::Require);
    EXPECT_EQ(x.nonLiteralImports[1].expression, "moduleName");
    EXPECT_EQ(x.nonLiteralImports[2].expression, "base + '/x'");
}

TEST(ExtractorImports, NothingFromCommentsStringsTemplatesOrJsxText) {
    const auto x = extractTsx("// import a from './comment';\n"
                              "/* require('./block') */\n"
                              "const s = \"import b from './string'\";\n"
                              "const t = `import('./template') ${1}`;\n"
                              "const r = /import('.\\/regex')/;\n"
                              "const j = <p>import('./jsx-text')</p>;\n");
    EXPECT_TRUE(x.imports.empty()) << x.imports.front().specifier;
    EXPECT_TRUE(x.nonLiteralImports.empty());
}

TEST(ExtractorImports, CodeInsideTemplateSubstitutionsIsReal) {
    const auto x = extractTsx("const t = `${await import('./inside')}`;\n");
    EXPECT_EQ(specifiers(x), (Strings{"./inside"}));
}

TEST(ExtractorImports, PositionsPointAtTheSpecifier) {
    const auto x = extractTsx("import a from './a';\n\nconst b = {\n  c: require(\"./c\"),\n};\n");
    ASSERT_EQ(x.imports.size(), 2u);
    EXPECT_EQ(x.imports[0].position, (SourcePosition{1, 15}));
    EXPECT_EQ(x.imports[1].position, (SourcePosition{4, 14}));
}

TEST(ExtractorImports, ByteOrderMarkIsSkippedButCountedInFirstLineColumns) {
    const auto x = extractTsx("\xEF\xBB\xBFimport a from './a';\nimport b from './b';\n");
    ASSERT_EQ(x.imports.size(), 2u);
    EXPECT_EQ(x.imports[0].position, (SourcePosition{1, 18}));
    EXPECT_EQ(x.imports[1].position, (SourcePosition{2, 15}));
    EXPECT_EQ(x.parseErrors, 0u);
}

TEST(ExtractorImports, EscapesInSpecifiersAreDecoded) {
    const auto x = extractTsx("import a from '\\x2e/a';\nimport b from \"./\\u0062\";\n"
                              "import c from './\\u{63}';\nimport d from './\\'d';\n");
    EXPECT_EQ(specifiers(x), (Strings{"./a", "./b", "./c", "./'d"}));
}

TEST(ExtractorImports, JsxAndTypeScriptFilesAlike) {
    const auto tsx = extractTsx("import { Icon } from 'icons';\n"
                                "export default function App() { return <Icon name=\"x\" />; }\n");
    EXPECT_EQ(specifiers(tsx), (Strings{"icons"}));
    EXPECT_EQ(tsx.parseErrors, 0u);
    // In .ts files `<T>x` is a type assertion, which the TSX grammar would misread as JSX.
    const auto ts = extractTs("import { f } from './f';\nconst n = <number>f();\n");
    EXPECT_EQ(specifiers(ts), (Strings{"./f"}));
    EXPECT_EQ(ts.parseErrors, 0u);
}

TEST(ExtractorCounts, TopLevelImportAndReExportStatements) {
    const auto x = extractTsx("#!/usr/bin/env node\n"
                              "'use client';\n"
                              "// a comment is not a statement\n"
                              "import a from './a';\n"
                              "import './b';\n"
                              "export * from './c';\n"
                              "export { d } from './d';\n"
                              "export const e = 1;\n"
                              ";\n"
                              "function f() { return import('./g'); }\n");
    EXPECT_EQ(x.counts, (StatementCounts{7, 2, 2}));
}

TEST(ExtractorCounts, AnIconBarrelIsAllReExports) {
    std::string barrel;
    for (int i = 0; i < 50; ++i) {
        barrel += "export { default as Icon" + std::to_string(i) + " } from './icons/icon-" +
                  std::to_string(i) + ".js';\n";
    }
    const auto x = extractTsx(barrel);
    EXPECT_EQ(x.counts, (StatementCounts{50, 0, 50}));
    EXPECT_EQ(x.imports.size(), 50u);
}

TEST(Extractor, OneExtractorServesManyFilesAndBothGrammars) {
    Extractor extractor;
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(specifiers(extractor.extract("import a from 'x';", Grammar::Tsx)),
                  (Strings{"x"}));
        EXPECT_EQ(specifiers(extractor.extract("import b = require('y');", Grammar::TypeScript)),
                  (Strings{"y"}));
    }
}

} // namespace
} // namespace fanout
