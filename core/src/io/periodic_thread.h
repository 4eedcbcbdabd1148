// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stop_token>
#include <thread>

namespace fanout::detail {

// A thread that calls `tick` after each wait of `interval()` (asked again before every wait, so
// the cadence may change) until a stop is requested; a stop wakes it at once instead of after the
// interval, so stopping never waits for a sample (memory sampler, profiler).
inline std::jthread startPeriodic(std::function<std::chrono::duration<double>()> interval,
                                  std::function<void()> tick) {
    return std::jthread(
        [interval = std::move(interval), tick = std::move(tick)](const std::stop_token& stop) {
            std::mutex waitMutex;
            std::condition_variable_any wake;
            std::unique_lock lock(waitMutex);
            while (!stop.stop_requested()) {
                wake.wait_for(lock, stop, interval(), [] { return false; });
                if (!stop.stop_requested()) {
                    tick();
                }
            }
        });
}

// The same at a fixed interval.
inline std::jthread startPeriodic(std::chrono::duration<double> interval,
                                  std::function<void()> tick) {
    return startPeriodic([interval] { return interval; }, std::move(tick));
}

} // namespace fanout::detail
