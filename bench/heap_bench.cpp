// SPDX-License-Identifier: GPL-3.0-or-later
// fanout_heap_bench SNAPSHOT [--memlab PROGRAM]: reads a V8 heap snapshot, computes the dominators
// and the whole `fanout heap` report, and prints each phase's time and the peak resident memory
// beside the snapshot's size. With --memlab (the memlab command, installed with npm for the
// comparison only), runs `memlab analyze object-size --snapshot SNAPSHOT` on the same file after
// Fanout, and prints its time and peak too. Make snapshots with bench/heap_snapshot_source.mjs.
#include "fanout/base/size_format.h"
#include "fanout/heap/heap_analysis.h"
#include "fanout/heap/heap_report.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::uint64_t peakResidentBytes() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;
}

// Runs a program with its output discarded; its wall time and peak resident memory.
bool runMeasured(const std::vector<std::string>& argv, double& seconds, std::uint64_t& peak) {
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const auto& arg : argv) {
        args.push_back(const_cast<char*>(arg.c_str()));
    }
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const auto start = Clock::now();
    const int failed = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failed != 0) {
        return false;
    }
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    seconds = secondsSince(start);
    peak = static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times `fanout heap`'s work on a V8 heap snapshot (and memlab's, with --memlab)"};
    std::string snapshotPath;
    std::string memlab;
    app.add_option("SNAPSHOT", snapshotPath, "A .heapsnapshot file")->required();
    app.add_option("--memlab", memlab, "The memlab command, to time it on the same file");
    CLI11_PARSE(app, argc, argv);

    const auto size = std::filesystem::file_size(snapshotPath);
    std::printf("snapshot                %s (%s)\n", snapshotPath.c_str(),
                fanout::formatSize(size).c_str());
    const auto start = Clock::now();
    const auto snapshot = fanout::readHeapSnapshot(snapshotPath);
    const double read = secondsSince(start);
    const auto dominatorsStart = Clock::now();
    const auto dominators = fanout::computeDominators(snapshot);
    const double dominatorsTime = secondsSince(dominatorsStart);
    const auto summaryStart = Clock::now();
    const auto classes = fanout::summarizeHeapClasses(snapshot, dominators);
    const double summary = secondsSince(summaryStart);
    const auto summaryPeak = peakResidentBytes();
    const auto reportStart = Clock::now();
    const auto report = fanout::buildHeapReport(snapshot, dominators, 20);
    const double reportTime = secondsSince(reportStart);
    const double fanoutTotal = read + dominatorsTime + summary;
    const auto peak = peakResidentBytes();
    std::printf("objects                 %zu, references %zu, strings %zu\n", snapshot.nodeCount(),
                snapshot.edgeCount(), snapshot.stringCount());
    std::printf("fanout read             %.3f s\n", read);
    std::printf("fanout dominators       %.3f s (live heap %s)\n", dominatorsTime,
                fanout::formatSize(dominators.retained[0]).c_str());
    std::printf("fanout summary          %.3f s (%zu classes)\n", summary, classes.size());
    std::printf("fanout read+dom+summary %.3f s\n", fanoutTotal);
    std::printf("fanout whole report     %.3f s (paths, duplicated strings)\n", reportTime);
    const auto ofSnapshot = [&](std::uint64_t bytes) {
        return static_cast<double>(bytes) / static_cast<double>(size);
    };
    std::printf("fanout peak memory      %s (%.2f x the snapshot) after read+dom+summary; "
                "%s (%.2f x) with the whole report besides\n",
                fanout::formatSize(summaryPeak).c_str(), ofSnapshot(summaryPeak),
                fanout::formatSize(peak).c_str(), ofSnapshot(peak));
    if (report.reachableBytes != dominators.retained[0]) {
        std::cerr << "the report and the dominators disagree\n";
        return 1;
    }
    if (!memlab.empty()) {
        double seconds = 0;
        std::uint64_t memlabPeak = 0;
        if (!runMeasured({memlab, "analyze", "object-size", "--snapshot", snapshotPath}, seconds,
                         memlabPeak)) {
            std::cerr << "memlab did not run to completion: " << memlab << "\n";
            return 1;
        }
        std::printf("memlab object-size      %.3f s, peak memory %s\n", seconds,
                    fanout::formatSize(memlabPeak).c_str());
        std::printf("memlab / fanout time    %.1f x\n", seconds / fanoutTotal);
    }
    return 0;
}
