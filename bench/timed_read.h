// SPDX-License-Identifier: GPL-3.0-or-later
// The I/O floors the benchmarks compare with: files read with open/read/close on N threads, and
// files stat()ed.
#pragma once

#include <string>
#include <vector>

namespace fanout::bench {

// Reads every file once with `threads` threads taking files from a shared counter; the seconds.
double timedRead(const std::vector<std::string>& paths, unsigned threads);

// stat()s every file once with `threads` threads, each taking a run of the files sorted by path
// and stat()ing each by its name in its open folder (the cheapest way to stat a tree, and what
// the scan cache's check does); the seconds. The floor of any check that looks at every file.
double timedStat(const std::vector<std::string>& paths, unsigned threads);

double median(std::vector<double> values);

} // namespace fanout::bench
