// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/ordered_blocks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace fanout::detail {
namespace {

// Block i's text: its index, long enough that its buffer is on the heap.
std::string textOf(std::size_t index) {
    return "block " + std::to_string(index) + std::string(40, '.');
}

TEST(OrderedBlocks, TakesEveryBlockOnceInOrderNeverMoreThanAskedAhead) {
    for (const unsigned threads : {1u, 2u, 4u}) {
        constexpr std::size_t kCount = 60;
        constexpr std::size_t kAhead = 3;
        std::atomic<std::size_t> started{0};
        std::atomic<std::size_t> taken{0};
        std::atomic<std::size_t> mostAhead{0};
        std::mutex threadsMutex;
        std::set<std::thread::id> makers;
        std::vector<std::string> texts;
        orderedBlocks(
            kCount, threads, kAhead,
            [&](std::size_t index, std::string buffer) {
                // Blocks claimed and not taken yet, this one included.
                const auto ahead = ++started - taken.load();
                auto most = mostAhead.load();
                while (ahead > most && !mostAhead.compare_exchange_weak(most, ahead)) {
                }
                {
                    const std::lock_guard lock(threadsMutex);
                    makers.insert(std::this_thread::get_id());
                }
                if (index == 0 && threads > 1) {
                    // The first block waits for a second maker (up to 10 s): on a loaded machine
                    // (a sanitizer's run, other tests beside) a helper may start only after the
                    // caller could have made every block itself, which is no failure of the
                    // pipeline. A helper that never starts still fails the check below.
                    const auto deadline =
                        std::chrono::steady_clock::now() + std::chrono::seconds(10);
                    while (std::chrono::steady_clock::now() < deadline) {
                        {
                            const std::lock_guard lock(threadsMutex);
                            if (makers.size() > 1) {
                                break;
                            }
                        }
                        std::this_thread::sleep_for(std::chrono::microseconds(100));
                    }
                }
                // Blocks made in different times, so that they are ready out of order.
                std::this_thread::sleep_for(std::chrono::microseconds(50 * (index % 3)));
                buffer.clear();
                buffer += textOf(index);
                return buffer;
            },
            [&](const std::string& text) {
                // Slower than making: without the bound, the helpers would run far ahead.
                std::this_thread::sleep_for(std::chrono::microseconds(300));
                texts.push_back(text);
                ++taken;
            });
        ASSERT_EQ(texts.size(), kCount) << threads << " threads";
        for (std::size_t i = 0; i < kCount; ++i) {
            EXPECT_EQ(texts[i], textOf(i)) << threads << " threads";
        }
        // A block counts as taken here once `take` runs, just after the room it made was given:
        // one more than asked may be seen.
        EXPECT_LE(mostAhead.load(), threads == 1 ? 1 : kAhead + 1) << threads << " threads";
        // Helpers made some while the caller was taking blocks.
        EXPECT_EQ(makers.size() > 1, threads > 1) << threads << " threads";
    }
}

TEST(OrderedBlocks, GivesTakenTextsBackAsBuffers) {
    std::vector<std::string> buffers;
    orderedBlocks(
        3, 1, 1,
        [&](std::size_t index, std::string buffer) {
            buffers.push_back(buffer);
            buffer.clear();
            buffer += textOf(index);
            return buffer;
        },
        [](const std::string&) {});
    ASSERT_EQ(buffers.size(), 3u);
    EXPECT_EQ(buffers[0], "");
    EXPECT_EQ(buffers[1], textOf(0));
    EXPECT_EQ(buffers[2], textOf(1));
}

TEST(OrderedBlocks, ThrowsWhatMakeThrowsOnceTheHelpersStopped) {
    for (const unsigned threads : {1u, 3u}) {
        std::vector<std::size_t> taken;
        std::atomic<std::size_t> madeAfterTheError{0};
        std::atomic<bool> thrown{false};
        EXPECT_THROW(orderedBlocks(
                         100, threads, 4,
                         [&](std::size_t index, const std::string&) {
                             if (thrown) {
                                 ++madeAfterTheError;
                             }
                             if (index == 7) {
                                 thrown = true;
                                 throw std::runtime_error("no block 7");
                             }
                             return textOf(index);
                         },
                         [&](const std::string& text) { taken.push_back(text.size()); }),
                     std::runtime_error)
            << threads << " threads";
        EXPECT_LE(taken.size(), 7u) << threads << " threads";
        // Only blocks claimed before the error was known were made after it.
        EXPECT_LE(madeAfterTheError.load(), 4u) << threads << " threads";
    }
}

TEST(OrderedBlocks, ThrowsWhatTakeThrowsOnceTheHelpersStopped) {
    for (const unsigned threads : {1u, 3u}) {
        std::size_t taken = 0;
        EXPECT_THROW(orderedBlocks(
                         100, threads, 4,
                         [](std::size_t index, const std::string&) { return textOf(index); },
                         [&](const std::string&) {
                             if (++taken == 3) {
                                 throw std::length_error("full");
                             }
                         }),
                     std::length_error)
            << threads << " threads";
        EXPECT_EQ(taken, 3u) << threads << " threads";
    }
}

TEST(OrderedBlocks, MakesNothingForNoBlocks) {
    bool called = false;
    orderedBlocks(
        0, 2, 4,
        [&](std::size_t, const std::string&) {
            called = true;
            return std::string();
        },
        [&](const std::string&) { called = true; });
    EXPECT_FALSE(called);
}

} // namespace
} // namespace fanout::detail
