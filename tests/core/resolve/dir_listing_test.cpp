// SPDX-License-Identifier: GPL-3.0-or-later
#include "resolve/dir_listing.h"

#include <gtest/gtest.h>

#include <dirent.h>
#include <string>

namespace fanout::detail {
namespace {

DirListing listingOf(std::initializer_list<std::pair<std::string, unsigned char>> entries) {
    DirListing listing;
    for (const auto& [name, type] : entries) {
        listing.add(name, type);
    }
    listing.index();
    listing.readable = true;
    return listing;
}

TEST(DirListing, GivesEachListedNamesTypeAndNothingForOthers) {
    const auto listing = listingOf(
        {{"index.js", DT_REG}, {"icons", DT_DIR}, {"link.js", DT_LNK}, {"odd", DT_UNKNOWN}});
    EXPECT_EQ(listing.size(), 4U);
    EXPECT_EQ(listing.typeOf("index.js"), DT_REG);
    EXPECT_EQ(listing.typeOf("icons"), DT_DIR);
    EXPECT_EQ(listing.typeOf("link.js"), DT_LNK);
    EXPECT_EQ(listing.typeOf("odd"), DT_UNKNOWN);
    EXPECT_FALSE(listing.typeOf(""));
    EXPECT_FALSE(listing.typeOf("index"));
    EXPECT_FALSE(listing.typeOf("index.js.map"));
    EXPECT_FALSE(listing.typeOf("Index.js"));
}

TEST(DirListing, FindsEveryNameOfALargeFolder) {
    DirListing listing;
    constexpr int kEntries = 21000; // an icon package's folder
    for (int i = 0; i < kEntries; ++i) {
        listing.add("Icon" + std::to_string(i) + (i % 2 == 0 ? ".js" : ".d.ts"),
                    i % 3 == 0 ? DT_DIR : DT_REG);
    }
    listing.index();
    for (int i = 0; i < kEntries; ++i) {
        const auto name = "Icon" + std::to_string(i) + (i % 2 == 0 ? ".js" : ".d.ts");
        ASSERT_EQ(listing.typeOf(name), i % 3 == 0 ? DT_DIR : DT_REG) << name;
        ASSERT_FALSE(listing.typeOf(name + "x")) << name;
    }
}

TEST(DirListing, AFolderNeverIndexedOrEmptyListsNothing) {
    const DirListing unread;
    EXPECT_FALSE(unread.typeOf("a"));
    EXPECT_FALSE(unread.spellingOf("a"));
    const auto empty = listingOf({});
    EXPECT_EQ(empty.size(), 0U);
    EXPECT_FALSE(empty.typeOf("a"));
    EXPECT_FALSE(empty.spellingOf("a"));
}

// On a case-sensitive disk a folder may hold names that differ only in case: the exact one when
// listed, else the first in byte order, whatever order the folder was read in.
TEST(DirListing, SpellingIgnoresCaseAndPrefersTheExactThenTheFirstInByteOrder) {
    const auto listing = listingOf(
        {{"button.js", DT_REG}, {"Button.js", DT_REG}, {"BUTTON.JS", DT_REG}, {"Card.js", DT_REG}});
    EXPECT_EQ(listing.spellingOf("button.js"), "button.js");
    EXPECT_EQ(listing.spellingOf("Button.js"), "Button.js");
    EXPECT_EQ(listing.spellingOf("bUTTON.js"), "BUTTON.JS");
    EXPECT_EQ(listing.spellingOf("card.JS"), "Card.js");
    EXPECT_FALSE(listing.spellingOf("cards.js"));
}

} // namespace
} // namespace fanout::detail
