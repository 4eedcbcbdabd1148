// SPDX-License-Identifier: GPL-3.0-or-later
// How promptly a scan stops when cancelled, and whether its memory goes back: the scan of
// PROJECT_DIR is cancelled after each delay; printed are the time from the request to scan()
// returning, and resident memory before, at the cancel, and half a second after it (the scan's
// state is freed on a thread of its own once it has answered).
//   fanout_cancel_bench PROJECT_DIR [DELAY_MS...]   (default delays: 100 500 1000 2000)
#include "fanout/project/project_config.h"
#include "fanout/scan/memory_sampler.h"
#include "fanout/scan/scanner.h"

#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

namespace {

double megabytes(std::uint64_t bytes) {
    return static_cast<double>(bytes) / 1048576.0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: fanout_cancel_bench PROJECT_DIR [DELAY_MS...]\n");
        return 2;
    }
    std::vector<int> delays;
    for (int i = 2; i < argc; ++i) {
        delays.push_back(std::atoi(argv[i]));
    }
    if (delays.empty()) {
        delays = {100, 500, 1000, 2000};
    }
    const auto config = fanout::loadScanConfig(argv[1], {});
    using Clock = std::chrono::steady_clock;
    const auto full = Clock::now();
    auto whole = fanout::scan(config);
    const double wholeMs = std::chrono::duration<double, std::milli>(Clock::now() - full).count();
    std::printf("uncancelled scan: %zu modules in %.0f ms\n", whole->modules.size(), wholeMs);
    whole.reset(); // not part of what the cancelled scans leave behind
    std::printf("%10s %12s %10s %14s %14s %14s\n", "delay ms", "latency ms", "modules",
                "RSS before MB", "RSS cancel MB", "RSS +0.5 s MB");
    for (const int delay : delays) {
        ::malloc_trim(0);
        const auto before = fanout::residentBytes();
        std::stop_source stop;
        fanout::ScanOptions options;
        options.stop = stop.get_token();
        auto running =
            std::async(std::launch::async, [&] { return fanout::scan(config, options); });
        std::this_thread::sleep_for(std::chrono::milliseconds(delay));
        const auto atCancel = fanout::residentBytes();
        const auto requested = Clock::now();
        stop.request_stop();
        auto result = running.get();
        const double latency =
            std::chrono::duration<double, std::milli>(Clock::now() - requested).count();
        const auto modules = result->modules.size();
        const bool cancelled = result->stats.cancelled;
        result.reset();
        // The scan's state is freed on a thread of its own once cancelled: give it a moment.
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        ::malloc_trim(0); // give freed pages back, as the resident figure only counts those
        const auto freed = fanout::residentBytes();
        std::printf("%10d %12.1f %10zu %14.1f %14.1f %14.1f%s\n", delay, latency, modules,
                    megabytes(before), megabytes(atCancel), megabytes(freed),
                    cancelled ? "" : "  (finished before the cancel)");
    }
    return 0;
}
