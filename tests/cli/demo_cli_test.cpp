// SPDX-License-Identifier: GPL-3.0-or-later
#include "process.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace fanout {
namespace {

namespace fs = std::filesystem;

TEST(DemoCli, WritesTheDemoAndRefusesToOverwriteAProject) {
    testing::TempDir tmp;
    const auto dir = tmp.path() / "demo";
    const auto result =
        testing::runProcess({FANOUT_EXECUTABLE, "demo", dir.string(), "--icons", "40"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.err.find("40 icon modules"), std::string::npos) << result.err;
    EXPECT_TRUE(fs::exists(dir / "node_modules/lucide-mini/dist/esm/icons"));
    EXPECT_TRUE(fs::exists(dir / "src/worker.tsx"));

    tmp.write("mine/package.json", "{}");
    const auto refused =
        testing::runProcess({FANOUT_EXECUTABLE, "demo", (tmp.path() / "mine").string()});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find("not an earlier demo project"), std::string::npos);
    EXPECT_EQ(fs::directory_iterator(tmp.path() / "mine")->path().filename(), "package.json");
}

} // namespace
} // namespace fanout
