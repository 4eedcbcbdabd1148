// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/scan/huge_page_heaps.h"

#include <gtest/gtest.h>

#include <cmath>

namespace fanout {
namespace {

constexpr const char* kMadvise = "always [madvise] never\n";

TEST(HugePageHeaps, AskedForWhereTheKernelGivesHugePagesOnRequest) {
    EXPECT_EQ(hugePageTunables(nullptr, kMadvise), "glibc.malloc.hugetlb=1");
    EXPECT_EQ(hugePageTunables("", kMadvise), "glibc.malloc.hugetlb=1");
}

TEST(HugePageHeaps, TheUsersOtherTunablesAreKept) {
    EXPECT_EQ(hugePageTunables("glibc.malloc.arena_max=3", kMadvise),
              "glibc.malloc.arena_max=3:glibc.malloc.hugetlb=1");
}

TEST(HugePageHeaps, TheUsersOwnChoiceIsLeftAlone) {
    EXPECT_EQ(hugePageTunables("glibc.malloc.hugetlb=0", kMadvise), std::nullopt);
    EXPECT_EQ(hugePageTunables("glibc.malloc.arena_max=3:glibc.malloc.hugetlb=2", kMadvise),
              std::nullopt);
}

TEST(HugePageHeaps, NothingChangesUnlessTheModeIsMadvise) {
    EXPECT_EQ(hugePageTunables(nullptr, "[always] madvise never\n"), std::nullopt);
    EXPECT_EQ(hugePageTunables(nullptr, "always madvise [never]\n"), std::nullopt);
    EXPECT_EQ(hugePageTunables(nullptr, ""), std::nullopt); // no such file: not Linux, or no THP
}

// The two machines measured: a guest whose every 4 KB fault was a 9 us trap while a huge page
// took 0.1 ms, and one whose 4 KB faults took 1.3 us while a huge page the host had taken back
// took 4.8 ms.
TEST(HugePageHeaps, PayOffWhereSmallFaultsAreDearAndAHugePageIsNot) {
    EXPECT_TRUE(hugePagesPayOff({9000, 100000}));
    EXPECT_FALSE(hugePagesPayOff({1300, 4800000}));
    // Cheap 4 KB faults: not worth it, however cheap the huge page.
    EXPECT_FALSE(hugePagesPayOff({kSmallFaultWorthAHugePageNs - 1, 1000}));
    // A huge page must cost less than the 512 small ones it replaces.
    EXPECT_TRUE(hugePagesPayOff({4000, 4000 * 512 - 1}));
    EXPECT_FALSE(hugePagesPayOff({4000, 4000 * 512}));
    // Not measured (no huge page to be had): no.
    EXPECT_FALSE(hugePagesPayOff({9000, std::nullopt}));
}

TEST(HugePageHeaps, FaultCostsAreMeasured) {
    const auto small = smallPageFaultNs();
    ASSERT_TRUE(small.has_value());
    EXPECT_GT(*small, 0);
    EXPECT_TRUE(std::isfinite(*small));
    // The kernel may refuse the advice (THP compiled out); when it takes it, a time comes back.
    if (const auto huge = hugePageFaultNs()) {
        EXPECT_GT(*huge, 0);
        EXPECT_TRUE(std::isfinite(*huge));
    }
}

} // namespace
} // namespace fanout
