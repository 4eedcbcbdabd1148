// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/once_map.h"
#include "threads.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace fanout::detail {
namespace {

std::string keyOf(int i) {
    return "/project/node_modules/pkg/dist/esm/icons/icon-" + std::to_string(i) + ".js";
}

// Values stay where they were made while the table grows past them many times over.
TEST(OnceMap, ValuesKeepTheirPlaceAsTheTableGrows) {
    OnceMap<std::string> map;
    std::vector<const std::string*> first;
    first.reserve(50'000);
    for (int i = 0; i < 50'000; ++i) {
        first.push_back(&map.get(keyOf(i), [&] { return "value " + std::to_string(i); }));
    }
    for (int i = 0; i < 50'000; i += 3) {
        const auto& again = map.get(keyOf(i), []() -> std::string {
            ADD_FAILURE() << "computed twice";
            return {};
        });
        ASSERT_EQ(&again, first[i]);
        ASSERT_EQ(again, "value " + std::to_string(i));
        ASSERT_EQ(map.find(keyOf(i)), first[i]);
    }
    EXPECT_EQ(map.find("/not/asked"), nullptr);
    std::map<std::string, std::string> seen;
    map.forEach([&](const std::string& key, const std::string& value) {
        EXPECT_TRUE(seen.emplace(key, value).second) << key;
    });
    ASSERT_EQ(seen.size(), 50'000u);
    EXPECT_EQ(seen[keyOf(49'999)], "value 49999");
}

TEST(OnceMap, ThreadsAskingTheSameKeysComputeEachOnce) {
    OnceMap<int> map;
    constexpr int kKeys = 20'000;
    std::vector<std::atomic<int>> computed(kKeys);
    std::vector<std::vector<const int*>> seen(4, std::vector<const int*>(kKeys));
    testing::runOnThreads(4, [&](std::size_t t) {
        for (int i = 0; i < kKeys; ++i) {
            const int k = (t % 2 == 0) ? i : kKeys - 1 - i; // from both ends
            seen[t][k] = &map.get(keyOf(k), [&] {
                computed[k].fetch_add(1);
                return k;
            });
        }
    });
    for (int i = 0; i < kKeys; ++i) {
        ASSERT_EQ(computed[i].load(), 1) << i;
        ASSERT_EQ(*seen[0][i], i);
        ASSERT_EQ(seen[1][i], seen[0][i]);
        ASSERT_EQ(seen[2][i], seen[0][i]);
        ASSERT_EQ(seen[3][i], seen[0][i]);
    }
}

// A key a thread asked for a moment ago is found again without the lock, in the map it was asked
// of: two maps with the same keys keep their own values, and a map made where one was destroyed
// computes its own (it never gets a node of the map gone).
TEST(OnceMap, RecentKeysAreFoundInTheirOwnMapOnly) {
    OnceMap<int> a;
    OnceMap<int> b;
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 100; ++i) {
            ASSERT_EQ(a.get(keyOf(i), [&] { return i; }), i);
            ASSERT_EQ(b.get(keyOf(i), [&] { return -i; }), -i);
        }
    }
    std::optional<OnceMap<std::string>> reused;
    const void* firstAddress = nullptr;
    for (int generation = 0; generation < 3; ++generation) {
        reused.emplace(); // the same storage each time
        if (generation == 0) {
            firstAddress = &*reused;
        }
        ASSERT_EQ(&*reused, firstAddress);
        for (int k = 0; k < 10; ++k) {
            const int i = generation % 2 == 0 ? k : 9 - k; // nodes elsewhere than the last map's
            ASSERT_EQ(reused->get(keyOf(i), [&] { return std::to_string(generation); }),
                      std::to_string(generation));
        }
        reused.reset(); // its nodes freed: a lookup that reached them would be a use after free,
                        // which AddressSanitizer reports
    }
}

TEST(OnceMap, AComputationThatThrowsIsTriedAgainByTheNextCaller) {
    OnceMap<int> map;
    EXPECT_THROW(map.get("a", []() -> int { throw std::runtime_error("no"); }), std::runtime_error);
    EXPECT_EQ(map.get("a", [] { return 7; }), 7);
    EXPECT_EQ(map.get("a", [] { return 8; }), 7);
}

} // namespace
} // namespace fanout::detail
