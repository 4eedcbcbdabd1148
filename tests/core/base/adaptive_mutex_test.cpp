// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/base/adaptive_mutex.h"

#include "threads.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>

namespace fanout {
namespace {

TEST(AdaptiveMutex, KeepsOneThreadInsideAtATime) {
    AdaptiveMutex mutex;
    std::size_t counter = 0; // not atomic: a lost update shows that two threads were inside
    constexpr std::size_t kThreads = 4;
    constexpr std::size_t kRounds = 50000;
    testing::runOnThreads(kThreads, [&](std::size_t) {
        for (std::size_t i = 0; i < kRounds; ++i) {
            const std::lock_guard lock(mutex);
            counter = counter + 1;
        }
    });
    EXPECT_EQ(counter, kThreads * kRounds);
}

TEST(AdaptiveMutex, TryLockFailsWhileAnotherThreadHoldsIt) {
    AdaptiveMutex mutex;
    mutex.lock();
    bool taken = true;
    std::thread([&] { taken = mutex.try_lock(); }).join();
    EXPECT_FALSE(taken);
    mutex.unlock();
    std::thread([&] {
        taken = mutex.try_lock();
        if (taken) {
            mutex.unlock();
        }
    }).join();
    EXPECT_TRUE(taken);
}

TEST(AdaptiveMutex, AConditionVariableWaitsOnIt) {
    AdaptiveMutex mutex;
    std::condition_variable_any changed;
    bool ready = false;
    std::thread producer([&] {
        const std::lock_guard lock(mutex);
        ready = true;
        changed.notify_one();
    });
    {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return ready; });
        EXPECT_TRUE(ready);
    }
    producer.join();
}

} // namespace
} // namespace fanout
