// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/scan/allocator_arenas.h"
#include "scan/glibc_malloc.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>
#include <thread>

namespace fanout {
namespace {

// Whether the user set a malloc setting themselves: its environment variable, or its glibc
// tunable (`tunable`, a part of its name) in GLIBC_TUNABLES.
[[maybe_unused]] bool userSets(const char* variable, std::string_view tunable) {
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    return std::getenv(variable) != nullptr ||
           (tunables != nullptr &&
            std::string_view(tunables).find(tunable) != std::string_view::npos);
}

#ifdef __GLIBC__
// Sets malloc's `parameter` to `value` unless the user set it themselves: the value set, or 0.
[[maybe_unused]] int setUnlessUserSets(const char* variable, std::string_view tunable,
                                       int parameter, int value) {
    if (userSets(variable, tunable)) {
        return 0;
    }
    return ::mallopt(parameter, value) == 1 ? value : 0;
}
#endif

} // namespace

int limitAllocatorArenas() {
#ifdef __GLIBC__
    const int arenas = std::max(2, static_cast<int>(std::thread::hardware_concurrency() / 2));
    return setUnlessUserSets("MALLOC_ARENA_MAX", "arena_max", M_ARENA_MAX, arenas);
#else
    return 0;
#endif
}

int padAllocatorHeaps() {
#if FANOUT_GLIBC_MALLOC
    return setUnlessUserSets("MALLOC_TOP_PAD_", "top_pad", M_TOP_PAD, 32 << 20);
#else
    return 0;
#endif
}

int keepLargeBlocksInHeaps() {
#if FANOUT_GLIBC_MALLOC
    return setUnlessUserSets("MALLOC_MMAP_THRESHOLD_", "mmap_threshold", M_MMAP_THRESHOLD,
                             16 << 20);
#else
    return 0;
#endif
}

void returnFreedMemory() {
#if FANOUT_GLIBC_MALLOC
    ::malloc_trim(0);
#endif
}

} // namespace fanout
