// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/io/process_memory.h"

#include <gtest/gtest.h>

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <vector>

namespace fanout {
namespace {

// Fresh anonymous pages, none of them present yet.
class FreshPages {
public:
    explicit FreshPages(std::size_t pages)
        : m_pages(pages), m_size(pages * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE))),
          m_data(::mmap(nullptr, m_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
                        0)) {}
    ~FreshPages() { ::munmap(m_data, m_size); }
    FreshPages(const FreshPages&) = delete;
    FreshPages& operator=(const FreshPages&) = delete;

    char* data() const { return static_cast<char*>(m_data); }
    std::size_t size() const { return m_size; }
    std::size_t resident() const {
        std::vector<unsigned char> present(m_pages);
        if (::mincore(m_data, m_size, present.data()) != 0) {
            return 0;
        }
        std::size_t count = 0;
        for (const auto page : present) {
            count += page & 1U;
        }
        return count;
    }

private:
    std::size_t m_pages;
    std::size_t m_size;
    void* m_data;
};

TEST(MakeResident, TheWholePagesInsideTheRangeArePresentAfterIt) {
    FreshPages pages(64);
    ASSERT_NE(pages.data(), MAP_FAILED);
    ASSERT_EQ(pages.resident(), 0u);
    const std::size_t page = pages.size() / 64;
    // From the middle of the first page to the middle of the last: the 62 whole pages between.
    if (!makeResident(pages.data() + page / 2, pages.size() - page, 0)) {
        GTEST_SKIP() << "this kernel cannot populate pages on request (Linux 5.14 or later can)";
    }
    EXPECT_EQ(pages.resident(), 62u);
}

TEST(MakeResident, LessThanTheMinimumIsLeftToBeFaultedIn) {
    FreshPages pages(16);
    ASSERT_NE(pages.data(), MAP_FAILED);
    EXPECT_FALSE(makeResident(pages.data(), pages.size(), pages.size() + 1));
    EXPECT_EQ(pages.resident(), 0u);
    EXPECT_FALSE(makeResident(nullptr, pages.size(), 0));
}

TEST(PeakResident, RisesWithMemoryTouchedAndStaysAfterItIsFreed) {
    const auto before = peakResidentBytes();
    ASSERT_GT(before, 0u) << "no VmHWM in /proc/self/status";
    EXPECT_GE(before, residentBytes() / 2); // the peak is at least about what is resident now
    constexpr std::size_t kPages = 16384;   // 64 MB of 4 KB pages
    {
        FreshPages pages(kPages);
        ASSERT_NE(pages.data(), MAP_FAILED);
        for (std::size_t at = 0; at < pages.size(); at += pages.size() / kPages) {
            pages.data()[at] = 1;
        }
    }
    EXPECT_GE(peakResidentBytes(), residentBytes() + (std::uint64_t{48} << 20))
        << "the 64 MB touched and unmapped are not in the peak";
}

} // namespace
} // namespace fanout
