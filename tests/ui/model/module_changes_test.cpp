// SPDX-License-Identifier: GPL-3.0-or-later
// What changed, module by module, between two scan documents: what the tables mark.
#include "module_changes.h"

#include <gtest/gtest.h>

namespace fanout::ui {
namespace {

DocumentModule module(const std::string& path, std::uint64_t bytes,
                      const std::string& directive = "none", const std::string& env = "client") {
    return {path, env, "", bytes, directive};
}

class ModuleChangesTest : public ::testing::Test {
protected:
    void SetUp() override {
        before.modules = {module("src/a.ts", 100), module("src/b.ts", 50),
                          module("src/c.ts", 10, "none"), module("src/gone.ts", 5),
                          module("src/a.ts", 100, "none", "server")};
        before.hotspots = {{"src/a.ts", "client", 40, 4000}};
        after.modules = {module("src/a.ts", 100), module("src/b.ts", 80),
                         module("src/c.ts", 10, "client"), module("src/new.ts", 7),
                         module("src/a.ts", 100, "none", "server")};
        after.hotspots = {{"src/a.ts", "client", 140, 9000}}; // small: no group separator
    }
    ScanDocument before;
    ScanDocument after;
};

TEST_F(ModuleChangesTest, EachModuleSaysWhatChanged) {
    const ModuleChanges changes(before, after, QStringLiteral("the previous scan"));
    ASSERT_TRUE(changes.compared());
    EXPECT_EQ(changes.text(ModuleId{0}), QStringLiteral("reach +100"));
    EXPECT_EQ(changes.text(ModuleId{1}), QStringLiteral("edited +30 B"));
    EXPECT_EQ(changes.text(ModuleId{2}), QStringLiteral("was no directive"));
    EXPECT_EQ(changes.text(ModuleId{3}), QStringLiteral("new"));
    EXPECT_EQ(changes.text(ModuleId{4}), QString()) << "same path, other environment: unchanged";
    EXPECT_EQ(changes.of(ModuleId{4}), nullptr);
    EXPECT_EQ(changes.of(ModuleId{99}), nullptr);
    EXPECT_EQ(changes.gone(), std::vector<std::string>{"src/gone.ts (client)"});
    EXPECT_EQ(changes.summary(),
              QStringLiteral("Since the previous scan: 1 new, 1 gone, 1 edited, 1 with another "
                             "directive, 1 with another reach."));
}

TEST_F(ModuleChangesTest, NewModulesSortFirstThenTheLargestChangeOfReach) {
    const ModuleChanges changes(before, after, QStringLiteral("x"));
    const auto key = [&](std::uint32_t id) { return changes.sortKey(ModuleId{id}); };
    EXPECT_GT(key(3), key(0)); // new
    EXPECT_GT(key(0), key(2)); // reach
    EXPECT_GT(key(2), key(1)); // directive over bytes
    EXPECT_GT(key(1), key(4)); // changed over unchanged
    EXPECT_EQ(key(4), 0);
}

TEST_F(ModuleChangesTest, ShrinkingIsSignedAndNothingComparedSaysNothing) {
    std::swap(before.modules[1], after.modules[1]);
    const ModuleChanges changes(before, after, QStringLiteral("the saved scan s.json"));
    EXPECT_EQ(changes.text(ModuleId{1}), QStringLiteral("edited \u221230 B"));
    const ModuleChanges same(after, after, QStringLiteral("the saved scan s.json"));
    EXPECT_EQ(same.summary(), QStringLiteral("No module changed since the saved scan s.json."));
    EXPECT_FALSE(ModuleChanges().compared());
    EXPECT_TRUE(ModuleChanges().summary().isEmpty());
}

} // namespace
} // namespace fanout::ui
