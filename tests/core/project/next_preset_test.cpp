// SPDX-License-Identifier: GPL-3.0-or-later
// The next preset on hand-made projects (the real `next build` comparison is tests/nextjs).
#include "fanout/project/project_config.h"

#include "scan/scan_helpers.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

namespace fanout {
namespace {

using testing::TempDir;
using Strings = std::vector<std::string>;

struct NextProject {
    TempDir dir;
    NextProject() {
        dir.write("package.json", R"({"name": "web", "dependencies": {"next": "15.5.29"}})");
    }
    ScanConfig config() const { return loadScanConfig(dir.path().string(), {}); }
    Strings entries(const ScanConfig& config) const {
        Strings out;
        for (const auto& entry : config.entries) {
            out.push_back(displayPath(entry, config.root));
        }
        return out;
    }
};

TEST(NextPreset, DetectedByTheDependencyOrTheConfigFile) {
    NextProject project;
    project.dir.write("app/page.tsx", "export default () => null;");
    EXPECT_EQ(detectPreset(project.dir.path().string()), "next");
    TempDir bare;
    bare.write("next.config.ts", "export default {};");
    EXPECT_EQ(detectPreset(bare.path().string()), "next");
}

TEST(NextPreset, RouteFilesOfBothRoutersMiddlewareAndInstrumentation) {
    NextProject project;
    for (const auto* file :
         {"src/app/page.tsx", "src/app/layout.tsx", "src/app/(shop)/cart/page.jsx",
          "src/app/@modal/default.tsx", "src/app/api/route.ts", "src/app/icon.tsx",
          "src/app/opengraph-image.tsx", "src/app/not-found.tsx", "src/app/global-error.tsx",
          "src/app/blog/Card.tsx", "src/app/_private/page.tsx", "src/app/blog/page.mdx",
          "src/pages/about.tsx", "src/pages/api/hello.ts", "src/middleware.ts",
          "instrumentation.ts"}) {
        project.dir.write(file, "export default () => null;");
    }
    const auto config = project.config();
    EXPECT_EQ(project.entries(config),
              (Strings{"src/app/(shop)/cart/page.jsx", "src/app/@modal/default.tsx",
                       "src/app/api/route.ts", "src/app/global-error.tsx", "src/app/icon.tsx",
                       "src/app/layout.tsx", "src/app/not-found.tsx", "src/app/opengraph-image.tsx",
                       "src/app/page.tsx", "src/pages/about.tsx", "src/pages/api/hello.ts",
                       "instrumentation.ts", "src/middleware.ts"}));
    const auto root = config.root;
    EXPECT_EQ(config.entryEnvironments.at(root + "/src/middleware.ts"), "edge");
    EXPECT_EQ(config.entryEnvironments.at(root + "/instrumentation.ts"), "ssr");
    EXPECT_EQ(config.entryEnvironments.at(root + "/src/pages/about.tsx"), "ssr");
    EXPECT_EQ(config.entryEnvironments.count(root + "/src/app/page.tsx"), 0u); // server: first
    ASSERT_EQ(config.environments.size(), 4u);
    EXPECT_EQ(config.environments[0].name, "server");
    EXPECT_EQ(config.environments[0].resolver.conditions.front(), "react-server");
    EXPECT_EQ(config.environments[1].resolver.mainFields, (Strings{"browser", "module", "main"}));
    EXPECT_TRUE(config.environments[3].resolver.browserField);
    EXPECT_EQ(config.jsx.mode, JsxMode::Automatic);
}

TEST(NextPreset, PageExtensionsFromTheConfig) {
    NextProject project;
    project.dir.write("next.config.js",
                      "module.exports = { pageExtensions: ['page.tsx', 'mdx'] };");
    project.dir.write("app/page.tsx", "");
    project.dir.write("app/page.mdx", "");
    project.dir.write("pages/index.page.tsx", "");
    project.dir.write("pages/helper.tsx", "");
    EXPECT_EQ(project.entries(project.config()), (Strings{"app/page.mdx", "pages/index.page.tsx"}));
}

TEST(NextPreset, ANonLiteralConfigValueIsAFinding) {
    NextProject project;
    project.dir.write("next.config.mjs", "const extra = ['x'];\n"
                                         "export default { experimental: {\n"
                                         "  optimizePackageImports: ['my-icons', ...extra] },\n"
                                         "  serverExternalPackages: extra };\n");
    project.dir.write("app/page.tsx", "export default function Page() { return null; }");
    const auto result = testing::scanProject(project.dir.path().string());
    std::size_t notStatic = 0;
    for (const auto& finding : result->findings) {
        if (finding.kind == "config-not-static") {
            ++notStatic;
            EXPECT_NE(finding.message.find("is not a literal ("), std::string::npos);
        }
    }
    EXPECT_EQ(notStatic, 2u);
    const auto& optimize = result->config.optimizePackages;
    EXPECT_EQ(std::count(optimize.begin(), optimize.end(), "my-icons"), 0);
    EXPECT_EQ(std::count(optimize.begin(), optimize.end(), "lucide-react"), 1);
}

// A "use client" module imported from the server is a boundary, also in node_modules; one
// imported only from the client is not. A "use server" file imported is a server action.
TEST(NextPreset, ClientBoundariesAndServerActions) {
    NextProject project;
    project.dir.write("app/page.tsx", "import { A } from '../components/A';\n"
                                      "import { Toast } from 'toasts';\n"
                                      "export default function Page() { return <A />; }\n");
    project.dir.write("components/A.tsx", "'use client';\nimport { B } from './B';\n"
                                          "import { save } from '../app/actions';\n"
                                          "export const A = () => <B onClick={save} />;\n");
    project.dir.write("components/B.tsx", "'use client';\nexport const B = () => null;\n");
    project.dir.write("app/actions.ts", "'use server';\nexport async function save() {}\n");
    project.dir.write("node_modules/toasts/package.json",
                      R"({"name": "toasts", "module": "index.mjs"})");
    project.dir.write("node_modules/toasts/index.mjs", "'use client';\nexport const Toast = 1;\n");
    const auto result = testing::scanProject(project.dir.path().string());
    EXPECT_EQ(testing::relative(result->clientBoundaries, result->config.root),
              (Strings{"components/A.tsx", "node_modules/toasts/index.mjs"}));
    EXPECT_EQ(testing::relative(result->serverActions, result->config.root),
              (Strings{"app/actions.ts"}));
    EXPECT_EQ(testing::relative(result->clientModules, result->config.root),
              (Strings{"components/A.tsx", "components/B.tsx", "node_modules/toasts/index.mjs"}));
}

} // namespace
} // namespace fanout
