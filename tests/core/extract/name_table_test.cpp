// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/extract/name_table.h"
#include "threads.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace fanout {
namespace {

TEST(NameTable, OneIdPerTextWhateverItsSize) {
    NameTable names;
    EXPECT_EQ(names.intern("default"), NameTable::kDefault);
    const auto empty = names.intern("");
    const auto react = names.intern("React");
    const std::string huge(200'000, 'x'); // larger than a block of the table's storage
    const auto big = names.intern(huge);
    EXPECT_NE(empty, react);
    EXPECT_EQ(names.intern(""), empty);
    EXPECT_EQ(names.intern(std::string("Re") + "act"), react);
    EXPECT_EQ(names.intern(huge), big);
    EXPECT_EQ(names.text(react), "React");
    EXPECT_EQ(names.text(empty), "");
    EXPECT_EQ(names.text(big), huge);
    EXPECT_EQ(names.text(12345), ""); // no such id
    EXPECT_EQ(names.size(), 4u);
}

// Enough names to grow the index many times and fill many blocks: every id still leads to its
// text, and every text to its id.
TEST(NameTable, ManyNamesKeepTheirIdsAsTheTableGrows) {
    NameTable names;
    std::vector<NameId> ids;
    ids.reserve(100'000);
    for (int i = 0; i < 100'000; ++i) {
        ids.push_back(names.intern("Icon" + std::to_string(i) + std::string(i % 40, 'z')));
    }
    ASSERT_EQ(names.size(), 100'001u);
    const auto all = names.snapshot();
    for (int i = 0; i < 100'000; i += 7) {
        const auto text = "Icon" + std::to_string(i) + std::string(i % 40, 'z');
        EXPECT_EQ(names.intern(text), ids[i]);
        EXPECT_EQ(all[ids[i]], text);
    }
    EXPECT_EQ(all[NameTable::kDefault], "default");
}

// A name a thread interned a moment ago is found again without the lock, in its own table only:
// two tables give the same names the ids of their own order, and a table made where one was
// destroyed gives its own.
TEST(NameTable, RecentNamesAreFoundInTheirOwnTableOnly) {
    NameTable forward;
    NameTable backward;
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 50; ++i) {
            ASSERT_EQ(forward.intern("n" + std::to_string(i)), NameId(i + 1));
            ASSERT_EQ(backward.intern("n" + std::to_string(49 - i)), NameId(i + 1));
        }
    }
    for (int generation = 0; generation < 3; ++generation) {
        // Most likely the block of the last one (the test does not depend on it).
        auto reused = std::make_unique<NameTable>();
        for (int k = 0; k < 50; ++k) {
            const int i = generation % 2 == 0 ? k : 49 - k; // other ids than the last table's
            ASSERT_EQ(reused->intern("n" + std::to_string(i)), NameId(k + 1));
        }
        reused.reset(); // its texts freed: a lookup that read them would be a use after free
    }
}

TEST(NameTable, ThreadsInterningTheSameNamesAgreeOnTheirIds) {
    NameTable names;
    constexpr int kNames = 20'000;
    std::vector<std::vector<NameId>> seen(4, std::vector<NameId>(kNames));
    testing::runOnThreads(4, [&](std::size_t t) {
        for (int i = 0; i < kNames; ++i) {
            const int n = (t % 2 == 0) ? i : kNames - 1 - i; // from both ends
            seen[t][n] = names.intern("name-" + std::to_string(n));
        }
    });
    EXPECT_EQ(names.size(), kNames + 1u);
    for (int i = 0; i < kNames; ++i) {
        ASSERT_EQ(seen[0][i], seen[1][i]);
        ASSERT_EQ(seen[0][i], seen[2][i]);
        ASSERT_EQ(seen[0][i], seen[3][i]);
        ASSERT_EQ(names.text(seen[0][i]), "name-" + std::to_string(i));
    }
}

} // namespace
} // namespace fanout
