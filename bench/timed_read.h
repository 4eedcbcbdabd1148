// SPDX-License-Identifier: GPL-3.0-or-later
// The I/O floor the benchmarks compare with: files read with open/read/close on N threads.
#pragma once

#include <string>
#include <vector>

namespace fanout::bench {

// Reads every file once with `threads` threads taking files from a shared counter; the seconds.
double timedRead(const std::vector<std::string>& paths, unsigned threads);

double median(std::vector<double> values);

} // namespace fanout::bench
