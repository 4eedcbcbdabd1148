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

// glibc's own malloc, not a sanitizer's (which replaces it and has none of its settings).
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#define FANOUT_GLIBC_MALLOC 1
#else
#define FANOUT_GLIBC_MALLOC 0
#endif

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

#if FANOUT_GLIBC_MALLOC
namespace {

// Set only between the restart's exec and the restarted main(): the user's GLIBC_TUNABLES,
// "=VALUE" when it was set, "-" when it was not.
constexpr const char* kTunablesBefore = "FANOUT_GLIBC_TUNABLES_BEFORE";

// GLIBC_TUNABLES as it was before the restart (nullopt: not set).
void restoreTunables(const std::optional<std::string>& before) {
    if (before) {
        ::setenv("GLIBC_TUNABLES", before->c_str(), 1);
    } else {
        ::unsetenv("GLIBC_TUNABLES");
    }
}

} // namespace
#endif

void restartWithHugePageHeaps(char** argv) {
#if FANOUT_GLIBC_MALLOC
    if (const char* saved = std::getenv(kTunablesBefore)) {
        // The restarted program: glibc read the tunables when it started; the commands Fanout
        // runs (a profiled build, dot) get the environment the user gave it.
        const std::string_view value(saved);
        restoreTunables(value.starts_with('=') ? std::optional<std::string>(value.substr(1))
                                               : std::nullopt);
        ::unsetenv(kTunablesBefore);
        return;
    }
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
    ::setenv(kTunablesBefore, before ? ("=" + *before).c_str() : "-", 1);
    ::setenv("GLIBC_TUNABLES", tunables->c_str(), 1);
    ::execv("/proc/self/exe", argv); // returns only when it failed
    restoreTunables(before);
    ::unsetenv(kTunablesBefore);
#else
    (void)argv;
#endif
}

} // namespace fanout
