// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/scan/allocator_arenas.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

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

TEST(AllocatorArenas, TheUsersOwnSettingIsLeftAlone) {
    {
        const ScopedEnv env("MALLOC_ARENA_MAX", "8");
        EXPECT_EQ(limitAllocatorArenas(), 0);
    }
    {
        const ScopedEnv env("GLIBC_TUNABLES", "glibc.malloc.arena_max=3");
        EXPECT_EQ(limitAllocatorArenas(), 0);
    }
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

} // namespace
} // namespace fanout
