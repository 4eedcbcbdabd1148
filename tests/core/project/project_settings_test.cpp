// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/demo/demo_project.h"
#include "fanout/project/project_config.h"
#include "fanout/project/project_settings.h"

#include "file_text.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <fstream>

namespace fanout {
namespace {

namespace fs = std::filesystem;

TEST(ProjectSettings, SavedSettingsAreWhatTheNextScanLoadsAndOtherKeysStay) {
    testing::TempDir tmp;
    const auto root = fs::canonical(tmp.path()) / "demo";
    writeDemoProject(root, 5);
    std::ofstream(root / "fanout.json")
        << "{ // budgets stay\n \"budgets\": {\"maxModules\": 9}\n}";
    const auto before = loadScanConfig(root.string(), {});
    auto settings = settingsOf(before);
    EXPECT_EQ(settings.preset, "rwsdk");
    ASSERT_FALSE(settings.conditions.empty());
    settings.conditions[0].second.push_back("fanout-test");
    settings.directiveRule = DirectiveRule::Rwsdk;
    ASSERT_EQ(saveProjectSettings(root.string(), settings, before), "");

    const auto after = loadScanConfig(root.string(), {});
    EXPECT_EQ(after.directiveRule, DirectiveRule::Rwsdk);
    EXPECT_EQ(after.budgets.maxModules, 9u);
    EXPECT_EQ(after.environments.size(), before.environments.size());
    EXPECT_EQ(after.environments[0].resolver.conditions.back(), "fanout-test");
    EXPECT_EQ(after.environments[0].resolver.mainFields,
              before.environments[0].resolver.mainFields);
    // Entries were not set: the preset's conditional entries are still found.
    EXPECT_EQ(after.conditionalEntries, before.conditionalEntries);
    EXPECT_EQ(after.entries, before.entries);
}

// Saving goes through a JSON library and loses comments: the app asks first when there are any.
TEST(ProjectSettings, CommentsInFanoutJsonAreFoundOutsideStringsOnly) {
    testing::TempDir tmp;
    const auto root = fs::canonical(tmp.path()).string();
    EXPECT_FALSE(fanoutJsonHasComments(root)); // no file
    tmp.write("fanout.json", R"({"alias": {"//x": "/*y*/"}, "entries": ["a,b"],})");
    EXPECT_FALSE(fanoutJsonHasComments(root));
    tmp.write("fanout.json", "{\n  \"preset\": \"vite\" // keep\n}");
    EXPECT_TRUE(fanoutJsonHasComments(root));
    tmp.write("fanout.json", "/* header */ {}");
    EXPECT_TRUE(fanoutJsonHasComments(root));
    tmp.write("fanout.json", R"({"s": "a \" // quoted", "n": 1})");
    EXPECT_FALSE(fanoutJsonHasComments(root));
}

TEST(ProjectSettings, AnUnreadableFanoutJsonIsLeftAlone) {
    testing::TempDir tmp;
    const auto root = fs::canonical(tmp.path());
    tmp.write("fanout.json", "{ not json");
    ScanConfig config;
    config.root = root.string();
    const auto error = saveProjectSettings(root.string(), settingsOf(config), config);
    EXPECT_NE(error.find("not valid JSON"), std::string::npos) << error;
    EXPECT_EQ(testing::fileText(root / "fanout.json"), "{ not json");
}

} // namespace
} // namespace fanout
