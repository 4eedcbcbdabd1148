// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/scan/allocator_arenas.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace fanout {
namespace {

// Sets an environment variable for one scope, restoring what was there.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name) {
        if (const char* old = std::getenv(name)) {
            m_old = old;
            m_had = true;
        }
        ::setenv(name, value, 1);
    }
    ~ScopedEnv() {
        if (m_had) {
            ::setenv(m_name, m_old.c_str(), 1);
        } else {
            ::unsetenv(m_name);
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
    std::string m_old;
    bool m_had = false;
};

// With the user's own setting in its environment variable, or in GLIBC_TUNABLES, `tune` sets
// nothing.
void expectUsersSettingKept(int (*tune)(), const char* variable, const char* value,
                            const char* tunables) {
    {
        const ScopedEnv env(variable, value);
        EXPECT_EQ(tune(), 0) << variable;
    }
    {
        const ScopedEnv env("GLIBC_TUNABLES", tunables);
        EXPECT_EQ(tune(), 0) << tunables;
    }
}

TEST(AllocatorArenas, TheUsersOwnSettingIsLeftAlone) {
    expectUsersSettingKept(limitAllocatorArenas, "MALLOC_ARENA_MAX", "8",
                           "glibc.malloc.arena_max=3");
}

TEST(AllocatorArenas, GlibcIsCappedAtTwoOrMore) {
    if (std::getenv("MALLOC_ARENA_MAX") != nullptr || std::getenv("GLIBC_TUNABLES") != nullptr) {
        GTEST_SKIP() << "the environment sets the allocator's arenas";
    }
#if defined(__SANITIZE_ADDRESS__)
    GTEST_SKIP() << "AddressSanitizer's allocator replaces glibc's: it has no arenas to cap";
#elif defined(__GLIBC__)
    EXPECT_GE(limitAllocatorArenas(), 2);
#else
    EXPECT_EQ(limitAllocatorArenas(), 0);
#endif
}

TEST(AllocatorTopPad, TheUsersOwnSettingIsLeftAlone) {
    expectUsersSettingKept(padAllocatorHeaps, "MALLOC_TOP_PAD_", "131072",
                           "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=0");
}

// glibc's own malloc, not a sanitizer's.
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
constexpr bool kGlibcMalloc = true;
#else
constexpr bool kGlibcMalloc = false;
#endif

TEST(AllocatorTopPad, GlibcHeapsGrowInStepsOfManyHugePages) {
    if (std::getenv("MALLOC_TOP_PAD_") != nullptr || std::getenv("GLIBC_TUNABLES") != nullptr) {
        GTEST_SKIP() << "the environment sets the allocator's tunables";
    }
    EXPECT_EQ(padAllocatorHeaps(), kGlibcMalloc ? 32 << 20 : 0);
}

TEST(AllocatorMmapThreshold, TheUsersOwnSettingIsLeftAlone) {
    expectUsersSettingKept(keepLargeBlocksInHeaps, "MALLOC_MMAP_THRESHOLD_", "131072",
                           "glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=131072");
}

#if defined(__GLIBC__)
char* volatile g_sink = nullptr;

// Whether a block of a megabyte, which no free memory of the heap can hold, is mapped apart from
// the heap (glibc's default above 128 KB) rather than taken from it (the heap grows for it).
bool megabyteMappedApart() {
    const auto heap = ::mallinfo2();
    // Larger than all the free memory outside the heap's top chunk, so no free block can hold it.
    const std::size_t bytes =
        std::max<std::size_t>(std::size_t{1} << 20, heap.fordblks - heap.keepcost + 4096);
    // The top chunk taken first, so that the block cannot be cut from it either.
    constexpr std::size_t kLeft = 64 << 10;
    const std::unique_ptr<char[]> top(heap.keepcost > kLeft ? new char[heap.keepcost - kLeft]
                                                            : nullptr);
    const std::size_t before = ::mallinfo2().hblks;
    const std::unique_ptr<char[]> block(new char[bytes]);
    g_sink = block.get(); // kept: an allocation nothing uses may be left out
    return ::mallinfo2().hblks != before;
}
#endif

TEST(AllocatorMmapThreshold, GlibcTakesBlocksBelow16MBFromItsHeaps) {
    if (std::getenv("MALLOC_MMAP_THRESHOLD_") != nullptr ||
        std::getenv("GLIBC_TUNABLES") != nullptr) {
        GTEST_SKIP() << "the environment sets the allocator's tunables";
    }
    if (!kGlibcMalloc) {
        EXPECT_EQ(keepLargeBlocksInHeaps(), 0);
        return;
    }
#if defined(__GLIBC__)
    // In this program started again (its heap as small as at start, no other thread's arena):
    // without the setting the megabyte is mapped apart, with it not.
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_EXIT(std::exit(megabyteMappedApart() ? 0 : 1), testing::ExitedWithCode(0), "")
        << "glibc's default: a megabyte mapped apart";
    EXPECT_EXIT(std::exit(keepLargeBlocksInHeaps() == 16 << 20 && !megabyteMappedApart() ? 0 : 1),
                testing::ExitedWithCode(0), "")
        << "below 16 MB, a block is taken from the heap";
#endif
}

} // namespace
} // namespace fanout
