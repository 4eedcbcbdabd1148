// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace fanout {

// glibc gives every thread that allocates its own malloc arena (up to 8 per core). A scan's
// state is built in the workers' arenas and its result in the caller's, so memory the scan frees
// cannot serve the result and the peak is both at once (100,000 modules on 2 cores: 205 MB, and
// 177 MB with two arenas, at the same speed). A process that scans calls this once at start,
// before it starts threads, to cap the arenas (two, or half the cores on larger machines). It
// does nothing elsewhere than glibc, nor when the user set MALLOC_ARENA_MAX or glibc's
// arena_max tunable. Returns the cap set, or 0.
int limitAllocatorArenas();

// Gives the pages of freed memory back to the system (glibc's malloc_trim), so that whatever
// runs after a scan starts from the result's size. Safe from any thread. Under a sanitizer its
// allocator owns the heap and this does nothing: glibc's malloc was never set up, and trimming
// from several threads at once would set it up racily (glibc then aborts at thread exit with
// "a->attached_threads > 0", as CI saw with four scans at once under AddressSanitizer).
void returnFreedMemory();

} // namespace fanout
