// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile_series.h"

#include "fanout/base/size_format.h"

#include <algorithm>

namespace fanout::ui {

void ProfileSeries::add(const ProfileSample& sample, const std::map<int, QString>& names,
                        const std::vector<PhaseMark>& marks) {
    const auto index = seconds.size();
    seconds.push_back(sample.seconds);
    treeMegabytes.push_back(toMegabytes(sample.treeBytes));
    availableMegabytes.push_back(toMegabytes(sample.availableBytes));
    for (const auto& [pid, bytes] : sample.processes) {
        auto& process = processes[pid];
        if (process.name.isEmpty() || names.count(pid)) {
            process.name = names.count(pid) ? names.at(pid) : QString::number(pid);
        }
        process.megabytes.resize(index, 0.0); // absent before it appeared
        process.megabytes.push_back(toMegabytes(bytes));
        process.peak = std::max(process.peak, toMegabytes(bytes));
    }
    for (auto& [pid, process] : processes) {
        process.megabytes.resize(index + 1, 0.0); // gone: nothing resident
    }
    phases.clear();
    for (const auto& mark : marks) {
        phases.emplace_back(mark.seconds, QString::fromStdString(mark.name));
    }
}

std::vector<int> ProfileSeries::largest(std::size_t count) const {
    std::vector<std::pair<double, int>> peaks;
    for (const auto& [pid, process] : processes) {
        peaks.emplace_back(process.peak, pid);
    }
    std::sort(peaks.begin(), peaks.end(), [](const auto& a, const auto& b) { return a > b; });
    std::vector<int> out;
    for (std::size_t i = 0; i < peaks.size() && i < count; ++i) {
        out.push_back(peaks[i].second);
    }
    return out;
}

} // namespace fanout::ui
