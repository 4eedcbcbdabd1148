// SPDX-License-Identifier: GPL-3.0-or-later
// Node's exports/imports matching on its own, against the examples of Node's documentation.
#include "io/jsonc.h"
#include "resolve/package_exports.h"

#include <gtest/gtest.h>

namespace fanout::detail {
namespace {

using Json = nlohmann::ordered_json;

std::string exported(const char* exports, const char* subpath,
                     std::vector<std::string> conditions = {"import"}) {
    const auto result = resolvePackageExports(Json::parse(exports), subpath, conditions);
    switch (result.status) {
    case TargetStatus::Found:
        return result.target;
    case TargetStatus::NotExported:
        return "not exported";
    case TargetStatus::Excluded:
        return "excluded";
    case TargetStatus::Invalid:
        return "invalid";
    case TargetStatus::InvalidConfig:
        return "invalid config";
    }
    return "?";
}

TEST(PackageExports, PatternKeysLongestPrefixFirst) {
    const char* exports = R"({
        "./features/*.js": "./src/features/*.js",
        "./features/internal/*": null,
        "./features/*": "./src/features/*/index.js",
        "./*": "./root/*"
    })";
    EXPECT_EQ(exported(exports, "./features/x.js"), "./src/features/x.js");
    EXPECT_EQ(exported(exports, "./features/x"), "./src/features/x/index.js");
    EXPECT_EQ(exported(exports, "./features/internal/y.js"), "excluded");
    EXPECT_EQ(exported(exports, "./other"), "./root/other");
    // "*" may stand for several segments, and appears in the target more than once.
    EXPECT_EQ(exported(R"({"./a/*": "./x/*/y/*.js"})", "./a/b/c"), "./x/b/c/y/b/c.js");
}

TEST(PackageExports, PatternMayNotStandForDotSegments) {
    EXPECT_EQ(exported(R"({"./a/*": "./x/*.js"})", "./a/../secret"), "invalid");
    EXPECT_EQ(exported(R"({"./a/*": "./x/*.js"})", "./a/ok"), "./x/ok.js");
}

TEST(PackageExports, ConditionsInKeyOrderWithDefault) {
    const char* exports = R"({".": {"node": {"import": "./n.mjs", "require": "./n.cjs"},
                                    "default": "./d.js"}})";
    EXPECT_EQ(exported(exports, ".", {"node", "import"}), "./n.mjs");
    EXPECT_EQ(exported(exports, ".", {"node", "require"}), "./n.cjs");
    EXPECT_EQ(exported(exports, ".", {"browser", "import"}), "./d.js");
    // A condition that matches but leads nowhere falls through to the next key.
    EXPECT_EQ(exported(R"({"node": {"require": "./c.cjs"}, "default": "./d.js"})", ".",
                       {"node", "import"}),
              "./d.js");
    EXPECT_EQ(exported(R"({"node": "./n.js"})", ".", {"import"}), "not exported");
}

TEST(PackageExports, ArraysNullsAndInvalidTargets) {
    EXPECT_EQ(exported(R"({".": ["bad", "./good.js"]})", "."), "./good.js");
    EXPECT_EQ(exported(R"({".": []})", "."), "excluded");
    EXPECT_EQ(exported(R"({".": null})", "."), "excluded");
    EXPECT_EQ(exported(R"({".": "./a/../../x.js"})", "."), "invalid");
    EXPECT_EQ(exported(R"({".": "/abs.js"})", "."), "invalid");
    EXPECT_EQ(exported(R"({".": 42})", "."), "invalid");
    EXPECT_EQ(exported(R"({".": "./x.js", "node": "./y.js"})", "."), "invalid config");
    EXPECT_EQ(exported(R"("./main.js")", "./sub"), "not exported");
}

TEST(PackageImports, BareTargetsAreAllowed) {
    const auto imports = Json::parse(R"({"#dep": "dep-pkg/sub", "#rel/*": "./src/*.js",
                                         "#url": "https://x/y.js", "#up": "../x.js"})");
    EXPECT_EQ(resolvePackageImports(imports, "#dep", {"import"}).target, "dep-pkg/sub");
    EXPECT_EQ(resolvePackageImports(imports, "#rel/a", {"import"}).target, "./src/a.js");
    EXPECT_EQ(resolvePackageImports(imports, "#url", {"import"}).status, TargetStatus::Invalid);
    EXPECT_EQ(resolvePackageImports(imports, "#up", {"import"}).status, TargetStatus::Invalid);
    EXPECT_EQ(resolvePackageImports(imports, "#", {"import"}).status, TargetStatus::NotExported);
}

TEST(Jsonc, CommentsAndTrailingCommas) {
    const auto json = parseJsonc(R"({
        // line comment, with a comma,
        "a": [1, 2, /* block, */ ],
        "b": "text with , ] and // inside",
        "c": { "d": true, },
    })");
    EXPECT_EQ(json["a"].size(), 2u);
    EXPECT_EQ(json["b"], "text with , ] and // inside");
    EXPECT_EQ(json["c"]["d"], true);
    EXPECT_THROW(parseJsonc("{ \"a\": }"), nlohmann::json::parse_error);
}

} // namespace
} // namespace fanout::detail
