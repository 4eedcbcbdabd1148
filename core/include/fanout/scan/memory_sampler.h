// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/io/process_memory.h"
#include "fanout/result/scan_result.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace fanout {

// Samples this process's resident memory on its own thread, keeping the peak and a timeline
// thinned to at most `maxPoints` (pairs of neighbours merge, keeping the higher). The first
// second is sampled ten times as often, so that a half-second scan still draws a curve.
class MemorySampler {
public:
    explicit MemorySampler(double intervalSeconds = 0.1, std::size_t maxPoints = 500);

    // The wait before the next sample, `elapsedSeconds` after the start.
    static double intervalAt(double elapsedSeconds, double intervalSeconds);
    ~MemorySampler();
    MemorySampler(const MemorySampler&) = delete;
    MemorySampler& operator=(const MemorySampler&) = delete;

    void stop();
    std::uint64_t peak() const;
    std::uint64_t latest() const;
    std::vector<MemorySample> timeline() const;

private:
    void record();

    std::chrono::steady_clock::time_point m_start;
    std::chrono::duration<double> m_interval;
    std::size_t m_maxPoints;
    mutable std::mutex m_mutex;
    std::vector<MemorySample> m_samples;
    std::uint64_t m_peak = 0;
    std::uint64_t m_latest = 0;
    std::uint64_t m_tick = 0;
    std::uint64_t m_stride = 1; // keep every m_stride-th sample once the timeline was thinned
    MemorySample m_pending{};   // the highest sample since the last one kept
    std::jthread m_thread;
};

} // namespace fanout
