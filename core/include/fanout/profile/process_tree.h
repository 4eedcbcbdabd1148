// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace fanout {

// One process as /proc shows it at one moment.
struct ProcessInfo {
    int pid = 0;
    int ppid = 0;
    int processGroup = 0;
    std::uint64_t startTicks = 0; // since boot: tells a process from a later one with its pid
    std::string name;             // the kernel's short name (comm)
    std::uint64_t residentBytes = 0;
};

// Every process on the machine, from /proc (processes that vanish while it is read are skipped).
std::vector<ProcessInfo> listProcesses();

// The command line of `pid` with its arguments joined by spaces; empty when unreadable.
std::string processCommandLine(int pid);

// Memory the kernel says is available for new work (/proc/meminfo MemAvailable), in bytes.
std::uint64_t availableMemoryBytes();

// Follows the process tree under a root over time. A process belongs to it when its parent does,
// when it is in the root's process group (a worker whose launcher exited before it was ever seen
// keeps the group), and it stays in once seen even when it is re-parented.
class ProcessTreeTracker {
public:
    explicit ProcessTreeTracker(int root) : m_root(root) {}

    // The members alive in `processes` (as listProcesses returns), the root first when alive.
    std::vector<ProcessInfo> members(const std::vector<ProcessInfo>& processes);

private:
    int m_root;
    std::map<int, std::uint64_t> m_known; // pid -> start ticks of the member seen with it
};

} // namespace fanout
