// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace fanout {

// Resident memory of a process from /proc/PID/statm (0 for this process); 0 when unreadable.
std::uint64_t residentBytes(int pid = 0);

} // namespace fanout
