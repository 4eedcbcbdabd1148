// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/profile/profiler.h"

#include <QString>

#include <map>
#include <utility>
#include <vector>

namespace fanout::ui {

// What the live plot shows, accumulated on the GUI thread from the samples: resident memory per
// process (0 while a process is not alive), the tree's total and the memory still available.
struct ProfileSeries {
    struct Process {
        QString name;
        std::vector<double> megabytes; // one per sample
        double peak = 0;
    };
    std::vector<double> seconds;
    std::vector<double> treeMegabytes;
    std::vector<double> availableMegabytes;
    std::map<int, Process> processes; // by pid
    std::vector<std::pair<double, QString>> phases;

    void clear() { *this = {}; }
    // One sample appended: `names` are the processes' names so far, `marks` all phases so far.
    void add(const ProfileSample& sample, const std::map<int, QString>& names,
             const std::vector<PhaseMark>& marks);
    // The pids with the largest peaks, largest first.
    std::vector<int> largest(std::size_t count) const;
};

} // namespace fanout::ui
