// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/resolve/jsx_runtime.h"

#include "temp_dir.h"

#include <gtest/gtest.h>

namespace fanout {
namespace {

using testing::TempDir;

JsxUse jsxAt(std::uint32_t line, JsxRuntimePragma runtime = JsxRuntimePragma::None,
             std::string importSource = {}) {
    JsxUse use;
    use.first = {line, 1};
    use.runtime = runtime;
    use.importSource = std::move(importSource);
    return use;
}

struct JsxProject {
    TempDir dir;
    ResolverCache cache;
    std::string module(const JsxConfig& config, const JsxUse& use,
                       const std::string& file = "src/App.tsx", std::string* why = nullptr) {
        return jsxRuntimeModule(config, use, cache, (dir.path() / file).string(), why);
    }
};

TEST(JsxRuntime, AFileWithoutJsxImportsNothing) {
    JsxProject project;
    EXPECT_EQ(project.module({JsxMode::Automatic, "react"}, JsxUse{}), "");
}

TEST(JsxRuntime, AutomaticUsesTheNearestTsconfigsImportSource) {
    EXPECT_EQ(JsxProject().module({JsxMode::Automatic, "react"}, jsxAt(1)), "react/jsx-runtime");
    JsxProject project; // the cache keeps what it saw: a fresh one for the tsconfig
    project.dir.write("tsconfig.json", R"({"compilerOptions": {"jsx": "preserve",
        "jsxImportSource": "preact"}})");
    project.dir.write("src/App.tsx", "");
    std::string why;
    EXPECT_EQ(project.module({JsxMode::Automatic, "react"}, jsxAt(1), "src/App.tsx", &why),
              "preact/jsx-runtime");
    EXPECT_NE(why.find("jsxImportSource of"), std::string::npos) << why;
}

TEST(JsxRuntime, TsconfigModeFollowsItsJsxOption) {
    JsxProject project;
    project.dir.write("a/tsconfig.json", R"({"compilerOptions": {"jsx": "react-jsx"}})");
    project.dir.write("b/tsconfig.json", R"({"compilerOptions": {"jsx": "react"}})");
    project.dir.write("c/tsconfig.json", R"({"compilerOptions": {"jsx": "react-jsxdev"}})");
    project.dir.write("d/tsconfig.json", R"({"extends": "../a/tsconfig.json"})");
    const JsxConfig config{JsxMode::Tsconfig, "react"};
    EXPECT_EQ(project.module(config, jsxAt(1), "a/x.tsx"), "react/jsx-runtime");
    EXPECT_EQ(project.module(config, jsxAt(1), "b/x.tsx"), "");
    EXPECT_EQ(project.module(config, jsxAt(1), "c/x.tsx"), "react/jsx-dev-runtime");
    EXPECT_EQ(project.module(config, jsxAt(1), "d/deeper/x.tsx"), "react/jsx-runtime");
}

TEST(JsxRuntime, PragmasWin) {
    JsxProject project;
    EXPECT_EQ(project.module({JsxMode::Automatic, "react"}, jsxAt(1, JsxRuntimePragma::Classic)),
              "");
    EXPECT_EQ(project.module({JsxMode::Classic, "react"}, jsxAt(1, JsxRuntimePragma::Automatic)),
              "react/jsx-runtime");
    EXPECT_EQ(project.module({JsxMode::Automatic, "react"},
                             jsxAt(1, JsxRuntimePragma::None, "@emotion/react")),
              "@emotion/react/jsx-runtime");
    EXPECT_EQ(project.module({JsxMode::Classic, "react"}, jsxAt(1)), "");
}

TEST(JsxRuntime, NoTsconfigIsReadForFilesInNodeModules) {
    JsxProject project;
    project.dir.write("tsconfig.json", R"({"compilerOptions": {"jsxImportSource": "preact"}})");
    EXPECT_EQ(project.module({JsxMode::Automatic, "react"}, jsxAt(1), "node_modules/ui/a.jsx"),
              "react/jsx-runtime");
}

} // namespace
} // namespace fanout
