// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>

namespace fanout::detail {

// std::call_once without its system call: glibc's pthread_once wakes waiters with a futex call
// after every initialization, waiters or not, which made it most of a scan's system calls (one
// per memoized stat, real path and file). Here a caller only sleeps, and a finished run only
// wakes, when another thread is actually waiting. A run that throws leaves it to the next caller.
class Once {
public:
    template <typename Run> void call(Run&& run) {
        if (m_state.load(std::memory_order_acquire) == kDone) {
            return;
        }
        for (;;) {
            int expected = kIdle;
            if (m_state.compare_exchange_strong(expected, kRunning, std::memory_order_acq_rel)) {
                try {
                    run();
                } catch (...) {
                    m_state.store(kIdle, std::memory_order_release);
                    m_state.notify_all();
                    throw;
                }
                m_state.store(kDone, std::memory_order_release);
                m_state.notify_all();
                return;
            }
            if (expected == kDone) {
                return;
            }
            m_state.wait(kRunning, std::memory_order_acquire);
        }
    }

private:
    static constexpr int kIdle = 0;
    static constexpr int kRunning = 1;
    static constexpr int kDone = 2;
    std::atomic<int> m_state{kIdle};
};

} // namespace fanout::detail
