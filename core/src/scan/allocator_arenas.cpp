// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/scan/allocator_arenas.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>
#include <thread>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace fanout {

int limitAllocatorArenas() {
#ifdef __GLIBC__
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    if (std::getenv("MALLOC_ARENA_MAX") != nullptr ||
        (tunables != nullptr &&
         std::string_view(tunables).find("arena_max") != std::string_view::npos)) {
        return 0;
    }
    const int arenas = std::max(2, static_cast<int>(std::thread::hardware_concurrency() / 2));
    return ::mallopt(M_ARENA_MAX, arenas) == 1 ? arenas : 0;
#else
    return 0;
#endif
}

void returnFreedMemory() {
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    ::malloc_trim(0);
#endif
}

} // namespace fanout
