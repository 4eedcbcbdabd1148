// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/spread_thread.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <initializer_list>
#include <sched.h>
#include <stdexcept>
#include <string>
#include <thread>

namespace fanout::detail {
namespace {

cpu_set_t cpus(std::initializer_list<int> list) {
    cpu_set_t set;
    CPU_ZERO(&set);
    for (const int cpu : list) {
        CPU_SET(cpu, &set);
    }
    return set;
}

TEST(SpreadThread, StartsOnTheCreatorsOtherCpus) {
    const auto others = otherCpus(1, cpus({0, 1, 3}));
    ASSERT_TRUE(others.has_value());
    const auto expected = cpus({0, 3});
    EXPECT_TRUE(CPU_EQUAL(&*others, &expected));
    // No other CPU, a CPU the creator may not use, none known: wherever the kernel puts it.
    EXPECT_FALSE(otherCpus(2, cpus({2})).has_value());
    EXPECT_FALSE(otherCpus(2, cpus({0, 1})).has_value());
    EXPECT_FALSE(otherCpus(-1, cpus({0, 1})).has_value());
    EXPECT_FALSE(otherCpus(CPU_SETSIZE, cpus({0, 1})).has_value());
}

TEST(SpreadThread, RunsItsBodyWithTheCreatorsCpusAndIsJoinedWhenDestroyed) {
    cpu_set_t creator;
    ASSERT_EQ(::sched_getaffinity(0, sizeof creator, &creator), 0);
    std::atomic<bool> ran{false};
    cpu_set_t body;
    CPU_ZERO(&body);
    {
        const SpreadThread thread([&] {
            ::sched_getaffinity(0, sizeof body, &body);
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            ran = true;
        });
    }
    EXPECT_TRUE(ran); // joined, not left running
    EXPECT_TRUE(CPU_EQUAL(&body, &creator)) << CPU_COUNT(&body) << " of " << CPU_COUNT(&creator);
}

TEST(SpreadThread, AMovedThreadIsJoinedOnce) {
    std::atomic<int> runs{0};
    SpreadThread first([&] { ++runs; });
    SpreadThread second(std::move(first));
    EXPECT_FALSE(first.joinable()); // NOLINT(bugprone-use-after-move): what a move leaves
    EXPECT_TRUE(second.joinable());
    SpreadThread third;
    third = std::move(second);
    third.join();
    EXPECT_FALSE(third.joinable());
    EXPECT_EQ(runs, 1);
}

TEST(SpreadThread, AsyncGivesTheValueOrTheException) {
    auto value = spreadAsync([] { return std::string(100, 'x'); });
    auto failure = spreadAsync([]() -> int { throw std::runtime_error("no"); });
    EXPECT_EQ(value.get(), std::string(100, 'x'));
    EXPECT_THROW(failure.get(), std::runtime_error);
}

} // namespace
} // namespace fanout::detail
