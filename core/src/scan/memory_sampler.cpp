// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/scan/memory_sampler.h"

#include "io/periodic_thread.h"

namespace fanout {

MemorySampler::MemorySampler(double intervalSeconds, std::size_t maxPoints)
    : m_start(std::chrono::steady_clock::now()), m_interval(intervalSeconds),
      m_maxPoints(maxPoints < 2 ? 2 : maxPoints) {
    record();
    m_thread = detail::startPeriodic(
        [this] {
            const std::chrono::duration<double> elapsed =
                std::chrono::steady_clock::now() - m_start;
            return std::chrono::duration<double>(intervalAt(elapsed.count(), m_interval.count()));
        },
        [this] { record(); });
}

double MemorySampler::intervalAt(double elapsedSeconds, double intervalSeconds) {
    constexpr double kFineFor = 1.0; // seconds
    return elapsedSeconds < kFineFor ? intervalSeconds / 10 : intervalSeconds;
}

MemorySampler::~MemorySampler() {
    stop();
}

void MemorySampler::stop() {
    if (m_thread.joinable()) {
        m_thread.request_stop();
        m_thread.join();
        record();
        std::lock_guard lock(m_mutex);
        // The kernel's high-water mark catches a peak that fell between two samples.
        m_peak = std::max(m_peak, peakResidentBytes());
        if (m_pending.residentBytes != 0) {
            m_samples.push_back(m_pending);
            m_pending = {};
        }
    }
}

void MemorySampler::record() {
    const auto bytes = residentBytes();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    std::lock_guard lock(m_mutex);
    m_latest = bytes;
    m_peak = std::max(m_peak, bytes);
    if (m_pending.residentBytes == 0 || bytes >= m_pending.residentBytes) {
        m_pending = {seconds, bytes};
    }
    if (++m_tick % m_stride != 0) {
        return;
    }
    m_samples.push_back(m_pending);
    m_pending = {};
    if (m_samples.size() > m_maxPoints) {
        m_stride *= 2;
        // Halve the resolution; the higher of two neighbours survives so peaks stay visible.
        std::vector<MemorySample> thinned;
        for (std::size_t i = 0; i + 1 < m_samples.size(); i += 2) {
            thinned.push_back(m_samples[i].residentBytes >= m_samples[i + 1].residentBytes
                                  ? m_samples[i]
                                  : m_samples[i + 1]);
        }
        if (m_samples.size() % 2 == 1) {
            thinned.push_back(m_samples.back());
        }
        m_samples = std::move(thinned);
    }
}

std::uint64_t MemorySampler::peak() const {
    std::lock_guard lock(m_mutex);
    return m_peak;
}

std::uint64_t MemorySampler::latest() const {
    std::lock_guard lock(m_mutex);
    return m_latest;
}

std::vector<MemorySample> MemorySampler::timeline() const {
    std::lock_guard lock(m_mutex);
    return m_samples;
}

} // namespace fanout
