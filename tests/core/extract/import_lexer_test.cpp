// SPDX-License-Identifier: GPL-3.0-or-later
// The import lexer on the constructs that decide a lexer's correctness: each input below is
// either read exactly as tree-sitter reads it, or handed off.
#include "extract_helpers.h"
#include "fanout/extract/extraction_diff.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

namespace fanout::testing {
namespace {

struct Case {
    const char* source;
    Grammar grammar = Grammar::Tsx;
};

// Lexed, and identical to tree-sitter's reading.
void expectLexedAlike(const Case& input) {
    Extractor extractor;
    const auto lexed = extractor.lex(input.source, input.grammar);
    ASSERT_TRUE(lexed.has_value()) << "handed off: " << input.source;
    EXPECT_TRUE(lexed->lexed);
    extractor.setParser(ParserChoice::TreeSitter);
    const auto reference = extractor.extract(input.source, input.grammar);
    ASSERT_EQ(reference.parseErrors, 0u) << input.source;
    EXPECT_EQ(extractionDifference(reference, *lexed, extractor.names()), "") << input.source;
}

// Each source, in both grammars.
void expectLexedAlikeInBothGrammars(std::initializer_list<const char*> sources) {
    for (const auto grammar : {Grammar::TypeScript, Grammar::Tsx}) {
        for (const char* source : sources) {
            expectLexedAlike({source, grammar});
        }
    }
}

void expectHandedOff(const Case& input) {
    Extractor extractor;
    EXPECT_FALSE(extractor.lex(input.source, input.grammar).has_value()) << input.source;
    // extract() still reads it, with tree-sitter.
    EXPECT_FALSE(extractor.extract(input.source, input.grammar).lexed);
}

void expectAllHandedOff(std::initializer_list<Case> inputs) {
    for (const Case& input : inputs) {
        expectHandedOff(input);
    }
}

// Lines are found only as far as a record asks: records on the first line, at the start of a
// line, far down, and on a last line with no line break after it get tree-sitter's positions.
TEST(ImportLexer, PositionsAgreeWithTreeSitterOnEveryLine) {
    std::string source =
        "import a from './a'; import b from './b';\nconst c = require(\n'./c'\n);\n";
    for (int i = 0; i < 200; ++i) {
        source += "const v" + std::to_string(i) + " = " + std::to_string(i) + ";\n";
    }
    source += "\n\nexport { d } from './d';\nconst e = import('./e'); require('./f')";
    expectLexedAlike({source.c_str()});
    Extractor extractor;
    const auto lexed = extractor.lex(source, Grammar::Tsx);
    ASSERT_TRUE(lexed.has_value());
    ASSERT_EQ(lexed->imports.size(), 6u);
    EXPECT_EQ(lexed->imports[2].position, (SourcePosition{3, 1}));    // './c', at a line's start
    EXPECT_EQ(lexed->imports[5].position, (SourcePosition{208, 34})); // the last line
}

// Strings are scanned sixteen bytes at a time: a quote, an escape or a line break at every
// place of the first blocks (and the other quote kind, which ends nothing) is read as tree-sitter
// reads it; a raw line break in a string is handed off.
TEST(ImportLexer, StringsEndAtTheirQuoteWhereverTheEscapesAre) {
    for (std::size_t length = 0; length < 40; ++length) {
        for (std::size_t at = 0; at <= length; ++at) {
            for (const char* special : {"\\\"", "\\\\", "\\\n", "\\\r\n", "'", "`"}) {
                const std::string body =
                    std::string(at, 'a') + special + std::string(length - at, 'b');
                const std::string source =
                    "const s = \"" + body + "\";\nimport x from \"" + body + "-x\";\n";
                expectLexedAlike({source.c_str()});
            }
            const std::string open = "const s = \"" + std::string(at, 'a') + "\n" +
                                     std::string(length - at, 'b') + "\";\n";
            expectHandedOff({open.c_str()});
        }
    }
}

TEST(ImportLexer, ReadsModuleSyntaxAsTreeSitterDoes) {
    for (const Case& input : {
             Case{"import a, {b as c, type D, \"e-f\" as g} from './x';\nexport {c, a as h};"},
             Case{"import * as ns from 'n'\nimport 'side'\nexport * from './star'\n"
                  "export * as all from \"./all\"\nexport {default as def, x} from './d';"},
             Case{"import type {A} from './types';\nimport {type B, type C} from './bc';\n"
                  "export type {A};\nexport type {B} from './bc';"},
             Case{"import json from './data.json' with { type: 'json' };"},
             Case{"import fs = require('fs');\nexport = fs;", Grammar::TypeScript},
             Case{"export const a = 1, {b, c: [d, , ...e], f = 2} = obj, g = [h];\n"
                  "export let i;\nexport function j() {}\nexport async function* k() {}\n"
                  "export class L extends M {}\nexport default function () {}\nexport enum N {}"},
         }) {
        expectLexedAlike(input);
    }
}

TEST(ImportLexer, FindsCallsAndCommonJsAnywhere) {
    for (const Case& input : {
             Case{"const x = require('x');\nmodule.exports = { y: require(`./y`) };"},
             Case{"exports.a = 1;\nif (c) { require('./c') } else { require(name) }"},
             Case{"const lazy = () => import('./lazy').then((m) => import(m.next));"},
             Case{"foo.require('no'); obj.import; function require(x) { return x; }"},
             Case{"import(/* webpackChunkName: \"a\" */ './a', { with: {} });\n"
                  "require('a', 'b'); require();"},
         }) {
        expectLexedAlike(input);
    }
}

// `import(` is a dynamic import where a value goes and an import type where a type goes: told by
// the place of the operand, or of the arrow function (or function type) whose body it is.
TEST(ImportLexer, ReadsImportCallsWhereValuesGoAndHandsOffImportTypes) {
    expectLexedAlikeInBothGrammars({
        "const icons = { a: () => import('./a.js'), 'b-c': async () => import('./b.js') };",
        "const Page = lazy(() => import('./Page'));\nexport default () => import('./x');",
        "Promise.all([import('a'), import('b')]).then(f);\nx = a && import('c') ?? import('d');",
        "module.exports = { routes: [{ path: '/', load: () => import('./r') }] };",
        "class A { load = () => import('./a'); m() { return () => import('./m'); } }",
        "function f(a = { b: () => import('./b') }) { for (const m of [import('./c')]) {} }",
        "f(a, () => import('./a'), [import('./b')]);\nconst s = `a${import('./s')}b`;",
        "const a = 1\nimport('./side-effect')",
        "x = c ? import('./a').then(f) : d ? () => (import('./b')) : import('./c');",
        "const t = typeof import('./a');\nif (c) x = import('./b'); else void import('./c');",
        "x = c ? import(y) : require(z);\nconst m = c ? require('./a') : import('./b');",
    });
    expectAllHandedOff({
        {"function f(cb: () => import('./t').T) {}"},
        {"class A { f: () => import('./t'); g?: (a: number) => import('./u') }"},
        {"function f() { type F = { f: () => import('./t') } }"},
        {"function f() { interface I { f(): () => import('./t') } }"},
        {"function f() { let a: { f: () => import('./t') } }"},
        {"function f(m: Map<string, () => import('./t')>) {}"},
        {"function f({ a }: { a: () => import('./t') }) {}"},
        {"const f = async (a: () => import('./t')): Promise<void> => {};"},
        {"function g<T extends () => import('./t')>() {}"},
        {"f(g<A, import('./t').T>(b));"},
        {"let w: (a: number) => import('./t');"},
        {"{ let t: import('./t').T }"},
        {"function f() { type A<T> = T extends U ? import('./t') : B }"},
        {"function f() { let v: T extends U ? () => import('./t') : B }"},
        {"const o = { m(): import('./t').T { return 1 }, f: (): import('./u').T => 1 };"},
        {"const o = { get a(): import('./t').T { return 1 } };"},
        {"let a: { import(x): T }"},
        {"class A { import(x): T {} }", Grammar::TypeScript},
        {"class A { require(x): T {} }"},
        {"function f(): void { let a: import('./t').T }"},
        {"function f(): Promise<T> { let a: typeof import('./t') }"},
        {"x = a!\n{ let t: typeof import('./t') }"},
    });
}

// `exports.x` and `module.exports` mark a CommonJS module where they are values, not in a type
// query (`let a: typeof exports.x`); one sure marker settles it.
TEST(ImportLexer, FindsCommonJsMarkersWhereValuesGo) {
    expectLexedAlikeInBothGrammars({
        "(function (g, f) { typeof exports === 'object' && typeof module !== 'undefined' ? "
        "module.exports = f() : typeof define === 'function' ? define(f) : g.x = f(); })(this, "
        "function () {});",
        "if (typeof module !== 'undefined') module.exports = x;\nwhile (c) exports.y = 1;",
        "const v = c ? exports.a : exports.b;\nlet t: typeof exports.c;",
        "x = { a: exports.a, b: [module.exports] };",
    });
    expectAllHandedOff({
        {"let a: typeof exports.foo;"},
        {"class A { x: typeof exports.y }"},
        {"function f(a: typeof module.exports): void {}"},
    });
}

TEST(ImportLexer, EndsStatementsAsTreeSitterDoes) {
    for (const Case& input : {
             Case{"'use client'\nimport a from 'a'\nconst b = a\n(b)\nlet c = 1\n+2\nd()\n"},
             Case{"\"use strict\";\n'use server';\nexport async function act() {}"},
             Case{"var f = function g()\n/* c */\n{\n}\nvar h = class extends K\n{\n}\n"},
             Case{"export type A = Record<string, number>\n\nexport type B = () => void\n"
                  "interface C<T = {}> { x: T }\nexport interface D extends E<{y: 1}> {}",
                  Grammar::TypeScript},
             Case{"export function over(a: string): void;\nexport function over(a: any) {}\n"
                  "function typed<T>(x: T): Promise<{ a: T }> { return x as any; }",
                  Grammar::TypeScript},
             Case{"if (a) {} else if (b) {} else {}\ntry {} catch {} finally {}\n"
                  "for (const x of y) {}\nswitch (z) { case 1: break; }\n{ block(); }"},
             Case{"if (a) require('x')\nelse if (b) throw Error(require.resolve('y'))\n"
                  "else for (;;) try { c() } finally {}\nwhile (d) e()\nf()\n"},
             // A `//` comment ends at a carriage return too (found by the fuzzer).
             Case{"//\ro\r\r", Grammar::TypeScript},
             Case{"// c\rrequire('./after-cr')\r\nexport const a = 1 // d\r\n"},
             // `as` where an operand goes is a name, and can end a statement (the fuzzer again).
             Case{" s*J**as\n\n**as\n\nre", Grammar::TypeScript},
             Case{"x = 1\nas\nfoo()\nconst b = as as number\nbar()\nx = y as\nZ\nfoo()",
                  Grammar::TypeScript},
             // So is a keyword right after an operator, unless it is a prefix operator.
             Case{"r%extends\n le\nx = new\nFoo()\nx % if\nFoo()\nx, throw\nFoo()",
                  Grammar::TypeScript},
             Case{"x = typeof\nFoo()\nx = await\nFoo()\nx = void\nFoo()\nx = !delete\nFoo.a",
                  Grammar::TypeScript},
             Case{"x in\ny\nx instanceof\nY\nz()", Grammar::TypeScript},
             Case{"n = [0x1F, 0XaBn, 0o17, 0b101n, 1e5, 2.5E-3, .5, 1_000n, 0.1e+2];"},
             Case{"a\npe!++\nb\nc!!\nd++!\ne", Grammar::TypeScript}, // postfix after postfix
             Case{"he%!\n0!\n$e", Grammar::TypeScript},              // after a literal too
             Case{"x = 'a'!\ny", Grammar::TypeScript},
             // A keyword after `.` is a property name (the fuzzer).
             Case{"sse\nsource\n.function\n27\na?.new\nb\nc.\nif\nd", Grammar::TypeScript},
             Case{"z = /r/!\nw", Grammar::TypeScript},
             Case{"x = typeof!\ny\nz = a + void!\nb", Grammar::TypeScript}, // prefix keywords
             Case{"s*as\n**as!\na\nre", Grammar::TypeScript}, // `as` as a name, then `!`
             Case{"#!\x01dk\x94s\");\nexport = \"t\";", Grammar::TypeScript},
         }) {
        expectLexedAlike(input);
    }
}

TEST(ImportLexer, TellsRegularExpressionsFromDivisions) {
    for (const Case& input : {
             Case{"const r = /[/'\"]require('no')/g.test(s) ? a / b / c : x;\n"
                  "{ if (ok) /re/.exec(t); }\nconst t = `a${`b${c}`}d ${require('./t')}`;"},
             Case{"const s = x << 2 <= y; let n = i++ / 2; const m = arr[0] / 3;"},
             // A prefix `!` (after an operator or a bracket) still before a regex.
             Case{"const ok = !/re/.test(s) && b !== /x/.source; if (!/y/.test(t)) {}"},
             // `in` and `instanceof` after an operand, on its line or the one before.
             Case{"x\nin/p/\nr\ny instanceof /q/.constructor\n", Grammar::TypeScript},
         }) {
        expectLexedAlike(input);
    }
    // Where no operand comes before them, tree-sitter takes them for names (the fuzzer's input,
    // then shorter): handed off.
    expectAllHandedOff({
        Case{"\nin/proper/\nr.bin//\nn//\nr", Grammar::TypeScript},
        Case{"in/p/\nr", Grammar::TypeScript},
        Case{"{}\ninstanceof/p/\nr"},
    });
}

// A generated chain of 5,000 `else if` nests that deep: handed off instead of recursing that far.
TEST(ImportLexer, DeepNestingIsHandedOffNotRecursedInto) {
    std::string chain = "if (a0) {}";
    for (int i = 1; i < 5000; ++i) {
        chain += " else if (a" + std::to_string(i) + ") {}";
    }
    expectHandedOff({chain.c_str()});
    std::string pattern = "export const ";
    for (int i = 0; i < 5000; ++i) {
        pattern += "[";
    }
    pattern += "x";
    for (int i = 0; i < 5000; ++i) {
        pattern += "]";
    }
    pattern += " = y;";
    Extractor extractor;
    EXPECT_FALSE(extractor.lex(pattern, Grammar::Tsx).has_value());
}

// Statements that start with a bracket or a unary operator are read, not handed off.
TEST(ImportLexer, ReadsStatementsStartingWithABracketOrAUnaryOperator) {
    for (const Case& input : {
             Case{"{ require('./a'); }\n(b)\n[c]\n!d\n~e\n+f\n-g\n++h\nimport 'x';"},
             Case{"{}\n+ 2;"},
         }) {
        expectLexedAlike(input);
    }
}

// A postfix `!` after a name, a property name that is a keyword included, and `as` after one on
// its line: read as tree-sitter reads them (the property cases from the fuzzer).
TEST(ImportLexer, ReadsPostfixesAfterNamesAndPropertyNames) {
    for (const Case& input : {
             Case{"const b = a! as T;\nimport 'x';", Grammar::TypeScript},
             Case{"so!!!\n.in!\nas", Grammar::TypeScript},
             Case{"a.in!\nb", Grammar::TypeScript},
             // After `yield`, `!` and `++` are prefix operators to tree-sitter, generator or not:
             // one statement each (fuzzer: `k+yield!` then `krt`).
             Case{"k+yield!\nkrt", Grammar::TypeScript},
             Case{"yield!\nx\na = yield++\nx\n"},
         }) {
        expectLexedAlike(input);
    }
}

// `as` and `satisfies` at a line's end: an operator after an operand (the type comes on the next
// line), a name where no operand comes before; in a run of them, the two alternate (the first
// case from the fuzzer: the lexer took the second `as` for a name and ended the statement).
TEST(ImportLexer, ReadsAsAndSatisfiesAtALineEndAsTreeSitterDoes) {
    expectLexedAlikeInBothGrammars({
        "r/r//\n\n\n\nas as \ns",
        "as as\nT",
        "x = as as\nT",
        "a as\nT",
        "a as as\nT",
        "as as as\nT",
        "as as as as\nT",
        "as\nas\nT",
        "a satisfies\nT",
        "const c = {} satisfies\nConfig;\nimport 'x';",
        "as satisfies\nT",
        "satisfies as\nT",
        "satisfies satisfies\nT",
        "a.as as\nT",
        "a.satisfies\nT",
    });
}

// A comma inside a template's substitution in a call's argument is the substitution's: one
// argument, whose text is the whole template (the first from the fuzzer).
TEST(ImportLexer, CommasInATemplatesSubstitutionAreNotTheCallsArguments) {
    expectLexedAlikeInBothGrammars({
        "#!/ from \"./shared-cti{\n  const plugin = await import(`./plugins/${n,me}.js`);"
        "\n {return db.sa(plulugin);\n}\n",
        "import(`./p/${n,me}.js`);",
        "require(`./p/${n, m}.js`);",
        "require(`./p/${n}/${a, b}/${`${c, d}`}.js`);",
        "require(`./p/${n}.js`, b);",
        "import(`./p/${[a, b]}`, {with: {type: 'json'}});",
    });
}

// A line break inside a template's substitution ends no statement: tree-sitter can put no
// semicolon there, so `x` then `as T` on the next line is one expression.
TEST(ImportLexer, ALineBreakInATemplatesSubstitutionEndsNoStatement) {
    expectLexedAlikeInBothGrammars({
        "const s = `${x\nas T}`;\nimport \"y\";\n",
        "const s = `a${x\nsatisfies T}b${\nimport(\"z\")}`\nexport * from \"w\"\n",
        "const s = `${a\nas b\nas c}` + import(\"q\")\n",
        "const s = `${x\nas T}`\nimport y from \"y\"\n",
        "x = `${a\n}${b\n}`\nimport \"c\"\n",
        "x = `${`${a\nas b}`\nas c}`\nexport {d} from \"c\"\n",
        "type A = `a${B}b${C}`\ntype D = 1\nimport \"c\"\n",
        "function f(): `${A}`\nimport \"c\"\n",
    });
}

// Line breaks where a statement's reading depends on what the statement is (found by statement
// snippets with line breaks put at random between their tokens): after a declaration's name or
// type, a type alias's type, `return` or `debugger`, a `(` or `[` on the next line starts a new
// statement; a `!` on the next line is no definite assignment; a default-exported class or
// function without a name is an expression that goes on after its body; `const enum` is a
// declaration.
TEST(ImportLexer, ReadsLineBreaksAfterTypesAndDeclarationsAsTreeSitterDoes) {
    expectLexedAlikeInBothGrammars({
        "let s\n(a)\nimport \"z\"\n",
        "let s: T\n[a]\nimport \"z\"\n",
        "let w: () => void\n{}\nimport \"z\"\n",
        "var type\n(a)\nconst b = a\n(b)\n",
        "let a = b, c\n(d)\n",
        "type A = B\n[]\ntype C = D<E>\n[c]\ntype F = G[]\n(c)\nimport \"z\"\n",
        "return\n(a)\ndebugger\n[b]\nimport \"z\"\n",
        "export let s\n!a\nexport let t\n(a)\nexport const u: V\n[a]\n",
        "export default class {}\n-a\nimport \"z\"\n",
        "export default function () {}-a\nexport {b}\n",
        "export default class {}\n[a]\n",
        "const enum\nF { A\n}\nimport \"z\"\n",
        // Inside a conditional, no statement ends before its `:`; `??` is no conditional.
        "x = c ? a\n! : d\nimport \"z\"\n",
        "x = c ? a\n++ : d\nx = a ?? b\n(c)\nexport const y = c ? a\n! : d\n",
        // `return` then `+a`, a template or a regular expression on the next line: its argument.
        "return\n+a\nreturn\n`t`\nreturn\n/re/g\nreturn--\na\nimport \"z\"\n",
        // `assert` on the next line is a name, not import attributes.
        "import \"./x.json\"\nassert\n{}\n",
        // After `export default`, `--` is a prefix operator; after the name `default`, `!!` is
        // postfix (fuzzer).
        "export default--\na;\n",
        "default!!\ns\n",
        // `in` and `instanceof` at a line's end after a postfix `!` or `++`: operators (fuzzer).
        "so!!instanceof\nas\nso!in\nx\nso++in\nx\nx = !in\ny\n",
        // import() in a declaration's value, not its type.
        "const f = (a: number) => import(\"x\")\nconst {a, b} = await import(\"y\")\n",
        // `-->` after an operand is `a-- > b`.
        "x = a-->b\nc\n",
        // A function expression's body may start on the next line (mutated real code).
        "export var s = function (a)\n{ return a };\nexport const t = class\n{};\n",
        // A declaration ends before `(` on the next line, even after a name `require`: no call
        // (generated statements).
        "const require\n(\"side\");\nlet a = 1, require\n(\"x\")\n",
        // A conditional after a type: its `?` follows `>`.
        "type R<T> = T extends Array<infer V>\n  ? V\n  : T\nimport \"z\"\n",
        "x = a! ? b : c\nimport \"z\"\n",
        // `as` starting a statement after `;` or on a new line is a name, read as such.
        "as = 1;as\nT\nclass A {}\nas\nT\n",
    });
}

// Where tree-sitter's reading of a line break is its own (not ECMAScript's, or decided by what
// came before): handed off.
TEST(ImportLexer, HandsOffLineBreaksThatTreeSitterReadsItsOwnWay) {
    expectAllHandedOff({
        Case{"export\nconst q = 1\n"},
        Case{"export {a}\nfrom \"h\"\n"},
        Case{"using\nres = getRes()\n"},
        Case{"await using\nres = getRes()\n"},
        Case{"do\n{} while (a);\n{}\n"},
        Case{"class {}-a\n"},
        Case{"function () {}-a\n"},
        Case{"async/*\n*/a => {}\n", Grammar::TypeScript},
        Case{"declare/*\n*/const x: number\n", Grammar::TypeScript},
        Case{"a<b>\nlet x\n", Grammar::TypeScript},
        Case{"T;a<b>\nc\nof\n", Grammar::TypeScript},
        Case{"type W = keyof\ntypeof o\n", Grammar::TypeScript},
        Case{"type Y<T> = T extends infer\nU ? U : never\n", Grammar::TypeScript},
        Case{"function h3(): asserts\nx is T {}\n", Grammar::TypeScript},
        Case{"function h(a): a is\nnumber { return true }\n", Grammar::TypeScript},
        Case{"type F = new\n() => A\n", Grammar::TypeScript},
        Case{"type T = import\n(\"t\")\n", Grammar::TypeScript},
        Case{"{} as const;\n"},
        Case{"if (c) enum E {}\n", Grammar::TypeScript},
        Case{"while (c) abstract\nclass A {}\n", Grammar::TypeScript},
        Case{"if (c) using\nres = o\n", Grammar::TypeScript},
        Case{"if (c) type T = U\n", Grammar::TypeScript},
        Case{"for (;;) !\nx\n"},
        Case{"a<b>!\nfor (x of y) z\n", Grammar::TypeScript},
        Case{"export default <const T,>() => 1\n", Grammar::TypeScript},
        Case{"class A extends {} {}\n"},
        Case{"class A extends B > {} {}\n"},
        Case{"class A extends B<c> {}\n{}\n", Grammar::TypeScript},
        Case{"class c extends B<T> {}(A<T) {};\n", Grammar::TypeScript},
        Case{"x = using\nres = getRes\n", Grammar::TypeScript},
        Case{"++using\nres = getRes\n", Grammar::TypeScript},
        Case{"{type: \"json\"} + a\n"},
        Case{"{...a}\n"},
        Case{"export type\nA = B;\nx\n", Grammar::TypeScript},
        Case{"x = {}!\na\n", Grammar::TypeScript},
        // `-->` where no operand comes before: an HTML-like comment to tree-sitter (fuzzer).
        Case{"wcontinuehex,-->u\nwhiglobal"},
        Case{"b = -->u\nc\n", Grammar::TypeScript},
        // `import("x")` in a declaration's type: an import type to tree-sitter (fuzzer).
        Case{"let w : ( a : number ) =>import(\"x\")\n", Grammar::TypeScript},
        Case{"export let g: { a: () => import(\"y\") }\n", Grammar::TypeScript},
        // A decorator then a line break in an expression: a decorated class expression goes on
        // (generated statements).
        Case{"a\n--@dec\nclass D {}\n"},
        Case{"a\n!@dec.x(1)\nclass D {}\n", Grammar::TypeScript},
        // `extends A.B<T> {}` then `+ a` on the next line: perhaps `A.B < T > {} + a` compared,
        // then the body, to tree-sitter (generated statements).
        Case{"class C extends A.B<T> { }\n+ a\n{\nx = 1 }\n", Grammar::TypeScript},
        // `return` after an operator is a name to tree-sitter, a postfix `!` after it ends the
        // statement at a line break (fuzzer).
        Case{"x\n!\nreturn!\n!t(\"q\")\n", Grammar::TypeScript},
        Case{"!return!\n!t(\"q\")"},
        // `export = a, b`: a sequence whose first expression assigns to a name `export`, to
        // tree-sitter (fuzzer).
        Case{"rtionsng\n\nexport=async,tyofm", Grammar::TypeScript},
        Case{"export = a, b;\n"},
        // `let` then an operator: a name to tree-sitter, so `void` takes the next line's name;
        // the lexer read a declaration whose type `void` ended there (fuzzer).
        Case{"let>void\nfmo"},
        Case{"x\n< deldufaelt . p\n\nlet> void\nfmo", Grammar::TypeScript},
        // An unnamed function as an if's statement: an expression to tree-sitter, which goes on
        // after its body (fuzzer).
        Case{"if ( a ) function  ( ) { }( \"p\" )\n", Grammar::TypeScript},
        Case{"if (a) function () {}()\n"},
        // A `?` where no operand ends: Flow's maybe type to tree-sitter, a type the line break
        // ends, not a conditional waiting for its `:` (fuzzer).
        Case{"n&aq as?s\naq"},
        Case{"aq satisfies ?s\naq", Grammar::TypeScript},
        Case{"let a: ?s\naq\n", Grammar::TypeScript},
        Case{"type A = ?s\naq\n"},
        // After an operator, `return` is a name to tree-sitter, and `[a]` on the next line its
        // index (generated statements).
        Case{"!return\n[/**/a]=[]\n", Grammar::TypeScript},
        Case{"x = !return\n(a)\n"},
        Case{"a + break\n[a]\n", Grammar::TypeScript},
        // `as` after `>` then a line break: an operator after type arguments (`r<T,>` is an
        // instantiation expression), a name after a comparison; tree-sitter picks (fuzzer).
        Case{"r<T,>as\ns"},
        Case{"x = f<T> as\nU\n", Grammar::TypeScript},
        // After `case` (a name outside a switch) `as` is an operator to tree-sitter (fuzzer);
        // after `return` the name returned (probing the same rule).
        Case{"case as\nnapublic", Grammar::TypeScript},
        Case{"x = new as\nT\n"},
        Case{"return as\nT\n", Grammar::TypeScript},
        Case{"break satisfies\nT\n"},
        // A statement starting with `as`, `satisfies`, `in` or `instanceof` on the line of the
        // one before: a name to tree-sitter, where what ends that statement (`)`, `}`, `else`)
        // looked like an operand to the lexer (probing the cases above).
        Case{"if (a) as\nT\n", Grammar::TypeScript},
        Case{"class A {} as\nT\n", Grammar::TypeScript},
        Case{"if (a) x; else satisfies\nT\n"},
        Case{"if (a) in\nb\n"},
        Case{"try {} catch {} as\nT\n", Grammar::TypeScript},
        Case{"if (a) instanceof\nb\n"},
    });
}

TEST(ImportLexer, ReadsJsxPragmasInComments) {
    expectLexedAlike({"/** @jsxRuntime automatic @jsxImportSource preact */\nexport const a = 1;"});
}

TEST(ImportLexer, HandsOffWhatItDoesNotModel) {
    expectAllHandedOff({
        Case{"const a = <div>{require('./x')}</div>;"},                         // JSX
        Case{"declare module 'm' { import x from 'y'; }", Grammar::TypeScript}, // ambient
        Case{"@decorator\nexport class A {}", Grammar::TypeScript},
        Case{"namespace N { export const a = 1; }", Grammar::TypeScript},
        Case{"const x = {}\n/ 2 / 3;"},     // `/` after `}`: block or object?
        Case{"let = ;"},                    // a syntax error
        Case{"const a = (1;"},              // unbalanced
        Case{"const café = require('x');"}, // a non-ASCII name
        Case{"label: for (;;) {}"},
        // A keyword that takes more, then a line break, where tree-sitter's reading varies.
        Case{"in//;\ndl", Grammar::TypeScript},
        Case{"if (a) {}in\ndl", Grammar::TypeScript},
        Case{"a;new\ndl", Grammar::TypeScript},
        Case{"export ==\"t\";", Grammar::TypeScript}, // `export` as a name
        Case{"a\n++/o/\n++e", Grammar::TypeScript},   // a prefix `++` before a slash
        Case{"x = 1as\nr", Grammar::TypeScript},      // a name right after a number
        // A second point ends the number: `.2` then a member access past the line break.
        Case{".2.\ns\n2\n22\n2"},
        Case{"x = 1.5.\ntoFixed()"},
        Case{"y = 1e3.\nz"},
        // A slash after a non-null assertion (`m!`): a division to tree-sitter.
        Case{"m!\n/mp //\nimp"},
        Case{"m! / 2", Grammar::TypeScript},
        // A postfix after a keyword that takes more: a name to tree-sitter, or not.
        Case{"!switch!\no"},
        Case{"x = if!\no"},
        Case{"const++\no", Grammar::TypeScript},
        Case{"!-!!in!!\no"},
        Case{"-->"}, // an HTML-like closing comment at the start of the file
        // After a block, an operator: tree-sitter reads the braces as an object (fuzzer).
        Case{"{, e} ||o"},
        Case{"{a, b} && c", Grammar::TypeScript},
        Case{"{}\n* 2"},
        Case{"FF. rEqu\n,r;-->\n"}, // an HTML-like comment where a statement starts
        // `as` at a line's end after a `!` or `++`: an operator or a name (fuzzer).
        Case{"ort\t!as\nrgtts"},
        Case{"a! as\nT", Grammar::TypeScript},
        Case{"a++ as\nT", Grammar::TypeScript},
        Case{"a! satisfies\nT", Grammar::TypeScript},
        // `throw` or `case` after an operator, a postfix, a line break: a name (fuzzer).
        Case{"a &throw!\nb", Grammar::TypeScript},
        Case{"a + case++\nb"},
    });
}

} // namespace
} // namespace fanout::testing
