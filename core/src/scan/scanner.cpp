// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/scan/scanner.h"

#include "fanout/base/keep_until_exit.h"
#include "fanout/io/process_memory.h"
#include "fanout/scan/allocator_arenas.h"

#include "scan/scan_state.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <thread>

namespace fanout {

std::shared_ptr<const ScanResult> scan(const ScanConfig& config, const ScanOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    auto state = std::make_unique<detail::ScanState>(config, options);
    state->run();
    state->settlePriorAliases();
    if (options.inputs != nullptr) {
        state->recordInputs(*options.inputs);
    }
    const double scanMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    // Asked before the result is built (whether its import records go as it is built) and again
    // after: the 101,012-module corpus crosses the mark in between, and keeping its whole state
    // took the peak from 165-170 to 186-187 MB.
    const auto belowMark = [&] {
        return options.keepStateUntilExit && residentBytes() < options.returnFreedMemoryAbove;
    };
    std::shared_ptr<ScanResult> result = state->collect(scanMs, !belowMark());
    // The scan state is hundreds of thousands of small blocks; once freed, the pages go back to
    // the system so that whatever runs next (an export, the GUI) starts from the result's size.
    const auto release =
        [above = options.returnFreedMemoryAbove](std::unique_ptr<detail::ScanState> done) {
            done.reset();
            if (above == 0 || residentBytes() >= above) {
                returnFreedMemory();
            }
        };
    if (result->stats.cancelled) {
        // Freeing it took ~250 ms at 100,000 files: a cancel answers now and a thread frees it.
        std::thread(release, std::move(state)).detach();
    } else if (belowMark()) {
        keepUntilExit(std::move(state));
    } else {
        release(std::move(state));
    }
    // Building the result is part of what a scan costs: report the process's high-water mark.
    result->stats.peakResidentBytes =
        std::max(result->stats.peakResidentBytes, peakResidentBytes());
    return result;
}

std::shared_ptr<ScanResult> spliceScan(const ScanConfig& config, const ScanOptions& options,
                                       std::string& why) {
    if (options.prior == nullptr) {
        why = "no previous scan";
        return nullptr;
    }
    detail::ScanState state(config, options);
    auto result = state.splicePrior(why);
    if (result && options.inputs != nullptr) {
        state.recordInputs(*options.inputs);
    }
    return result;
}

} // namespace fanout
