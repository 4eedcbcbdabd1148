// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/jsonc.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <fstream>

namespace fanout::detail {
namespace {

std::string write(const testing::TempDir& dir, const std::string& name, const std::string& text) {
    const auto path = (dir.path() / name).string();
    std::ofstream(path) << text;
    return path;
}

TEST(JsonFile, ReadsJsoncAndTellsAReadErrorFromAParseError) {
    testing::TempDir dir;
    const auto good = readJsonFile(write(dir, "tsconfig.json", "{ // paths\n \"a\": [1, 2,],\n}"));
    ASSERT_TRUE(good.ok());
    EXPECT_EQ(good.json["a"].size(), 2u);

    const auto missing = readJsonFile((dir.path() / "nope.json").string());
    EXPECT_FALSE(missing.ok());
    EXPECT_FALSE(missing.readError.empty());
    EXPECT_TRUE(missing.parseError.empty());

    const auto broken = readJsonFile(write(dir, "broken.json", "{ \"a\": }"));
    EXPECT_FALSE(broken.ok());
    EXPECT_TRUE(broken.readError.empty());
    EXPECT_FALSE(broken.parseError.empty());
}

TEST(JsonFile, StrictJsonRefusesWhatJsoncAllows) {
    testing::TempDir dir;
    const auto path = write(dir, "package.json", "{ \"name\": \"x\", // no\n }");
    EXPECT_TRUE(readJsonFile(path).ok());
    const auto strict = readJsonFile(path, false);
    EXPECT_FALSE(strict.ok());
    EXPECT_FALSE(strict.parseError.empty());
}

} // namespace
} // namespace fanout::detail
