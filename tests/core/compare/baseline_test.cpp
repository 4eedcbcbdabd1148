// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/compare/baseline.h"

#include "temp_dir.h"

#include <gtest/gtest.h>

namespace fanout {
namespace {

BudgetViolation violation(const std::string& budget, const std::string& subject,
                          const std::string& message) {
    BudgetViolation out;
    out.budget = budget;
    out.subject = subject;
    out.message = message;
    return out;
}

TEST(Baseline, WrittenAndReadBack) {
    testing::TempDir dir;
    const std::vector<BudgetViolation> today{
        violation("max-reach", "src/a.tsx -> icons", "src/a.tsx imports \"icons\" (line 2)"),
        violation("max-modules", "", "9 modules (budget 5)")};
    const auto file = dir.write("baseline.json", baselineJson(today));
    const auto entries = readBaseline(file.string());
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].budget, "max-reach");
    EXPECT_EQ(entries[0].subject, "src/a.tsx -> icons");
    EXPECT_EQ(entries[0].message, "src/a.tsx imports \"icons\" (line 2)");
    EXPECT_EQ(entries[1].subject, "");
}

TEST(Baseline, MatchesByBudgetAndSubjectNotByFigures) {
    const std::vector<BaselineEntry> baseline{
        {"max-reach", "src/a.tsx -> icons", "drags in 5 modules"},
        {"forbid-import", "src/a.tsx -> icons", "line 2"},
        {"max-package-modules", "shared", "1 module"}};
    const std::vector<BudgetViolation> today{
        violation("max-reach", "src/a.tsx -> icons", "drags in 7 modules"), // grew: still known
        violation("forbid-import", "src/b.tsx -> icons", "line 9"),         // another importer
        violation("max-modules", "", "12 modules")};
    const auto split = splitByBaseline(today, baseline);
    ASSERT_EQ(split.known.size(), 1u);
    EXPECT_EQ(split.known[0]->message, "drags in 7 modules");
    ASSERT_EQ(split.fresh.size(), 2u);
    EXPECT_EQ(split.fresh[0]->subject, "src/b.tsx -> icons");
    EXPECT_EQ(split.fresh[1]->budget, "max-modules");
    ASSERT_EQ(split.fixed.size(), 2u);
    EXPECT_EQ(split.fixed[0].budget, "forbid-import");
    EXPECT_EQ(split.fixed[1].subject, "shared");
}

TEST(Baseline, ASubjectListedOnceCoversOneViolation) {
    const std::vector<BaselineEntry> baseline{{"forbid-import", "src/a.tsx -> icons", ""}};
    const std::vector<BudgetViolation> today{
        violation("forbid-import", "src/a.tsx -> icons", "line 2"),
        violation("forbid-import", "src/a.tsx -> icons", "line 8")}; // imported twice now
    const auto split = splitByBaseline(today, baseline);
    EXPECT_EQ(split.known.size(), 1u);
    EXPECT_EQ(split.fresh.size(), 1u);
    EXPECT_TRUE(split.fixed.empty());
}

TEST(Baseline, RefusesWhatIsNotABaseline) {
    testing::TempDir dir;
    const auto expectRefused = [](const std::string& path, const std::string& why) {
        try {
            readBaseline(path);
            ADD_FAILURE() << path << " was read";
        } catch (const BaselineError& error) {
            EXPECT_NE(std::string(error.what()).find(why), std::string::npos) << error.what();
        }
    };
    expectRefused((dir.path() / "missing.json").string(), "missing.json: ");
    expectRefused(dir.write("broken.json", "{\"schema\": 1, \"violations\": [").string(),
                  "not JSON");
    expectRefused(dir.write("scan.json", R"({"schema": 1, "modules": []})").string(),
                  "not a baseline of schema 1");
    expectRefused(dir.write("bad.json", R"({"schema": 1, "violations": [{"budget": 3}]})").string(),
                  "a violation is malformed");
}

} // namespace
} // namespace fanout
