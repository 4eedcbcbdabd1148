// SPDX-License-Identifier: GPL-3.0-or-later
// Names in the extractor: what each import takes, and what each module exports.
#include "fanout/extract/extractor.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace fanout {
namespace {

using Strings = std::vector<std::string>;

struct Named {
    Extractor extractor;
    Extraction x;

    explicit Named(std::string_view source, Grammar grammar = Grammar::Tsx)
        : x(extractor.extract(source, grammar)) {}

    Strings names(std::size_t record) const {
        Strings out;
        for (const NameId id : x.namesOf(x.imports.at(record))) {
            out.push_back(text(id));
        }
        return out;
    }
    std::string text(NameId id) const { return const_cast<Extractor&>(extractor).names().text(id); }

    // "name" for a local export, "name=<record>:imported" or "name=<record>:*" for a re-export.
    Strings exports() const {
        Strings out;
        for (const auto& entry : x.exports) {
            std::string line = text(entry.name);
            if (entry.record != ExportEntry::kLocal) {
                line += "=" + std::to_string(entry.record) + ":" +
                        (entry.namespaceOf ? std::string("*") : text(entry.imported));
            }
            out.push_back(line);
        }
        return out;
    }
};

TEST(ExtractorNames, ImportClausesGiveTheImportedNamesNotTheLocalOnes) {
    const Named n("import { Camera, Heart as Love } from 'x';\n"
                  "import X from 'y';\n"
                  "import D, { a } from 'z';\n"
                  "import * as ns from 'w';\n"
                  "import 'side-effect';\n"
                  "import { 'kebab-name' as kebab } from 'v';\n");
    EXPECT_EQ(n.names(0), (Strings{"Camera", "Heart"}));
    EXPECT_EQ(n.x.imports[0].form, ImportForm::Names);
    EXPECT_EQ(n.names(1), (Strings{"default"}));
    EXPECT_EQ(n.names(2), (Strings{"default", "a"}));
    EXPECT_EQ(n.x.imports[3].form, ImportForm::Namespace);
    EXPECT_EQ(n.names(4), Strings{});
    EXPECT_EQ(n.x.imports[4].form, ImportForm::Names);
    EXPECT_EQ(n.names(5), (Strings{"kebab-name"}));
    Strings locals;
    for (const auto id : n.x.localsOf(n.x.imports[0])) {
        locals.push_back(n.text(id));
    }
    EXPECT_EQ(locals, (Strings{"Camera", "Love"}));
    EXPECT_EQ(n.text(n.x.localsOf(n.x.imports[1])[0]), "X");
    EXPECT_TRUE(n.x.exports.empty());
    EXPECT_FALSE(n.x.commonJs);
}

TEST(ExtractorNames, TypeOnlySpecifiersAreNotNames) {
    const Named n("import { type A, B } from 'x';\nexport { type C, D } from 'y';\n");
    EXPECT_EQ(n.names(0), (Strings{"B"}));
    EXPECT_EQ(n.names(1), (Strings{"D"}));
    EXPECT_EQ(n.exports(), (Strings{"D=1:D"}));
}

TEST(ExtractorNames, ReExportsOfEveryShape) {
    const Named n("export { a, b as c } from './ab';\n"
                  "export { default as Camera } from './camera.js';\n"
                  "export * from './star';\n"
                  "export * as ns from './ns';\n"
                  "export type { T } from './types';\n");
    EXPECT_EQ(n.names(0), (Strings{"a", "b"}));
    EXPECT_EQ(n.x.imports[2].form, ImportForm::Star);
    EXPECT_EQ(n.x.imports[3].form, ImportForm::Namespace);
    EXPECT_TRUE(n.x.imports[4].typeOnly);
    EXPECT_EQ(n.exports(), (Strings{"a=0:a", "c=0:b", "Camera=1:default", "ns=3:*"}));
}

TEST(ExtractorNames, OwnExportsOfEveryShape) {
    const Named n("export const a = 1, { b, c: d, ...e } = obj, [f, , g = 2] = arr;\n"
                  "export function fn() {}\n"
                  "export async function afn() {}\n"
                  "export function* gen() {}\n"
                  "export class C {}\n"
                  "export abstract class Abs {}\n"
                  "export enum E { X }\n"
                  "export namespace N { export const inner = 1; }\n"
                  "export interface I {}\n"
                  "export type T = string;\n"
                  "export declare const ambient: number;\n"
                  "const local = 1;\n"
                  "export { local as renamed, local };\n"
                  "export default function () {}\n",
                  Grammar::TypeScript);
    EXPECT_EQ(n.exports(), (Strings{"a", "b", "d", "e", "f", "g", "fn", "afn", "gen", "C", "Abs",
                                    "E", "N", "renamed", "local", "default"}));
}

TEST(ExtractorNames, AnImportedBindingExportedIsAReExport) {
    const Named n("import { a as b } from './a';\n"
                  "import D from './d';\n"
                  "import * as ns from './ns';\n"
                  "export { b, D as Dee, ns };\n");
    EXPECT_EQ(n.exports(), (Strings{"b=0:a", "Dee=1:default", "ns=2:*"}));
}

TEST(ExtractorNames, DynamicImportAndRequireTakeTheWholeModule) {
    const Named n("const a = require('./a');\nconst b = import('./b');\n"
                  "import c = require('./c');\n",
                  Grammar::TypeScript);
    ASSERT_EQ(n.x.imports.size(), 3u);
    for (const auto& record : n.x.imports) {
        EXPECT_EQ(record.form, ImportForm::Namespace) << record.specifier;
    }
    EXPECT_FALSE(n.x.commonJs); // requiring is not being a CommonJS module
}

TEST(ExtractorNames, CommonJsExportsMarkTheModule) {
    EXPECT_TRUE(Named("module.exports = { a: 1 };").x.commonJs);
    EXPECT_TRUE(Named("exports.a = 1;").x.commonJs);
    EXPECT_TRUE(Named("const a = 1;\nexport = a;", Grammar::TypeScript).x.commonJs);
    EXPECT_FALSE(Named("const module = {}; module.other = 1; x.exports = 2;").x.commonJs);
}

TEST(ExtractorNames, OneTableForEveryExtractorOfAScan) {
    auto table = std::make_shared<NameTable>();
    Extractor first(table);
    Extractor second(table);
    const auto a = first.extract("import { Camera } from 'x';", Grammar::Tsx);
    const auto b = second.extract("export { Camera } from 'y';", Grammar::Tsx);
    EXPECT_EQ(a.namesOf(a.imports[0])[0], b.namesOf(b.imports[0])[0]);
    EXPECT_EQ(table->text(a.namesOf(a.imports[0])[0]), "Camera");
    EXPECT_EQ(table->text(NameTable::kDefault), "default");
}

TEST(ExtractorNames, ExportsInsideNamespacesAreNotTheModules) {
    const Named n("namespace N { export const inner = 1; }\n"
                  "declare module 'm' { export const ambient: number; }\n",
                  Grammar::TypeScript);
    EXPECT_TRUE(n.x.exports.empty());
}

} // namespace
} // namespace fanout
