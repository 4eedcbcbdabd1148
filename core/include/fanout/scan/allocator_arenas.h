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

// glibc's malloc grows a heap by what the allocation needs plus a "top pad" (128 KB), and puts
// a grown part on transparent huge pages (when GLIBC_TUNABLES has glibc.malloc.hugetlb=1, as
// restartWithHugePageHeaps() sets where they pay off) only when it is at least a huge page (2 MB)
// long: with the default pad a scan's heaps grew in small steps. A process that scans calls this
// once at start to grow its heaps 32 MB at a time (on 4 KB pages the pad costs nothing until it
// is used). The 21,012-module corpus: 4,500-7,000 page faults -> 500-1,200,
// `scan --json` 0.32-0.40 -> 0.28-0.32 s (fanout_read_floor medians, alternating); 101,012
// modules: 2.3-2.9 -> 1.7-1.9 s, peak resident memory 176-179 -> 188-193 MiB (pads of 8, 16 and
// 64 MB: 168, 177-181 and 194-195 MiB, and below 32 MB the smaller corpus was slower). Does
// nothing elsewhere than glibc, under a sanitizer, or when the user set MALLOC_TOP_PAD_ or
// glibc's top_pad tunable. Returns the pad set, or 0.
int padAllocatorHeaps();

// glibc's malloc maps every block of 128 KB or more apart from its heaps, on 4 KB pages, and
// unmaps it when it is freed: a vector grown by doubling, a file's read buffer, each block of the
// scan JSON's text faulted fresh pages in every time, a trap to the host per 4 KB on a virtual
// machine (3.8 us each on the development machine, against a fault per 2 MB in a heap on huge
// pages). A process that scans calls this once at start to take blocks below 16 MB from its
// heaps, where freed memory is used again. The 21,012-module corpus: page faults of
// `scan --json` 1,317 -> 950, 0.270 -> 0.260 s; the npm app 1,652 -> 1,062, 0.390 -> 0.370 s;
// 101,012 modules 15,700 -> 11,206 at the same time and peak (medians, alternating).
// Does nothing elsewhere than glibc, under a sanitizer, or when the user set
// MALLOC_MMAP_THRESHOLD_ or glibc's mmap_threshold tunable. Returns the threshold set, or 0.
int keepLargeBlocksInHeaps();

// Gives the pages of freed memory back to the system (glibc's malloc_trim), so that whatever
// runs after a scan starts from the result's size. Safe from any thread. Under a sanitizer its
// allocator owns the heap and this does nothing: glibc's malloc was never set up, and trimming
// from several threads at once would set it up racily (glibc then aborts at thread exit with
// "a->attached_threads > 0", as CI saw with four scans at once under AddressSanitizer).
void returnFreedMemory();

} // namespace fanout
