// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan/scan_helpers.h"

#include "temp_dir.h"

#include "fanout/analysis/analysis.h"
#include "fanout/analysis/module_graph.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace fanout {
namespace {

// The modules and edges are formatted in blocks of 2,048, on as many threads as asked for:
// 9,001 modules and 9,000 edges make four full blocks and a shorter fifth each.
TEST(ScanJson, FormattedOnSeveralThreadsItIsTheSameText) {
    testing::TempDir tmp;
    std::string entry;
    for (int i = 0; i < 9000; ++i) {
        const auto name = "m" + std::to_string(i) + ".js";
        entry += "import { x" + std::to_string(i % 7) + " } from './" + name + "';\n";
        tmp.write(name, "export const x" + std::to_string(i % 7) + " = 1;\n");
    }
    tmp.write("entry.js", entry);
    const auto root = std::filesystem::canonical(tmp.path()).string();
    ScanOverrides overrides;
    overrides.entries = {"entry.js"};
    const auto result = testing::scanProject(root, overrides);
    ASSERT_EQ(result->modules.size(), 9001u);
    ASSERT_EQ(result->edges.size(), 9000u);
    const ModuleGraph graph(*result);
    const auto analysis = analyze(*result, graph);
    JsonOptions options{true, &analysis};
    const auto one = scanToJson(*result, options);
    for (const unsigned threads : {2u, 3u}) {
        options.threads = threads;
        EXPECT_EQ(scanToJson(*result, options), one) << threads << " threads";
    }
    // Every module and edge once, in order: the first and last of each, and one per line.
    EXPECT_NE(one.find("\"modules\": [\n    {\"path\":\"entry.js\""), std::string::npos);
    EXPECT_NE(one.find("\"specifier\":\"./m8999.js\""), std::string::npos);
    EXPECT_EQ(one.find(",,"), std::string::npos);
    const auto lines = static_cast<std::size_t>(std::count(one.begin(), one.end(), '\n'));
    EXPECT_GT(lines, 18001u);
}

} // namespace
} // namespace fanout
