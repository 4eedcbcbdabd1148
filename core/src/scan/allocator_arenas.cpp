// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/scan/allocator_arenas.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string_view>
#include <thread>

#include <sys/auxv.h>
#include <unistd.h>

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

std::optional<std::string> hugePageTunables(const char* current, std::string_view thpEnabled) {
    static constexpr std::string_view kTunable = "glibc.malloc.hugetlb";
    if (thpEnabled.find("[madvise]") == std::string_view::npos ||
        (current != nullptr &&
         std::string_view(current).find(kTunable) != std::string_view::npos)) {
        return std::nullopt;
    }
    std::string tunables = current != nullptr ? current : "";
    tunables += tunables.empty() ? "" : ":";
    tunables += std::string(kTunable) + "=1";
    return tunables;
}

void restartWithHugePageHeaps(char** argv) {
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    // Started by the dynamic loader by hand ("ld.so fanout ..."): /proc/self/exe is the loader,
    // which would take the first argument for the program. Under Valgrind the restarted program
    // would escape it.
    const char* preload = std::getenv("LD_PRELOAD");
    if (::getauxval(AT_BASE) == 0 ||
        (preload != nullptr &&
         std::string_view(preload).find("vgpreload") != std::string_view::npos)) {
        return;
    }
    std::ifstream mode("/sys/kernel/mm/transparent_hugepage/enabled");
    const std::string enabled{std::istreambuf_iterator<char>(mode), {}};
    const char* current = std::getenv("GLIBC_TUNABLES");
    const auto tunables = hugePageTunables(current, enabled);
    if (!tunables) {
        return;
    }
    const std::optional<std::string> before =
        current != nullptr ? std::optional<std::string>(current) : std::nullopt;
    ::setenv("GLIBC_TUNABLES", tunables->c_str(), 1);
    ::execv("/proc/self/exe", argv); // returns only when it failed
    if (before) {
        ::setenv("GLIBC_TUNABLES", before->c_str(), 1);
    } else {
        ::unsetenv("GLIBC_TUNABLES");
    }
#else
    (void)argv;
#endif
}

} // namespace fanout
