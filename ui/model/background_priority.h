// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace fanout::ui {

// The nice value background work runs at: under contention for the cores it yields to the GUI
// thread (nice 0), whose turns of the event loop must stay under a frame; on idle cores it runs
// as fast as before.
constexpr int kBackgroundNice = 10;

// Lowers the calling thread's CPU priority to kBackgroundNice (never raises it). On Linux the nice
// value is the thread's own, and threads and processes it starts inherit it (a scan's workers, a
// cache write, Graphviz). Elsewhere: nothing.
void lowerThreadPriority();

// The calling thread's nice value (0 where threads have none of their own).
int threadNice();

} // namespace fanout::ui
