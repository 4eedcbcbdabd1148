// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/scan/huge_page_heaps.h"
#include "scan/glibc_malloc.h"

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include <sys/auxv.h>
#include <sys/mman.h>
#include <unistd.h>

namespace fanout {
namespace {

constexpr std::size_t kSmallPage = 4096;
constexpr std::size_t kHugePage = std::size_t{2} << 20;
constexpr std::size_t kSmallPagesTouched = 32;

// Memory of its own, unmapped when it goes.
class Mapping {
public:
    explicit Mapping(std::size_t bytes)
        : m_bytes(bytes), m_data(::mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)) {}
    ~Mapping() {
        if (ok()) {
            ::munmap(m_data, m_bytes);
        }
    }
    Mapping(const Mapping&) = delete;
    Mapping& operator=(const Mapping&) = delete;
    bool ok() const { return m_data != MAP_FAILED; }
    char* data() const { return static_cast<char*>(m_data); }

private:
    std::size_t m_bytes;
    void* m_data;
};

// Writes one byte per 4 KB page of [begin, begin + bytes), faulting every page in: the
// nanoseconds it took.
double touchPages(char* begin, std::size_t bytes) {
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t offset = 0; offset < bytes; offset += kSmallPage) {
        *static_cast<volatile char*>(begin + offset) = 1;
    }
    return std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start)
        .count();
}

} // namespace

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

bool hugePagesPayOff(const PageFaultCosts& costs) {
    constexpr double kSmallPagesPerHugePage = double{kHugePage} / double{kSmallPage}; // 512
    return costs.smallPageNs >= kSmallFaultWorthAHugePageNs && costs.hugePageNs &&
           *costs.hugePageNs < costs.smallPageNs * kSmallPagesPerHugePage;
}

std::optional<double> smallPageFaultNs() {
    const Mapping small(kSmallPagesTouched * kSmallPage);
    if (!small.ok()) {
        return std::nullopt;
    }
    // Where every mapping gets huge pages ("always"), these must still be 4 KB ones.
    ::madvise(small.data(), kSmallPagesTouched * kSmallPage, MADV_NOHUGEPAGE);
    return touchPages(small.data(), kSmallPagesTouched * kSmallPage) / kSmallPagesTouched;
}

std::optional<double> hugePageFaultNs() {
    // Twice the size, so that an aligned huge page lies inside.
    const Mapping huge(2 * kHugePage);
    if (!huge.ok()) {
        return std::nullopt;
    }
    const auto address = reinterpret_cast<std::uintptr_t>(huge.data());
    char* aligned = huge.data() + ((kHugePage - address % kHugePage) % kHugePage);
    if (::madvise(aligned, kHugePage, MADV_HUGEPAGE) != 0) {
        return std::nullopt;
    }
    return touchPages(aligned, kSmallPage);
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
    PageFaultCosts costs;
    costs.smallPageNs = smallPageFaultNs().value_or(0);
    if (costs.smallPageNs < kSmallFaultWorthAHugePageNs) {
        return;
    }
    costs.hugePageNs = hugePageFaultNs();
    if (!hugePagesPayOff(costs)) {
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
