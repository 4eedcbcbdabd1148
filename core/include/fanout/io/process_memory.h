// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>

namespace fanout {

// Resident memory of a process from /proc/PID/statm (0 for this process); 0 when unreadable.
std::uint64_t residentBytes(int pid = 0);

// This process's high-water mark of resident memory since it started its program (VmHWM in
// /proc/self/status); 0 when unreadable. Not getrusage()'s ru_maxrss: that one keeps the peak of
// the program the process ran before its exec, which for a program started by fork() or
// posix_spawn() is its parent's memory (a scan started by a 300 MB process said 301 MB).
std::uint64_t peakResidentBytes();

// Makes the whole pages inside [data, data + bytes) present and writable in one system call
// (MADV_POPULATE_WRITE), rather than one page fault at a time as they are first written: for
// large fresh allocations about to be filled (on a virtual machine a page fault is a trap to the
// host, several microseconds each). Does nothing below `minimumBytes`, or where the kernel cannot
// (before Linux 5.14): the memory is then faulted in as usual. Returns whether it did.
bool makeResident(void* data, std::size_t bytes, std::size_t minimumBytes = std::size_t{1} << 20);

} // namespace fanout
