// SPDX-License-Identifier: GPL-3.0-or-later
// Both directive rules on the same inputs: where the ECMAScript prologue and rwsdk's text rule
// agree, and every place they part ways.
#include "extract/extract_helpers.h"

#include <gtest/gtest.h>

#include <string>

namespace fanout {
namespace {

constexpr auto None = Directive::None;
constexpr auto Client = Directive::Client;
constexpr auto Server = Directive::Server;

struct DirectiveCase {
    const char* name;
    std::string source;
    DirectiveVerdict spec;
    DirectiveVerdict rwsdk;
};

std::string licenceThenClient() {
    return "/*\n" + std::string(600, '*') + "\n */\n\"use client\";\n";
}

const DirectiveCase kCases[] = {
    {"plain_client", "\"use client\";\nimport x from 'y';\n", {Client}, {Client}},
    {"single_quotes_no_semicolon",
     "'use server'\nexport async function a() {}\n",
     {Server},
     {Server}},
    {"after_use_strict", "\"use strict\";\n\"use client\";\n", {Client}, {Client}},
    {"before_use_strict", "'use client'\n'use strict'\nlet a;\n", {Client}, {Client}},
    {"after_comments", "// c\n/* block\n more */\n\"use client\"\n", {Client}, {Client}},
    {"trailing_comment", "\"use client\" // why\nlet a;\n", {Client}, {Client}},
    {"comment_inside_statement", "\"use strict\" /* x */;\n\"use client\"\n", {Client}, {Client}},
    {"crlf_line_endings", "\"use client\"\r\nimport a from 'a'\r\n", {Client}, {Client}},
    {"bom", "\xEF\xBB\xBF\"use client\";\n", {Client}, {Client}},
    {"hashbang_hides_it_from_rwsdk", "#!/usr/bin/env node\n\"use client\";\n", {Client}, {None}},
    {"block_comment_on_same_line", "/* c */ \"use client\";\n", {Client}, {None}},
    {"two_directives_on_one_line", "\"use strict\"; \"use client\";\n", {Client}, {None}},
    {"after_600_char_licence", licenceThenClient(), {Client}, {None}},
    {"string_expression_first", "'foo' + bar;\n\"use client\";\n", {None}, {Client}},
    {"asi_makes_a_call", "\"use client\"\n(foo)\n", {None}, {Client}},
    {"member_access", "\"use client\".length;\n", {None}, {Client}},
    {"after_import", "import x from 'y';\n\"use client\";\n", {None}, {None}},
    {"after_statement", "\"use strict\";\nconst a = 1;\n\"use client\";\n", {None}, {None}},
    {"after_empty_statement", "\"use strict\";;\n\"use client\";\n", {None}, {Client}},
    {"inside_function", "function f() {\n  \"use client\";\n}\n", {None}, {None}},
    {"parenthesised", "(\"use client\");\n", {None}, {None}},
    {"wrong_case", "\"Use Client\";\n", {None}, {None}},
    {"wrong_spacing", "\"use  client\";\n", {None}, {None}},
    {"template_literal", "`use client`;\n", {None}, {None}},
    {"escaped", "\"use \\x63lient\";\n", {None}, {None}},
    {"empty_file", "", {None}, {None}},
    {"both_client_first", "\"use client\";\n\"use server\";\n", {Client, true}, {Client, true}},
    {"both_server_first", "'use server';\n'use client';\n", {Client, true}, {Client, true}},
};

void PrintTo(const DirectiveCase& c, std::ostream* os) {
    *os << c.name;
}

class BothDirectiveRules : public ::testing::TestWithParam<DirectiveCase> {};

TEST_P(BothDirectiveRules, GiveTheExpectedVerdicts) {
    const auto& c = GetParam();
    for (const auto* grammar : {"tsx", "typescript"}) {
        const auto x = std::string(grammar) == "tsx" ? testing::extractTsx(c.source)
                                                     : testing::extractTs(c.source);
        EXPECT_EQ(x.specDirective, c.spec)
            << grammar << " spec: " << toString(x.specDirective.directive);
        EXPECT_EQ(x.rwsdkDirective, c.rwsdk)
            << grammar << " rwsdk: " << toString(x.rwsdkDirective.directive);
    }
    EXPECT_EQ(rwsdkDirective(c.source), c.rwsdk);
}

INSTANTIATE_TEST_SUITE_P(Cases, BothDirectiveRules, ::testing::ValuesIn(kCases),
                         [](const auto& testInfo) { return std::string(testInfo.param.name); });

TEST(SpecDirective, DirectiveAfterImportsIsNotADirectiveEvenInTsx) {
    const auto x = testing::extractTsx("import React from 'react';\n'use client';\n"
                                       "export default () => <div/>;\n");
    EXPECT_EQ(x.specDirective.directive, Directive::None);
}

} // namespace
} // namespace fanout
