// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/scan/memory_sampler.h"

#include <gtest/gtest.h>

#include <thread>

namespace fanout {
namespace {

TEST(MemorySampler, SamplesTheFirstSecondTenTimesAsOften) {
    EXPECT_DOUBLE_EQ(MemorySampler::intervalAt(0.0, 0.1), 0.01);
    EXPECT_DOUBLE_EQ(MemorySampler::intervalAt(0.99, 0.1), 0.01);
    EXPECT_DOUBLE_EQ(MemorySampler::intervalAt(1.0, 0.1), 0.1);
    EXPECT_DOUBLE_EQ(MemorySampler::intervalAt(30.0, 0.5), 0.5);
}

// A scan of a third of a second draws a curve, not a handful of points (3 at 100 ms).
TEST(MemorySampler, AShortRunHasManySamples) {
    MemorySampler sampler(0.1);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    sampler.stop();
    const auto timeline = sampler.timeline();
    EXPECT_GE(timeline.size(), 10u); // about 30; the margin is for loaded machines
    EXPECT_GT(sampler.peak(), 0u);
    for (std::size_t i = 1; i < timeline.size(); ++i) {
        EXPECT_GE(timeline[i].seconds, timeline[i - 1].seconds);
    }
}

} // namespace
} // namespace fanout
