// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan/task_queue.h"

#include <gtest/gtest.h>

#include <deque>
#include <random>

namespace fanout::detail {
namespace {

TEST(TaskQueue, TakesTheOldestFromTheFrontAndTheNewestFromTheBack) {
    TaskQueue<int> queue;
    EXPECT_TRUE(queue.empty());
    for (int i = 1; i <= 4; ++i) {
        queue.push_back(i);
    }
    EXPECT_EQ(queue.size(), 4U);
    EXPECT_EQ(queue.front(), 1);
    EXPECT_EQ(queue.back(), 4);
    queue.pop_front();
    queue.pop_back();
    EXPECT_EQ(queue.front(), 2);
    EXPECT_EQ(queue.back(), 3);
    queue.pop_back();
    queue.pop_front();
    EXPECT_TRUE(queue.empty());
    queue.push_back(5); // usable again once emptied from either end
    EXPECT_EQ(queue.front(), 5);
    EXPECT_EQ(queue.back(), 5);
    queue.clear();
    EXPECT_TRUE(queue.empty());
    EXPECT_EQ(queue.size(), 0U);
}

TEST(TaskQueue, KeepsItsOrderWhenTheTakenFrontIsDropped) {
    TaskQueue<int> queue;
    for (int i = 0; i < 5000; ++i) {
        queue.push_back(i);
    }
    for (int i = 0; i < 4000; ++i) {
        ASSERT_EQ(queue.front(), i);
        queue.pop_front();
    }
    queue.push_back(5000);
    EXPECT_EQ(queue.size(), 1001U);
    for (int i = 4000; i <= 5000; ++i) {
        ASSERT_EQ(queue.front(), i);
        queue.pop_front();
    }
    EXPECT_TRUE(queue.empty());
}

// Long runs from the front drop the taken part of the vector; the order and contents stay those
// of a std::deque given the same operations.
TEST(TaskQueue, AgreesWithADequeThroughManyMixedOperations) {
    TaskQueue<int> queue;
    std::deque<int> expected;
    std::mt19937 random(7);
    int next = 0;
    for (int step = 0; step < 200000; ++step) {
        const auto choice = random() % 8; // pushes as many as pops, on average
        if (choice < 2 || expected.empty()) {
            for (int i = 0; i < 3; ++i) {
                queue.push_back(next);
                expected.push_back(next++);
            }
        } else if (choice < 7) {
            ASSERT_EQ(queue.front(), expected.front());
            queue.pop_front();
            expected.pop_front();
        } else {
            ASSERT_EQ(queue.back(), expected.back());
            queue.pop_back();
            expected.pop_back();
        }
        ASSERT_EQ(queue.size(), expected.size());
        ASSERT_EQ(queue.empty(), expected.empty());
    }
    while (!expected.empty()) {
        ASSERT_EQ(queue.front(), expected.front());
        queue.pop_front();
        expected.pop_front();
    }
    EXPECT_TRUE(queue.empty());
}

} // namespace
} // namespace fanout::detail
