// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fanout {

// glibc's malloc puts its heaps on transparent huge pages only when the GLIBC_TUNABLES
// environment variable says so (glibc.malloc.hugetlb=1), and reads it only when a program starts.
// Whether that pays depends on the machine, so Fanout measures it (below) before asking.

// The value GLIBC_TUNABLES should have for huge-page heaps, from its current value (nullptr: not
// set) and the text of /sys/kernel/mm/transparent_hugepage/enabled; nothing when it should stay
// as it is: the user's tunables already set hugetlb (either way: that is how to choose), or the
// kernel's mode is not "madvise" ("always" gives huge pages anyway, "never" none).
std::optional<std::string> hugePageTunables(const char* current, std::string_view thpEnabled);

// What touching fresh memory costs here: a 4 KB page (the mean over a few), and one 2 MB page
// advised onto a transparent huge page (nothing when it was not measured).
struct PageFaultCosts {
    double smallPageNs = 0;
    std::optional<double> hugePageNs;
};

// Below this a 4 KB page fault is too cheap for huge pages to win much: at most ~1 ms per
// 2 MB, while a huge page freshly taken from the host cost 4.8 ms on one virtual machine.
constexpr double kSmallFaultWorthAHugePageNs = 2000;

// Whether huge-page heaps pay off for costs like these: a 4 KB fault costs at least
// kSmallFaultWorthAHugePageNs, and one huge page costs less than the 512 small pages it replaces.
// (One huge page in a dozen came dearer on the machine where they won: 3.5 against 0.1-0.2 ms,
// still below 512 faults of 10 us.)
bool hugePagesPayOff(const PageFaultCosts& costs);

// The costs, measured on memory of their own, touched and unmapped: the mean over 32 pages of
// 4 KB (a few microseconds where faults are cheap), and one page of 2 MB advised onto a huge
// page. Nothing when the memory could not be mapped or advised.
std::optional<double> smallPageFaultNs();
std::optional<double> hugePageFaultNs();

// Called first thing in main(): when hugePageTunables() asks for a change and the measured costs
// say huge pages pay off (the huge page is only tried where a small one is worth it, so that a
// machine with cheap faults does not pay for one), runs the program again in place with it (execv
// of /proc/self/exe: the same process, arguments and everything else). Returns when it does not:
// nothing to change, not worth it here, not glibc, a sanitizer's allocator, started by the dynamic
// loader by hand or under Valgrind, or the exec failed (the environment is then as it was). The
// restarted program, when it calls this, gets GLIBC_TUNABLES back as the user had it (glibc read it
// at start): the commands it runs (`fanout profile`'s build, dot) inherit nothing of the restart.
void restartWithHugePageHeaps(char** argv);

} // namespace fanout
