// SPDX-License-Identifier: GPL-3.0-or-later
// How far a whole `fanout scan --json` is from the I/O floor: the scan is run as a separate
// process (the installed CLI, timed from spawn to exit), then exactly the files it read (the
// parsed modules of its JSON, each real path once) are read again with open/read/close on the
// same number of threads. Each is run --runs times, alternating; printed are the medians and the
// ratio scan time / read time. The page cache is warm for both (the first scan warms it).
// Back to back, a scan reuses memory the run before has just freed; --pause S leaves the machine
// idle S seconds before each scan, as when one runs on its own (on a virtual machine whose host
// takes freed memory back, that memory then costs the scan a fault on the host as well).
//
//   fanout_read_floor [--fanout PATH] [--threads N] [--runs R] [--pause S] PROJECT_DIR
#include "timed_read.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace {

using fanout::bench::median;
using fanout::bench::timedRead;
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Run {
    double seconds = -1; // negative: it failed
    double pageFaults = 0;
};

// Runs the command: its wall time and page faults (much of a scan's cost on a virtual machine,
// where each is a trap to the host). Not its peak memory: the spawned child's starts as this
// program's, which holds the parsed JSON.
Run timedRun(const std::vector<std::string>& command) {
    std::vector<char*> argv;
    argv.reserve(command.size() + 1);
    for (const auto& word : command) {
        argv.push_back(const_cast<char*>(word.c_str()));
    }
    argv.push_back(nullptr);
    const auto start = Clock::now();
    pid_t pid = 0;
    if (::posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) {
        return {};
    }
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    Run run;
    run.seconds = WIFEXITED(status) && WEXITSTATUS(status) == 0 ? secondsSince(start) : -1;
    run.pageFaults = static_cast<double>(usage.ru_minflt + usage.ru_majflt);
    return run;
}

struct ReadFiles {
    std::vector<std::string> paths;
    std::uint64_t bytes = 0;
};

// The files the scan read: each parsed module's file once (a file is a module per environment).
ReadFiles filesOfScan(const std::string& jsonPath) {
    std::ifstream in(jsonPath);
    const auto document = nlohmann::json::parse(in);
    const std::filesystem::path root = document.at("root").get<std::string>();
    std::set<std::string> seen;
    ReadFiles files;
    for (const auto& module : document.at("modules")) {
        if (module.at("kind") != "parsed") {
            continue;
        }
        const auto path = (root / module.at("path").get<std::string>()).lexically_normal();
        if (seen.insert(path.string()).second) {
            files.paths.push_back(path.string());
            files.bytes += module.at("bytes").get<std::uint64_t>();
        }
    }
    return files;
}

std::string besideThisProgram(const char* argv0, const std::string& name) {
    std::error_code error;
    auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error) {
        self = argv0;
    }
    return (self.parent_path() / name).string();
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Whole fanout scan --json against a plain read of the files it read"};
    std::string project;
    std::string fanout = besideThisProgram(argv[0], "fanout");
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    unsigned runs = 5;
    double pause = 0;
    app.add_option("PROJECT_DIR", project, "Project to scan")->required();
    app.add_option("--fanout", fanout, "The fanout CLI to time");
    app.add_option("--threads", threads, "Threads for both the scan and the read")
        ->check(CLI::Range(1u, 256u));
    app.add_option("--runs", runs, "Runs of each (the median is printed)")
        ->check(CLI::Range(1u, 100u));
    app.add_option("--pause", pause,
                   "Seconds idle before each scan, as when a scan runs on its own: memory just "
                   "freed by the run before is then no longer there to be used again")
        ->check(CLI::Range(0.0, 60.0));
    CLI11_PARSE(app, argc, argv);

    const auto json = (std::filesystem::temp_directory_path() /
                       ("fanout-read-floor-" + std::to_string(::getpid()) + ".json"))
                          .string();
    const std::vector<std::string> command{fanout,   "scan", project,     "--quiet",
                                           "--json", json,   "--threads", std::to_string(threads)};
    if (timedRun(command).seconds < 0) { // also warms the page cache
        std::fprintf(stderr, "fanout_read_floor: %s failed\n", fanout.c_str());
        return 1;
    }
    const auto files = filesOfScan(json);
    std::vector<double> scans;
    std::vector<double> faults;
    std::vector<double> reads;
    for (unsigned run = 0; run < runs; ++run) {
        std::this_thread::sleep_for(std::chrono::duration<double>(pause));
        const auto scanRun = timedRun(command);
        scans.push_back(scanRun.seconds);
        faults.push_back(scanRun.pageFaults);
        reads.push_back(timedRead(files.paths, threads));
    }
    std::filesystem::remove(json);
    if (*std::min_element(scans.begin(), scans.end()) < 0) {
        std::fprintf(stderr, "fanout_read_floor: a scan failed\n");
        return 1;
    }
    const double scan = median(scans);
    const double read = median(reads);
    std::printf("project        %s\n", project.c_str());
    std::printf("files read     %zu (%.1f MB), %u threads, median of %u runs", files.paths.size(),
                static_cast<double>(files.bytes) / 1e6, threads, runs);
    if (pause > 0) {
        std::printf(", each scan after %.1f s idle", pause);
    }
    std::printf("\n");
    std::printf("read floor     %.3f s\n", read);
    std::printf("fanout scan    %.3f s  (--json; %.0f page faults)\n", scan, median(faults));
    std::printf("ratio          %.1fx\n", scan / read);
    return 0;
}
