// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/extract/static_config.h"

#include <gtest/gtest.h>

namespace fanout {
namespace {

using Json = nlohmann::ordered_json;

Json read(std::string_view source, Grammar grammar = Grammar::Tsx) {
    const auto config = readStaticConfig(source, grammar);
    EXPECT_TRUE(config.problem.empty() == !config.value.is_null()) << config.problem;
    return config.value;
}

TEST(StaticConfig, ExportDefaultObjectOfLiterals) {
    const auto value = read(R"(export default {
        a: "x", 'b': `y`, c: 3, d: true, e: null, f: [1, "2", [false]],
        nested: { deep: { list: ["p", 'q'] } }, // a comment
    };)");
    EXPECT_EQ(value, Json::parse(R"({"a": "x", "b": "y", "c": 3, "d": true, "e": null,
        "f": [1, "2", [false]], "nested": {"deep": {"list": ["p", "q"]}}})"));
}

TEST(StaticConfig, ThroughDefineConfigAConstAndSatisfies) {
    EXPECT_EQ(read("import { defineConfig } from 'vite';\n"
                   "export default defineConfig({ resolve: { conditions: ['x'] } });"),
              Json::parse(R"({"resolve": {"conditions": ["x"]}})"));
    EXPECT_EQ(read("import type { NextConfig } from 'next';\n"
                   "const nextConfig = { experimental: { optimizePackageImports: ['a'] } } "
                   "satisfies NextConfig;\nexport default nextConfig;",
                   Grammar::TypeScript),
              Json::parse(R"({"experimental": {"optimizePackageImports": ["a"]}})"));
    EXPECT_EQ(read("/** @type {import('next').NextConfig} */\n"
                   "module.exports = { serverExternalPackages: ['sharp'] };"),
              Json::parse(R"({"serverExternalPackages": ["sharp"]})"));
}

TEST(StaticConfig, CodeIsMarkedNotRun) {
    const auto value = read("const list = ['a'];\n"
                            "export default { a: list, b: process.env.X ? 1 : 2, c: [...list],\n"
                            "  ...other, d() { return 1; }, e: `x${y}` };");
    EXPECT_TRUE(isNonLiteral(value["a"]));
    EXPECT_EQ(value["a"]["$nonLiteral"], "list");
    EXPECT_TRUE(isNonLiteral(value["b"]));
    EXPECT_TRUE(isNonLiteral(value["c"][0]));
    EXPECT_TRUE(isNonLiteral(value["e"]));
    EXPECT_EQ(value.size(), 6u); // a b c e, and the spread and the method marked by position
}

TEST(StaticConfig, NoExportedObjectSaysWhy) {
    EXPECT_NE(readStaticConfig("const a = 1;", Grammar::Tsx).problem.find("no `export default`"),
              std::string::npos);
    EXPECT_NE(readStaticConfig("export default (env) => ({});", Grammar::Tsx)
                  .problem.find("not an object literal"),
              std::string::npos);
    EXPECT_TRUE(readStaticConfig("\x01\xff{{{", Grammar::Tsx).value.is_null());
}

} // namespace
} // namespace fanout
